/**
 * The redline as a Word document with real tracked changes: every insertion
 * a `w:ins`, every deletion a `w:del` (a paragraph wholly inserted or deleted
 * has its paragraph mark tracked too), each by the secretariat on the
 * configuration's date, so Word and LibreOffice list them in their review
 * panes and accept or reject them one by one. The secretariat's notes (why a
 * text left) are Word comments: they are not text. Same inputs, same bytes.
 */
import {
  BorderStyle, BuilderElement, CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, Document, ExternalHyperlink,
  FootnoteReferenceRun, HeadingLevel, InsertedTextRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
  type IParagraphOptions, type IRunOptions, type ParagraphChild, type XmlComponent,
} from 'docx'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import type { Definition, FootnoteDefinition, Nodes, PhrasingContent, RootContent } from 'mdast'
import { visit } from 'unist-util-visit'
import { parsePlain } from '../parse/proposal.js'
import { redlineTree, type Change, type RedlineData, type RedlineNote, type RedlinePhrasing, type RedlineResult } from '../revisions/redline.js'
import type { Language } from '../types.js'
import { normaliseDocx } from './docx-normalise.js'
import { docxStyles } from './docx-styles.js'
import { pageSection } from './docx.js'
import type { Labels } from './labels.js'
import { withoutMasthead } from './masthead.js'
import type { RedlineCover } from './redline-markdown.js'

export interface RedlineDocxOptions {
  language: Language
  /** `w:author` of every change: the configuration's `secretariat`, or "Secretariat" in the document's language. */
  author: string
  /** The configuration's date (`YYYY-MM-DD`): `w:date` of every change. */
  date?: string
}

const LANGUAGE_TAGS: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' }
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6]
/** One list level, in twentieths of a point. */
const INDENT = 567
/** Links that may become live in the document; any other stays plain text. */
const SAFE_URL = /^(https?:|mailto:)/i

type Block = Paragraph | Table

interface Marks {
  bold?: boolean
  italics?: boolean
  strike?: boolean
  code?: boolean
  link?: boolean
}

interface Place {
  /** List nesting. */
  level: number
  quote: boolean
  /** Inside a footnote: no footnotes, no comments. */
  note: boolean
}

/** Write the redline as a .docx. */
export async function renderRedlineDocx(result: RedlineResult, cover: RedlineCover, labels: Labels, options: RedlineDocxOptions): Promise<Uint8Array> {
  const writer = new RedlineWriter(options)
  const words = labels.revision.redline
  const note = withoutMasthead(parsePlain(cover.markdown).children, [cover.title, cover.symbol, cover.date])
  const tree = redlineTree(result)
  writer.collectNotes(tree.children)

  const children: Block[] = [
    ...(cover.symbol ? [new Paragraph({ style: 'Masthead', children: [new TextRun({ text: cover.symbol, bold: true })] })] : []),
    ...(cover.date ? [new Paragraph({ style: 'Masthead', text: cover.date })] : []),
    new Paragraph({ style: 'Title', text: cover.title }),
    ...writer.blocks(note),
    new Paragraph({ children: [new TextRun({ text: cover.supersedes, bold: true })] }),
    new Paragraph(cover.changes),
    new Paragraph({ style: 'RedlineLegend', text: words.tracked }),
    ...writer.blocks(tree.children),
  ]
  const styles = docxStyles(LANGUAGE_TAGS[options.language])
  const document = new Document({
    title: `${cover.title} (${words.title})`,
    subject: cover.symbol,
    creator: 'consolidate',
    lastModifiedBy: 'consolidate',
    revision: 1,
    styles: {
      ...styles,
      paragraphStyles: [
        ...(styles.paragraphStyles ?? []),
        { id: 'RedlineLegend', name: 'Redline legend', basedOn: 'Normal', next: 'Normal', run: { italics: true, size: 17 }, paragraph: { spacing: { before: 120, after: 360 } } },
      ],
    },
    comments: { children: writer.comments },
    features: { trackRevisions: true },
    sections: [pageSection(cover.symbol, children)],
  })
  return normaliseDocx(joinRevisions(new Uint8Array(await Packer.toArrayBuffer(document))), options.date)
}

/**
 * One change, one revision: the runs of a change (split where a bracket is set
 * in bold) are written as adjacent `w:ins` or `w:del` elements; they are joined
 * into one, so that a reviewer accepts or rejects `[endeavour to]` at once.
 */
function joinRevisions(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes)
  for (const name of ['word/document.xml', 'word/footnotes.xml']) {
    if (files[name]) files[name] = strToU8(strFromU8(files[name]).replace(/<\/w:(ins|del)><w:\1 w:id="\d+" w:author="[^"]*" w:date="[^"]*">/g, ''))
  }
  return zipSync(files, { level: 0 })
}

/** Walks the redline's syntax tree into Word blocks, numbering the tracked changes and comments as it goes. */
class RedlineWriter {
  readonly comments: Array<{ id: number; author: string; date: Date; children: Paragraph[] }> = []
  private revision = 0
  private readonly notes = new Map<string, FootnoteDefinition>()
  private readonly definitions = new Map<string, Definition>()
  /** A comment waiting for the next paragraph to be anchored to. */
  private pending: number[] = []

