/** The Negotiation to `consolidated.md`: the bracketed consolidated text. Pure. */
import { placements } from '../assemble/negotiation.js'
import { attributionText, formatDate, labelsFor, type Labels } from './labels.js'
import { fillTemplate } from './template.js'
import type { Negotiation, Placement, TopicNode, Withdrawal } from '../types.js'
import { renderBody } from './apply-edits.js'
import { code, escapeMarkdown } from './escape.js'
import { documentLabels } from './label-names.js'

/** The built-in cover, used when the workspace has no `templates/cover.md`. */
export const DEFAULT_COVER = `# {{title}}

**{{symbol}}**

{{date}}

{{summary}}
`

/** Render the consolidated text. `cover` is the cover template (see `fillTemplate`). */
export function renderMarkdown(negotiation: Negotiation, cover: string = DEFAULT_COVER): string {
  const labels = labelsFor(negotiation.config.language)
  const blocks: string[] = [renderCover(negotiation, cover, labels).trim()]
  const bodies: Array<{ placement: Placement; headingLevel: number; index: number }> = []
  const visit = (topics: TopicNode[]): void => {
    for (const topic of topics) {
      const level = Math.min(6, topic.depth + 1)
      blocks.push(`${'#'.repeat(level)} ${topicHeading(topic)}`)
      for (const placement of topic.placements) {
        const [before, after] = placementBlocks(placement, labels)
        blocks.push(...before)
        bodies.push({ placement, headingLevel: level, index: blocks.push('') - 1 })
        blocks.push(...after)
      }
      visit(topic.children)
    }
  }
  visit(negotiation.topics)
  blocks.push(`## ${labels.annex}${labels.colon}${labels.withdrawn}`)
  blocks.push(negotiation.withdrawn.length === 0 ? labels.withdrawnNone : negotiation.withdrawn.map((each) => `- ${withdrawnLine(each, labels)}`).join('\n'))
  // Labels are named once the whole text is known: their separator is a character none of it holds.
  const names = documentLabels(bodies.map(({ placement }) => placement.proposal), [blocks.join('\n')])
  bodies.forEach(({ placement: { proposal }, headingLevel, index }, order) => {
    blocks[index] = renderBody(proposal.body, { bracketed: proposal.status === 'proposed', headingLevel, labels: names.namers[order] })
  })
  return `${blocks.filter((block) => block !== '').join('\n\n')}\n`
}

/** The cover: the template filled with the negotiation's title, symbol, date and counts. */
export function renderCover(negotiation: Negotiation, template: string, labels: Labels = labelsFor(negotiation.config.language)): string {
  const values = coverValues(negotiation, labels)
  return fillTemplate(template, { ...values, title: escapeMarkdown(values.title), symbol: values.symbol && escapeMarkdown(values.symbol) })
}

/** What a cover template's placeholders stand for, as plain text. */
export function coverValues(negotiation: Negotiation, labels: Labels = labelsFor(negotiation.config.language)): { title: string; symbol?: string; date?: string; summary: string } {
  const { config } = negotiation
  const live = placements(negotiation.topics)
  return {
    title: config.title ?? labels.documentTitle,
    symbol: config.symbol,
    date: config.date && formatDate(config.date, config.language),
    summary: labels.summary({
      proposals: live.length,
      topics: countTopics(negotiation.topics),
      referred: live.filter((placement) => placement.referred).length,
      withdrawn: negotiation.withdrawn.length,
    }),
  }
}

/** `A.1.4 Electronic invoicing`, or the id alone when the entry has no title. */
export function topicHeading(topic: { id: string; title?: string }): string {
  return escapeMarkdown(topic.title ? `${topic.id} ${topic.title}` : topic.id)
}

/** `Proponent: Japan. Supporters: Australia; Canada; Singapore.` */
export function attribution(authors: string[], supporters: string[] | undefined, labels: Labels): string {
  return attributionText(authors.map(escapeMarkdown), supporters?.map(escapeMarkdown), labels)
}

/** The blocks of a placement before its body and after it. */
function placementBlocks(placement: Placement, labels: Labels): [string[], string[]] {
  const { proposal } = placement
  const before = [`<!-- proposal: ${proposal.id} -->`]
  if (placement.alt !== undefined) before.push(`**${labels.alt} ${placement.alt}**`)
  // The document it was tabled in, as the Word footnote gives it: delegations look proposals up by symbol.
  const document = proposal.document ? ` (${escapeMarkdown(proposal.document)})` : ''
  const after = [`${attribution(placement.authors, placement.supporters, labels)}${document}`]
  if (placement.referred) after.push(`**${labels.referred.replace('{level}', labels.level[placement.level])}**`)
  after.push(`<!-- /proposal: ${proposal.id} -->`)
  return [before, after]
}

function withdrawnLine({ proposal, authors }: Withdrawal, labels: Labels): string {
  const title = [proposal.title, proposal.document && `(${proposal.document})`].filter(Boolean).join(' ')
  return `${code(proposal.id)}, ${escapeMarkdown(proposal.topic.value)}${labels.colon.trimEnd()}${title ? ` ${escapeMarkdown(title)}.` : ''} ${attribution(authors, undefined, labels)}`
}

/** Topics that hold text: outline entries without sub-entries. */
export function countTopics(topics: TopicNode[]): number {
  return topics.reduce((count, topic) => count + (topic.children.length === 0 ? 1 : 0) + countTopics(topic.children), 0)
}
