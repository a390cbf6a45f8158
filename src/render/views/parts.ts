/** Pieces every view builds its tree from: generated words as phrasing, the cover, a text's body. Pure. */
import type { Heading, List, ListItem, Paragraph, PhrasingContent, Text } from 'mdast'
import { visible } from '../../diagnostics/format.js'
import { Participants } from '../../model/participants.js'
import type { Body, Config, Merger, Placement, Proposal, Withdrawal } from '../../types.js'
import { wordsFor, type Words } from '../i18n/index.js'
import { attributionText, labelsFor, type Labels } from '../labels.js'
import type { BodyNode, Cover, CrossReference, Target, Term } from '../tree.js'
import { mastheadLines, type MastheadLines } from './identity.js'

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

/** An article's heading: `Article 3: Mitigation` (the outline's `article:` after the word, never with the id); its title alone when it repeats the number. */
export function articleHeading(label: string, title: string | undefined, labels: Labels): PhrasingContent[] {
  const name = labels.record.clean.article.replace('{n}', () => oneLine(label))
  const rest = title === undefined ? '' : withoutNumber(oneLine(title), name)
  return [text(rest === '' ? name : `${name}${labels.colon}${rest}`)]
}

/** A title without the article's own words at its start (`Article 3 (Mitigation)` → `(Mitigation)`), so the number is never said twice. */
export function withoutNumber(title: string, name: string): string {
  if (!title.toLowerCase().startsWith(name.toLowerCase())) return title
  return title.slice(name.length).replace(/^[\s:.\u2013\u2014-]+/, '')
}

