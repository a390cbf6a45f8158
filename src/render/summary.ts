/** The summary of a build for a CI run's page (GitHub's `$GITHUB_STEP_SUMMARY`). Pure. */
import { placements } from '../assemble/negotiation.js'
import { labelsFor } from './labels.js'
import { code, escapeMarkdown } from './escape.js'
import { renderStocktake } from './stocktaking.js'
import type { Negotiation, TopicNode } from '../types.js'

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
}

/** A Markdown section: status, counts, the proposals referred to stocktaking, and the changes. */
export function renderSummary(summary: BuildSummary): string {
  const { negotiation } = summary
  const name = negotiation?.config.symbol ?? negotiation?.config.title
  const blocks = [`## consolidate${name ? `: ${escapeMarkdown(name)}` : ''}`]
  const files = summary.files.map(code).join(', ')
  if (summary.outcome === 'errors') {
    blocks.push(`**The inputs have ${plural(summary.errors, 'error')}**: nothing was built. Run \`consolidate check\` to list them.`)
    return `${blocks.join('\n\n')}\n`
  }
  const warnings = summary.warnings > 0 ? ` The inputs have ${plural(summary.warnings, 'warning')}; \`consolidate check\` lists them.` : ''
  blocks.push(
    summary.outcome === 'stale'
      ? `**The committed text is out of date**: ${files}. Run \`consolidate build\` and commit the result.${warnings}`
      : summary.outcome === 'fresh'
        ? `The committed text is up to date: ${files}.${warnings}`
        : `Wrote ${files}.${warnings}`,
  )
  if (negotiation) {
    const labels = labelsFor(negotiation.config.language)
    const live = placements(negotiation.topics)
    blocks.push(
      labels.summary({
        proposals: live.length,
        topics: countTopics(negotiation.topics),
        referred: live.filter((placement) => placement.referred).length,
        withdrawn: negotiation.withdrawn.length,
      }),
    )
    blocks.push(renderStocktake(negotiation).trim().replace(/^(#{1,4}) /gm, '##$1 '))
  }
  blocks.push(summary.changes.trim())
  return `${blocks.join('\n\n')}\n`
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

/** Entries with no sub-topics, as the cover counts topics. */
function countTopics(topics: TopicNode[]): number {
  return topics.reduce((count, topic) => count + (topic.children.length === 0 ? 1 : countTopics(topic.children)), 0)
}
