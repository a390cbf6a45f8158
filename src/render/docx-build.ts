/**
 * Word objects from the bodies' descriptions (docx-body.ts): one flat pass per
 * body, on the main thread, numbering each body's lists on through the document.
 */
import { BorderStyle, ExternalHyperlink, FootnoteReferenceRun, HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type IParagraphOptions, type ParagraphChild } from 'docx'
import type { DocxBody, InlineSpec, ParagraphSpec, RunSpec } from './docx-body.js'

export type Block = Paragraph | Table

/** The numbering definitions a document needs: one per start number of its ordered lists. */
export const orderedNumbering = (start: number): string => `ordered-${start}`
export const BULLET = 'bullet'
/** Indentation of one list level, in twentieths of a point (1 cm). */
export const LIST_INDENT = 567

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6]

export interface BuildOptions {
  /** Added at the end of the text's last paragraph: the reference to a note on the whole proposal. */
  append?: ParagraphChild
  /** Keep the text's last paragraph on the page of the paragraph that follows it. */
  keepWithNext?: boolean
}

export interface BuiltBody {
  blocks: Block[]
  /** Whether the text had a last paragraph to take `append`. */
  appended: boolean
}

/** Builds one document's bodies, numbering their lists apart. */
export class DocxBuilder {
  /** Start numbers of the ordered lists seen: each needs a numbering definition. */
  readonly starts = new Set<number>([1])
  private lists = 0

  build(body: DocxBody, options: BuildOptions = {}): BuiltBody {
    const offset = this.lists
    this.lists += body.lists
    for (const start of body.starts) this.starts.add(start)
    const blocks = body.blocks.map((block, index): Block => {
      if ('table' in block) return table(block.table, offset)
      const extra: IParagraphOptions = index === body.last && options.keepWithNext ? { keepNext: true } : {}
      const children = paragraphChildren(block.paragraph, offset)
      if (index === body.last && options.append) children.push(options.append)
      return new Paragraph({ ...paragraphOptions(block.paragraph, offset), ...extra, children })
    })
    return { blocks, appended: body.last !== undefined && options.append !== undefined }
  }
}

function paragraphOptions(spec: ParagraphSpec, offset: number): IParagraphOptions {
  return {
    ...(spec.quote ? { border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'C0C8D0', space: 8 } } } : {}),
    ...(spec.rule ? { border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'A0A8B0', space: 1 } } } : {}),
    ...(spec.indent ? { indent: { left: LIST_INDENT * spec.indent } } : {}),
    ...(spec.heading ? { heading: HEADINGS[spec.heading - 1] } : {}),
    ...(spec.style ? { style: spec.style } : {}),
    ...(spec.keepNext ? { keepNext: true } : {}),
    ...(spec.numbering
      ? { numbering: { reference: spec.numbering.ordered ? orderedNumbering(spec.numbering.start) : BULLET, level: spec.numbering.level, instance: offset + spec.numbering.instance } }
      : {}),
  }
}

function paragraphChildren(spec: ParagraphSpec, offset: number): ParagraphChild[] {
  return spec.children.map((child) => inline(child, offset))
}

function inline(spec: InlineSpec, offset: number): ParagraphChild {
  if ('run' in spec) return run(spec.run)
  if ('hyperlink' in spec) return new ExternalHyperlink({ link: spec.hyperlink, children: spec.children.map((child) => inline(child, offset)) })
  return new FootnoteReferenceRun({ children: spec.footnote.map((paragraph) => new Paragraph({ ...paragraphOptions(paragraph, offset), children: paragraphChildren(paragraph, offset) })) })
}

function run(spec: RunSpec): TextRun {
  return new TextRun({
    text: spec.text,
    break: spec.break ? 1 : undefined,
    bold: spec.bold,
    italics: spec.italics,
    strike: spec.strike,
    style: spec.link ? 'Hyperlink' : undefined,
    font: spec.code ? 'Courier New' : undefined,
  })
}

function table(rows: ParagraphSpec[][], offset: number): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map((cells, index) => new TableRow({
      tableHeader: index === 0,
      children: cells.map((cell) => new TableCell({ children: [new Paragraph({ ...paragraphOptions(cell, offset), children: paragraphChildren(cell, offset) })] })),
    })),
  })
}
