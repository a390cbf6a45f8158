/** The Negotiation to `consolidated.md`: the bracketed consolidated text. Pure. */
import { placements } from '../assemble/negotiation.js'
import { attributionText, formatDate, labelsFor, type Labels, type StatsNumbers } from './labels.js'
import { fillTemplate } from './template.js'
import type { Negotiation, Placement, TopicNode, Withdrawal } from '../types.js'
import type { Html, List, ListItem, Nodes, Paragraph, Root, RootContent } from 'mdast'
import { renderBody } from './apply-edits.js'
import { textCounts } from '../revisions/stats.js'
import { documentLabels } from './label-names.js'
import { code, heading, oneLine, paragraph, plain, strong, verbatim, writeMarkdown, writePhrasing } from './writer.js'

/** The built-in cover, used when the workspace has no `templates/cover.md`. */
export const DEFAULT_COVER = `# {{title}}

**{{symbol}}**

{{date}}

{{summary}}
`

/** Render the consolidated text. `cover` is the cover template (see `fillTemplate`). */
export function renderMarkdown(negotiation: Negotiation, cover: string = DEFAULT_COVER): string {
  const labels = labelsFor(negotiation.config.language)
  const filled = renderCover(negotiation, cover, labels).trim()
  const children: RootContent[] = filled === '' ? [] : [verbatim(filled)]
  const bodies: Array<{ placement: Placement; headingLevel: number; node: Html }> = []
  const visit = (topics: TopicNode[]): void => {
    for (const topic of topics) {
      const level = Math.min(6, topic.depth + 1)
      children.push(heading(level, plain(topicHeading(topic))))
      for (const placement of topic.placements) {
        const body = verbatim('')
        bodies.push({ placement, headingLevel: level, node: body })
        children.push(...placementBlocks(placement, body, labels))
      }
      visit(topic.children)
    }
  }
  visit(negotiation.topics)
  children.push(heading(2, plain(`${labels.annex}${labels.colon}${labels.withdrawn}`)))
  children.push(negotiation.withdrawn.length === 0 ? paragraph(plain(labels.withdrawnNone)) : list(negotiation.withdrawn.map((each) => withdrawnLine(each, labels))))
  const tree: Root = { type: 'root', children }
  // Labels are named once the rest of the text is known: their separator is a character none of it holds.
  const names = documentLabels(bodies.map(({ placement }) => placement.proposal), [valuesOf(tree)])
  bodies.forEach(({ placement: { proposal }, headingLevel, node }, order) => {
    node.value = renderBody(proposal.body, { bracketed: proposal.status === 'proposed', headingLevel, labels: names.namers[order] })
  })
  return writeMarkdown(tree)
}

/** The cover: the template filled with the negotiation's title, symbol, date and counts, each written as Markdown text. */
export function renderCover(negotiation: Negotiation, template: string, labels: Labels = labelsFor(negotiation.config.language), delta?: StatsNumbers): string {
  const values = coverValues(negotiation, labels, delta)
  const write = (value: string | undefined): string | undefined => value && writePhrasing([plain(value)])
  // The title and symbol are the configuration's, on one line; the date and summary are the tool's own words.
  return fillTemplate(template, { title: write(oneLine(values.title)), symbol: write(values.symbol && oneLine(values.symbol)), date: write(values.date), summary: write(values.summary) })
}

/** What a cover template's placeholders stand for, as plain text; `delta`, the statistics' changes since an older revision (a redline's cover). */
export function coverValues(negotiation: Negotiation, labels: Labels = labelsFor(negotiation.config.language), delta?: StatsNumbers): { title: string; symbol?: string; date?: string; summary: string } {
  const { config } = negotiation
  const live = placements(negotiation.topics)
  return {
    title: config.title ?? labels.documentTitle,
    symbol: config.symbol,
    date: config.date && formatDate(config.date, config.language),
    summary: `${labels.summary({
      proposals: live.length,
      topics: countTopics(negotiation.topics),
      referred: live.filter((placement) => placement.referred).length,
      withdrawn: negotiation.withdrawn.length,
    })} ${labels.revision.stats.line(textCounts(negotiation), delta)}`,
  }
}

/** `A.1.4 Electronic invoicing`, or the id alone when the entry has no title: text, on one line. */
export function topicHeading(topic: { id: string; title?: string }): string {
  return oneLine(topic.title ? `${topic.id} ${topic.title}` : topic.id)
}

/** `Proponent: Japan. Supporters: Australia; Canada; Singapore.`: text, names on one line each. */
export function attribution(authors: string[], supporters: string[] | undefined, labels: Labels): string {
  return attributionText(authors.map(oneLine), supporters?.map(oneLine), labels)
}

/** A placement's blocks between its markers, `body` standing for its text. */
function placementBlocks(placement: Placement, body: Html, labels: Labels): RootContent[] {
  const { proposal } = placement
  const blocks: RootContent[] = [verbatim(`<!-- proposal: ${proposal.id} -->`)]
  if (placement.alt !== undefined) blocks.push(paragraph(strong(plain(`${labels.alt} ${placement.alt}`))))
  blocks.push(body)
  // The document it was tabled in, as the Word footnote gives it: delegations look proposals up by symbol.
  const document = proposal.document ? ` (${oneLine(proposal.document)})` : ''
  blocks.push(paragraph(plain(`${attribution(placement.authors, placement.supporters, labels)}${document}`)))
  if (placement.referred) blocks.push(paragraph(strong(plain(labels.referred.replace('{level}', labels.level[placement.level])))))
  blocks.push(verbatim(`<!-- /proposal: ${proposal.id} -->`))
  return blocks
}

function withdrawnLine({ proposal, authors }: Withdrawal, labels: Labels): Paragraph {
  const title = [proposal.title, proposal.document && `(${proposal.document})`].filter(Boolean).join(' ')
  const rest = `, ${oneLine(proposal.topic.value)}${labels.colon.trimEnd()}${title ? ` ${oneLine(title)}.` : ''} ${attribution(authors, undefined, labels)}`
  return paragraph(code(proposal.id), plain(rest))
}

/** A tight bulleted list, one paragraph per item. */
function list(items: Paragraph[]): List {
  return { type: 'list', ordered: false, spread: false, children: items.map((item): ListItem => ({ type: 'listItem', spread: false, children: [item] })) }
}

/** Every word a tree says, to choose a label separator none of them holds. */
function valuesOf(node: Nodes): string {
  if ('value' in node) return node.value
  return 'children' in node ? node.children.map(valuesOf).join('\n') : ''
}

/** Topics that hold text: outline entries without sub-entries. */
export function countTopics(topics: TopicNode[]): number {
  return topics.reduce((count, topic) => count + (topic.children.length === 0 ? 1 : 0) + countTopics(topic.children), 0)
}