  constructor(private readonly options: RedlineDocxOptions) {}

  /** Footnote and link definitions by label, wherever they stand in the text (labels are the document's, unique to each proposal). */
  collectNotes(nodes: RootContent[]): void {
    for (const node of nodes) {
      visit(node, (each) => {
        if (each.type === 'footnoteDefinition' && !this.notes.has(each.identifier)) this.notes.set(each.identifier, each)
        if (each.type === 'definition' && !this.definitions.has(each.identifier)) this.definitions.set(each.identifier, each)
      })
    }
  }

  blocks(nodes: RootContent[], place: Place = { level: 0, quote: false, note: false }): Block[] {
    return nodes.flatMap((node) => this.block(node, place))
  }

  private block(node: RootContent, place: Place): Block[] {
    const change = changeOf(node)
    switch (node.type as string) {
      case 'paragraph':
        return [this.paragraph(this.inlines((node as Extract<Nodes, { type: 'paragraph' }>).children, {}, place), place, change)]
      case 'heading': {
        const heading = node as Extract<Nodes, { type: 'heading' }>
        return [this.paragraph(this.inlines(heading.children, {}, place), place, change, { heading: HEADINGS[Math.min(6, Math.max(1, heading.depth - 1)) - 1], keepNext: true })]
      }
      case 'list':
        return this.list(node as Extract<Nodes, { type: 'list' }>, place)
      case 'blockquote':
        return this.blocks((node as Extract<Nodes, { type: 'blockquote' }>).children, { ...place, quote: true })
      case 'code': {
        const lines = (node as Extract<Nodes, { type: 'code' }>).value.split('\n')
        return [this.paragraph(lines.flatMap((line, index) => this.runs(line, { code: true }, change, index > 0)), place, change, { style: 'CodeBlock' })]
      }
      case 'thematicBreak':
        return [this.paragraph([], place, change, { border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'A0A8B0', space: 1 } } })]
      case 'table':
        return [this.table(node as Extract<Nodes, { type: 'table' }>, place)]
      case 'redlineNote':
        if (!place.note) this.comment((node as unknown as RedlineNote).value)
        return []
      default:
        // Raw HTML and markers (left out), definitions (used where referenced).
        return []
    }
  }

  /** A note of the secretariat, as a Word comment on the next paragraph. */
  private comment(text: string): void {
    const id = this.comments.length
    this.comments.push({ id, author: this.options.author, date: new Date(`${this.options.date ?? '1980-01-01'}T00:00:00Z`), children: [new Paragraph(text)] })
    this.pending.push(id)
  }

  private paragraph(children: ParagraphChild[], place: Place, change: Change | undefined, options: IParagraphOptions = {}): Paragraph {
    const quote = place.quote ? { border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'C0C8D0', space: 8 } } } : {}
    const indent = place.level > 0 && options.indent === undefined ? { indent: { left: INDENT * place.level } } : {}
    let content = children
    if (this.pending.length > 0 && !place.note) {
      const ids = this.pending.splice(0)
      content = [...ids.map((id) => new CommentRangeStart(id)), ...children, ...ids.flatMap((id) => [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })])]
    }
    // A paragraph wholly inserted or deleted: its mark is tracked too, so accepting or rejecting leaves no empty paragraph.
    const run = change ? { run: { [change === 'insert' ? 'insertion' : 'deletion']: this.tracked() } } : {}
    return new Paragraph({ ...quote, ...indent, ...options, ...run, children: content })
  }

  private list(list: Extract<Nodes, { type: 'list' }>, place: Place): Block[] {
    const inner: Place = { ...place, level: place.level + 1 }
    return list.children.flatMap((item, index) => {
      const change = changeOf(item)
      const number = list.ordered ? `${(list.start ?? 1) + index}.` : '\u2022'
      let numbered = false
      return item.children.flatMap((child): Block[] => {
        if (numbered || child.type !== 'paragraph') return this.block(child, inner)
        numbered = true
        const prefix = this.runs(`${number}\t`, {}, change ?? changeOf(child))
        return [this.paragraph([...prefix, ...this.inlines(child.children, {}, inner)], inner, changeOf(child) ?? change, { indent: { left: INDENT * inner.level, hanging: INDENT } })]
      })
    })
  }

  private table(node: Extract<Nodes, { type: 'table' }>, place: Place): Table {
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: node.children.map((row, index) => {
        const change = changeOf(row)
        return new TableRow({
          tableHeader: index === 0,
          ...(change ? { [change === 'insert' ? 'insertion' : 'deletion']: this.tracked() } : {}),
          children: row.children.map((cell) => new TableCell({ children: [this.paragraph(this.inlines(cell.children, index === 0 ? { bold: true } : {}, { ...place, level: 0 }), { ...place, level: 0 }, changeOf(cell))] })),
        })
      }),
    })
  }

  private inlines(nodes: PhrasingContent[], marks: Marks, place: Place, change?: Change): ParagraphChild[] {
    const out: ParagraphChild[] = []
    for (const node of nodes) {
      switch (node.type as string) {
        case 'redline': {
          const mark = node as unknown as RedlinePhrasing
          out.push(...this.inlines(mark.children, marks, place, mark.change))
          break
        }
        case 'text':
          out.push(...this.runs((node as Extract<Nodes, { type: 'text' }>).value, marks, change))
          break
        case 'emphasis':
        case 'strong':
        case 'delete': {
          const parent = node as Extract<Nodes, { type: 'emphasis' | 'strong' | 'delete' }>
          const extra = parent.type === 'emphasis' ? { italics: true } : parent.type === 'strong' ? { bold: true } : { strike: true }
          out.push(...this.inlines(parent.children, { ...marks, ...extra }, place, change))
          break
        }
        case 'inlineCode':
          out.push(this.run((node as Extract<Nodes, { type: 'inlineCode' }>).value, { ...marks, code: true }, change))
          break
        case 'break':
          out.push(this.run('', marks, change, true))
          break
        case 'link': {
          const link = node as Extract<Nodes, { type: 'link' }>
          const safe = SAFE_URL.test(link.url)
          const children = this.inlines(link.children, { ...marks, link: safe }, place, change)
          out.push(...(safe ? [new ExternalHyperlink({ link: link.url, children })] : children))
          break
        }
        case 'linkReference': {
          const reference = node as Extract<Nodes, { type: 'linkReference' }>
          const url = this.definitions.get(reference.identifier)?.url ?? ''
          const safe = SAFE_URL.test(url)
          const children = this.inlines(reference.children, { ...marks, link: safe }, place, change)
          out.push(...(safe ? [new ExternalHyperlink({ link: url, children })] : children))
          break
        }
        case 'image':
        case 'imageReference': {
          // Never embedded: its alt text (or address) stands for it.
          const image = node as Extract<Nodes, { type: 'image' | 'imageReference' }>
          out.push(...this.runs(image.alt || (image.type === 'image' ? image.url : this.definitions.get(image.identifier)?.url ?? ''), marks, change))
          break
        }
        case 'footnoteReference': {
          const definition = this.notes.get((node as Extract<Nodes, { type: 'footnoteReference' }>).identifier)
          // Word has no footnotes inside footnotes.
          if (!definition || place.note) break
          const paragraphs = this.blocks(definition.children, { level: 0, quote: false, note: true }).filter((block): block is Paragraph => block instanceof Paragraph)
          const reference = new FootnoteReferenceRun({ children: paragraphs.length > 0 ? paragraphs : [new Paragraph('')] })
          out.push(change ? this.wrap(change, reference) : reference)
          break
        }
        default:
          // Inline HTML is left out, as in the Word text.
          break
      }
    }
    return out
  }

  /** A run inside `w:ins` or `w:del`. */
  private wrap(change: Change, run: ParagraphChild): ParagraphChild {
    const { id, author, date } = this.tracked()
    return new BuilderElement({
      name: change === 'insert' ? 'w:ins' : 'w:del',
      attributes: { id: { key: 'w:id', value: id }, author: { key: 'w:author', value: author }, date: { key: 'w:date', value: date } },
      children: [run as unknown as XmlComponent],
    }) as unknown as ParagraphChild
  }

  /** The attributes of the next tracked change (without a date in the configuration, the zip format's first day, as the package's dates). */
  private tracked(): { id: number; author: string; date: string } {
    return { id: ++this.revision, author: this.options.author, date: `${this.options.date ?? '1980-01-01'}T00:00:00Z` }
  }

  /** Text as runs: each `[` and `]` in bold so that they stand out, as in the Word text. */
  private runs(text: string, marks: Marks, change: Change | undefined, breakBefore = false): ParagraphChild[] {
    const parts = text.replace(/\s*\n\s*/g, ' ').split(/([[\]])/).filter((part) => part !== '')
    if (breakBefore) return parts.length === 0 ? [this.run('', marks, change, true)] : parts.map((part, index) => this.run(part, bracketed(part, marks), change, index === 0))
    return parts.map((part) => this.run(part, bracketed(part, marks), change))
  }

  private run(text: string, marks: Marks, change: Change | undefined, lineBreak = false): ParagraphChild {
    const options: IRunOptions = {
      text,
      bold: marks.bold,
      italics: marks.italics,
      strike: marks.strike,
      style: marks.link ? 'Hyperlink' : undefined,
      font: marks.code ? 'Courier New' : undefined,
      ...(lineBreak ? { break: 1 } : {}),
    }
    if (!change) return new TextRun(options)
    return change === 'insert' ? new InsertedTextRun({ ...options, ...this.tracked() }) : new DeletedTextRun({ ...options, ...this.tracked() })
  }
}

function bracketed(part: string, marks: Marks): Marks {
  return part === '[' || part === ']' ? { ...marks, bold: true } : marks
}

function changeOf(node: Nodes | RootContent): Change | undefined {
  return (node.data as RedlineData | undefined)?.redline
}