/** A paragraph's head: its number (`1.`, `3bis.`) when the outline gives one, then its title in italics. */
export function paragraphHeading(number: string | undefined, title: string | undefined): PhrasingContent[] {
  const words: PhrasingContent[] = []
  if (number !== undefined) words.push(term('number', `${oneLine(number)}.`))
  if (title !== undefined && oneLine(title) !== '') words.push(...(words.length > 0 ? [text(' ')] : []), { type: 'emphasis', children: [text(oneLine(title))] })
  return words
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
 * document it was tabled in, and the proposals it incorporates (by their
 * proponents and symbols, never an id: delegations read it).
 */
export function attributionWords(placement: Placement, labels: Labels, record: Record): PhrasingContent[] {
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
  const incorporated = placement.incorporates.flatMap((id) => record.describe(id) ?? [])
  if (incorporated.length > 0) words.push(text(' '), term('incorporates', record.words.t('record.incorporatesList', { proposals: record.list(incorporated) })))
  return words
}

/** How a document names other proposals to delegations: by proponents and symbol. */
export class Record {
  readonly words: Words
  private readonly byId: Map<string, Proposal>
  private readonly participants: Participants
  private readonly lists: Intl.ListFormat

  constructor(config: Config, proposals: readonly Proposal[]) {
    this.words = wordsFor(config.language)
    this.byId = new Map(proposals.map((proposal) => [proposal.id, proposal]))
    this.participants = new Participants(config.participants, config.language)
    this.lists = new Intl.ListFormat(config.language, { type: 'conjunction' })
  }

  /** `the proposal of Malaysia (INF/ECOM/40)`, or undefined for an id that names no proposal. */
  describe(id: string): string | undefined {
    const proposal = this.byId.get(id)
    if (!proposal) return undefined
    const authors = [...new Set(proposal.authors.map((author) => oneLine(this.participants.resolve(author.value) ?? author.value)))]
    const described = authors.length > 0 ? this.words.t('record.proposalOf', { names: this.list(authors) }) : this.words.t('record.proposal')
    return proposal.document ? `${described} (${oneLine(proposal.document)})` : described
  }

  /** Several items as the language lists them: `A, B and C`. */
  list(items: string[]): string {
    return this.lists.format(items)
  }
}

/** `Parked: subject to the discussion on scope.` (the reason without its final full stop), or `Parked.` */
export function parkedLabel(reason: string | undefined, labels: Labels): string {
  const why = reason === undefined ? '' : oneLine(reason).replace(/\.+$/, '')
  return why === '' ? labels.record.parked : labels.record.parkedBecause.replace('{reason}', () => why)
}

/** The text of a "no text" alternative: `[No text]`, without brackets once stabilized (agreed: no provision). */
export function noTextWords(placement: Placement, labels: Labels): string {
  return placement.proposal.status === 'stabilized' ? labels.record.noText : `[${labels.record.noText}]`
}

/** A.1.4: Title (INF/ECOM/40). Proponent: Malaysia. (An untitled text takes its topic's title.) */
export function withdrawnLine({ proposal, authors }: Withdrawal, labels: Labels, titles: TopicTitles): Paragraph {
  return paragraph(text(recordLine(proposal, authors, labels, titles)), marker('withdrawn', proposal.id))
}

/** A.1.4: Title (INF/ECOM/40). Proponent: Malaysia. Incorporated into the proposal of Japan (INF/ECOM/22). */
export function mergedLine({ proposal, authors, into }: Merger, labels: Labels, titles: TopicTitles, record: Record): Paragraph {
  const described = record.describe(into.id) ?? ''
  const [before, after] = record.words.template('record.incorporatedInto').split('{proposal}')
  return paragraph(
    text(`${recordLine(proposal, authors, labels, titles)} ${before}`),
    reference({ kind: 'proposal', id: into.id }, [text(described)]),
    text(after),
    marker('merged', proposal.id),
  )
}

/**
 * The tool's marker of an annex line (`<!-- withdrawn: ID -->`), at its end
 * (at a line's start it would open an HTML block): Markdown keeps ids in its
 * markers, for tools; HTML and Word leave it out.
 */
function marker(kind: string, id: string): PhrasingContent {
  return { type: 'html', value: ` <!-- ${kind}: ${id} -->` }
}

/** The titles of the outline's entries, by id: what an untitled text is called. */
export type TopicTitles = ReadonlyMap<string, string | undefined>

function recordLine(proposal: Withdrawal['proposal'], authors: string[], labels: Labels, titles: TopicTitles): string {
  const topic = oneLine(proposal.topic.value)
  const named = proposal.title ?? titles.get(proposal.topic.value)
  const title = [named && oneLine(named), proposal.document && `(${oneLine(proposal.document)})`].filter(Boolean).join(' ')
  return `${topic}${labels.colon.trimEnd()}${title ? ` ${title}.` : ''} ${attribution(authors, undefined, labels)}`
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

/** What a cover template's placeholders stand for, as plain text (the note is Markdown). */
export interface CoverValues {
  title: string
  symbol?: string
  date?: string
  summary: string
  disclaimer?: string
  /** The document's own cover note (`documents.<view>.note`), Markdown. */
  note?: string
  masthead?: MastheadLines
}

/** Where the cover template comes from, to name it in a diagnostic. */
export const COVER_FILE = 'templates/cover.md'

/** The built-in cover, used when the workspace has no `templates/cover.md` (the same as templates/cover.md). */
export const DEFAULT_COVER = `{{masthead}}

# {{title}}

**{{symbol}}**

{{date}}

{{summary}}

{{note}}

{{disclaimer}}
`

/**
 * The cover node: `filled` is the template filled with `values` (Markdown); HTML and Word show the values apart, and the rest as the cover's note.
 * The values are generated words: written out as `text()` writes them, as the filled template has them.
 */
export function coverNode(values: CoverValues, filled: string, subtitle?: string, shownApart: string[] = []): Cover {
  const shown = (value: string | undefined): string | undefined => (value === undefined ? undefined : visible(value))
  const title = visible(values.title)
  const [symbol, date, disclaimer] = [values.symbol, values.date, values.disclaimer].map(shown)
  const lines = values.masthead && (Object.fromEntries(Object.entries(values.masthead).map(([key, value]) => [key, visible(value)])) as MastheadLines)
  const masthead = mastheadLines(lines)
  return {
    type: 'cover',
    title,
    ...(symbol === undefined ? {} : { symbol }),
    ...(date === undefined ? {} : { date }),
    ...(subtitle === undefined ? {} : { subtitle: visible(subtitle) }),
    ...(disclaimer === undefined ? {} : { disclaimer }),
    ...(lines === undefined ? {} : { masthead: lines }),
    text: markdownBody(COVER_FILE, filled, {
      owner: 'cover',
      anchor: 'cover-',
      masthead: [title, symbol, date, disclaimer, subtitle && visible(subtitle), ...masthead, masthead.join(MASTHEAD_SEPARATOR), ...shownApart].filter(
        (line): line is string => Boolean(line),
      ),
    }),
    children: [],
  }
}

/** Between the masthead's lines where Markdown writes them on one line. */
export const MASTHEAD_SEPARATOR = ' \u00b7 '

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
