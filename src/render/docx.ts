/**
 * The Negotiation to `consolidated.docx`: Word heading styles, numbered
 * paragraphs, attributions in footnotes, stocktaking flags, the withdrawn
 * annex, page numbers. Same inputs, same bytes (see `normaliseDocx`).
 */
import { AlignmentType, Document, FootnoteReferenceRun, Footer, Header, LevelFormat, Packer, PageNumber, Paragraph, TextRun, type ILevelsOptions, type ISectionOptions } from 'docx'
import { attributionText, labelsFor, type Labels } from './labels.js'
import type { Config, Language, Negotiation, PlacedNote, Placement, TopicNode } from '../types.js'
import { bodyOf } from './bodies.js'
import type { DocxBody } from './docx-body.js'
import { BULLET, DocxBuilder, LIST_INDENT, orderedNumbering, type Block } from './docx-build.js'
import { docxStyles } from './docx-styles.js'
import { coverValues, incorporatesText, noteLabel, parkedLabel } from './markdown.js'
import { normaliseDocx } from './docx-normalise.js'

const LANGUAGE_TAGS: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' }

/**
 * Render the consolidated text as a Word document, from its `bodies` (the
 * cover's, each note's and each live proposal's, see `consolidatedBodies`).
 */
export async function renderDocx(negotiation: Negotiation, bodies: Map<string, DocxBody>): Promise<Uint8Array> {
  const { config } = negotiation
  const labels = labelsFor(config.language)
  const values = coverValues(negotiation, labels)
  const builder = new DocxBuilder()
  const context: Context = { labels, builder, bodies }

  const children: Block[] = coverBlocks(values, bodyOf(bodies, 'cover'), builder)
  const visit = (topics: TopicNode[]): void => {
    for (const topic of topics) {
      children.push(new Paragraph({
        style: `Heading${Math.min(6, topic.depth)}`,
        pageBreakBefore: topic.depth === 1,
        text: topic.title ? `${topic.id}\u2003${topic.title}` : topic.id,
      }))
      for (const placed of topic.notes) for (const block of noteBlocks(placed, context)) children.push(block)
      for (const placement of topic.placements) for (const block of proposalBlocks(placement, context)) children.push(block)
      visit(topic.children)
    }
  }
  visit(negotiation.topics)

  children.push(new Paragraph({ style: 'Heading1', pageBreakBefore: true, text: `${labels.annex}${labels.colon}${labels.withdrawn}` }))
  if (negotiation.withdrawn.length === 0) children.push(new Paragraph(labels.withdrawnNone))
  for (const { proposal, authors } of negotiation.withdrawn) {
    children.push(new Paragraph({
      numbering: { reference: BULLET, level: 0 },
      children: [
        new TextRun({ text: proposal.id, font: 'Courier New' }),
        new TextRun(`, ${proposal.topic.value}${labels.colon.trimEnd()}${proposal.title ? ` ${proposal.title}.` : ''}${proposal.document ? ` (${proposal.document})` : ''} ${attributionText(authors, undefined, labels)}`),
      ],
    }))
  }

  if (negotiation.merged.length > 0) {
    children.push(new Paragraph({ style: 'Heading1', pageBreakBefore: true, text: `${labels.annex}${labels.colon}${labels.record.merged}` }))
    for (const { proposal, authors, into } of negotiation.merged) {
      const [before, after] = labels.record.mergedInto.split('{id}')
      children.push(new Paragraph({
        numbering: { reference: BULLET, level: 0 },
        children: [
          new TextRun({ text: proposal.id, font: 'Courier New' }),
          new TextRun(`, ${proposal.topic.value}${labels.colon.trimEnd()}${proposal.title ? ` ${proposal.title}.` : ''}${proposal.document ? ` (${proposal.document})` : ''} ${attributionText(authors, undefined, labels)} ${before}`),
          new TextRun({ text: into.id, font: 'Courier New' }),
          new TextRun(after.replace('{topic}', () => into.topic.value)),
        ],
      }))
    }
  }

  return packDocx(config, values, builder, children)
}

interface Context {
  labels: Labels
  builder: DocxBuilder
  bodies: Map<string, DocxBody>
}

/** The cover from the model: symbol and date top right, the title, what the document is, the cover note, the disclaimer. */
export function coverBlocks(values: CoverValues, cover: DocxBody, builder: DocxBuilder, subtitle?: string): Block[] {
  const note = builder.build(cover)
  return [
    ...(values.symbol ? [new Paragraph({ style: 'Masthead', children: [new TextRun({ text: values.symbol, bold: true })] })] : []),
    ...(values.date ? [new Paragraph({ style: 'Masthead', text: values.date })] : []),
    new Paragraph({ style: 'Title', text: values.title }),
    ...(subtitle ? [new Paragraph({ style: 'Subtitle', text: subtitle })] : []),
    ...note.blocks,
    ...(values.disclaimer ? [new Paragraph({ style: 'Disclaimer', text: values.disclaimer })] : []),
  ]
}

