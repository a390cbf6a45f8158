/**
 * Word objects from the paragraphs convert.ts describes: one flat pass per
 * text, on the main thread, numbering each text's lists on through the
 * document; tracked changes by the secretariat on the configuration's date,
 * and its notes as Word comments.
 */
import {
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  InsertedTextRun,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx'
import type { Change } from '../../tree.js'
import type { DocxBody, InlineSpec, ParagraphSpec, RunSpec } from './convert.js'

export type Block = Paragraph | Table

/** The numbering definitions a document needs: one per start number of its ordered lists. */
export const orderedNumbering = (start: number): string => `ordered-${start}`
export const BULLET = 'bullet'
/** Indentation of one list level, in twentieths of a point (1 cm). */
export const LIST_INDENT = 567

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
]

export interface BuildOptions {
  /** Added at the end of the text's last paragraph: the reference to a note on the whole text. */
  append?: ParagraphChild
  /** Keep the text's last paragraph on the page of the paragraph that follows it. */
  keepWithNext?: boolean
}

export interface BuiltBody {
  blocks: Block[]
  /** Whether the text had a last paragraph to take `append`. */
  appended: boolean
}

/** Who makes the tracked changes, and when: the secretariat, on the configuration's date. */
export interface Reviser {
  author: string
  /** `YYYY-MM-DD`; without it, the zip format's first day, as the package's dates. */
  date?: string
}

/** A Word comment: a note of the secretariat. */
export interface Comment {
  id: number
  author: string
  date: Date
  children: Paragraph[]
}

/** Builds one document's texts, numbering their lists apart, its tracked changes and comments in order. */
export class DocxBuilder {
  /** Start numbers of the ordered lists seen: each needs a numbering definition. */
  readonly starts = new Set<number>([1])
  readonly comments: Comment[] = []
  private lists = 0
  private revision = 0

  constructor(private readonly reviser: Reviser = { author: '' }) {}

  build(body: DocxBody, options: BuildOptions = {}): BuiltBody {
    const offset = this.lists
    this.lists += body.lists
    for (const start of body.starts) this.starts.add(start)
    const blocks = body.blocks.map((block, index): Block => {
      if ('table' in block) return this.table(block.table, block.changes, offset)
      const extra: IParagraphOptions = index === body.last && options.keepWithNext ? { keepNext: true } : {}
      const children = this.children(block.paragraph, offset)
      if (index === body.last && options.append) children.push(options.append)
      return new Paragraph({ ...this.options(block.paragraph, offset), ...extra, children })
    })
    return { blocks, appended: body.last !== undefined && options.append !== undefined }
  }

  /** One paragraph described on its own (generated words). */
  paragraph(spec: ParagraphSpec, extra: IParagraphOptions = {}): Paragraph {
    return new Paragraph({ ...this.options(spec, 0), ...extra, children: this.children(spec, 0) })
  }

  /** Runs described on their own (a footnote's words). */
  inlines(specs: InlineSpec[]): ParagraphChild[] {
    return specs.map((spec) => this.inline(spec, 0))
  }

  private options(spec: ParagraphSpec, offset: number): IParagraphOptions {
    return {
      ...(spec.quote ? { border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'C0C8D0', space: 8 } } } : {}),
      ...(spec.rule ? { border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'A0A8B0', space: 1 } } } : {}),
      ...(spec.indent ? { indent: { left: LIST_INDENT * spec.indent } } : {}),
      ...(spec.heading ? { heading: HEADINGS[spec.heading - 1] } : {}),
      ...(spec.style ? { style: spec.style } : {}),
      ...(spec.keepNext ? { keepNext: true } : {}),
      ...(spec.numbering
        ? {
            numbering: {
              reference: spec.numbering.ordered ? orderedNumbering(spec.numbering.start) : BULLET,
              level: spec.numbering.level,
              instance: offset + spec.numbering.instance,
            },
          }
        : {}),
      // A paragraph wholly inserted or deleted: its mark is tracked too, so accepting or rejecting leaves no empty paragraph.
      ...(spec.change ? { run: { [spec.change === 'insert' ? 'insertion' : 'deletion']: this.tracked() } } : {}),
    }
  }

  private children(spec: ParagraphSpec, offset: number): ParagraphChild[] {
    const children = spec.children.map((child) => this.inline(child, offset))
    if (!spec.comments || spec.comments.length === 0) return children
    const ids = spec.comments.map((text) => this.comment(text))
    return [
      ...ids.map((id) => new CommentRangeStart(id)),
      ...children,
      ...ids.flatMap((id) => [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })]),
    ]
  }

  private inline(spec: InlineSpec, offset: number): ParagraphChild {
    if ('run' in spec) return this.run(spec.run)
    if ('hyperlink' in spec) return new ExternalHyperlink({ link: spec.hyperlink, children: spec.children.map((child) => this.inline(child, offset)) })
    // A note inserted or deleted is marked by its text's own changes.
    return new FootnoteReferenceRun({
      children: spec.footnote.map((paragraph) => new Paragraph({ ...this.options(paragraph, offset), children: this.children(paragraph, offset) })),
    })
  }

  private run(spec: RunSpec): ParagraphChild {
    const options: IRunOptions = {
      text: spec.text,
      break: spec.break ? 1 : undefined,
      bold: spec.bold,
      italics: spec.italics,
      strike: spec.strike,
      style: spec.link ? 'Hyperlink' : undefined,
      font: spec.code ? 'Courier New' : undefined,
    }
    if (!spec.change) return new TextRun(options)
    return spec.change === 'insert' ? new InsertedTextRun({ ...options, ...this.tracked() }) : new DeletedTextRun({ ...options, ...this.tracked() })
  }

  private table(rows: ParagraphSpec[][], changes: Array<Change | null> | undefined, offset: number): Table {
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: rows.map((cells, index) => {
        const change = changes?.[index]
        return new TableRow({
          tableHeader: index === 0,
          ...(change ? { [change === 'insert' ? 'insertion' : 'deletion']: this.tracked() } : {}),
          children: cells.map((cell) => new TableCell({ children: [new Paragraph({ ...this.options(cell, offset), children: this.children(cell, offset) })] })),
        })
      }),
    })
  }

  /** The attributes of the next tracked change. */
  private tracked(): { id: number; author: string; date: string } {
    return { id: ++this.revision, author: this.reviser.author, date: `${this.reviser.date ?? '1980-01-01'}T00:00:00Z` }
  }

  private comment(text: string): number {
    const id = this.comments.length
    this.comments.push({ id, author: this.reviser.author, date: new Date(`${this.reviser.date ?? '1980-01-01'}T00:00:00Z`), children: [new Paragraph(text)] })
    return id
  }
}
