/**
 * Any document tree to a Word document: one handler per node of our own
 * (the cover, sections, a proposal's label, text, attribution as a footnote
 * and flag, notes, annexes, the concordance), the words the tool generates
 * converted as authors' texts are (convert.ts), tracked changes and comments
 * in a redline. Same inputs, same bytes (see `normaliseDocx`).
 */
import {
  AlignmentType,
  BorderStyle,
  Document as WordDocument,
  Footer,
  FootnoteReferenceRun,
  Header,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type ISectionOptions,
} from 'docx'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import type { PhrasingContent, RootContent } from 'mdast'
import type { Language } from '../../../types.js'
import { visible } from '../../../diagnostics/format.js'
import { labelsFor } from '../../labels.js'
import type { Annex, BodyChange, BodyNode, ChairTextBlock, Concordance, Cover, Document, NoteBlock, ProposalBlock, Section } from '../../tree.js'
import type { Assets, Compiler, Prepared } from '../format.js'
import { wordsFor } from '../../i18n/index.js'
import { BULLET, DocxBuilder, LIST_INDENT, orderedNumbering, type Block } from './build.js'
import { docxBody, type DocxBody, type InlineSpec, type RunSpec } from './convert.js'
import { normaliseDocx } from './normalise.js'
import { docxStyles } from './styles.js'

const LANGUAGE_TAGS: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' }

export const compiler: Compiler = {
  compile: (document, prepared, assets) => compileDocx(document, prepared, assets),
}

/** Write `document` as a .docx; `assets.reference`, the secretariat's reference document, gives its styles, page size and margins. */
export async function compileDocx(document: Document, prepared: Prepared, assets: Assets = {}): Promise<Uint8Array> {
  const { meta } = document
  const redline = meta.redline !== undefined
  // The configuration's words, written out as every generated word is (control and bidirectional characters visible).
  const author = visible(meta.author ?? labelsFor(meta.language).revision.redline.secretariat)
  const builder = new DocxBuilder({ author, date: meta.isoDate })
  const writer = new Writer(builder, prepared, meta.pageBreaks === 'sections')
  const children = writer.blocks(document.tree.children)
  const styles = docxStyles(LANGUAGE_TAGS[meta.language])
  const word = new WordDocument({
    title: visible(meta.redline ? `${meta.title} (${meta.redline.title})` : meta.title),
    subject: meta.symbol && visible(meta.symbol),
    creator: meta.author ? author : 'consolidate',
    lastModifiedBy: meta.author ? author : 'consolidate',
    revision: 1,
    styles,
    numbering: {
      config: [
        ...[...builder.starts]
          .sort((a, b) => a - b)
          .map((start) => ({
            reference: orderedNumbering(start),
            levels: levels((level) => ({ format: LevelFormat.DECIMAL, text: `%${level + 1}.`, start })),
          })),
        { reference: BULLET, levels: levels((level) => ({ format: LevelFormat.BULLET, text: ['\u2022', '\u2013', '\u25e6'][level % 3] })) },
      ],
    },
    ...(redline ? { comments: { children: builder.comments }, features: { trackRevisions: true } } : {}),
    sections: [pageSection(meta.symbol && visible(meta.symbol), children, wordsFor(meta.language).template('document.page'))],
  })
  const packed = new Uint8Array(await Packer.toArrayBuffer(word))
  const referenced = assets.reference ? withReference(packed, assets.reference) : packed
  return normaliseDocx(redline ? joinRevisions(referenced) : referenced, meta.isoDate)
}

/**
 * The document to the secretariat's reference document: its styles (ours
 * added where it has none of the same id), its page size and margins.
 */
