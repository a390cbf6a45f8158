/** The stocktaking report: proposals with limited or no support, by topic. Pure. */
import { placements } from '../assemble/negotiation.js'
import { formatDate, labelsFor } from './labels.js'
import { code, escapeCell, escapeMarkdown } from './escape.js'
import { topicHeading } from './markdown.js'
import type { Negotiation, Placement, Proposal, SupportLevel, TopicNode } from '../types.js'

/** `stocktake --format json`, exactly as SPEC §7. */
export interface StocktakeReport {
  threshold: number
  proposals: Array<{ id: string; file: string; topic: string; title: string; authors: string[]; supporters: string[]; level: SupportLevel }>
}

/** Every referred proposal in outline order; a proposal without a title takes its topic's. */
export function stocktake(negotiation: Negotiation): StocktakeReport {
  return {
    threshold: negotiation.config.threshold,
    proposals: referredByTopic(negotiation.topics).flatMap(({ topic, referred }) =>
      referred.map(({ proposal, authors, supporters, level }) => ({
        id: proposal.id,
        file: proposal.file,
        topic: proposal.topic.value,
        title: titleOf(proposal, topic),
        authors,
        supporters,
        level,
      })),
    ),
  }
}

/** `stocktaking.md`: one table per topic with referred proposals. */
export function renderStocktake(negotiation: Negotiation): string {
  const { config } = negotiation
  const labels = labelsFor(config.language)
  const words = labels.stocktaking
  const groups = referredByTopic(negotiation.topics)
  const referredCount = groups.reduce((sum, group) => sum + group.referred.length, 0)
  const subtitle = [config.title ?? labels.documentTitle, config.symbol, config.date && formatDate(config.date, config.language)]
    .filter(Boolean)
    .map((part) => escapeMarkdown(part as string))
    .join(' · ')
  const blocks = [`# ${words.title}`, subtitle]
  blocks.push(referredCount === 0 ? words.empty : words.intro({ referred: referredCount, live: placements(negotiation.topics).length, threshold: config.threshold }))
  const columns = words.columns
  for (const { topic, referred } of groups) {
    blocks.push(`## ${topicHeading(topic)}`)
    const rows = referred.map(({ proposal, authors, supporters, level }) =>
      [
        code(proposal.id),
        escapeCell(titleOf(proposal, topic)),
        authors.map(escapeCell).join('; '),
        supporters.length > 0 ? supporters.map(escapeCell).join('; ') : labels.none,
        labels.level[level],
        proposal.submitted ?? '',
        code(proposal.file),
      ].join(' | '),
    )
    blocks.push(
      [
        `| ${[columns.proposal, columns.title, columns.proponents, columns.supporters, columns.support, columns.submitted, columns.file].join(' | ')} |`,
        `| ${Array(7).fill('---').join(' | ')} |`,
        ...rows.map((row) => `| ${row} |`),
      ].join('\n'),
    )
  }
  return `${blocks.join('\n\n')}\n`
}

/** A proposal's title, or its topic's when it has none. */
function titleOf(proposal: Proposal, topic: TopicNode): string {
  return proposal.title ?? topic.title ?? topic.id
}

function referredByTopic(topics: TopicNode[]): Array<{ topic: TopicNode; referred: Placement[] }> {
  return topics.flatMap((topic) => {
    const referred = topic.placements.filter((placement) => placement.referred)
    return [...(referred.length > 0 ? [{ topic, referred }] : []), ...referredByTopic(topic.children)]
  })
}
