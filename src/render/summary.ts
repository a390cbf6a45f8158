/** The summary of a build for a CI run's page (GitHub's `$GITHUB_STEP_SUMMARY`). Pure. */
import { placements } from '../assemble/negotiation.js'
import { labelsFor } from './labels.js'
import { code, heading, oneLine, paragraph, plain, strong, verbatim, writeMarkdown } from './writer.js'
import type { PhrasingContent, RootContent } from 'mdast'
import { stocktakeTree } from './stocktaking.js'
import type { Negotiation, TopicNode } from '../types.js'
import type { Stats } from '../revisions/stats.js'
import { statsSection } from './stats.js'

export interface BuildSummary {
  /** What the build found: outputs written, up to date or stale (`--check`), or inputs with errors. */
  outcome: 'written' | 'fresh' | 'stale' | 'errors'
  /** Output files as shown to the user (relative to the working folder); for `stale`, those out of date. */
  files: string[]
  errors: number
  warnings: number
  /** Undefined when the inputs have errors. */
  negotiation?: Negotiation
  /** The change list against the previous commit (headings from level 3), or a sentence saying why there is none. */
  changes: string
  /** The statistics of the text, with their changes since the same commit as `changes` when it could be read. */
  stats?: Stats
}

/** A Markdown section: status, counts, the proposals referred to stocktaking, and the changes. */
export function renderSummary(summary: BuildSummary): string {
  const { negotiation } = summary
  const name = negotiation?.config.symbol ?? negotiation?.config.title
  const children: RootContent[] = [heading(2, plain(`consolidate${name ? `: ${oneLine(name)}` : ''}`))]
  const files = summary.files.flatMap((file, index): PhrasingContent[] => (index === 0 ? [code(file)] : [plain(', '), code(file)]))
  // GitHub shows about ten annotations per step: past that, only the summary tells how many there are.
  const problems = summary.errors + summary.warnings
  const annotations = problems > ANNOTATIONS_SHOWN ? [paragraph(plain(`There are ${plural(problems, 'problem')} in all (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}); the run shows only the first annotations on the files. Run `), code('consolidate check'), plain(' to list them all.'))] : []
  if (summary.outcome === 'errors') {
    children.push(paragraph(strong(plain(`The inputs have ${plural(summary.errors, 'error')}`)), plain(': nothing was built. Run '), code('consolidate check'), plain(' to list them.')), ...annotations)
    return writeMarkdown({ type: 'root', children })
  }
  const warnings = summary.warnings > 0 ? [plain(` The inputs have ${plural(summary.warnings, 'warning')}; `), code('consolidate check'), plain(' lists them.')] : []
  children.push(
    summary.outcome === 'stale'
      ? paragraph(strong(plain('The committed text is out of date')), plain(': '), ...files, plain('. Run '), code('consolidate build'), plain(' and commit the result.'), ...warnings)
      : summary.outcome === 'fresh'
        ? paragraph(plain('The committed text is up to date: '), ...files, plain('.'), ...warnings)
        : paragraph(plain('Wrote '), ...files, plain('.'), ...warnings),
    ...annotations,
  )
  if (negotiation) {
    const labels = labelsFor(negotiation.config.language)
    const live = placements(negotiation.topics)
    children.push(
      paragraph(
        plain(
          labels.summary({
            proposals: live.length,
            topics: countTopics(negotiation.topics),
            referred: live.filter((placement) => placement.referred).length,
            withdrawn: negotiation.withdrawn.length,
          }),
        ),
      ),
    )
    if (summary.stats) children.push(...statsSection(summary.stats, labels, 3))
    // The report's headings go two levels down, below this section's.
    for (const node of stocktakeTree(negotiation).children) children.push(node.type === 'heading' ? heading(node.depth + 2, ...node.children) : node)
  }
  // Already Markdown, written by the same writer (the change list) or a sentence saying why there is none.
  if (summary.changes.trim() !== '') children.push(verbatim(summary.changes.trim()))
  return writeMarkdown({ type: 'root', children })
}

/** How many annotations GitHub shows for one step. */
const ANNOTATIONS_SHOWN = 10

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

/** Entries with no sub-topics, as the cover counts topics. */
function countTopics(topics: TopicNode[]): number {
  return topics.reduce((count, topic) => count + (topic.children.length === 0 ? 1 : countTopics(topic.children)), 0)
}
