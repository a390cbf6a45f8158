/**
 * The Negotiation to `consolidated.docx`: Word heading styles, numbered
 * paragraphs, attributions in footnotes, stocktaking flags, the withdrawn
 * annex, page numbers. Same inputs, same bytes (see `normaliseDocx`).
 */
import { AlignmentType, Document, FootnoteReferenceRun, Footer, Header, LevelFormat, Packer, PageNumber, Paragraph, TextRun, type ILevelsOptions } from 'docx'
import { toString } from 'mdast-util-to-string'
import { attributionText, labelsFor, type Labels } from './labels.js'
import type { Config, Language, Negotiation, PlacedNote, Placement, TopicNode } from '../types.js'
import { renderBody } from './apply-edits.js'
import { BULLET, DocxBodies, LIST_INDENT, orderedNumbering, type Block } from './docx-body.js'
import { docxStyles } from './docx-styles.js'
import { coverValues, DEFAULT_COVER, incorporatesText, noTextWords, noteLabel, parkedLabel, renderCover } from './markdown.js'
import { normaliseDocx } from './docx-normalise.js'

export interface DocxTemplates {
  /** `templates/cover.md`: its text beyond the title, symbol and date is the cover note. */
  cover?: string
}

const LANGUAGE_TAGS: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' }

/** Render the consolidated text as a Word document. */
export async function renderDocx(negotiation: Negotiation, templates: DocxTemplates = {}): Promise<Uint8Array> {
  const { config } = negotiation
  const labels = labelsFor(config.language)
  const values = coverValues(negotiation, labels)
  const bodies = new DocxBodies()

  const children: Block[] = coverBlocks(values, renderCover(negotiation, templates.cover ?? DEFAULT_COVER, labels), bodies)
  const visit = (topics: TopicNode[]): void => {
    for (const topic of topics) {
      children.push(new Paragraph({
        style: `Heading${Math.min(6, topic.depth)}`,
        pageBreakBefore: topic.depth === 1,
        text: topic.title ? `${topic.id}\u2003${topic.title}` : topic.id,
      }))
      for (const placed of topic.notes) children.push(...noteBlocks(placed, topic, bodies, labels))
      for (const placement of topic.placements) children.push(...proposalBlocks(placement, topic, bodies, labels))
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

  return packDocx(config, values, bodies, children)
}

/** The cover from the model: symbol and date top right, the title, what the document is, the cover note, the disclaimer. */
export function coverBlocks(values: CoverValues, cover: string, bodies: DocxBodies, subtitle?: string): Block[] {
  const masthead = new Set([values.title, values.symbol, values.date, values.disclaimer].filter(Boolean).map((value) => squash(value as string)))
  const note = bodies.render(cover, { keep: (node) => !masthead.has(squash(toString(node))) })
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
export async function packDocx(config: Config, values: CoverValues, bodies: DocxBodies, children: Block[]): Promise<Uint8Array> {
  const pageNumber = (): Footer => new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, style: 'PageNumber', children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'] })] })] })
  const document = new Document({
    title: values.title,
    subject: values.symbol,
    creator: 'consolidate',
    lastModifiedBy: 'consolidate',
    revision: 1,
    styles: docxStyles(LANGUAGE_TAGS[config.language]),
    numbering: {
      config: [
        ...[...bodies.starts].sort((a, b) => a - b).map((start) => ({ reference: orderedNumbering(start), levels: levels((level) => ({ format: LevelFormat.DECIMAL, text: `%${level + 1}.`, start })) })),
        { reference: BULLET, levels: levels((level) => ({ format: LevelFormat.BULLET, text: ['\u2022', '\u2013', '\u25e6'][level % 3] })) },
      ],
    },
    sections: [{
      properties: {
        titlePage: true,
        page: { size: { width: 11906, height: 16838 }, margin: { top: 1418, right: 1418, bottom: 1418, left: 1418, header: 709, footer: 709 } },
      },
      headers: {
        default: new Header({ children: [new Paragraph({ style: 'RunningHead', text: values.symbol ?? '' })] }),
        first: new Header({ children: [new Paragraph('')] }),
      },
      footers: { default: pageNumber(), first: pageNumber() },
      children,
    }],
  })
  return normaliseDocx(new Uint8Array(await Packer.toArrayBuffer(document)), config.date)
}

/** Label, text, the attribution as a footnote on the text's last word, and the stocktaking flag. */
function proposalBlocks(placement: Placement, topic: TopicNode, bodies: DocxBodies, labels: Labels): Block[] {
  const { proposal } = placement
  const markdown = proposal.noText ? noTextWords(placement, labels) : renderBody(proposal.body, { bracketed: proposal.status !== 'stabilized', headingLevel: Math.min(6, topic.depth) })
  const documentNote = proposal.document ? ` (${proposal.document})` : ''
  const incorporates = incorporatesText(placement, labels)
  const attribution = new FootnoteReferenceRun({ children: [new Paragraph(` ${attributionText(placement.authors, placement.supporters, labels)}${documentNote}${incorporates ? ` ${incorporates}` : ''}`)] })
  const body = bodies.render(markdown, { append: attribution, keepWithNext: placement.referred })
  const label = [
    placement.alt !== undefined ? `${labels.alt} ${placement.alt}` : undefined,
    proposal.status === 'stabilized' ? labels.stabilized : undefined,
    proposal.status === 'parked' ? parkedLabel(proposal.reason, labels) : undefined,
  ].filter(Boolean).join(' \u2013 ')
  const blocks: Block[] = []
  // A text without a paragraph (a lone table or code block) has the note on its label.
  if (label || !body.appended) blocks.push(new Paragraph({ style: 'AltLabel', children: [new TextRun(label), ...(body.appended ? [] : [attribution])] }))
  blocks.push(...body.blocks)
  if (placement.referred) {
    blocks.push(new Paragraph({
      style: placement.level === 'none' ? 'StocktakingNone' : 'StocktakingLimited',
      text: labels.referred.replace('{level}', labels.level[placement.level]),
    }))
  }
  return blocks
}

/** A note: its kind and author as a label, then its text, under its topic's heading. */
function noteBlocks(placed: PlacedNote, topic: TopicNode, bodies: DocxBodies, labels: Labels): Block[] {
  const markdown = renderBody(placed.note.body, { bracketed: false, headingLevel: Math.min(6, topic.depth) })
  return [new Paragraph({ style: 'NoteLabel', text: noteLabel(placed, labels) }), ...bodies.render(markdown).blocks]
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

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
