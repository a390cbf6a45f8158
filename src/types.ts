/** The shared model: what every stage takes and gives. */

export const STATUSES = ['proposed', 'stabilized', 'withdrawn'] as const
export type Status = (typeof STATUSES)[number]

export const SUPPORT_LEVELS = ['none', 'limited', 'broad'] as const
export type SupportLevel = (typeof SUPPORT_LEVELS)[number]

export const LANGUAGES = ['en', 'fr', 'es'] as const
export type Language = (typeof LANGUAGES)[number]

export const SEVERITIES = ['error', 'warning'] as const
export type Severity = (typeof SEVERITIES)[number]

/** Rule ids are part of the contract: users filter and search by them. */
export const RULES = {
  'no-front-matter': 'error',
  'invalid-yaml': 'error',
  'missing-topic': 'error',
  'missing-author': 'error',
  'invalid-field': 'error',
  'invalid-status': 'error',
  'unknown-topic': 'error',
  'unknown-participant': 'error',
  'duplicate-id': 'error',
  'empty-body': 'error',
  'unbalanced-brackets': 'error',
  'conflicting-stabilized': 'error',
  'invalid-encoding': 'error',
  'invalid-config': 'error',
  'too-large': 'error',
  'too-complex': 'error',
  /** Beyond SPEC §8: a file under proposals/ that is not read (a link leaving the workspace, leading nowhere or looping; not a regular file). */
  'unreadable-file': 'error',
  'unknown-field': 'warning',
  /** Beyond SPEC §8: a file under proposals/ that is not read because its name does not end in `.md`. */
  'ignored-file': 'warning',
  'author-as-supporter': 'warning',
  'duplicate-supporter': 'warning',
} as const satisfies Record<string, Severity>
export type Rule = keyof typeof RULES

/** One problem, as plain data (it crosses worker boundaries and is printed as JSON). */
export interface Diagnostic {
  /** Path relative to the workspace root, with `/` separators. */
  file: string
  line: number
  column: number
  severity: Severity
  rule: Rule
  message: string
}

/** A place in a file, 1-based. */
export interface Place {
  line: number
  column: number
}

/** A string written in a file, with where it was written. */
export interface Located<T = string> {
  value: T
  place: Place
}

/**
 * A name or title given per language (`{en: Japan, fr: Japon, es: Japón}`), at least one.
 * Written in a document's language, falling back to `en`, then to the first given (SPEC §3.2).
 */
export type Names = Partial<Record<Language, string>>

export interface Participant {
  /**
   * The name written in the output. As configured: the `en` name, or the first given (the
   * name diagnostics use); in an assembled negotiation: the name in the document's language.
   */
  name: string
  /** Every name by language, when the configuration gives names per language. */
  names?: Names
  code?: string
  aliases: string[]
}

export interface OutlineEntry {
  id: string
  /** As `Participant.name`: the `en` title (or the first given), then the document's language once assembled. */
  title?: string
  titles?: Names
  children: OutlineEntry[]
}

export interface Group {
  /** The `en` name, or the first given: it names the extract's files in every language (SPEC §4) and is what the manifest records. */
  name: string
  names?: Names
  topics: string[]
}

export interface Limits {
  /** Bytes; a larger proposal file is rejected (`too-large`). */
  fileSize: number
  /** A proposal that takes longer to parse is rejected (`too-complex`). */
  parseSeconds: number
}

export interface Config {
  /** As `Participant.name`: the `en` title (or the first given), then the document's language once assembled. */
  title?: string
  titles?: Names
  symbol?: string
  /** ISO date `YYYY-MM-DD`; the only date ever printed. */
  date?: string
  language: Language
  threshold: number
  /** Absent: any participant name is accepted as written. */
  participants?: Participant[]
  /** Absent: topics come from the proposals, ordered by id. */
  outline?: OutlineEntry[]
  groups: Group[]
  limits: Limits
}

export const DEFAULT_LIMITS: Limits = { fileSize: 262144, parseSeconds: 10 }

export const DEFAULT_CONFIG: Config = {
  language: 'en',
  threshold: 3,
  groups: [],
  limits: DEFAULT_LIMITS,
}

/**
 * A change to a proposal's source text, applied when the text is placed in
 * the consolidated document. Offsets index `Body.source`; a body's edits are
 * sorted in the order they apply (by offset, insertions before replacements).
 */
export type Edit =
  /** An enclosing bracket of a proposed text (absent from a stabilized one). */
  | { kind: 'bracket'; start: number; end: number; text: string }
  /** A heading's `#` run, re-levelled below the topic heading. */
  | { kind: 'heading'; start: number; end: number; depth: number; suffix: string }
  /**
   * A footnote or link label, local to its file: the whole `[label]` (`[^label]`), or a place to
   * add one after a shortcut reference. The document it is placed in names it (`identifier` is
   * mdast's: whitespace collapsed, case folded), so no other file's label can meet it.
   */
  | { kind: 'label'; start: number; end: number; space: LabelSpace; identifier: string }
  /** A fixed rewrite: joining a setext heading's lines, closing an unclosed fence. */
  | { kind: 'text'; start: number; end: number; text: string }

/** Footnote labels and link labels are matched apart: `[^1]` and `[1]` never meet. */
export type LabelSpace = 'footnote' | 'link'

/** A proposal's body: its Markdown source and the edits that place it in the text. */
export interface Body {
  /** The normalised file text (LF line endings, no BOM). */
  source: string
  /** The body is `source.slice(start, end)`, from its first block's line to its last block's end. */
  start: number
  end: number
  edits: Edit[]
}

/** A proposal as read from its file, before names are resolved. */
export interface Proposal {
  id: string
  /** Path relative to the workspace root, with `/` separators. */
  file: string
  topic: Located
  title?: string
  authors: Located[]
  supporters: Located[]
  status: Status
  /** ISO date `YYYY-MM-DD`. */
  submitted?: string
  document?: string
  /** Where `id:` and `status:` were written (or the front matter's first line). */
  places: { id: Place; status: Place; frontMatter: Place }
  body: Body
}

/**
 * The outcome of reading one file: a proposal when its front matter could be
 * read (even if the file has errors, so cross-file checks see it), and its problems.
 */
export interface ParseResult {
  proposal?: Proposal
  diagnostics: Diagnostic[]
}

/** A live proposal placed in the text. */
export interface Placement {
  proposal: Proposal
  /** `Alt n` when its topic has two or more live proposals. */
  alt?: number
  /** Canonical names, in the order written. */
  authors: string[]
  /** Canonical names, distinct, without the authors, in `en` alphabetical order. */
  supporters: string[]
  level: SupportLevel
  /** Referred to the stocktaking group (limited or no support, still proposed). */
  referred: boolean
}

export interface TopicNode {
  id: string
  title?: string
  /** 1 for a top-level outline entry. */
  depth: number
  placements: Placement[]
  children: TopicNode[]
}

export interface Withdrawal {
  proposal: Proposal
  authors: string[]
}

/** The assembled negotiation: everything a renderer needs, in order. */
export interface Negotiation {
  config: Config
  topics: TopicNode[]
  withdrawn: Withdrawal[]
}
