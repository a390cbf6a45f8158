/**
 * One proposal's body to Word paragraphs: its Markdown parsed on its own (never
 * the whole document) and walked once. Raw HTML is dropped (Word cannot show
 * it, and proposal text is untrusted); footnotes become Word footnotes.
 */
import { BorderStyle, ExternalHyperlink, FootnoteReferenceRun, HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type IParagraphOptions, type ParagraphChild } from 'docx'
import type { Definition, FootnoteDefinition, List, Nodes, PhrasingContent, Root, RootContent } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'

export type Block = Paragraph | Table

/** The numbering definitions a document needs: one per start number of its ordered lists. */
export const orderedNumbering = (start: number): string => `ordered-${start}`
export const BULLET = 'bullet'
/** Indentation of one list level, in twentieths of a point (1 cm). */
export const LIST_INDENT = 567

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6]

/** Elements whose content is code, not text: what stands between their tags is dropped too. */
const RAW_CONTENT = /^<(script|style|iframe|object|embed|template|noscript|textarea|title|svg|math)[\s>]/i

interface Marks {
  bold?: boolean
  italics?: boolean
  strike?: boolean
  code?: boolean
  link?: boolean
}

interface Place {
  /** List nesting: 0 outside lists. */
  level: number
  quote: boolean
  /** In a footnote: no further footnotes, no paragraph counted as the text's last. */
  note: boolean
}

type ParagraphSpec = IParagraphOptions & { children: ParagraphChild[] }

/** A block before it is built, so its last paragraph can still take a note and be kept with what follows. */
type Spec = { paragraph: ParagraphSpec } | { table: ParagraphSpec[][][] }

export interface RenderOptions {
  /** Leaves out some of the body's top-level blocks. */
  keep?: (node: RootContent) => boolean
  /** Added at the end of the text's last paragraph: the reference to a note on the whole proposal. */
  append?: ParagraphChild
  /** Keep the text's last paragraph on the page of the paragraph that follows it. */
  keepWithNext?: boolean
}

export interface DocxBody {
  blocks: Block[]
  /** Whether the text had a paragraph to take `append`. */
  appended: boolean
}

/** Converts bodies one by one, for one document (its lists are numbered apart). */
export class DocxBodies {
  private readonly markdown = unified().use(remarkParse).use(remarkGfm).freeze()
  private instance = 0
  /** Start numbers of the ordered lists seen: each needs a numbering definition. */
  readonly starts = new Set<number>([1])
  private definitions = new Map<string, Definition>()
  private notes = new Map<string, FootnoteDefinition>()
  private last?: ParagraphSpec

  /** Convert one body's Markdown. */
  render(markdown: string, options: RenderOptions = {}): DocxBody {
    const tree: Root = this.markdown.parse(markdown)
    if (options.keep) tree.children = tree.children.filter(options.keep)
    this.definitions = new Map()
    this.notes = new Map()
    this.last = undefined
    visit(tree, (node) => {
      if (node.type === 'definition') this.definitions.set(node.identifier, node)
      if (node.type === 'footnoteDefinition') this.notes.set(node.identifier, node)
    })
    const specs = this.blocks(tree.children, { level: 0, quote: false, note: false })
    // Set while walking the tree, which the compiler cannot see.
    const last = this.last as ParagraphSpec | undefined
    if (last && options.append) last.children.push(options.append)
    if (last && options.keepWithNext) Object.assign(last, { keepNext: true })
    return { blocks: specs.map(build), appended: last !== undefined && options.append !== undefined }
  }

  private blocks(nodes: RootContent[], place: Place): Spec[] {
    return nodes.flatMap((node) => this.block(node, place))
  }

