/**
 * One proposal's body as HTML: parsed on its own (never the whole document),
 * sanitised (proposal text is untrusted), its brackets marked for the eye, its
 * footnotes numbered on through the document and kept with their proposal.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize, { defaultSchema, type Options as Schema } from 'rehype-sanitize'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'

export interface HtmlBody {
  /** The text, without its footnotes. */
  content: ElementContent[]
  /** The footnotes, as `li` elements numbered from `firstNote`. */
  notes: Element[]
  firstNote: number
}

/** Elements dropped with everything inside them: their content is code or a frame, never text. */
const STRIP = ['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'template', 'noscript', 'noembed', 'noframes', 'textarea', 'select', 'title', 'svg', 'math']

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

/** Renders bodies one by one, numbering footnotes on from one body to the next. */
export class BodyRenderer {
  private readonly processor
  private notes = 0

  constructor(backToText: string) {
    this.processor = unified()
      .use(remarkParse)
      .use(remarkGfm)
      // Ids are namespaced by the sanitiser below, once per body.
      .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '', footnoteBackLabel: backToText })
      .use(rehypeRaw)
      .freeze()
  }

  /**
   * Render one body's Markdown. `namespace` prefixes every id written in it
   * (unique per proposal), so no proposal can take another's anchors.
   */
  render(markdown: string, namespace: string): HtmlBody {
    const tree = this.processor.runSync(this.processor.parse(markdown)) as Root
    imagesToLinks(tree)
    const clean = rehypeSanitize(schemaFor(namespace))(tree)
    relinkFragments(clean, namespace)

    let notes: Element[] = []
    const last = clean.children[clean.children.length - 1]
    if (last?.type === 'element' && last.tagName === 'section' && last.properties.dataFootnotes !== undefined) {
      clean.children.pop()
      const list = last.children.find((child): child is Element => child.type === 'element' && child.tagName === 'ol')
      notes = (list?.children ?? []).filter((child): child is Element => child.type === 'element' && child.tagName === 'li')
    }
    const firstNote = this.notes + 1
    visit(clean, 'element', (node) => {
      if (node.tagName === 'a' && node.properties.dataFootnoteRef !== undefined) {
        const local = Number(textOf(node))
        if (Number.isInteger(local) && local > 0) node.children = [{ type: 'text', value: String(this.notes + local) }]
        delete node.properties.ariaDescribedBy
      }
    })
    this.notes += notes.length

    markBrackets(clean.children)
    markBrackets(notes)
    return { content: clean.children.filter(isContent), notes, firstNote }
  }
}

/** An image in a proposal would load a file from anywhere: it becomes a link to it, labelled by its alt text. */
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

/** Links to an id of the same body follow it into the namespace the sanitiser moved it to. */
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
  const walk = (children: Array<RootContent | ElementContent>): void => {
    for (let index = 0; index < children.length; index++) {
      const node = children[index]
      if (node.type === 'element' && !LITERAL.has(node.tagName)) walk(node.children)
      if (node.type !== 'text' || !/[[\]]/.test(node.value)) continue
      const pieces: ElementContent[] = []
      for (const part of node.value.split(/([[\]])/)) {
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
      children.splice(index, 1, ...pieces)
      index += pieces.length - 1
    }
  }
  walk(nodes)
}

function isContent(node: RootContent): node is ElementContent {
  return node.type !== 'doctype'
}

function textOf(node: Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('')
}
