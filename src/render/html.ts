/**
 * The Negotiation to `consolidated.html`: one self-contained page (inline CSS,
 * no script, nothing fetched), assembled from the model and the bodies the
 * parser threads prepared (see bodies.ts). Pure.
 */
import type { Element, ElementContent, Root } from 'hast'
import { h } from 'hastscript'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'
import { placements } from '../assemble/negotiation.js'
import type { Merger, Negotiation, PlacedNote, Placement, TopicNode, Withdrawal } from '../types.js'
import { bodyOf } from './bodies.js'
import { numberNotes, type HtmlBody } from './html-body.js'
import { lines } from './html-lines.js'
import { matrixSection } from './html-matrix.js'
import { attributionText, labelsFor, type Labels } from './labels.js'
import { coverValues, incorporatesText, noteLabel, parkedLabel } from './markdown.js'

export interface HtmlTemplates {
  /** `templates/cover.md`: its text beyond the title, symbol and date is the cover note. */
  cover?: string
  /** `templates/consolidated.css`. */
  css?: string
}

/** Nothing may be fetched or run: only the inline style sheet applies. */
const POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

/**
 * Render the consolidated text as one HTML page, from its `bodies` (the
 * cover's, each note's and each live proposal's, see `consolidatedBodies`).
 */
export function renderHtml(negotiation: Negotiation, templates: HtmlTemplates, bodies: Map<string, HtmlBody>): string {
  const labels = labelsFor(negotiation.config.language)
  const numbered = new Numbered(bodies)
  const context: Context = { labels, bodies: numbered }
  return htmlPage({
    language: negotiation.config.language,
    values: coverValues(negotiation, labels),
    labels,
    bodies: numbered,
    css: templates.css,
    // After the cover: its footnotes are numbered before the bodies'.
    sections: () => [
      contents(negotiation, labels),
      matrixSection(negotiation, labels, 'support'),
      h('main', lines(negotiation.topics.map((topic) => topicSection(topic, context)))),
      annex(negotiation.withdrawn, labels),
      negotiation.merged.length > 0 ? mergedAnnex(negotiation, labels) : undefined,
    ],
  })
}

export interface HtmlPage {
  language: string
  values: ReturnType<typeof coverValues>
  labels: Labels
  bodies: Numbered
  css?: string
  /** Under the title: what the document is (the clean text says so). */
  subtitle?: string
  /** What follows the cover, built after it. */
  sections: () => Array<Element | undefined>
}