  private block(node: RootContent, place: Place): Spec[] {
    switch (node.type) {
      case 'paragraph':
        return [this.paragraph(this.inlines(node.children, {}, place), place)]
      case 'heading':
        return [this.paragraph(this.inlines(node.children, {}, place), place, { heading: HEADINGS[Math.min(6, node.depth) - 1], keepNext: true })]
      case 'list':
        return this.list(node, place)
      case 'blockquote':
        return this.blocks(node.children, { ...place, quote: true })
      case 'code':
        return [this.paragraph(node.value.split('\n').map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : undefined })), place, { style: 'CodeBlock' })]
      case 'thematicBreak':
        return [{ paragraph: { children: [], border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'A0A8B0', space: 1 } } } }]
      case 'table':
        return [this.table(node, place)]
      default:
        // html (dropped), definition and footnoteDefinition (used where referenced), yaml.
        return []
    }
  }

  private paragraph(children: ParagraphChild[], place: Place, options: IParagraphOptions = {}): Spec {
    const quote = place.quote ? { border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'C0C8D0', space: 8 } } } : {}
    const indent = place.level > 0 && !('numbering' in options) ? { indent: { left: LIST_INDENT * place.level } } : {}
    const paragraph: ParagraphSpec = { ...quote, ...indent, ...options, children }
    if (!place.note) this.last = paragraph
    return { paragraph }
  }

  private list(list: List, place: Place): Spec[] {
    const start = list.start ?? 1
    if (list.ordered) this.starts.add(start)
    const reference = list.ordered ? orderedNumbering(start) : BULLET
    const instance = ++this.instance
    const level = Math.min(place.level, 8)
    const inner: Place = { ...place, level: place.level + 1 }
    return list.children.flatMap((item) => {
      let numbered = false
      return item.children.flatMap((child) => {
        if (!numbered && child.type === 'paragraph') {
          numbered = true
          return [this.paragraph(this.inlines(child.children, {}, place), inner, { numbering: { reference, level, instance } })]
        }
        return this.block(child, inner)
      })
    })
  }

  private table(node: Extract<Nodes, { type: 'table' }>, place: Place): Spec {
    const paragraph = (spec: Spec): ParagraphSpec => ('paragraph' in spec ? spec.paragraph : { children: [] })
    return {
      table: node.children.map((row, index) =>
        row.children.map((cell) => [paragraph(this.paragraph(this.inlines(cell.children, index === 0 ? { bold: true } : {}, place), { ...place, level: 0 }))])),
    }
  }

  /** Phrasing content to runs; brackets in the text are set in bold so they stand out. */
  private inlines(nodes: PhrasingContent[], marks: Marks, place: Place): ParagraphChild[] {
    const out: ParagraphChild[] = []
    let skipping: string | undefined
    for (const node of nodes) {
      if (skipping !== undefined) {
        if (node.type === 'html' && new RegExp(`^</${skipping}\\s*>`, 'i').test(node.value)) skipping = undefined
        continue
      }
      switch (node.type) {
        case 'text':
          out.push(...textRuns(node.value, marks))
          break
        case 'emphasis':
          out.push(...this.inlines(node.children, { ...marks, italics: true }, place))
          break
        case 'strong':
          out.push(...this.inlines(node.children, { ...marks, bold: true }, place))
          break
        case 'delete':
          out.push(...this.inlines(node.children, { ...marks, strike: true }, place))
          break
        case 'inlineCode':
          out.push(run(node.value, { ...marks, code: true }))
          break
        case 'break':
          out.push(new TextRun({ break: 1 }))
          break
        case 'link':
          out.push(...this.link(node.url, this.inlines(node.children, { ...marks, link: SAFE_URL.test(node.url) }, place)))
          break
        case 'linkReference': {
          const url = this.definitions.get(node.identifier)?.url ?? ''
          out.push(...this.link(url, this.inlines(node.children, { ...marks, link: SAFE_URL.test(url) }, place)))
          break
        }
        case 'image':
        case 'imageReference': {
          // Never embedded: a link to it, labelled by its alt text.
          const url = node.type === 'image' ? node.url : this.definitions.get(node.identifier)?.url ?? ''
          out.push(...this.link(url, textRuns(node.alt || url, { ...marks, link: SAFE_URL.test(url) })))
          break
        }
        case 'footnoteReference': {
          const definition = this.notes.get(node.identifier)
          // Word has no footnotes inside footnotes.
          if (!definition || place.note) break
          const specs = this.blocks(definition.children, { level: 0, quote: false, note: true })
          // A space between the note's number and its text, as Word writes it.
          specs.find((spec) => 'paragraph' in spec && spec.paragraph.children.unshift(new TextRun(' ')))
          const children = specs.map(build).filter((block): block is Paragraph => block instanceof Paragraph)
          out.push(new FootnoteReferenceRun({ children: children.length > 0 ? children : [new Paragraph('')] }))
          break
        }
        case 'html': {
          const opened = RAW_CONTENT.exec(node.value)
          if (opened && !new RegExp(`</${opened[1]}\\s*>`, 'i').test(node.value) && !/\/>\s*$/.test(node.value)) skipping = opened[1]
          break
        }
      }
    }
    return out
  }

  private link(url: string, children: ParagraphChild[]): ParagraphChild[] {
    return SAFE_URL.test(url) ? [new ExternalHyperlink({ link: url, children })] : children
  }
}

/** Links that may become live in the document; any other (`javascript:`, `file:`…) stays plain text. */
const SAFE_URL = /^(https?:|mailto:)/i

function build(spec: Spec): Block {
  if ('paragraph' in spec) return new Paragraph(spec.paragraph)
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: spec.table.map((cells, index) => new TableRow({ tableHeader: index === 0, children: cells.map((paragraphs) => new TableCell({ children: paragraphs.map((each) => new Paragraph(each)) })) })),
  })
}

function run(text: string, marks: Marks): TextRun {
  return new TextRun({
    text,
    bold: marks.bold,
    italics: marks.italics,
    strike: marks.strike,
    style: marks.link ? 'Hyperlink' : undefined,
    font: marks.code ? 'Courier New' : undefined,
  })
}

/** Text split so that each `[` and `]` is a bold run of its own; the words are unchanged. */
function textRuns(text: string, marks: Marks): TextRun[] {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .split(/([[\]])/)
    .filter((part) => part !== '')
    .map((part) => (part === '[' || part === ']' ? run(part, { ...marks, bold: true }) : run(part, marks)))
}

