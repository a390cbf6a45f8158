/** Pieces every view builds its tree from: generated words as phrasing, the cover, a text's body. Pure. */
import type { Heading, InlineCode, List, ListItem, Paragraph, PhrasingContent, Strong, Text } from 'mdast'
import { visible } from '../../diagnostics/format.js'
import type { Body, Config, Merger, Placement, Withdrawal } from '../../types.js'
import { attributionText, formatDate, labelsFor, type Labels } from '../labels.js'
import type { BodyNode, Cover, CrossReference, Target, Term } from '../tree.js'

/**
 * Generated words as a text node: on one line, control characters written
 * out (never sent to a terminal or a reader as they are), in every format.
 */
export function text(value: string): Text {
  return { type: 'text', value: visible(value) }
}

/** A name or title on one line: runs of whitespace, line breaks included, become one space; no-break spaces are kept. */
export function oneLine(value: string): string {
  return value.replace(/[^\S\u00a0\u202f\u2007]+/g, ' ').trim()
}

/** An id or file name, set as code. A line break shows as a space: a table row stays on one line. */
export function code(value: string): InlineCode {
  return { type: 'inlineCode', value: visible(value.replace(/\r\n?|\n/g, ' ')) }
}

export function strong(...children: PhrasingContent[]): Strong {
  return { type: 'strong', children }
}

export function paragraph(...children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children }
}

/** A heading; levels past 6 stay at 6. */
export function heading(depth: number, ...children: PhrasingContent[]): Heading {
  return { type: 'heading', depth: Math.max(1, Math.min(6, depth)) as Heading['depth'], children }
}

export function term(role: Term['role'], value: string): Term {
  return { type: 'term', role, children: [text(value)] }
}

export function reference(target: Target, children: PhrasingContent[]): CrossReference {
  return { type: 'reference', target, children }
}

/** A tight bulleted list, one paragraph per item. */
export function list(items: Paragraph[]): List {
  return { type: 'list', ordered: false, spread: false, children: items.map((item): ListItem => ({ type: 'listItem', spread: false, children: [item] })) }
}

/** `A.1.4 Electronic invoicing`: the number as a term, then the title. */
export function entryHeading(entry: { id: string; title?: string }): PhrasingContent[] {
  const id = oneLine(entry.id)
  const title = entry.title === undefined ? '' : oneLine(entry.title)
  return title === '' ? [term('number', id)] : [term('number', id), text(` ${title}`)]
}

/** `A.1.4 Electronic invoicing`, or the id alone when the entry has no title: text, on one line. */
export function topicHeading(topic: { id: string; title?: string }): string {
  return oneLine(topic.title ? `${topic.id} ${topic.title}` : topic.id)
}

/** `Proponent: Japan. Supporters: Australia; Canada; Singapore.`: text, names on one line each. */
export function attribution(authors: string[], supporters: string[] | undefined, labels: Labels): string {
  return attributionText(authors.map(oneLine), supporters?.map(oneLine), labels)
}

/**
 * A placement's attribution as phrasing: its roles as terms, the names, the
 * document it was tabled in, and the proposals it incorporates.
 */
