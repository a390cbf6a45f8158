/**
 * The document tree: what every view builds and every format compiles. It is
 * mdast (paragraphs, headings, lists, tables of generated words) plus nodes of
 * our own for what a negotiating text is made of (a proposal's block, its
 * attribution and flag, a note, an annex, the cover …), declared by module
 * augmentation so that every handler type-checks. Authors' texts stand in it
 * as `body` nodes: their Markdown, placed by each format (written as it is,
 * or parsed on the parser threads within the deadline).
 */
import type { Data, Node, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast'
import type { Body, Language, NoteKind, Status, SupportLevel } from '../types.js'

/** What a document is, beside its tree: its language, and the words every format shows around the text. */
export interface DocumentMeta {
  language: Language
  /** The view it is of (`consolidated`, `clean`, `stocktaking`): formats may style each apart. */
  view?: string
  /** The title of the document (the page title, the Word title). */
  title: string
  symbol?: string
  /** As printed (already in the document's language). */
  date?: string
  /** The configuration's date (`YYYY-MM-DD`): the Word package's dates and tracked changes. */
  isoDate?: string
  /** Under the title: what the document is ("Clean text"); and added to its page title. */
  subtitle?: string
  /** The author of tracked changes in a redline (`secretariat:`). */
  author?: string
  /** `pageBreaks: sections`: each section of the text starts on a new page (Word). */
  pageBreaks?: 'sections'
  /** A redline: the words of its legend, and what it adds to the page title. */
  redline?: { title: string; legend: string; inserted: string; deleted: string; tracked: string }
}

/** A document: its tree and what is said around it. */
export interface Document {
  meta: DocumentMeta
  tree: Root
}

/** What a change mark says happened: inserted or deleted since the older revision. */
export type Change = 'insert' | 'delete'

/** The cover: the masthead from the model, the cover template filled (`text`, Markdown), the disclaimer. */
export interface Cover extends Parent {
  type: 'cover'
  title: string
  symbol?: string
  date?: string
  subtitle?: string
  disclaimer?: string
  /** What a WTO document carries above its title, each line in the document's language. */
  masthead?: { organization?: string; access?: string; jobNumber?: string; original?: string }
  /** The cover template filled with the values above, as Markdown: Markdown writes it; HTML and Word show what it adds to them (the note). */
  text: BodyNode
  /** A redline's: what it supersedes, what changed, and the legend. */
  children: PhrasingParent[]
}

/** A paragraph of generated words with a role (a redline's "Supersedes …" line, its change count). */
export interface PhrasingParent extends Parent {
  type: 'line'
  role: 'supersedes' | 'changes' | 'legend'
  children: PhrasingContent[]
}

/**
 * An outline entry and what stands under it: a section, a sub-section, a
 * topic, an article (the outline's `article:`, or a clean text's article),
 * or an article's paragraph (no heading of its own: its number and title).
 */
export interface Section extends Parent {
  type: 'section'
  kind: 'topic' | 'article' | 'paragraph'
  /** The outline id. */
  id: string
  /** 1 for a top-level outline entry. */
  depth: number
  /** A clean text's article: its place among the articles (its anchor), numbered 1, 2, 3 … */
  article?: number
  /** A clean text's article: its number as the text gives it (the outline's `article:`, else its place). */
  label?: string
  /** The heading; for a paragraph, its number and title. */
  heading: PhrasingContent[]
  children: RootContent[]
}

/** A Chair's text shown in the consolidated text (`chairTexts: show`): labelled, never bracketed, attributed or counted. */
export interface ChairTextBlock extends Parent {
  type: 'chairText'
  id: string
  children: Array<Label | BodyNode | BodyChange | RedlineNote>
}

/** A live proposal's block: its labels, its text, who is behind it, its flag. */
export interface ProposalBlock extends Parent {
  type: 'proposal'
  id: string
  status: Status
  noText: boolean
  referred: boolean
  children: Array<Label | BodyNode | BodyChange | Paragraph | Attribution | Flag | RedlineNote>
}

/** A note of a facilitator, of drafting or of the secretariat, under its topic's heading. */
export interface NoteBlock extends Parent {
  type: 'note'
  id: string
  kind: NoteKind
  children: Array<Label | BodyNode | BodyChange | RedlineNote>
}

/**
 * Words about a block: its alternative's label, that it is stabilized or parked, its title; a note's kind and author;
 * `pending`: the line over a text shown in its original language, its translation not being current (SPEC §17).
 */
export interface Label extends Parent {
  type: 'label'
  role: 'alt' | 'stabilized' | 'parked' | 'title' | 'note' | 'chair' | 'pending'
  children: PhrasingContent[]
}

/** `Proponent: Japan. Supporters: Canada; Chile.`, and what the proposal incorporates. */
export interface Attribution extends Parent {
  type: 'attribution'
  children: PhrasingContent[]
}

/** A block referred to the stocktaking small group. */
export interface Flag extends Parent {
  type: 'flag'
  level: SupportLevel
  children: PhrasingContent[]
}

/** An annex: the withdrawn or merged proposals, the concordance. */
export interface Annex extends Parent {
  type: 'annex'
  id: string
  children: RootContent[]
}

/** The support matrix (proposals × participants), for the formats that can show it. */
export interface Matrix extends Node {
  type: 'matrix'
  id: string
  /** One per configured participant (silent ones too), or per name that appears. */
  columns: Array<{ name: string; short: string }>
  /** One per live proposal, in reading order. */
  rows: MatrixRow[]
}

export interface MatrixRow {
  proposal: string
  /** The outline entry's number and title. */
  topic: { id: string; title?: string }
  /** The alternative's label (`Alt 2`). */
  label?: string
  level: SupportLevel
  referred: boolean
  support: number
  roles: ReadonlyMap<string, 'author' | 'supporter'>
}

/** The table of contents, for the formats that show one. */
export interface Contents extends Node {
  type: 'contents'
  entries: ContentsEntry[]
}

export interface ContentsEntry {
  /** Where it leads: a section (`topic` by outline id, `article` by number) or an annex (by its id). */
  target: Target
  heading: PhrasingContent[]
  /** After the outline: the matrix and the annexes. */
  extra?: boolean
  children: ContentsEntry[]
}

/** What a reference leads to, in the formats that link. */
export type Target =
  | { kind: 'topic'; id: string }
  | { kind: 'article'; number: number }
  | { kind: 'paragraph'; id: string }
  | { kind: 'proposal'; id: string }
  | { kind: 'annex'; id: string }

/** The clean text's concordance: every topic, its article (or none), the texts it took. */
export interface Concordance extends Node {
  type: 'concordance'
  columns: [string, string, string]
  rows: Array<{ id: string; heading: PhrasingContent[]; article?: number; articleLabel: string; texts: PhrasingContent[] }>
}

/**
 * An author's text: a proposal's, a note's, or the cover template's, as
 * Markdown with the edits that place it (`body.edits`). Each format places it:
 * Markdown writes it with its edits; HTML and Word parse it on the threads.
 */
export interface BodyNode extends Node {
  type: 'body'
  /** Names diagnostics (a proposal's file, or the cover template). */
  file: string
  body: Body
  /** Whether `body.source` is a whole file (front matter first) or Markdown alone. */
  frontMatter: boolean
  /** The tool's enclosing brackets are added (a proposed or parked text). */
  enclosed: boolean
  /** The depth of the outline entry it stands under (0: the cover). */
  depth: number
  /** Whose labels (footnotes, links) these are: a document names them apart from every other body's. */
  owner: string
  /** The prefix of the ids the text writes (HTML footnotes), unique in the document. */
  anchor?: string
  /** Lines of the cover's masthead that HTML and Word show apart: left out of the note. */
  masthead?: string[]
}

/** A text changed since the older revision: both versions, compared on the threads into `marked`. */
export interface BodyChange extends Node {
  type: 'bodyChange'
  /** Absent: the text is new. */
  old?: BodyNode
  /** Absent: the text left. */
  next?: BodyNode
}

/** A note of the secretariat in a redline (why a text left, how its status changed): never treaty text. */
export interface RedlineNote extends Node {
  type: 'redlineNote'
  value: string
}

/** Generated words with a role a format may show (a topic's number, an attribution's "Proponent:"). */
export interface Term extends Parent {
  type: 'term'
  role: 'number' | 'role' | 'incorporates'
  children: PhrasingContent[]
}

/** Words that lead somewhere in the formats that link (HTML). */
export interface CrossReference extends Parent {
  type: 'reference'
  target: Target
  children: PhrasingContent[]
}

/** Words inserted or deleted since the older revision. */
export interface Mark extends Parent {
  type: 'mark'
  change: Change
  children: PhrasingContent[]
}

declare module 'mdast' {
  interface RootContentMap {
    cover: Cover
    line: PhrasingParent
    section: Section
    proposal: ProposalBlock
    note: NoteBlock
    chairText: ChairTextBlock
    label: Label
    attribution: Attribution
    flag: Flag
    annex: Annex
    matrix: Matrix
    contents: Contents
    concordance: Concordance
    body: BodyNode
    bodyChange: BodyChange
    redlineNote: RedlineNote
    term: Term
    reference: CrossReference
    mark: Mark
  }
  interface BlockContentMap {
    body: BodyNode
    bodyChange: BodyChange
    redlineNote: RedlineNote
  }
  interface PhrasingContentMap {
    term: Term
    reference: CrossReference
    mark: Mark
  }
  interface Data {
    /** A block wholly inserted or deleted since the older revision. */
    change?: Change
  }
}

/** The change a redline marked on a whole block, if any. */
export function changeOf(node: { data?: Data }): Change | undefined {
  return node.data?.change
}
