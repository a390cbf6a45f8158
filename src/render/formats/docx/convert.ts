/**
 * A syntax tree to Word paragraphs, described as plain data (build.ts makes
 * the Word objects): one walk, one handler per node type, tracked changes
 * included. It runs on a parser thread for each author's text (within the
 * deadline), and on the main thread for the words the tool generates. Raw
 * HTML is dropped (Word cannot show it, and authors' text is untrusted);
 * footnotes become Word footnotes; a redline's marks become `w:ins`/`w:del`
 * and its notes Word comments.
 */
import type { Definition, FootnoteDefinition, List, Nodes, Parents, PhrasingContent, Root, RootContent, Table } from 'mdast'
import type { Change } from '../../tree.js'
import { changeOf } from '../../tree.js'
import { unliteral } from '../../literal.js'
import type { ConvertContext, Converter } from '../format.js'

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
  /** Inserted or deleted since the older revision (a tracked change). */
  change?: Change
}

export type InlineSpec = { run: RunSpec } | { hyperlink: string; children: InlineSpec[] } | { footnote: ParagraphSpec[]; change?: Change }

export interface ParagraphSpec {
  children: InlineSpec[]
  /** A paragraph style (`CodeBlock`). */
  style?: string
  /** A heading level, 1 to 6. */
  heading?: number
  /** A list item's first paragraph; `instance` numbers the text's lists from 1. */
  numbering?: { ordered: boolean; start: number; level: number; instance: number }
  /** List levels to indent by (a list item's later paragraphs). */
  indent?: number
  /** In a block quote: a rule on the left. */
  quote?: true
  /** A thematic break: a rule below an empty paragraph. */
  rule?: true
  keepNext?: true
  /** The whole paragraph inserted or deleted: its mark is tracked too. */
  change?: Change
  /** Notes of the secretariat anchored on this paragraph (Word comments). */
  comments?: string[]
}

export type BlockSpec = { paragraph: ParagraphSpec } | { table: ParagraphSpec[][]; changes?: Array<Change | null> }

export interface DocxBody {
  blocks: BlockSpec[]
  /** The block that can take a note on the whole text: the text's last paragraph, unless the text ends otherwise (a table). */
  last?: number
  /** Start numbers of the text's ordered lists. */
  starts: number[]
  /** How many lists the text has (numbered 1 to `lists` in `numbering.instance`). */
  lists: number
}

/** On a thread: an author's text, its headings already at the levels Word gives them. */
export const converter: Converter<DocxBody> = { convert: (tree: Root, _context: ConvertContext) => docxBody(tree) }

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
  /** The change of the block being walked (a block wholly inserted or deleted). */
  change?: Change
}

/** A text's tree (already placed: brackets in, headings re-levelled) to Word paragraphs. */
export function docxBody(tree: Root): DocxBody {
  return new BodyWalk(tree).render(tree.children)
}

/** The walk over one tree: its definitions and notes, its lists, its last paragraph, the comments waiting for a paragraph. */
class BodyWalk {
  private readonly definitions = new Map<string, Definition>()
  private readonly notes = new Map<string, FootnoteDefinition>()
  private readonly starts = new Set<number>()
  private lists = 0
  private last?: ParagraphSpec
  /** Notes of the secretariat waiting for the next paragraph to be anchored to. */
  private comments: string[] = []

  constructor(tree: Root) {
    // Definitions are blocks of the text or of its containers: found without recursion.
    const stack: Nodes[] = [tree]
    while (stack.length > 0) {
      const node = stack.pop()!
      if (node.type === 'definition' && !this.definitions.has(node.identifier)) this.definitions.set(node.identifier, node)
      if (node.type === 'footnoteDefinition' && !this.notes.has(node.identifier)) this.notes.set(node.identifier, node)
      if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push((node as Parents).children[index])
    }
  }

  render(nodes: RootContent[]): DocxBody {
    const blocks = this.blocks(nodes, { level: 0, quote: false, note: false })
    // Comments left at the end (a note after the last paragraph) go on a paragraph of their own.
    if (this.comments.length > 0) blocks.push({ paragraph: { children: [], comments: this.comments.splice(0) } })
    // The note on the whole text goes on its last paragraph; there is none when the text ends in a table or has no paragraph at all.
    const last = this.last
    let index = blocks.length - 1
    while (index >= 0) {
      const block = blocks[index]
      if (last !== undefined && 'paragraph' in block && block.paragraph === last) break
      index--
    }
    return { blocks, ...(index === -1 ? {} : { last: index }), starts: [...this.starts].sort((a, b) => a - b), lists: this.lists }
  }

  private blocks(nodes: RootContent[], place: Place): BlockSpec[] {
    const out: BlockSpec[] = []
    for (const node of nodes) for (const block of this.block(node, place)) out.push(block)
    return out
  }