type CoverValues = ReturnType<typeof coverValues>

/** The document around `children`: styles, list numbering, A4 pages with the symbol as running head and page numbers; the same bytes on every build. */
export async function packDocx(config: Config, values: CoverValues, builder: DocxBuilder, children: Block[]): Promise<Uint8Array> {
  const document = new Document({
    title: values.title,
    subject: values.symbol,
    creator: 'consolidate',
    lastModifiedBy: 'consolidate',
    revision: 1,
    styles: docxStyles(LANGUAGE_TAGS[config.language]),
    numbering: {
      config: [
        ...[...builder.starts].sort((a, b) => a - b).map((start) => ({ reference: orderedNumbering(start), levels: levels((level) => ({ format: LevelFormat.DECIMAL, text: `%${level + 1}.`, start })) })),
        { reference: BULLET, levels: levels((level) => ({ format: LevelFormat.BULLET, text: ['\u2022', '\u2013', '\u25e6'][level % 3] })) },
      ],
    },
    sections: [pageSection(values.symbol, children)],
  })
  return normaliseDocx(new Uint8Array(await Packer.toArrayBuffer(document)), config.date)
}

/** Label, text, the attribution as a footnote on the text's last word (or after the text), and the stocktaking flag. */
function proposalBlocks(placement: Placement, { labels, builder, bodies }: Context): Block[] {
  const { proposal } = placement
  const documentNote = proposal.document ? ` (${proposal.document})` : ''
  const incorporates = incorporatesText(placement, labels)
  const attribution = new FootnoteReferenceRun({ children: [new Paragraph(` ${attributionText(placement.authors, placement.supporters, labels)}${documentNote}${incorporates ? ` ${incorporates}` : ''}`)] })
  const body = builder.build(bodyOf(bodies, `proposal:${proposal.id}`), { append: attribution, keepWithNext: placement.referred })
  const label = [
    placement.alt !== undefined ? `${labels.alt} ${placement.alt}` : undefined,
    proposal.status === 'stabilized' ? labels.stabilized : undefined,
    proposal.status === 'parked' ? parkedLabel(proposal.reason, labels) : undefined,
  ].filter(Boolean).join(' \u2013 ')
  const blocks: Block[] = label ? [new Paragraph({ style: 'AltLabel', children: [new TextRun(label)] }), ...body.blocks] : [...body.blocks]
  // A text that ends in a table (or has no paragraph at all) has its note in a paragraph of its own after it.
  if (!body.appended) blocks.push(new Paragraph({ keepNext: placement.referred || undefined, children: [attribution] }))
  if (placement.referred) {
    blocks.push(new Paragraph({
      style: placement.level === 'none' ? 'StocktakingNone' : 'StocktakingLimited',
      text: labels.referred.replace('{level}', labels.level[placement.level]),
    }))
  }
  return blocks
}

/** A note: its kind and author as a label, then its text, under its topic's heading. */
function noteBlocks(placed: PlacedNote, { labels, builder, bodies }: Context): Block[] {
  return [new Paragraph({ style: 'NoteLabel', text: noteLabel(placed, labels) }), ...builder.build(bodyOf(bodies, `note:${placed.note.id}`)).blocks]
}

/** The one section of a document: A4 pages, the symbol as running head from the second page, page numbers. */
export function pageSection(symbol: string | undefined, children: Block[]): ISectionOptions {
  const pageNumber = (): Footer => new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, style: 'PageNumber', children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'] })] })] })
  return {
    properties: {
      titlePage: true,
      page: { size: { width: 11906, height: 16838 }, margin: { top: 1418, right: 1418, bottom: 1418, left: 1418, header: 709, footer: 709 } },
    },
    headers: {
      default: new Header({ children: [new Paragraph({ style: 'RunningHead', text: symbol ?? '' })] }),
      first: new Header({ children: [new Paragraph('')] }),
    },
    footers: { default: pageNumber(), first: pageNumber() },
    children,
  }
}

/** The nine levels of a list, each indented one step further. */
function levels(format: (level: number) => Pick<ILevelsOptions, 'format' | 'text' | 'start'>): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    alignment: AlignmentType.START,
    ...format(level),
    style: { paragraph: { indent: { left: LIST_INDENT * (level + 1), hanging: LIST_INDENT } } },
  }))
}

