/**
 * One author's text as HTML, from its own syntax tree (never the whole
 * document): sanitised (authors' text is untrusted), its brackets marked for
 * the eye, its footnotes kept with it. In a redline no author markup passes:
 * raw HTML is left out and strikethrough is `<s>`, so that `<ins>` and `<del>`
 * are only the redline's own marks. Runs on a parser thread, within the
 * deadline; the page numbers the footnotes on (`numberNotes`).
 */
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast'
import { h } from 'hastscript'
import { raw } from 'hast-util-raw'
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize'
import type { Delete, Image, Link, Nodes, Root as MdastRoot } from 'mdast'
import { toHast, type Handlers, type State } from 'mdast-util-to-hast'
import { visit } from 'unist-util-visit'
import type { Mark, RedlineNote } from '../../tree.js'
import { changeOf } from '../../tree.js'
import { unliteral } from '../../literal.js'
import type { ConvertContext, Converter } from '../format.js'

export interface HtmlBody {
  /** The text, without its footnotes. */
  content: ElementContent[]
  /** The footnotes, as `li` elements, in the order of their numbers. */
  notes: Element[]
}

export const converter: Converter<HtmlBody> = { convert: htmlBody }

/** Elements dropped with everything inside them: their content is code or a frame, never text. */
const STRIP = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'template',
  'noscript',
  'noembed',
  'noframes',
  'textarea',
  'select',
  'title',
  'svg',
  'math',
]

/**
 * GitHub's sanitising schema, less everything that loads something: images
 * become links (see `imagesToLinks`), and `picture`/`source` go.
 */
function schemaFor(namespace: string): Schema {
  return {
    ...defaultSchema,
    clobberPrefix: namespace,
    tagNames: (defaultSchema.tagNames ?? []).filter((name) => !['img', 'picture', 'source'].includes(name)),
    strip: STRIP,
    protocols: { ...defaultSchema.protocols, src: [], srcSet: [] },
  }
}

/** Links that may stay live in a redline; any other (`javascript:`, `file:` …) is plain text. */
const SAFE_URL = /^(https?:|mailto:|#)/i

/** The blocks whose element shows that it was wholly inserted or deleted (not their cells and items' inner paragraphs alone). */
const BLOCKS = new Set(['paragraph', 'heading', 'list', 'listItem', 'blockquote', 'code', 'table', 'tableRow', 'thematicBreak', 'footnoteDefinition'])

/** A redline's own nodes, and what authors' markup becomes there. */
const REDLINE: Handlers = {
  mark: (state: State, node: Mark) => h(node.change === 'insert' ? 'ins' : 'del', state.all(node)),
  redlineNote: (_: State, node: RedlineNote) => h('p.redline-note', node.value),
  // A proposal's own strikethrough is not a deletion.
  delete: (state: State, node: Delete) => h('s', state.all(node)),
  html: () => undefined,
  link: (state: State, node: Link) =>
    SAFE_URL.test(node.url) ? h('a', { href: node.url, ...(node.title ? { title: node.title } : {}) }, state.all(node)) : h('span', state.all(node)),
  image: (_: State, node: Image) => (SAFE_URL.test(node.url) ? h('a', { href: node.url }, node.alt || node.url) : h('span', node.alt || node.url)),
}

/**
 * One text's tree (already placed: brackets in, headings re-levelled; in a
 * redline, its changes marked) to HTML. Its footnote references keep the
 * text's own numbers: the page numbers them on (see `numberNotes`).
 */
export function htmlBody(tree: MdastRoot, context: ConvertContext): HtmlBody {
  let clean: Root
  if (context.redline) {
    // Blocks wholly inserted or deleted carry a class, so that they stand out (mdast-util-to-hast applies `data.hProperties`).
    visit(tree, (node: Nodes) => {
      const change = changeOf(node)
      if (change && BLOCKS.has(node.type)) node.data = { ...node.data, hProperties: { className: [`block-${change}`] } satisfies Properties }
    })
    clean = toHast(tree, { allowDangerousHtml: false, clobberPrefix: context.namespace, footnoteBackLabel: context.backLabel, handlers: REDLINE }) as Root
  } else {
    // Ids are namespaced by the sanitiser, once per text.
    const hast = raw(toHast(tree, { allowDangerousHtml: true, clobberPrefix: '', footnoteBackLabel: context.backLabel }) as Root) as Root
    imagesToLinks(hast)
    clean = sanitize(hast, schemaFor(context.namespace)) as Root
    relinkFragments(clean, context.namespace)
  }

  let notes: Element[] = []
  const last = clean.children[clean.children.length - 1]
  if (last?.type === 'element' && last.tagName === 'section' && last.properties.dataFootnotes !== undefined) {
    clean.children.pop()
    const list = last.children.find((child): child is Element => child.type === 'element' && child.tagName === 'ol')
    notes = (list?.children ?? []).filter((child): child is Element => child.type === 'element' && child.tagName === 'li')
  }
  visit(clean, 'element', (node) => {
    if (node.tagName === 'a' && node.properties.dataFootnoteRef !== undefined) delete node.properties.ariaDescribedBy
  })
  const content = clean.children.filter(isContent)
  markBrackets(content)
  markBrackets(notes)
  // Literal brackets were kept apart from the negotiating ones until now: they are written as brackets, unmarked.
  for (const nodes of [content, notes]) visit({ type: 'root', children: nodes }, 'text', (node) => void (node.value = unliteral(node.value)))
  return { content, notes }
}

/**
 * Number the footnote references of a text's `nodes` on from `offset` (the
 * notes of the texts before it). Iterative: the nodes come from a thread and
 * are walked on the main one, whatever their depth.
 */
export function numberNotes(nodes: ElementContent[], offset: number): void {
  const stack = [...nodes]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type !== 'element') continue
    if (node.tagName === 'a' && node.properties.dataFootnoteRef !== undefined) {
      const local = Number(textOf(node))
      if (Number.isInteger(local) && local > 0) node.children = [{ type: 'text', value: String(offset + local) }]
      continue
    }
    for (const child of node.children) stack.push(child)
  }
}