function withReference(bytes: Uint8Array, reference: { bytes: Uint8Array; styles: string }): Uint8Array {
  const files = unzipSync(bytes)
  const ours = strFromU8(files['word/styles.xml'])
  const theirs = new Set([...reference.styles.matchAll(/<w:style\b[^>]*\bw:styleId="([^"]*)"/g)].map((match) => match[1]))
  const missing = [...ours.matchAll(/<w:style\b[^>]*\bw:styleId="([^"]*)"[^>]*>[\s\S]*?<\/w:style>/g)]
    .filter((match) => !theirs.has(match[1]))
    .map((match) => match[0])
  files['word/styles.xml'] = strToU8(reference.styles.replace(/<\/w:styles>\s*$/, `${missing.join('')}</w:styles>`))
  const page = pageOf(reference.bytes)
  if (page) {
    let xml = strFromU8(files['word/document.xml'])
    if (page.size) xml = xml.replace(/<w:pgSz\b[^>]*\/>/g, page.size)
    if (page.margins) xml = xml.replace(/<w:pgMar\b[^>]*\/>/g, page.margins)
    files['word/document.xml'] = strToU8(xml)
  }
  return zipSync(files, { level: 0 })
}

/** The page size and margins of a Word document's last section, as written. */
function pageOf(bytes: Uint8Array): { size?: string; margins?: string } | undefined {
  try {
    const xml = strFromU8(unzipSync(bytes, { filter: (entry) => entry.name === 'word/document.xml' })['word/document.xml'] ?? new Uint8Array())
    const section = xml.slice(xml.lastIndexOf('<w:sectPr'))
    return { size: /<w:pgSz\b[^>]*\/>/.exec(section)?.[0], margins: /<w:pgMar\b[^>]*\/>/.exec(section)?.[0] }
  } catch {
    // The reference was checked when read: a document that cannot be read here keeps the built-in page.
    return undefined
  }
}

/** Walks the document tree into Word blocks. */
class Writer {
  /** The annexes start on a new page together: only the first breaks. */
  private annexes = 0

  constructor(
    private readonly builder: DocxBuilder,
    private readonly prepared: Prepared,
    /** `pageBreaks: sections`: each section of the text starts on a new page. */
    private readonly breakSections: boolean,
  ) {}

  blocks(nodes: RootContent[]): Block[] {
    return nodes.flatMap((node) => this.block(node))
  }

  private block(node: RootContent): Block[] {
    switch (node.type) {
      case 'cover':
        return this.cover(node)
      case 'section':
        return this.section(node)
      case 'proposal':
        return this.proposal(node)
      case 'note':
      case 'chairText':
        return this.note(node)
      case 'annex':
        return this.annex(node)
      case 'concordance':
        return [this.concordance(node)]
      case 'body':
      case 'bodyChange':
        return this.builder.build(this.text(node)).blocks
      case 'contents':
      case 'matrix':
        // Word builds its own table of contents; the matrix is the HTML page's.
        return []
      case 'label':
        // Before a clean text's article text: that it is shown untranslated.
        return [this.words(node.children, {}, { style: 'NoteLabel' })]
      default:
        // Generated words in Markdown's own nodes: converted as a text is, headings one level up (Word's Heading 1 is a section's).
        return this.builder.build(docxBody({ type: 'root', children: [raise(node)] })).blocks
    }
  }

  /** The cover from the model: symbol and date top right, the title, what the document is, the cover note, what a redline supersedes, the disclaimer. */
  private cover(node: Cover): Block[] {
    const note = this.builder.build(this.text(node.text))
    const masthead = node.masthead ?? {}
    const line = (text: string | undefined, bold = false): Paragraph[] =>
      text ? [new Paragraph({ style: 'Masthead', children: [new TextRun({ text, bold })] })] : []
    return [
      ...(masthead.organization ? [new Paragraph({ style: 'Organization', text: masthead.organization })] : []),
      ...line(masthead.access, true),
      ...line(node.symbol, true),
      ...line(node.date),
      ...line(masthead.jobNumber),
      ...line(masthead.original),
      new Paragraph({ style: 'Title', text: node.title }),
      ...(node.subtitle ? [new Paragraph({ style: 'Subtitle', text: node.subtitle })] : []),
      ...note.blocks,
      // The legend is the HTML page's: Word shows its tracked changes itself.
      ...node.children.filter((line) => line.role !== 'legend').map((line) => this.words(line.children, line.role === 'supersedes' ? { bold: true } : {})),
      ...(node.disclaimer ? [new Paragraph({ style: 'Disclaimer', text: node.disclaimer })] : []),
    ]
  }

  private section(node: Section): Block[] {
    if (node.kind === 'paragraph') {
      // A paragraph has no heading: its number in bold, its title in italics, kept with its first text.
      const head =
        node.heading.length > 0
          ? [
              this.words(
                node.heading.map((child) => (child.type === 'term' ? { type: 'strong' as const, children: child.children } : child)),
                {},
                { style: 'ParagraphHead' },
                '\t',
              ),
            ]
          : []
      return [...head, ...this.blocks(node.children)]
    }
    const style = `Heading${Math.min(6, node.depth)}`
    return [this.words(node.heading, {}, { style, pageBreakBefore: this.breakSections && node.depth === 1 }, '\u2003'), ...this.blocks(node.children)]
  }

  /** Label, text, the attribution as a footnote on the text's last word (or after the text), and the stocktaking flag. */
  private proposal(node: ProposalBlock): Block[] {
    const labels = node.children.filter((child) => child.type === 'label' && ['alt', 'stabilized', 'parked', 'pending'].includes(child.role))
    const attribution = node.children.find((child) => child.type === 'attribution')
    const flag = node.children.find((child) => child.type === 'flag')
    const text = node.children.find((child) => child.type === 'body' || child.type === 'bodyChange' || child.type === 'paragraph')
    const notes = node.children.filter((child) => child.type === 'redlineNote')
    const reference =
      attribution &&
      new FootnoteReferenceRun({
        children: [new Paragraph({ children: this.builder.inlines(this.inlines([{ type: 'text', value: ' ' }, ...attribution.children])) })],
      })
    const body: DocxBody =
      text === undefined ? { blocks: [], starts: [], lists: 0 } : text.type === 'paragraph' ? docxBody({ type: 'root', children: [text] }) : this.text(text)
    if (notes.length > 0) body.blocks[0] ??= { paragraph: { children: [] } }
    const first = body.blocks[0]
    if (notes.length > 0 && first && 'paragraph' in first) first.paragraph.comments = [...notes.map((each) => each.value), ...(first.paragraph.comments ?? [])]
    const built = this.builder.build(body, { append: reference, keepWithNext: node.referred })
    const blocks: Block[] = []
    if (labels.length > 0) {
      const words = labels.flatMap((label, index): PhrasingContent[] => [
        ...(index > 0 ? [{ type: 'text' as const, value: ' \u2013 ' }] : []),
        ...('children' in label ? label.children : []),
      ])
      blocks.push(this.words(words, {}, { style: 'AltLabel' }))
    }
    blocks.push(...built.blocks)
    // A text that ends in a table (or has no paragraph at all) has its note in a paragraph of its own after it.
    if (reference && !built.appended) blocks.push(new Paragraph({ keepNext: node.referred || undefined, children: [reference] }))
    if (flag) blocks.push(this.words(flag.children, {}, { style: flag.level === 'none' ? 'StocktakingNone' : 'StocktakingLimited' }))
    return blocks
  }

  /** A note (its kind and author as a label) or a Chair's text (its label), then its text, under its topic's heading. */
  private note(node: NoteBlock | ChairTextBlock): Block[] {
    return node.children.flatMap((child): Block[] => {
      if (child.type === 'label') return [this.words(child.children, {}, { style: node.type === 'note' ? 'NoteLabel' : 'AltLabel' })]
      if (child.type === 'redlineNote')
        return this.builder.build({ blocks: [{ paragraph: { children: [], comments: [child.value] } }], starts: [], lists: 0 }).blocks
      return this.builder.build(this.text(child)).blocks
    })
  }

  /** An annex starts on a new page, its heading a Heading 1. */
  private annex(node: Annex): Block[] {
    const [first, ...rest] = node.children
    if (first?.type !== 'heading') return this.blocks(node.children)
    return [
      this.words(first.children, {}, { style: 'Heading1', pageBreakBefore: this.annexes++ === 0 }),
      ...rest.flatMap((child) => (child.type === 'list' ? this.bullets(child.children.flatMap((item) => item.children)) : this.block(child))),
    ]
  }

  /** A list of generated lines: one bullet each, in the document's one bullet list. */
  private bullets(items: RootContent[]): Block[] {
    return items.flatMap((item) =>
      item.type === 'paragraph' ? [this.words(item.children, {}, { numbering: { reference: BULLET, level: 0 } })] : this.block(item),
    )
  }

  private concordance(node: Concordance): Table {
    const line = { style: BorderStyle.SINGLE, size: 4, color: 'D5DAE0' }
    const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
    const borders = { top: none, left: none, right: none, bottom: line }
    const cell = (children: Paragraph, width: number): TableCell =>
      new TableCell({ borders, width: { size: width, type: WidthType.PERCENTAGE }, children: [children] })
    const header = new TableRow({
      tableHeader: true,
      children: node.columns.map((column, index) =>
        cell(new Paragraph({ spacing: { after: 40 }, children: [new TextRun({ text: column, bold: true })] }), [50, 20, 30][index]),
      ),
    })
    const rows = node.rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell(this.words(row.heading, {}, { spacing: { after: 40 } }, '\u2003'), 50),
            cell(
              new Paragraph({
                spacing: { after: 40 },
                children: [new TextRun(row.article === undefined ? { text: row.articleLabel, italics: true } : { text: row.articleLabel })],
              }),
              20,
            ),
            cell(this.words(row.texts, {}, { spacing: { after: 40 } }), 30),
          ],
        }),
    )
    return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] })
  }

  /** A text as the threads prepared it. */
  private text(node: BodyNode | BodyChange): DocxBody {
    const body = this.prepared.get(node) as DocxBody | undefined
    if (body === undefined) throw new Error(`no Word text was prepared for ${node.type === 'body' ? node.file : 'a text of the redline'}`)
    // A copy: the prepared text may be built into another document.
    return structuredClone(body)
  }

  /** Generated words as one paragraph; `numberSpace` stands after a section's number. */
  private words(
    children: PhrasingContent[],
    marks: { bold?: true },
    options: ConstructorParameters<typeof Paragraph>[0] & object = {},
    numberSpace?: string,
  ): Paragraph {
    const inlines = this.inlines(children, numberSpace)
    const marked = marks.bold ? inlines.map((spec) => ('run' in spec ? { run: { ...spec.run, bold: true as const } } : spec)) : inlines
    return new Paragraph({ ...options, children: this.builder.inlines(marked) })
  }

  /** Phrasing to runs, brackets in generated words not set apart (they are not negotiating brackets). */
  private inlines(children: PhrasingContent[], numberSpace?: string): InlineSpec[] {
    const spaced = numberSpace === undefined ? children : afterNumber(children, numberSpace)
    const converted = docxBody({ type: 'root', children: [{ type: 'paragraph', children: spaced }] }).blocks[0]
    const specs = converted && 'paragraph' in converted ? converted.paragraph.children : []
    return joinRuns(specs.map((spec) => ('run' in spec && (spec.run.text === '[' || spec.run.text === ']') ? { run: { ...spec.run, bold: undefined } } : spec)))
  }
}

