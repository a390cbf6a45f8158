/** The clean text to `clean.docx` (docs/reference.md, The clean text): headings, the articles' texts, the concordance; same inputs, same bytes. Pure. */
import { BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import type { CleanEntry, CleanText } from '../assemble/clean.js'
import { articleKey, bodyOf } from './bodies.js'
import { articleHeading, cleanCoverValues } from './clean.js'
import type { DocxBody } from './docx-body.js'
import { DocxBuilder, type Block } from './docx-build.js'
import { coverBlocks, packDocx } from './docx.js'
import { labelsFor, type Labels } from './labels.js'

/** Render the clean text as a Word document, from its `bodies` (see `cleanBodies`). */
export async function renderCleanDocx(clean: CleanText, bodies: Map<string, DocxBody>): Promise<Uint8Array> {
  const { config } = clean
  const labels = labelsFor(config.language)
  const values = cleanCoverValues(clean, labels)
  const builder = new DocxBuilder()
  const children: Block[] = coverBlocks(values, bodyOf(bodies, 'cover'), builder, labels.record.clean.title)
  const visit = (entries: CleanEntry[]): void => {
    for (const entry of entries) {
      const style = `Heading${Math.min(6, entry.depth)}`
      if (entry.article) {
        children.push(new Paragraph({ style, text: articleHeading(entry.article, entry, labels) }))
        for (const { proposal } of entry.article.texts) children.push(...builder.build(bodyOf(bodies, articleKey(entry.article.number, proposal.id))).blocks)
      } else {
        children.push(new Paragraph({ style, pageBreakBefore: entry.depth === 1, text: entry.title ? `${entry.id}\u2003${entry.title}` : entry.id }))
      }
      visit(entry.children)
    }
  }
  visit(clean.entries)
  children.push(new Paragraph({ style: 'Heading1', pageBreakBefore: true, text: `${labels.annex}${labels.colon}${labels.record.clean.concordance}` }))
  children.push(new Paragraph(labels.record.clean.concordanceIntro))
  children.push(concordance(clean, labels))
  return packDocx(config, values, builder, children)
}

function concordance(clean: CleanText, labels: Labels): Table {
  const words = labels.record.clean
  const line = { style: BorderStyle.SINGLE, size: 4, color: 'D5DAE0' }
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
  const borders = { top: none, left: none, right: none, bottom: line }
  const cell = (runs: TextRun[], width: number): TableCell =>
    new TableCell({ borders, width: { size: width, type: WidthType.PERCENTAGE }, children: [new Paragraph({ spacing: { after: 40 }, children: runs })] })
  const header = new TableRow({
    tableHeader: true,
    children: [words.columns.topic, words.columns.article, words.columns.proposals].map((text, index) => cell([new TextRun({ text, bold: true })], [50, 20, 30][index])),
  })
  const rows = clean.concordance.map((row) => new TableRow({
    cantSplit: true,
    children: [
      cell([new TextRun({ text: row.id, bold: true }), new TextRun(row.title ? `\u2003${row.title}` : '')], 50),
      cell([row.article === undefined ? new TextRun({ text: words.noText, italics: true }) : new TextRun(words.article.replace('{n}', String(row.article)))], 20),
      cell(row.ids.flatMap((id, index) => [...(index === 0 ? [] : [new TextRun(labels.separator)]), new TextRun({ text: id, font: 'Courier New', size: 17 })]), 30),
    ],
  }))
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] })
}