export function attributionWords(placement: Placement, labels: Labels): PhrasingContent[] {
  const colon = labels.colon.trimEnd()
  const after = labels.colon.slice(colon.length)
  const names = (list: string[]): string => list.map(oneLine).join(labels.separator)
  const words: PhrasingContent[] = [
    term('role', `${placement.authors.length > 1 ? labels.proponents : labels.proponent}${colon}`),
    text(`${after}${names(placement.authors)}. `),
    term('role', `${labels.supporters}${colon}`),
    text(`${after}${placement.supporters.length > 0 ? names(placement.supporters) : labels.none}.`),
  ]
  // The document it was tabled in: delegations look proposals up by symbol.
  if (placement.proposal.document) words.push(text(` (${oneLine(placement.proposal.document)})`))
  const incorporates = incorporatesText(placement, labels)
  if (incorporates) words.push(text(' '), term('incorporates', incorporates))
  return words
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

/** The text of a "no text" alternative: `[No text]`, without brackets once stabilized (agreed: no provision). */
export function noTextWords(placement: Placement, labels: Labels): string {
  return placement.proposal.status === 'stabilized' ? labels.record.noText : `[${labels.record.noText}]`
}

/** `` `a14-mys` ``, A.1.4: Title (INF/ECOM/40). Proponent: Malaysia. */
export function withdrawnLine({ proposal, authors }: Withdrawal, labels: Labels): Paragraph {
  return paragraph(code(proposal.id), text(recordRest(proposal, authors, labels)))
}

/** `` `a14-mys` ``, A.1.4: Title. Proponent: Malaysia. Merged into a14-jpn (A.1.4). */
export function mergedLine({ proposal, authors, into }: Merger, labels: Labels): Paragraph {
  const [before, after] = labels.record.mergedInto.split('{id}')
  return paragraph(
    code(proposal.id),
    text(`${recordRest(proposal, authors, labels)} ${before}`),
    reference({ kind: 'proposal', id: into.id }, [code(into.id)]),
    text(after.replace('{topic}', () => oneLine(into.topic.value))),
  )
}

function recordRest(proposal: Withdrawal['proposal'], authors: string[], labels: Labels): string {
  const title = [proposal.title, proposal.document && `(${proposal.document})`].filter(Boolean).join(' ')
  return `, ${oneLine(proposal.topic.value)}${labels.colon.trimEnd()}${title ? ` ${oneLine(title)}.` : ''} ${attribution(authors, undefined, labels)}`
}

/**
 * The disclaimer of a document in `config.language` (docs/reference.md, The configuration): the built-in
 * sentence, none, the configured text, or the configured text of that language
 * (else `en`, else the first given).
 */
export function disclaimerOf(config: Config, labels: Labels = labelsFor(config.language)): string | undefined {
  const disclaimer = config.disclaimer
  if (disclaimer === undefined) return labels.record.disclaimer
  if (disclaimer === false) return undefined
  if (typeof disclaimer === 'string') return oneLine(disclaimer)
  const given = disclaimer[config.language] ?? disclaimer.en ?? Object.values(disclaimer)[0]
  return given === undefined ? labels.record.disclaimer : oneLine(given)
}

/** What a cover template's placeholders stand for, as plain text. */
export interface CoverValues {
  title: string
  symbol?: string
  date?: string
  summary: string
  disclaimer?: string
}

/** The cover values every document shares: the configuration's title, symbol, date and disclaimer. */
export function coverBasics(config: Config, labels: Labels, summary: string): CoverValues {
  return {
    title: config.title ?? labels.documentTitle,
    symbol: config.symbol,
    date: config.date && formatDate(config.date, config.language),
    summary,
    disclaimer: disclaimerOf(config, labels),
  }
}

/** Where the cover template comes from, to name it in a diagnostic. */
export const COVER_FILE = 'templates/cover.md'

/** The built-in cover, used when the workspace has no `templates/cover.md`. */
export const DEFAULT_COVER = `# {{title}}

**{{symbol}}**

{{date}}

{{summary}}

{{disclaimer}}
`

/**
 * The cover node: `filled` is the template filled with `values` (Markdown); HTML and Word show the values apart, and the rest as the cover's note.
 * The values are generated words: written out as `text()` writes them, as the filled template has them.
 */
export function coverNode(values: CoverValues, filled: string, subtitle?: string): Cover {
  const shown = (value: string | undefined): string | undefined => (value === undefined ? undefined : visible(value))
  const title = visible(values.title)
  const [symbol, date, disclaimer] = [values.symbol, values.date, values.disclaimer].map(shown)
  return {
    type: 'cover',
    title,
    ...(symbol === undefined ? {} : { symbol }),
    ...(date === undefined ? {} : { date }),
    ...(subtitle === undefined ? {} : { subtitle: visible(subtitle) }),
    ...(disclaimer === undefined ? {} : { disclaimer }),
    text: markdownBody(COVER_FILE, filled, { owner: 'cover', anchor: 'cover-', masthead: [title, symbol, date, disclaimer].filter((line): line is string => Boolean(line)) }),
    children: [],
  }
}

/** A text that is Markdown alone (the cover, a "no text" alternative), as a body with no edits. */
export function markdownBody(file: string, markdown: string, options: { owner: string; anchor?: string; depth?: number; masthead?: string[] }): BodyNode {
  const body: Body = { source: markdown, start: 0, end: markdown.length, edits: [] }
  return {
    type: 'body',
    file,
    body,
    frontMatter: false,
    enclosed: false,
    depth: options.depth ?? 0,
    owner: options.owner,
    ...(options.anchor ? { anchor: options.anchor } : {}),
    ...(options.masthead ? { masthead: options.masthead } : {}),
  }
}

/** A proposal's or note's body, from its file. */
export function fileBody(file: string, body: Body, options: { owner: string; depth: number; enclosed: boolean }): BodyNode {
  return { type: 'body', file, body, frontMatter: true, enclosed: options.enclosed, depth: options.depth, owner: options.owner }
}
