/**
 * Any document tree to one self-contained HTML page (inline CSS, no script,
 * nothing fetched), through mdast-util-to-hast with a handler for each node of
 * our own; authors' texts come from the threads, sanitised (see convert.ts),
 * their footnotes numbered on through the page. Pure.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastRootContent } from 'hast'
import { h } from 'hastscript'
import type { Data, PhrasingContent, Root } from 'mdast'
import { toHast, type Handler, type State } from 'mdast-util-to-hast'
import { toHtml } from 'hast-util-to-html'
import type {
  Annex,
  BodyChange,
  BodyNode,
  ChairTextBlock,
  Concordance,
  Contents,
  ContentsEntry,
  Cover,
  Document,
  Flag,
  Label,
  Mark,
  Matrix,
  NoteBlock,
  ProposalBlock,
  CrossReference,
  Section,
  Target,
  Term,
} from '../../tree.js'
import { changeOf } from '../../tree.js'
import { visible } from '../../../diagnostics/format.js'
import { labelsFor, type Labels } from '../../labels.js'
import { wordsFor } from '../../i18n/index.js'
import type { Assets, Compiler, Prepared } from '../format.js'
import { markBrackets, numberNotes, type HtmlBody } from './convert.js'
import { matrixSection } from './matrix.js'
import { REDLINE_CSS } from './redline-css.js'

/** Nothing may be fetched or run: only the inline style sheet applies. */
const POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

export const compiler: Compiler = {
  compile: (document, prepared, assets) => compileHtml(document, prepared, assets),
}