/** Runs of the same marks side by side as one run: generated words read as one text in Word's XML. */
function joinRuns(specs: InlineSpec[]): InlineSpec[] {
  const out: InlineSpec[] = []
  const marks = (run: RunSpec): string => JSON.stringify({ ...run, text: undefined })
  for (const spec of specs) {
    const last = out[out.length - 1]
    if (last && 'run' in last && 'run' in spec && !last.run.break && !spec.run.break && marks(last.run) === marks(spec.run))
      out[out.length - 1] = { run: { ...last.run, text: (last.run.text ?? '') + (spec.run.text ?? '') } }
    else out.push(spec)
  }
  return out
}

/** A section's number set apart from its title by `space` (Word's headings read `A.1.4 Electronic invoicing` with an em space). */
function afterNumber(children: PhrasingContent[], space: string): PhrasingContent[] {
  const [first, second, ...rest] = children
  if (first?.type !== 'term' || first.role !== 'number' || second?.type !== 'text' || !second.value.startsWith(' ')) return children
  return [first, { ...second, value: space + second.value.slice(1) }, ...rest]
}

/** A generated heading one level up: Markdown's `##` annex is Word's Heading 1. */
function raise(node: RootContent): RootContent {
  return node.type === 'heading' ? { ...node, depth: Math.max(1, node.depth - 1) as typeof node.depth } : node
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

/** The one section of a document: A4 pages, the symbol as running head from the second page, "Page 1/8" at the foot of every page (`page`, the words with `{page}` and `{pages}`). */
export function pageSection(symbol: string | undefined, children: Block[], page: string): ISectionOptions {
  const [before, middle, after] = page.split(/\{page\}|\{pages\}/)
  const pageNumber = (): Footer =>
    new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          style: 'PageNumber',
          children: [new TextRun({ children: [before, PageNumber.CURRENT, middle, PageNumber.TOTAL_PAGES, after ?? ''].filter((part) => part !== '') })],
        }),
      ],
    })
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
