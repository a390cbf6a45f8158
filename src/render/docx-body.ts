/**
 * One proposal's body to Word paragraphs, described as plain data: its own tree
 * (never the whole document) walked once on a parser thread, within the
 * deadline; the document builds the Word objects from it (docx-build.ts).
 * Raw HTML is dropped (Word cannot show it, and proposal text is untrusted);
 * footnotes become Word footnotes.
 */
import type { Definition, FootnoteDefinition, List, Nodes, PhrasingContent, Root, RootContent, Table } from 'mdast'

/** A run of text, or a line break. */
export interface RunSpec {
  text?: string
  break?: true
  bold?: true
  italics?: true
  strike?: true
  /** Styled as a live link. */
  link?: true
  code?: true
}

export type InlineSpec = { run: RunSpec } | { hyperlink: string; children: InlineSpec[] } | { footnote: ParagraphSpec[] }

export interface ParagraphSpec {
  children: InlineSpec[]
  /** A paragraph style (`CodeBlock`). */
  style?: string
  /** A heading level, 1 to 6. */
  heading?: number
  /** A list item's first paragraph; `instance` numbers the body's lists from 1. */
  numbering?: { ordered: boolean; start: number; level: number; instance: number }
  /** List levels to indent by (a list item's later paragraphs). */
  indent?: number
  /** In a block quote: a rule on the left. */
  quote?: true
  /** A thematic break: a rule below an empty paragraph. */
  rule?: true
  keepNext?: true
}

export type BlockSpec = { paragraph: ParagraphSpec } | { table: ParagraphSpec[][] }

export interface DocxBody {
  blocks: BlockSpec[]
  /** The block that can take a note on the whole text: the text's last paragraph, unless the text ends otherwise (a table). */
  last?: number
  /** Start numbers of the body's ordered lists. */
  starts: number[]
  /** How many lists the body has (numbered 1 to `lists` in `numbering.instance`). */
  lists: number
}

/** Elements whose content is code, not text: what stands between their tags is dropped too. */
const RAW_CONTENT = /^<(script|style|iframe|object|embed|template|noscript|textarea|title|svg|math)[\s>]/i
/** Links that may become live in the document; any other (`javascript:`, `file:`…) stays plain text. */
export const SAFE_URL = /^(https?:|mailto:)/i

type Marks = Omit<RunSpec, 'text' | 'break'>

interface Place {
  /** List nesting: 0 outside lists. */
  level: number
  quote: boolean
  /** In a footnote: no further footnotes, no paragraph counted as the text's last. */
  note: boolean
}

/** One body's tree (already placed: brackets in, headings re-levelled) to Word paragraphs. Runs on a parser thread. */
export function docxBody(tree: Root): DocxBody {
  return new BodyWalk(tree).render(tree.children)
}

/** The walk over one body: its definitions and notes, its lists, its last paragraph. */
class BodyWalk {
  private readonly definitions = new Map<string, Definition>()
  private readonly notes = new Map<string, FootnoteDefinition>()
  private readonly starts = new Set<number>()
  private lists = 0
  private last?: ParagraphSpec

