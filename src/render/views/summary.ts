/** The summary of a build for a CI run's page (GitHub's `$GITHUB_STEP_SUMMARY`). Pure. */
import { placements, topicsWithProposals } from '../../assemble/negotiation.js'
import { labelsFor } from '../labels.js'
import { code, fill, heading, oneLine, paragraph, plain, strong, verbatim, writeMarkdown } from '../writer.js'
import type { PhrasingContent, RootContent } from 'mdast'
import { stocktakeTree } from './stocktaking.js'
import type { Language, Negotiation } from '../../types.js'
import type { Stats } from '../../revisions/stats.js'
import { statsSection } from './stats.js'
import { queueSection, type Queue } from './queue.js'

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
  /** The language when there is no negotiation (inputs with errors); default `en`. */
  language?: Language
  /** The statistics of the text, with their changes since the same commit as `changes` when it could be read. */
  stats?: Stats
  /** The translators' queue of each language the texts are translated into; absent or empty, no section. */
  translations?: Queue
}

/** A Markdown section: status, counts, the proposals referred to stocktaking, and the changes; in the negotiation's language. */
export function renderSummary(summary: BuildSummary): string {
  const { negotiation } = summary
  const language = negotiation?.config.language ?? summary.language ?? 'en'
  const labels = labelsFor(language)
  const words = labels.ci
  const name = negotiation?.config.symbol ?? negotiation?.config.title
  const children: RootContent[] = [heading(2, plain(`consolidate${name ? `${labels.colon}${oneLine(name)}` : ''}`))]
  const files = summary.files.flatMap((file, index): PhrasingContent[] => (index === 0 ? [code(file)] : [plain(', '), code(file)]))
  const commands = { check: code('consolidate check'), build: code('consolidate build') }
  const sentence = (template: string): PhrasingContent[] => template.split(/(\{files\})/).flatMap((part) => (part === '{files}' ? files : fill(part, commands)))
  // GitHub shows about ten annotations per step: past that, only the summary tells how many there are.
  const annotations = summary.errors + summary.warnings > ANNOTATIONS_SHOWN ? [paragraph(...sentence(words.problems(summary)))] : []
  if (summary.outcome === 'errors') {
    children.push(paragraph(strong(plain(words.errors(summary.errors))), ...sentence(words.errorsRest)), ...annotations)
    return writeMarkdown({ type: 'root', children })
  }
  const warnings = summary.warnings > 0 ? sentence(words.warnings(summary.warnings)) : []
  children.push(
    summary.outcome === 'stale'
      ? paragraph(strong(plain(words.stale)), ...sentence(words.staleRest), ...warnings)
      : paragraph(...sentence(summary.outcome === 'fresh' ? words.fresh : words.written), ...warnings),
    ...annotations,
  )
  if (negotiation) {
    const live = placements(negotiation.topics)
    children.push(
      paragraph(
        plain(
          labels.summary({
            proposals: live.length,
            topics: topicsWithProposals(negotiation.topics),
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
  if (summary.translations && Object.keys(summary.translations).length > 0) children.push(...queueSection(summary.translations, language, 3, false))
  // Already Markdown, written by the same writer (the change list) or a sentence saying why there is none.
  if (summary.changes.trim() !== '') children.push(verbatim(summary.changes.trim()))
  return writeMarkdown({ type: 'root', children })
}

/** How many annotations GitHub shows for one step. */
const ANNOTATIONS_SHOWN = 10

/** The heading and sentence that stand for the change list when it cannot be shown. */
export function changesNotShown(language: Language, reason: string | { errors: number }): string {
  const words = labelsFor(language).ci
  const why = typeof reason === 'string' ? reason : words.commitErrors(reason.errors)
  return writeMarkdown({ type: 'root', children: [heading(3, plain(words.changes)), paragraph(...fill(words.notShown, { reason: plain(why) }))] })
}