/** Write `document` as one HTML page. */
export function compileHtml(document: Document, prepared: Prepared, assets: Assets = {}): string {
  const { meta } = document
  const labels = labelsFor(meta.language)
  const bodies = new Numbered(prepared)
  const anchors = anchorsOf(document.tree)
  const context: Context = { labels, bodies, anchors, redline: meta.redline !== undefined }
  const options = { handlers: handlers(context) }
  // The outline's sections make the page's main part; the cover, contents and matrix come before it, the annexes after.
  const parts: Element[] = []
  let main: Element | undefined
  for (const child of document.tree.children) {
    const converted = [toHast(child, options)].flat().filter((node): node is Element => node.type === 'element')
    if (child.type !== 'section') {
      parts.push(...converted)
      continue
    }
    if (!main) {
      const classes = [...(meta.view && meta.view !== 'consolidated' ? [meta.view] : []), ...(context.redline ? ['redline'] : [])]
      parts.push((main = h('main', classes.length > 0 ? { className: classes } : {}, [])))
    }
    main.children.push(...converted)
  }
  if (main) main.children = lines(main.children)

  // The configuration's words, written out as every generated word is (control and bidirectional characters visible).
  const title = visible([meta.symbol, meta.title, meta.subtitle].filter(Boolean).join(' \u2013 ') + (meta.redline ? ` (${meta.redline.title})` : ''))
  const css = `\n${styleText((assets.css ?? '').trim())}\n${meta.redline ? REDLINE_CSS : ''}`
  const head = h(
    'head',
    lines([
      h('meta', { charSet: 'utf-8' }),
      h('meta', { httpEquiv: 'Content-Security-Policy', content: POLICY }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', title),
      h('style', css),
      h('style', pageMargins(meta.symbol && visible(meta.symbol), wordsFor(meta.language).template('document.page'))),
    ]),
  )
  const body = h('body', lines(parts))
  const tree: HastRoot = {
    type: 'root',
    children: [{ type: 'doctype' }, h('html', { lang: meta.language }, lines([head, body])), { type: 'text', value: '\n' }],
  }
  return toHtml(tree)
}

interface Context {
  labels: Labels
  bodies: Numbered
  /** What the page holds, so that a reference links only to what is there. */
  anchors: Set<string>
  redline: boolean
}

function handlers(context: Context): Record<string, Handler> {
  const { labels, bodies } = context
  return {
    cover: (state: State, node: Cover) => {
      const note = bodies.take(node.text)
      const masthead = node.masthead ?? {}
      return h(
        'header.cover',
        lines([
          masthead.organization ? h('p.organization', masthead.organization) : undefined,
          h(
            'div.masthead',
            lines([
              masthead.access ? h('p.access', masthead.access) : undefined,
              node.symbol ? h('p.symbol', node.symbol) : undefined,
              node.date ? h('p.date', node.date) : undefined,
              masthead.jobNumber ? h('p.job', masthead.jobNumber) : undefined,
              masthead.original ? h('p.original', masthead.original) : undefined,
            ]),
          ),
          h('h1', node.title),
          node.subtitle ? h('p.subtitle', node.subtitle) : undefined,
          h('div.cover-note', trim(note.content)),
          ...notesList(note.notes, note.firstNote, labels),
          ...node.children.map((line) =>
            line.role === 'legend' ? h('p.redline-legend', phrasing(state, line.children)) : h(`p.${line.role}`, phrasing(state, line.children)),
          ),
          node.disclaimer ? h('p.disclaimer', node.disclaimer) : undefined,
        ]),
      )
    },
    contents: (state: State, node: Contents) => contents(state, node, labels),
    matrix: (_: State, node: Matrix) => matrixSection(node, labels),
    section: (state: State, node: Section) =>
      node.kind === 'paragraph' ? paragraphSection(state, node) : node.article !== undefined ? article(state, node, context) : topic(state, node),
    proposal: (state: State, node: ProposalBlock) => block(state, node, context),
    note: (state: State, node: NoteBlock) => block(state, node, context),
    chairText: (state: State, node: ChairTextBlock) => block(state, node, context),
    annex: (state: State, node: Annex) => h('section.annex', { id: node.id }, lines(state.all(node))),
    concordance: (state: State, node: Concordance) => concordance(state, node),
    redlineNote: (_: State, node: { value: string }) => h('p.redline-note', node.value),
    term: (state: State, node: Term) => (node.role === 'number' ? h('span.number', state.all(node)) : h(`span.${node.role}`, state.all(node))),
    reference: (state: State, node: CrossReference) =>
      context.anchors.has(anchor(node.target)) ? h('a', { href: `#${anchor(node.target)}` }, state.all(node)) : state.all(node),
    mark: (state: State, node: Mark) => h(node.change === 'insert' ? 'ins' : 'del', state.all(node)),
    // Outside a block (a clean text's article): the text alone.
    body: (_: State, node: BodyNode) => bodies.take(node).content,
    // Outside a block (over a clean text's paragraph's text): that it is shown untranslated.
    label: (state: State, node: Label) => h(`p.${node.role}`, phrasing(state, node.children)),
  }
}

function topic(state: State, node: Section): Element {
  const level = Math.min(6, node.depth + 1)
  const kind = node.kind === 'article' ? 'article' : 'topic'
  return h(
    'section',
    { className: [kind, `depth-${node.depth}`, ...blockChange(node)], id: anchor({ kind: 'topic', id: node.id }) },
    lines([h(`h${level}`, phrasing(state, node.heading)), ...elements(state.all(node))]),
  )
}

/** An article's paragraph: no heading of its own, its number and title, then its texts. */
function paragraphSection(state: State, node: Section): Element {
  return h(
    'section.paragraph',
    { className: blockChange(node), id: anchor({ kind: 'paragraph', id: node.id }) },
    lines([
      { type: 'comment', value: ` paragraph: ${node.id} ` },
      node.heading.length > 0 ? h('p.paragraph-head', phrasing(state, node.heading)) : undefined,
      ...elements(state.all(node)),
    ]),
  )
}

/** A clean text's article: its texts in one division, their notes after, then the entries below it. */
function article(state: State, node: Section, context: Context): Element {
  const number = node.article ?? 0
  const level = Math.min(6, node.depth + 1)
  // A text's labels (its translation pending) stay before it.
  const parts = node.children.flatMap((child): Array<{ text: HtmlBody & { firstNote: number } } | { label: Label }> =>
    child.type === 'body' || child.type === 'bodyChange' ? [{ text: context.bodies.take(child) }] : child.type === 'label' ? [{ label: child }] : [],
  )
  const texts = parts.flatMap((part) => ('text' in part ? [part.text] : []))
  const rest = node.children.filter((child) => child.type !== 'body' && child.type !== 'bodyChange' && child.type !== 'label')
  return h(
    'section.article',
    { className: [`depth-${node.depth}`, ...blockChange(node)], id: anchor({ kind: 'article', number }) },
    lines([
      { type: 'comment', value: ` article: ${node.label ?? number} topic: ${node.id} ` },
      h(`h${level}`, phrasing(state, node.heading)),
      h(
        'div.text',
        parts.flatMap((part) => ('text' in part ? part.text.content : [h('p.pending', phrasing(state, part.label.children))])),
      ),
      ...texts.flatMap((text) => notesList(text.notes, text.firstNote, context.labels)),
      ...elements(state.all({ type: 'root', children: rest })),
    ]),
  )
}

/** A proposal's or a Chair's text's `<article>`, a note's `<aside>`: its labels, text, attribution and flag, its footnotes last, between its markers. */
function block(state: State, node: ProposalBlock | NoteBlock | ChairTextBlock, context: Context): Element {
  const { labels } = context
  const kind = node.type === 'chairText' ? 'chair-text' : node.type
  const deleted = changeOf(node) === 'delete'
  const marker = (closing: boolean): ElementContent => ({ type: 'comment', value: ` ${closing ? '/' : ''}${deleted ? 'deleted: ' : ''}${kind}: ${node.id} ` })
  const texts: Array<HtmlBody & { firstNote: number }> = []
  const parts: Array<ElementContent | undefined> = []
  const tags: Element[] = []
  let tagsAt = -1
  for (const child of node.children) {
    switch (child.type) {
      case 'label':
        if (child.role === 'note') parts.push(h('p.note-label', phrasing(state, child.children)))
        // A line of its own, just over the text it speaks of.
        else if (child.role === 'pending') parts.push(h('p.pending', phrasing(state, child.children)))
        else {
          if (tagsAt === -1) tagsAt = parts.push(undefined) - 1
          tags.push(h(`span.${child.role}`, phrasing(state, child.children)))
        }
        break
      case 'body':
      case 'bodyChange': {
        const text = context.bodies.take(child)
        texts.push(text)
        parts.push(h('div.text', text.content))
        break
      }
      case 'paragraph': {
        // A "no text" alternative: its brackets marked as in any text.
        const content = elements([state.one(child, node)].flat())
        markBrackets(content)
        parts.push(h('div.text', content))
        break
      }
      case 'attribution':
        parts.push(h('p.attribution', phrasing(state, child.children)))
        break
      case 'flag':
        parts.push(flag(state, child))
        break
      case 'redlineNote':
        parts.push(h('p.redline-note', child.value))
        break
    }
  }
  if (tagsAt !== -1) parts[tagsAt] = h('p.tags', tags)
  const change = changeOf(node) ?? (context.redline && inserted(node) ? 'insert' : undefined)
  const className =
    node.type === 'proposal'
      ? [node.status, ...(node.noText ? ['no-text'] : []), ...(node.referred ? ['referred'] : [])]
      : node.type === 'note'
        ? [node.kind]
        : []
  const properties = { className: [...className, ...(change ? [`block-${change}`] : [])], id: `${kind}-${node.id}` }
  return h(
    node.type === 'note' ? 'aside.note' : `article.${kind}`,
    properties,
    lines([marker(false), ...parts, ...texts.flatMap((text) => notesList(text.notes, text.firstNote, labels)), marker(true)]),
  )
}

/** A block whose every part was inserted (a new proposal). */
function inserted(node: ProposalBlock | NoteBlock | ChairTextBlock): boolean {
  return (
    node.children.length > 0 &&
    node.children.every((child) => child.type === 'redlineNote' || changeOf(child) === 'insert' || (child.type === 'bodyChange' && child.old === undefined))
  )
}

function flag(state: State, node: Flag): Element {
  return h('p.flag', { className: [`level-${node.level}`, ...blockChange(node)] }, phrasing(state, node.children))
}

function blockChange(node: { data?: Data }): string[] {
  const change = changeOf(node)
  return change ? [`block-${change}`] : []
}

function contents(state: State, node: Contents, labels: Labels): Element {
  const entries = (list: ContentsEntry[]): Element =>
    h(
      'ol',
      lines(
        list.map((entry) =>
          h(entry.extra ? 'li.extra' : 'li', [
            h('a', { href: `#${anchor(entry.target)}` }, phrasing(state, entry.heading)),
            ...(entry.children.length > 0 ? [entries(entry.children)] : []),
          ]),
        ),
      ),
    )
  return h('nav.contents', { ariaLabelledBy: 'contents-title' }, [h('h2', { id: 'contents-title' }, labels.document.contents), entries(node.entries)])
}

/** The concordance: every topic, its article (a link to it), the texts it took. */
function concordance(state: State, node: Concordance): Element {
  const rows = node.rows.map((row) =>
    h('tr', [
      h('th', { scope: 'row' }, phrasing(state, row.heading)),
      h(
        'td',
        row.article === undefined
          ? h('span.no-text', row.articleLabel)
          : h('a', { href: `#${anchor({ kind: 'article', number: row.article })}` }, row.articleLabel),
      ),
      h('td', phrasing(state, row.texts)),
    ]),
  )
  return h(
    'table.concordance',
    lines([
      h(
        'thead',
        h(
          'tr',
          node.columns.map((column) => h('th', { scope: 'col' }, column)),
        ),
      ),
      h('tbody', lines(rows)),
    ]),
  )
}

/** The anchor of a target in the page: `topic-A.1.4`, `proposal-ID`, `article-3`, or an annex's own id. */
export function anchor(target: Target): string {
  switch (target.kind) {
    case 'topic':
      return topicAnchor(target.id)
    case 'article':
      return `article-${target.number}`
    case 'paragraph':
      return `paragraph-${target.id.replace(/[^\p{L}\p{N}._-]/gu, '-')}`
    case 'proposal':
      return `proposal-${target.id}`
    case 'annex':
      return target.id
  }
}

/** An id safe in a URL fragment: `A.1.4` stays as it is. */
export function topicAnchor(id: string): string {
  return `topic-${id.replace(/[^\p{L}\p{N}._-]/gu, '-')}`
}

/** Every anchor the page will hold. */
function anchorsOf(tree: Root): Set<string> {
  const found = new Set<string>()
  const visit = (nodes: readonly Root['children'][number][]): void => {
    for (const node of nodes) {
      if (node.type === 'proposal') found.add(anchor({ kind: 'proposal', id: node.id }))
      if (node.type === 'section')
        found.add(
          node.article !== undefined
            ? anchor({ kind: 'article', number: node.article })
            : node.kind === 'paragraph'
              ? anchor({ kind: 'paragraph', id: node.id })
              : anchor({ kind: 'topic', id: node.id }),
        )
      if (node.type === 'annex') found.add(node.id)
      if (node.type === 'section' || node.type === 'annex') visit(node.children)
    }
  }
  visit(tree.children)
  return found
}

/** Generated words to hast. */
function phrasing(state: State, children: PhrasingContent[]): ElementContent[] {
  return elements(state.all({ type: 'paragraph', children }))
}

function elements(nodes: Array<ElementContent | HastRootContent | undefined>): ElementContent[] {
  return nodes.filter((node): node is ElementContent => node !== undefined && node.type !== 'doctype')
}

/** The bodies in the order of the page, their footnotes numbered on from one body to the next. */
export class Numbered {
  private notes = 0

  constructor(private readonly prepared: Prepared) {}

  /** The text of `node`, its footnotes numbered after those taken before it. */
  take(node: BodyNode | BodyChange): HtmlBody & { firstNote: number } {
    const body = this.prepared.get(node) as HtmlBody | undefined
    if (body === undefined) throw new Error(`no HTML was prepared for a text of ${node.type === 'body' ? node.file : 'a redline'}`)
    const firstNote = this.notes + 1
    // A copy: the prepared bodies stay as they were, so the page can be written again from them.
    const numbered = body.notes.length > 0 ? structuredClone(body) : body
    if (body.notes.length > 0) {
      numberNotes(numbered.content, this.notes)
      numberNotes(numbered.notes, this.notes)
    }
    this.notes += body.notes.length
    return { ...numbered, firstNote }
  }
}

export function notesList(notes: Element[], first: number, labels: Labels): Element[] {
  return notes.length === 0 ? [] : [h('ol.notes', { start: first, ariaLabel: labels.document.notes }, lines(notes))]
}

/** Nodes one per line, so the page's source reads well and diffs well. */
export function lines(nodes: Array<ElementContent | undefined>): ElementContent[] {
  const out: ElementContent[] = [{ type: 'text', value: '\n' }]
  for (const node of nodes) if (node !== undefined) out.push(node, { type: 'text', value: '\n' })
  return out
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

/**
 * The printed page's margins: the document symbol at the top of every page
 * but the first, as WTO documents carry it, and "Page 1/8" at the foot of
 * every page, in the document's language.
 */
function pageMargins(symbol: string | undefined, page: string): string {
  const quoted = (text: string): string => `"${[...text].map((char) => (/[\w ./-]/.test(char) ? char : `\\${char.codePointAt(0)?.toString(16)} `)).join('')}"`
  const [before, middle, after] = page.split(/\{page\}|\{pages\}/)
  const footer = `@page { @bottom-center { content: ${quoted(before)} counter(page) ${quoted(middle)} counter(pages) ${quoted(after ?? '')}; } }`
  if (symbol === undefined) return footer
  return `${footer}\n@page { @top-right { content: ${quoted(symbol)}; } }\n@page :first { @top-right { content: none; } }`
}

/** Without the blank lines left where nodes were taken out. */
function trim(nodes: ElementContent[]): ElementContent[] {
  const blank = (node: ElementContent | undefined): boolean => node?.type === 'text' && node.value.trim() === ''
  const out = [...nodes]
  while (blank(out[0])) out.shift()
  while (blank(out[out.length - 1])) out.pop()
  return out
}