  constructor(tree: Root) {
    // Definitions are blocks of the body or of its containers: found without recursion.
    const stack: Nodes[] = [tree]
    while (stack.length > 0) {
      const node = stack.pop()!
      if (node.type === 'definition' && !this.definitions.has(node.identifier)) this.definitions.set(node.identifier, node)
      if (node.type === 'footnoteDefinition' && !this.notes.has(node.identifier)) this.notes.set(node.identifier, node)
      if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index])
    }
  }

  render(nodes: RootContent[]): DocxBody {
    const blocks = this.blocks(nodes, { level: 0, quote: false, note: false })
    // The note on the whole text goes on its last paragraph (set while walking, which the compiler cannot see);
    // there is none when the text ends in a table or has no paragraph at all.
    const last = this.last as ParagraphSpec | undefined
    let index = blocks.length - 1
    while (index >= 0 && !(last !== undefined && 'paragraph' in blocks[index] && (blocks[index] as { paragraph: ParagraphSpec }).paragraph === last)) index--
    return { blocks, ...(index === -1 ? {} : { last: index }), starts: [...this.starts].sort((a, b) => a - b), lists: this.lists }
  }

  private blocks(nodes: RootContent[], place: Place): BlockSpec[] {
    const out: BlockSpec[] = []
    for (const node of nodes) for (const block of this.block(node, place)) out.push(block)
    return out
  }

  private block(node: RootContent, place: Place): BlockSpec[] {
    switch (node.type) {
      case 'paragraph':
        return [this.paragraph(this.inlines(node.children, {}, place), place)]
      case 'heading':
        return [this.paragraph(this.inlines(node.children, {}, place), place, { heading: node.depth, keepNext: true })]
      case 'list':
        return this.list(node, place)
      case 'blockquote':
        return this.blocks(node.children, { ...place, quote: true })
      case 'code':
        return [this.paragraph(node.value.split('\n').map((line, index) => ({ run: index > 0 ? { text: line, break: true } : { text: line } })), place, { style: 'CodeBlock' })]
      case 'thematicBreak':
        return [{ paragraph: { children: [], rule: true } }]
      case 'table':
        return [this.table(node, place)]
      default:
        // html (dropped), definition and footnoteDefinition (used where referenced), yaml.
        return []
    }
  }

  private paragraph(children: InlineSpec[], place: Place, options: Omit<ParagraphSpec, 'children'> = {}): { paragraph: ParagraphSpec } {
    const paragraph: ParagraphSpec = {
      ...(place.quote ? { quote: true } : {}),
      ...(place.level > 0 && options.numbering === undefined ? { indent: place.level } : {}),
      ...options,
      children,
    }
    if (!place.note) this.last = paragraph
    return { paragraph }
  }

  private list(list: List, place: Place): BlockSpec[] {
    const start = list.start ?? 1
    if (list.ordered) this.starts.add(start)
    const instance = ++this.lists
    const level = Math.min(place.level, 8)
    const inner: Place = { ...place, level: place.level + 1 }
    const out: BlockSpec[] = []
    for (const item of list.children) {
      let numbered = false
      for (const child of item.children) {
        if (!numbered && child.type === 'paragraph') {
          numbered = true
          out.push(this.paragraph(this.inlines(child.children, {}, place), inner, { numbering: { ordered: Boolean(list.ordered), start, level, instance } }))
        } else {
          for (const block of this.block(child, inner)) out.push(block)
        }
      }
    }
    return out
  }

  private table(node: Table, place: Place): BlockSpec {
    const rows = node.children.map((row, index) =>
      row.children.map((cell) => this.paragraph(this.inlines(cell.children, index === 0 ? { bold: true } : {}, place), { ...place, level: 0 }).paragraph),
    )
    // A cell is no place for a note on the whole text: a text that ends in a table has it after the table.
    if (!place.note) this.last = undefined
    return { table: rows }
  }

  /** Phrasing content to runs; brackets in the text are set in bold so they stand out. */
  private inlines(nodes: PhrasingContent[], marks: Marks, place: Place): InlineSpec[] {
    const out: InlineSpec[] = []
    const push = (specs: InlineSpec[]): void => {
      for (const spec of specs) out.push(spec)
    }
    let skipping: string | undefined
    for (const node of nodes) {
      if (skipping !== undefined) {
        if (node.type === 'html' && new RegExp(`^</${skipping}\\s*>`, 'i').test(node.value)) skipping = undefined
        continue
      }
      switch (node.type) {
        case 'text':
          push(textRuns(node.value, marks))
          break
        case 'emphasis':
          push(this.inlines(node.children, { ...marks, italics: true }, place))
          break
        case 'strong':
          push(this.inlines(node.children, { ...marks, bold: true }, place))
          break
        case 'delete':
          push(this.inlines(node.children, { ...marks, strike: true }, place))
          break
        case 'inlineCode':
          out.push({ run: { text: node.value, ...marks, code: true } })
          break
        case 'break':
          out.push({ run: { break: true } })
          break
        case 'link':
          push(link(node.url, this.inlines(node.children, linkMarks(marks, node.url), place)))
          break
        case 'linkReference': {
          const url = this.definitions.get(node.identifier)?.url ?? ''
          push(link(url, this.inlines(node.children, linkMarks(marks, url), place)))
          break
        }
        case 'image':
        case 'imageReference': {
          // Never embedded: a link to it, labelled by its alt text.
          const url = node.type === 'image' ? node.url : this.definitions.get(node.identifier)?.url ?? ''
          push(link(url, textRuns(node.alt || url, linkMarks(marks, url))))
          break
        }
        case 'footnoteReference': {
          const definition = this.notes.get(node.identifier)
          // Word has no footnotes inside footnotes.
          if (!definition || place.note) break
          const paragraphs = this.blocks(definition.children, { level: 0, quote: false, note: true }).flatMap((block) => ('paragraph' in block ? [block.paragraph] : []))
          // A space between the note's number and its text, as Word writes it.
          paragraphs[0]?.children.unshift({ run: { text: ' ' } })
          out.push({ footnote: paragraphs.length > 0 ? paragraphs : [{ children: [] }] })
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
}

function linkMarks(marks: Marks, url: string): Marks {
  return SAFE_URL.test(url) ? { ...marks, link: true } : marks
}

function link(url: string, children: InlineSpec[]): InlineSpec[] {
  return SAFE_URL.test(url) ? [{ hyperlink: url, children }] : children
}

/** Text split so that each `[` and `]` is a bold run of its own; line breaks within a paragraph become spaces; the words are unchanged. */
export function textRuns(text: string, marks: Marks): InlineSpec[] {
  return joinLines(text)
    .split(/([[\]])/)
    .filter((part) => part !== '')
    .map((part) => ({ run: part === '[' || part === ']' ? { text: part, ...marks, bold: true } : { text: part, ...marks } }))
}

/**
 * Each line break, with the white space around it, as one space (what
 * `text.replace(/\s*\n\s*\/g, ' ')` does, in linear time: that expression
 * backtracks over every run of spaces without a line break, quadratically).
 */
export function joinLines(text: string): string {
  if (!text.includes('\n')) return text
  const lines = text.split('\n')
  const last = lines.length - 1
  const kept: string[] = []
  for (let index = 0; index <= last; index++) {
    let line = lines[index]
    if (index > 0) line = line.trimStart()
    if (index < last) line = line.trimEnd()
    // A line of white space between two breaks is part of one run: no space of its own.
    if (line === '' && index > 0 && index < last) continue
    kept.push(line)
  }
  return kept.join(' ')
}
