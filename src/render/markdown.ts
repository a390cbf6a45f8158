/** The Negotiation to `consolidated.md`: the bracketed consolidated text. Pure. */
import { placements } from '../assemble.js'
import { formatDate, labelsFor, type Labels } from '../labels.js'
import { fillTemplate } from '../template.js'
import type { Negotiation, Placement, TopicNode, Withdrawal } from '../types.js'
import { renderBody } from './body.js'
import { code, escapeMarkdown } from './escape.js'

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
  const visit = (topics: TopicNode[]): void => {
    for (const topic of topics) {
      const level = Math.min(6, topic.depth + 1)
      blocks.push(`${'#'.repeat(level)} ${topicHeading(topic)}`)
      for (const placement of topic.placements) blocks.push(renderPlacement(placement, level, labels))
      visit(topic.children)
    }
  }
  visit(negotiation.topics)
  blocks.push(`## ${labels.annex}: ${labels.withdrawn}`)
  blocks.push(negotiation.withdrawn.length === 0 ? labels.withdrawnNone : negotiation.withdrawn.map((each) => `- ${withdrawnLine(each, labels)}`).join('\n'))
  return `${blocks.filter((block) => block !== '').join('\n\n')}\n`
}

/** The cover: the template filled with the negotiation's title, symbol, date and counts. */
export function renderCover(negotiation: Negotiation, template: string, labels: Labels = labelsFor(negotiation.config.language)): string {
  const { config } = negotiation
  const live = placements(negotiation.topics)
  const values = {
    title: escapeMarkdown(config.title ?? labels.documentTitle),
    symbol: config.symbol && escapeMarkdown(config.symbol),
    date: config.date && formatDate(config.date, config.language),
    summary: labels.summary({
      proposals: live.length,
      topics: countTopics(negotiation.topics),
      referred: live.filter((placement) => placement.referred).length,
      withdrawn: negotiation.withdrawn.length,
    }),
  }
  return fillTemplate(template, values)
}

/** `A.1.4 Electronic invoicing`, or the id alone when the entry has no title. */
export function topicHeading(topic: { id: string; title?: string }): string {
  return escapeMarkdown(topic.title ? `${topic.id} ${topic.title}` : topic.id)
}

/** `Proponent: Japan. Supporters: Australia; Canada; Singapore.` */
export function attribution(authors: string[], supporters: string[] | undefined, labels: Labels): string {
  const proponents = `${authors.length > 1 ? labels.proponents : labels.proponent}: ${authors.map(escapeMarkdown).join('; ')}.`
  if (supporters === undefined) return proponents
  return `${proponents} ${labels.supporters}: ${supporters.length > 0 ? supporters.map(escapeMarkdown).join('; ') : labels.none}.`
}

function renderPlacement(placement: Placement, headingLevel: number, labels: Labels): string {
  const { proposal } = placement
  const parts = [`<!-- proposal: ${proposal.id} -->`]
  if (placement.alt !== undefined) parts.push(`**${labels.alt} ${placement.alt}**`)
  parts.push(renderBody(proposal.body, { id: proposal.id, bracketed: proposal.status === 'proposed', headingLevel }))
  parts.push(attribution(placement.authors, placement.supporters, labels))
  if (placement.referred) parts.push(`**${labels.referred.replace('{level}', labels.level[placement.level])}**`)
  parts.push(`<!-- /proposal: ${proposal.id} -->`)
  return parts.join('\n\n')
}

function withdrawnLine({ proposal, authors }: Withdrawal, labels: Labels): string {
  const title = [proposal.title, proposal.document && `(${proposal.document})`].filter(Boolean).join(' ')
  return `${code(proposal.id)}, ${escapeMarkdown(proposal.topic.value)}:${title ? ` ${escapeMarkdown(title)}.` : ''} ${attribution(authors, undefined, labels)}`
}

function countTopics(topics: TopicNode[]): number {
  return topics.reduce((count, topic) => count + (topic.children.length === 0 ? 1 : 0) + countTopics(topic.children), 0)
}
