/** The Negotiation to `consolidated.md`: the bracketed consolidated text. Pure. */
import { placements, topicsWithProposals } from '../assemble/negotiation.js'
import { attributionText, formatDate, labelsFor, type Labels, type StatsNumbers } from './labels.js'
import { textCounts } from '../revisions/stats.js'
import { fillTemplate } from './template.js'
import type { Body, Config, Merger, Negotiation, PlacedNote, Placement, TopicNode, Withdrawal } from '../types.js'
import type { Html, List, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import { renderBody } from './apply-edits.js'
import { documentLabels } from './label-names.js'
import { code, emphasis, heading, oneLine, paragraph, plain, strong, verbatim, writeMarkdown, writePhrasing } from './writer.js'

/** The built-in cover, used when the workspace has no `templates/cover.md`. */
export const DEFAULT_COVER = `# {{title}}

**{{symbol}}**

{{date}}

{{summary}}

{{disclaimer}}
`

/** Render the consolidated text. `cover` is the cover template (see `fillTemplate`); `null`, no cover (the redline compares texts without theirs). */
export function renderMarkdown(negotiation: Negotiation, cover: string | null = DEFAULT_COVER): string {
  const labels = labelsFor(negotiation.config.language)
  const filled = cover === null ? '' : renderCover(negotiation, cover, labels).trim()
  const children: RootContent[] = filled === '' ? [] : [verbatim(filled)]
  const bodies: Array<{ id: string; body: Body; bracketed: boolean; headingLevel: number; node: Html }> = []
  const visit = (topics: TopicNode[]): void => {
    for (const topic of topics) {
      const level = Math.min(6, topic.depth + 1)
      children.push(heading(level, plain(topicHeading(topic))))
      for (const placed of topic.notes) {
        const body = verbatim('')
        // Notes name their labels apart from proposals: a note may share a proposal's id.
        bodies.push({ id: `note-${placed.note.id}`, body: placed.note.body, bracketed: false, headingLevel: level, node: body })
        children.push(...noteBlocks(placed, body, labels))
      }
      for (const placement of topic.placements) {
        const body = verbatim('')
        const { proposal } = placement
        if (proposal.noText) body.value = noTextBody(placement, labels)
        else bodies.push({ id: proposal.id, body: proposal.body, bracketed: placement.enclosed, headingLevel: level, node: body })
        children.push(...placementBlocks(placement, body, labels))
      }
      visit(topic.children)
    }
  }
  visit(negotiation.topics)
  children.push(heading(2, plain(`${labels.annex}${labels.colon}${labels.withdrawn}`)))
  children.push(negotiation.withdrawn.length === 0 ? paragraph(plain(labels.withdrawnNone)) : list(negotiation.withdrawn.map((each) => withdrawnLine(each, labels))))
  if (negotiation.merged.length > 0) {
    children.push(heading(2, plain(`${labels.annex}${labels.colon}${labels.record.merged}`)))
    children.push(list(negotiation.merged.map((each) => mergedLine(each, labels))))
  }
  const tree: Root = { type: 'root', children }
  // Labels are named once the rest of the text is known: their separator is a character none of it holds.
  const names = documentLabels(bodies, [valuesOf(tree)])
  bodies.forEach(({ body, bracketed, headingLevel, node }, order) => {
    node.value = renderBody(body, { bracketed, headingLevel, labels: names.namers[order] })
  })
  return writeMarkdown(tree)
}

/** The text of a "no text" alternative: `[No text]`, without brackets once stabilized (agreed: no provision). */
export function noTextWords(placement: Placement, labels: Labels): string {
  return placement.proposal.status === 'stabilized' ? labels.record.noText : `[${labels.record.noText}]`
}

function noTextBody(placement: Placement, labels: Labels): string {
  return writePhrasing([plain(noTextWords(placement, labels))])
}

/**
 * The cover: the template filled with the negotiation's title, symbol, date and counts, each written as Markdown text;
 * `delta`, the changes of the statistics since an older revision (a redline's cover).
 */
export function renderCover(negotiation: Negotiation, template: string, labels: Labels = labelsFor(negotiation.config.language), delta?: StatsNumbers): string {
  return fillCover(template, coverValues(negotiation, labels, delta))
}

/** A cover template filled with `values`, each written as Markdown text; the disclaimer in italics. */
export function fillCover(template: string, values: { title: string; symbol?: string; date?: string; summary: string; disclaimer?: string }): string {
  const write = (value: string | undefined): string | undefined => value && writePhrasing([plain(value)])
  const disclaimer = values.disclaimer && writePhrasing([emphasis(plain(values.disclaimer))])
  // The title and symbol are the configuration's, on one line; the date and summary are the tool's own words.
  const filled = fillTemplate(template, { title: write(oneLine(values.title)), symbol: write(values.symbol && oneLine(values.symbol)), date: write(values.date), summary: write(values.summary), disclaimer })
  // A workspace's own cover without the placeholder still carries the disclaimer, last.
  return disclaimer && !/\{\{\s*disclaimer\s*\}\}/.test(template) ? `${filled.trimEnd()}\n\n${disclaimer}\n` : filled
}

/**
 * The disclaimer of a document in `config.language` (SPEC §3.2): the built-in
 * sentence, none, the configured text, or the configured text of that language
 * (else `en`, else the first given).
 */
export function disclaimerOf(config: Config, labels: Labels = labelsFor(config.language)): string | undefined {
  const disclaimer = config.disclaimer
  if (disclaimer === undefined) return labels.record.disclaimer
  if (disclaimer === false) return undefined
  if (typeof disclaimer === 'string') return oneLine(disclaimer)
  const text = disclaimer[config.language] ?? disclaimer.en ?? Object.values(disclaimer)[0]
  return text === undefined ? labels.record.disclaimer : oneLine(text)
}

/** What a cover template's placeholders stand for, as plain text; the summary ends with the statistics (and their changes, `delta`). */
export function coverValues(negotiation: Negotiation, labels: Labels = labelsFor(negotiation.config.language), delta?: StatsNumbers): { title: string; symbol?: string; date?: string; summary: string; disclaimer?: string } {
  const { config } = negotiation
  const live = placements(negotiation.topics)
  const record = labels.record.summary({ parked: live.filter((placement) => placement.proposal.status === 'parked').length, merged: negotiation.merged.length })
  return {
    title: config.title ?? labels.documentTitle,
    symbol: config.symbol,
    date: config.date && formatDate(config.date, config.language),
    summary: [
      labels.summary({
        proposals: live.length,
        topics: topicsWithProposals(negotiation.topics),
        referred: live.filter((placement) => placement.referred).length,
        withdrawn: negotiation.withdrawn.length,
      }),
      record,
      labels.revision.stats.line(textCounts(negotiation), delta),
    ].filter(Boolean).join(' '),
    disclaimer: disclaimerOf(config, labels),
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

/** `Parked: subject to the discussion on scope.` (the reason without its final full stop), or `Parked.` */
export function parkedLabel(reason: string | undefined, labels: Labels): string {
  const why = reason === undefined ? '' : oneLine(reason).replace(/\.+$/, '')
  return why === '' ? labels.record.parked : labels.record.parkedBecause.replace('{reason}', () => why)
}

/** `Incorporates: a14-mys-einvoicing; a14-sgp.`, or '' when nothing was merged into the proposal. */
export function incorporatesText(placement: Placement, labels: Labels): string {
  return placement.incorporates.length === 0 ? '' : `${labels.record.incorporates}${labels.colon}${placement.incorporates.join(labels.separator)}.`
}

/** `Facilitator's note (Canada)`: the kind of a note, then who wrote it. */
export function noteLabel(placed: PlacedNote, labels: Labels): string {
  return `${labels.record.noteKinds[placed.note.kind]} (${oneLine(placed.by)})`
}

/** A note's blocks between its markers, `body` standing for its text. */
function noteBlocks(placed: PlacedNote, body: Html, labels: Labels): RootContent[] {
  return [verbatim(`<!-- note: ${placed.note.id} -->`), paragraph(strong(plain(noteLabel(placed, labels)))), body, verbatim(`<!-- /note: ${placed.note.id} -->`)]
}

/** A placement's blocks between its markers, `body` standing for its text. */
function placementBlocks(placement: Placement, body: Html, labels: Labels): RootContent[] {
  const { proposal } = placement
  const blocks: RootContent[] = [verbatim(`<!-- proposal: ${proposal.id} -->`)]
  if (placement.alt !== undefined) blocks.push(paragraph(strong(plain(`${labels.alt} ${placement.alt}`))))
  if (proposal.status === 'parked') blocks.push(paragraph(strong(plain(parkedLabel(proposal.reason, labels)))))
  blocks.push(body)
  // The document it was tabled in, as the Word footnote gives it: delegations look proposals up by symbol.
  const document = proposal.document ? ` (${oneLine(proposal.document)})` : ''
  const incorporates = incorporatesText(placement, labels)
  blocks.push(paragraph(plain(`${attribution(placement.authors, placement.supporters, labels)}${document}${incorporates ? ` ${incorporates}` : ''}`)))
  if (placement.referred) blocks.push(paragraph(strong(plain(labels.referred.replace('{level}', labels.level[placement.level])))))
  blocks.push(verbatim(`<!-- /proposal: ${proposal.id} -->`))
  return blocks
}

function withdrawnLine({ proposal, authors }: Withdrawal, labels: Labels): Paragraph {
  const title = [proposal.title, proposal.document && `(${proposal.document})`].filter(Boolean).join(' ')
  const rest = `, ${oneLine(proposal.topic.value)}${labels.colon.trimEnd()}${title ? ` ${oneLine(title)}.` : ''} ${attribution(authors, undefined, labels)}`
  return paragraph(code(proposal.id), plain(rest))
}

/** `` `a14-mys` ``, A.1.4: Title. Proponent: Malaysia. Merged into a14-jpn (A.1.4). */
function mergedLine({ proposal, authors, into }: Merger, labels: Labels): Paragraph {
  const title = [proposal.title, proposal.document && `(${proposal.document})`].filter(Boolean).join(' ')
  const rest = `, ${oneLine(proposal.topic.value)}${labels.colon.trimEnd()}${title ? ` ${oneLine(title)}.` : ''} ${attribution(authors, undefined, labels)} `
  const [before, after] = labels.record.mergedInto.split('{id}')
  const children: PhrasingContent[] = [code(proposal.id), plain(rest + before), code(into.id), plain(after.replace('{topic}', () => oneLine(into.topic.value)))]
  return paragraph(...children)
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