/** An image in a text would load a file from anywhere: it becomes a link to it, labelled by its alt text. */
function imagesToLinks(tree: Root): void {
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'img') return
    const source = typeof node.properties.src === 'string' ? node.properties.src : ''
    const alt = typeof node.properties.alt === 'string' && node.properties.alt.trim() !== '' ? node.properties.alt : source
    node.tagName = 'a'
    node.properties = source ? { href: source } : {}
    node.children = alt ? [{ type: 'text', value: alt }] : []
  })
}

/** Links to an id of the same text follow it into the namespace the sanitiser moved it to. */
function relinkFragments(tree: Root, namespace: string): void {
  const ids = new Set<string>()
  visit(tree, 'element', (node) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id)
  })
  visit(tree, 'element', (node) => {
    const href = node.properties.href
    if (node.tagName === 'a' && typeof href === 'string' && href.startsWith('#') && ids.has(namespace + href.slice(1))) {
      node.properties.href = `#${namespace}${href.slice(1)}`
    }
  })
}

/** Code is not text: brackets in it are not negotiating brackets. */
const LITERAL = new Set(['code', 'pre', 'kbd', 'samp'])

/**
 * Wrap each `[` and `]` of the text in a span (`bracket outer` for the
 * outermost pair, `bracket inner` inside it), so they stand out; the text is unchanged.
 */
export function markBrackets(nodes: Array<RootContent | ElementContent>): void {
  let depth = 0
  const mark = (value: string): ElementContent[] => {
    const pieces: ElementContent[] = []
    for (const part of value.split(/([[\]])/)) {
      if (part === '') continue
      if (part !== '[' && part !== ']') {
        pieces.push({ type: 'text', value: part })
        continue
      }
      if (part === '[') depth++
      const level = Math.max(depth, 1) === 1 ? 'outer' : 'inner'
      if (part === ']') depth = Math.max(0, depth - 1)
      pieces.push({ type: 'element', tagName: 'span', properties: { className: ['bracket', level] }, children: [{ type: 'text', value: part }] })
    }
    return pieces
  }
  const walk = (children: Array<RootContent | ElementContent>): Array<RootContent | ElementContent> => {
    // Built anew rather than spliced in place: a paragraph of many bracketed words stays linear.
    const out: Array<RootContent | ElementContent> = []
    for (const node of children) {
      if (node.type === 'element' && !LITERAL.has(node.tagName)) node.children = walk(node.children) as ElementContent[]
      if (node.type === 'text' && /[[\]]/.test(node.value)) for (const piece of mark(node.value)) out.push(piece)
      else out.push(node)
    }
    return out
  }
  const marked = walk(nodes)
  nodes.length = 0
  for (const node of marked) nodes.push(node)
}

function isContent(node: RootContent): node is ElementContent {
  return node.type !== 'doctype'
}

/** The text of an element, iteratively. */
export function textOf(node: Element): string {
  let text = ''
  const stack: ElementContent[] = [...node.children].reverse()
  while (stack.length > 0) {
    const child = stack.pop()!
    if (child.type === 'text') text += child.value
    else if (child.type === 'element') for (let index = child.children.length - 1; index >= 0; index--) stack.push(child.children[index])
  }
  return text
}