  private block(node: RootContent, outer: Place): BlockSpec[] {
    const place: Place = { ...outer, change: changeOf(node) ?? outer.change }
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
        return [
          this.paragraph(
            node.value.split('\n').map((line, index) => ({ run: { text: line, ...(index > 0 ? { break: true as const } : {}), ...change(place) } })),
            place,
            { style: 'CodeBlock' },
          ),
        ]
      case 'thematicBreak':
        return [this.paragraph([], place, { rule: true })]
      case 'table':
        return [this.table(node, place)]
      case 'redlineNote':
        if (!place.note) this.comments.push(node.value)
        return []
      default:
        // html (dropped), definition and footnoteDefinition (used where referenced), yaml.
        return []
    }
  }

  private paragraph(children: InlineSpec[], place: Place, options: Omit<ParagraphSpec, 'children'> = {}): { paragraph: ParagraphSpec } {
    const paragraph: ParagraphSpec = {
      ...(place.quote ? { quote: true } : {}),
      ...(place.level > 0 && options.numbering === undefined ? { indent: place.level } : {}),
      ...(place.change ? { change: place.change } : {}),
      ...options,
      children,
    }
    if (!place.note && this.comments.length > 0) paragraph.comments = this.comments.splice(0)
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
      const itemPlace: Place = { ...inner, change: changeOf(item) ?? inner.change }
      let numbered = false
      for (const child of item.children) {
        if (!numbered && child.type === 'paragraph') {
          numbered = true
          const childPlace: Place = { ...itemPlace, change: changeOf(child) ?? itemPlace.change }
          out.push(
            this.paragraph(this.inlines(child.children, {}, childPlace), childPlace, { numbering: { ordered: Boolean(list.ordered), start, level, instance } }),
          )
        } else {
          for (const block of this.block(child, itemPlace)) out.push(block)
        }
      }
    }
    return out
  }

  private table(node: Table, place: Place): BlockSpec {
    const changes = node.children.map((row) => changeOf(row) ?? place.change ?? null)
    const rows = node.children.map((row, index) =>
      row.children.map((cell) => {
        const cellPlace: Place = { ...place, level: 0, change: changeOf(cell) ?? changes[index] ?? undefined }
        return this.paragraph(this.inlines(cell.children, index === 0 ? { bold: true } : {}, cellPlace), cellPlace).paragraph
      }),
    )
    // A cell is no place for a note on the whole text: a text that ends in a table has it after the table.
    if (!place.note) this.last = undefined
    return changes.some((each) => each !== null) ? { table: rows, changes } : { table: rows }
  }

  /** Phrasing content to runs; brackets in the text are set in bold so they stand out. */
  private inlines(nodes: PhrasingContent[], marks: Marks, place: Place): InlineSpec[] {
    const out: InlineSpec[] = []
    const push = (specs: InlineSpec[]): void => {
      for (const spec of specs) out.push(spec)
    }
    const own: Marks = place.change && marks.change === undefined ? { ...marks, change: place.change } : marks
    let skipping: string | undefined
    for (const node of nodes) {
      if (skipping !== undefined) {
        if (node.type === 'html' && new RegExp(`^</${skipping}\\s*>`, 'i').test(node.value)) skipping = undefined
        continue
      }
      switch (node.type) {
        case 'text':
          push(textRuns(node.value, own))
          break
        case 'mark':
          push(this.inlines(node.children, { ...own, change: node.change }, place))
          break
        case 'term':
        case 'reference':
          push(this.inlines(node.children, own, place))
          break
        case 'emphasis':
          push(this.inlines(node.children, { ...own, italics: true }, place))
          break
        case 'strong':
          push(this.inlines(node.children, { ...own, bold: true }, place))
          break
        case 'delete':
          push(this.inlines(node.children, { ...own, strike: true }, place))
          break
        case 'inlineCode':
          out.push({ run: { text: node.value, ...own, code: true } })
          break
        case 'break':
          out.push({ run: { break: true, ...change(own) } })
          break
        case 'link':
          push(link(node.url, this.inlines(node.children, linkMarks(own, node.url), place)))
          break
        case 'linkReference': {
          const url = this.definitions.get(node.identifier)?.url ?? ''
          push(link(url, this.inlines(node.children, linkMarks(own, url), place)))
          break
        }
        case 'image':
        case 'imageReference': {
          // Never embedded: a link to it, labelled by its alt text.
          const url = node.type === 'image' ? node.url : (this.definitions.get(node.identifier)?.url ?? '')
          push(link(url, textRuns(node.alt || url, linkMarks(own, url))))
          break
        }
        case 'footnoteReference': {
          const definition = this.notes.get(node.identifier)
          // Word has no footnotes inside footnotes.
          if (!definition || place.note) break
          const paragraphs = this.blocks(definition.children, { level: 0, quote: false, note: true, change: changeOf(definition) }).flatMap((block) =>
            'paragraph' in block ? [block.paragraph] : [],
          )
          // A space between the note's number and its text, as Word writes it.
          paragraphs[0]?.children.unshift({ run: { text: ' ' } })
          out.push({ footnote: paragraphs.length > 0 ? paragraphs : [{ children: [] }], ...change(own) })
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

function change(marks: { change?: Change }): { change?: Change } {
  return marks.change ? { change: marks.change } : {}
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
    .map((part) => ({ run: part === '[' || part === ']' ? { text: part, ...marks, bold: true } : { text: unliteral(part), ...marks } }))
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