/** A whole page: the head (inline style sheet, the policy, the running symbol), the cover from the model and its note, then `sections`. */
export function htmlPage(page: HtmlPage): string {
  const { values, labels } = page
  const cover = page.bodies.take('cover')
  const body = h('body', lines([
    h('header.cover', lines([
      h('div.masthead', lines([values.symbol ? h('p.symbol', values.symbol) : undefined, values.date ? h('p.date', values.date) : undefined])),
      h('h1', values.title),
      page.subtitle ? h('p.subtitle', page.subtitle) : undefined,
      h('div.cover-note', trim(cover.content)),
      ...notesList(cover.notes, cover.firstNote, labels),
      values.disclaimer ? h('p.disclaimer', values.disclaimer) : undefined,
    ])),
    ...page.sections(),
  ]))

  const title = [values.symbol, values.title, page.subtitle].filter(Boolean).join(' \u2013 ')
  const head = h('head', lines([
    h('meta', { charSet: 'utf-8' }),
    h('meta', { httpEquiv: 'Content-Security-Policy', content: POLICY }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('title', title),
    h('style', `\n${styleText((page.css ?? '').trim())}\n`),
    values.symbol ? h('style', pageHeader(values.symbol)) : undefined,
  ]))
  const tree: Root = { type: 'root', children: [{ type: 'doctype' }, h('html', { lang: page.language }, lines([head, body])), { type: 'text', value: '\n' }] }
  return unified().use(rehypeStringify).stringify(tree)
}

interface Context {
  labels: Labels
  bodies: Numbered
}

/** The bodies in the order of the page, their footnotes numbered on from one body to the next. */
export class Numbered {
  private notes = 0

  constructor(private readonly bodies: Map<string, HtmlBody>) {}

  /** The body of `key` (see bodies.ts), its footnotes numbered after those taken before it. */
  take(key: string): HtmlBody & { firstNote: number } {
    const body = bodyOf(this.bodies, key)
    const firstNote = this.notes + 1
    // A copy: the prepared bodies stay as they were, so the page can be rendered again from them.
    const numbered = body.notes.length > 0 ? structuredClone(body) : body
    if (body.notes.length > 0) {
      numberNotes(numbered.content, this.notes)
      numberNotes(numbered.notes, this.notes)
    }
    this.notes += body.notes.length
    return { ...numbered, firstNote }
  }
}

function topicSection(topic: TopicNode, context: Context): Element {
  const level = Math.min(6, topic.depth + 1)
  const heading = h(`h${level}`, [h('span.number', topic.id), topic.title ? ` ${topic.title}` : ''])
  return h('section.topic', { className: [`depth-${topic.depth}`], id: topicAnchor(topic.id) }, lines([
    heading,
    ...topic.notes.map((placed) => noteAside(placed, context)),
    ...topic.placements.map((placement) => proposalArticle(placement, topic, context)),
    ...topic.children.map((child) => topicSection(child, context)),
  ]))
}

/** A note under its topic's heading: never treaty text, set apart, with its kind and author. */
function noteAside(placed: PlacedNote, { labels, bodies }: Context): Element {
  const { note } = placed
  const body = bodies.take(`note:${note.id}`)
  return h('aside.note', { className: [note.kind], id: `note-${note.id}` }, lines([
    { type: 'comment', value: ` note: ${note.id} ` },
    h('p.note-label', noteLabel(placed, labels)),
    h('div.text', body.content),
    ...notesList(body.notes, body.firstNote, labels),
    { type: 'comment', value: ` /note: ${note.id} ` },
  ]))
}

function proposalArticle(placement: Placement, topic: TopicNode, { labels, bodies }: Context): Element {
  const { proposal } = placement
  const body = bodies.take(`proposal:${proposal.id}`)
  const incorporates = incorporatesText(placement, labels)
  const tags = [
    placement.alt !== undefined ? h('span.alt', `${labels.alt} ${placement.alt}`) : undefined,
    proposal.status === 'stabilized' ? h('span.stabilized', labels.stabilized) : undefined,
    proposal.status === 'parked' ? h('span.parked', parkedLabel(proposal.reason, labels)) : undefined,
    proposal.title && proposal.title !== topic.title ? h('span.title', proposal.title) : undefined,
    proposal.document ? h('span.document', proposal.document) : undefined,
  ].filter((tag): tag is Element => tag !== undefined)
  const role = (word: string): Element => h('span.role', `${word}${labels.colon.trimEnd()}`)
  const attribution = h('p.attribution', [
    role(placement.authors.length > 1 ? labels.proponents : labels.proponent),
    ` ${placement.authors.join(labels.separator)}. `,
    role(labels.supporters),
    ` ${placement.supporters.length > 0 ? placement.supporters.join(labels.separator) : labels.none}.`,
    ...(incorporates ? [' ', h('span.incorporates', incorporates)] : []),
  ])
  return h('article.proposal', { className: [proposal.status, ...(proposal.noText ? ['no-text'] : []), ...(placement.referred ? ['referred'] : [])], id: `proposal-${proposal.id}` }, lines([
    { type: 'comment', value: ` proposal: ${proposal.id} ` },
    tags.length > 0 ? h('p.tags', tags) : undefined,
    h('div.text', body.content),
    attribution,
    placement.referred ? h('p.flag', { className: [`level-${placement.level}`] }, labels.referred.replace('{level}', labels.level[placement.level])) : undefined,
    ...notesList(body.notes, body.firstNote, labels),
    { type: 'comment', value: ` /proposal: ${proposal.id} ` },
  ]))
}

export function notesList(notes: Element[], first: number, labels: Labels): Element[] {
  return notes.length === 0 ? [] : [h('ol.notes', { start: first, ariaLabel: labels.document.notes }, lines(notes))]
}

function contents(negotiation: Negotiation, labels: Labels): Element {
  const { topics } = negotiation
  const entries = (list: TopicNode[]): Element =>
    h('ol', lines(list.map((topic) => h('li', [
      h('a', { href: `#${topicAnchor(topic.id)}` }, [h('span.number', topic.id), topic.title ? ` ${topic.title}` : '']),
      ...(topic.children.length > 0 ? [entries(topic.children)] : []),
    ]))))
  const list = entries(topics)
  list.children.unshift(h('li.extra', h('a', { href: '#support' }, labels.document.matrix.title)))
  list.children.push(h('li.extra', h('a', { href: '#annex' }, `${labels.annex}${labels.colon}${labels.withdrawn}`)))
  if (negotiation.merged.length > 0) list.children.push(h('li.extra', h('a', { href: '#merged' }, `${labels.annex}${labels.colon}${labels.record.merged}`)))
  list.children.push({ type: 'text', value: '\n' })
  return h('nav.contents', { ariaLabelledBy: 'contents-title' }, [h('h2', { id: 'contents-title' }, labels.document.contents), list])
}

function annex(withdrawn: Withdrawal[], labels: Labels): Element {
  const items = withdrawn.map(({ proposal, authors }) => h('li', [
    h('code', proposal.id),
    `, ${proposal.topic.value}${labels.colon.trimEnd()}`,
    proposal.title ? ` ${proposal.title}.` : '',
    proposal.document ? ` (${proposal.document})` : '',
    ` ${attributionText(authors, undefined, labels)}`,
  ]))
  return h('section.annex', { id: 'annex' }, lines([
    h('h2', `${labels.annex}${labels.colon}${labels.withdrawn}`),
    items.length > 0 ? h('ul', lines(items)) : h('p', labels.withdrawnNone),
  ]))
}

function mergedAnnex(negotiation: Negotiation, labels: Labels): Element {
  const [before, after] = labels.record.mergedInto.split('{id}')
  // A small group's extract may not hold the proposal a merged one went into: link only to what the page has.
  const placed = new Set(placements(negotiation.topics).map((placement) => placement.proposal.id))
  const items = negotiation.merged.map(({ proposal, authors, into }: Merger) => h('li', [
    h('code', proposal.id),
    `, ${proposal.topic.value}${labels.colon.trimEnd()}`,
    proposal.title ? ` ${proposal.title}.` : '',
    proposal.document ? ` (${proposal.document})` : '',
    ` ${attributionText(authors, undefined, labels)} ${before}`,
    placed.has(into.id) ? h('a', { href: `#proposal-${into.id}` }, h('code', into.id)) : h('code', into.id),
    after.replace('{topic}', () => into.topic.value),
  ]))
  return h('section.annex', { id: 'merged' }, lines([h('h2', `${labels.annex}${labels.colon}${labels.record.merged}`), h('ul', lines(items))]))
}

/** An id safe in a URL fragment: `A.1.4` stays as it is. */
export function topicAnchor(id: string): string {
  return `topic-${id.replace(/[^\p{L}\p{N}._-]/gu, '-')}`
}

/**
 * A style sheet that cannot end its `<style>` element: the only thing that
 * ends it is `</style` (in any case), written as `<\/style`, which reads the
 * same in a CSS string and means nothing elsewhere in CSS. The page's promise
 * (nothing fetched, nothing run) must hold whatever the workspace's template says.
 */
export function styleText(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1')
}

/** The document symbol at the top of every printed page but the first, as WTO documents carry it. */
function pageHeader(symbol: string): string {
  const quoted = [...symbol].map((char) => (/[\w ./-]/.test(char) ? char : `\\${char.codePointAt(0)?.toString(16)} `)).join('')
  return `@page { @top-right { content: "${quoted}"; } }\n@page :first { @top-right { content: none; } }`
}

/** Without the blank lines left where nodes were taken out. */
function trim(nodes: ElementContent[]): ElementContent[] {
  const blank = (node: ElementContent | undefined): boolean => node?.type === 'text' && node.value.trim() === ''
  const out = [...nodes]
  while (blank(out[0])) out.shift()
  while (blank(out[out.length - 1])) out.pop()
  return out
}
