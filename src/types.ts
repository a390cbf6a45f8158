/** The shared model: what every stage takes and gives. */

export const STATUSES = ['proposed', 'stabilized', 'parked', 'merged', 'withdrawn'] as const
export type Status = (typeof STATUSES)[number]

/** Statuses a text shows (docs/reference.md, Vocabulary: "live"): merged and withdrawn proposals are not in the text. */
export const LIVE_STATUSES: readonly Status[] = ['proposed', 'stabilized', 'parked']

/** Whether a proposal of this status stands in the text. */
export function isLive(status: Status): boolean {
  return LIVE_STATUSES.includes(status)
}

/** What a note under notes/ is (docs/reference.md, Notes). */
export const NOTE_KINDS = ['facilitator', 'drafting', 'secretariat'] as const
export type NoteKind = (typeof NOTE_KINDS)[number]

/**
 * How a text not agreed is bracketed (SPEC §13): `enclose` adds one pair around
 * a proposed or parked text (never a second one); `as-written` adds none to a
 * proposed text, its authors' own brackets saying what is open.
 */
export const BRACKET_POLICIES = ['enclose', 'as-written'] as const
export type BracketPolicy = (typeof BRACKET_POLICIES)[number]

/**
 * How the alternatives of a topic or paragraph are labelled (SPEC §13): `alt`
 * (Alt 1), `option` (Option 1), `roman` (Option I), `letter` (Option (a)).
 */
export const OPTION_STYLES = ['alt', 'option', 'roman', 'letter'] as const
export type OptionStyle = (typeof OPTION_STYLES)[number]

/** Whether the consolidated text shows the Chair's texts (`chairTexts:`, SPEC §14). */
export const CHAIR_TEXTS_MODES = ['show', 'hide'] as const
export type ChairTextsMode = (typeof CHAIR_TEXTS_MODES)[number]

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
  /** A file under proposals/ that is not read (a link leaving the workspace, leading nowhere or looping; not a regular file): docs/reference.md, Rules. */
  'unreadable-file': 'error',
  'unknown-field': 'warning',
  /** A file under proposals/ that is not read because its name does not end in `.md`: docs/reference.md, Rules. */
  'ignored-file': 'warning',
  'author-as-supporter': 'warning',
  'duplicate-supporter': 'warning',
  'invalid-merge': 'error',
  'unknown-chair-text': 'error',
  'brackets-in-stabilized': 'warning',
  placeholder: 'warning',
  'template-text': 'warning',
  'numbered-paragraph': 'warning',
  'same-symbol': 'warning',
  /** Off unless `rules:` turns it on (see DEFAULT_LEVELS): then a warning. */
  'missing-translation': 'warning',
  'stale-translation': 'warning',
  'translation-brackets': 'warning',
  'orphan-translation': 'error',
  /** `templates/reference.docx` is not a Word document, or is over 10 MiB (50 MiB expanded). */
  'invalid-template': 'error',
} as const satisfies Record<string, Severity>
export type Rule = keyof typeof RULES

/** A rule's level in a workspace (SPEC §15 `rules:`): reported as an error or a warning, or not at all. */
export const LEVELS = ['error', 'warning', 'off'] as const
export type Level = (typeof LEVELS)[number]

/**
 * The rules whose level `rules:` may set and that a text may `allow:` for
 * itself (SPEC §15); every other rule keeps its severity.
 */
export const CHANGEABLE_RULES = [
  'unbalanced-brackets',
  'placeholder',
  'template-text',
  'brackets-in-stabilized',
  'unknown-field',
  'author-as-supporter',
  'duplicate-supporter',
  'ignored-file',
  'numbered-paragraph',
  'same-symbol',
  'missing-translation',
  'stale-translation',
  'translation-brackets',
] as const satisfies readonly Rule[]
export type ChangeableRule = (typeof CHANGEABLE_RULES)[number]

/** Whether a workspace may change this rule's level. */
export function isChangeable(rule: string): rule is ChangeableRule {
  return (CHANGEABLE_RULES as readonly string[]).includes(rule)
}

/** Rules whose level, before `rules:` changes it, is not their severity: off unless turned on. */
export const DEFAULT_LEVELS: Partial<Record<ChangeableRule, Level>> = { 'missing-translation': 'off' }

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
 * Written in a document's language, falling back to `en`, then to the first given (docs/reference.md, The configuration).
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
  /**
   * A group of participants (`members:`, SPEC §15): the configured `name`s of
   * its members, each neither a group nor an observer. In support a group counts
   * as its members; a group without `members` counts as one.
   */
  members?: string[]
  /** An observer (`observer: true`): named in attributions, never counted in support. */
  observer?: boolean
}

export interface OutlineEntry {
  id: string
  /** As `Participant.name`: the `en` title (or the first given), then the document's language once assembled. */
  title?: string
  titles?: Names
  /** `article:` as written ("3", "2bis", "A"): the entry is an article, shown "Article 3" then its title (SPEC §13). */
  article?: string
  /**
   * Set on the entries an article's `paragraphs:` lists (they are its `children`):
   * a place for texts with no heading of its own. `number` as written ("1",
   * "3bis"); absent when the texts carry their own numbers.
   */
  paragraph?: { number?: string }
  /** `options:` as written on this entry: the label style of the alternatives here and below, unless set there. */
  options?: OptionStyle
  children: OutlineEntry[]
}

export interface Group {
  /** The `en` name, or the first given: it names the extract's files in every language (docs/reference.md, Outputs) and is what the manifest records. */
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
  /** Absent: the built-in disclaimer (docs/reference.md, The configuration). */
  disclaimer?: Disclaimer
  /** The Chair's picks for the clean text; `file` is the configuration that names them (diagnostics point there). */
  chair?: { file: string; picks: ChairPick[] }
  /** `brackets:` — the bracket policy of every text that does not set its own (default `enclose`). */
  brackets: BracketPolicy
  /** `options:` at the top of the configuration: the label style of alternatives where the outline sets none (default `alt`). */
  options: OptionStyle
  /** `placeholders:` — the patterns the `placeholder` rule looks for, replacing the default list (SPEC §15); absent: the default list. */
  placeholders?: string[]
  /**
   * `attribution: false` (SPEC §15, UN practice: texts belong to all Parties): no
   * attribution, support level, referral or stocktaking; `author` optional,
   * `supporters` an error. Default true.
   */
  attribution: boolean
  /** `chairTexts:` — whether the consolidated text shows the Chair's texts (SPEC §14; default `hide`). */
  chairTexts: ChairTextsMode
  /** `rules:` — the level set for a rule over the whole workspace (SPEC §15); a rule not named keeps its default. */
  rules: Partial<Record<ChangeableRule, Level>>
  /** The revision redlines compare with (a git revision, or a folder relative to the workspace root), as `build --since` gives one. */
  previous?: string
  /** The author of tracked changes in Word redlines: one name, or one per language. */
  secretariat?: string | Partial<Record<Language, string>>
  /** Where `symbol:` and `previous:` are written, for diagnostics about them (`same-symbol`). */
  written?: { file: string; symbol?: Place; previous?: Place }
  /** Everything a revision issues (`publish:`); absent: `build` writes the consolidated text in Markdown. */
  publish?: Publish
  /** Each view's own title, symbol and cover note (`documents:`). */
  documents?: Partial<Record<PublishView, DocumentIdentity>>
  /** What a document carries above its title (`masthead:`). */
  masthead?: Masthead
  /** `sections`: each section of the text starts on a new page; absent (or `none`): no break between sections. */
  pageBreaks?: 'sections' | 'none'
}

/** The views a revision may issue (`publish.views`, `documents:`). */
export const PUBLISH_VIEWS = ['consolidated', 'clean', 'stocktaking'] as const
export type PublishView = (typeof PUBLISH_VIEWS)[number]

/** The formats a document is issued in (`publish.formats`, `build --format`). */
export const DOCUMENT_FORMATS = ['md', 'html', 'docx'] as const
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number]

/** Words the same in every language, or given per language (falling back to `en`, then the first given). */
export type PerLanguage = string | Partial<Record<Language, string>>

/** Everything a revision issues: a plain `build` builds all of it (`publish:` in consolidate.yaml). */
export interface Publish {
  /** In the order given, each once. */
  views: PublishView[]
  formats: DocumentFormat[]
  /** Default: the configuration's `language`. */
  languages: Language[]
  /** Small groups' extracts issued with the text: the groups' `en` names (as the manifest records them), or every group. */
  groups: string[] | 'all'
  /** Each document's redline too, against `previous:` (which it requires). */
  redline: boolean
  /** The stocktaking report says since when each proposal has been referred. */
  history: boolean
}

/** A view's own identity (`documents.<view>`); each absent part falls back to the configuration's. */
export interface DocumentIdentity {
  title?: PerLanguage
  symbol?: string
  /** A cover note in Markdown: fills `{{note}}` in the cover template. */
  note?: PerLanguage
}

/** What a WTO document carries above its title (`masthead:`). */
export interface Masthead {
  /** E.g. World Trade Organization. */
  organization?: PerLanguage
  /** E.g. RESTRICTED. */
  access?: PerLanguage
  /** The documents service's job number, e.g. (26-8123); each language version has its own. */
  jobNumber?: PerLanguage
  /** The language the text was written in ("Original: English"); default the configuration's `language`. */
  original?: Language
}

/**
 * The "without prejudice" sentence on every cover: absent, the built-in one in
 * the document's language; `false`, none; else the text, the same in every
 * language or given per language (falling back to `en`, then the first given).
 */
export type Disclaimer = false | string | Partial<Record<Language, string>>

/** The texts the Chair offers on one topic (`chair:` in consolidate.yaml), in the order given. */
export interface ChairPick {
  topic: string
  /** Where the topic's key is written in the configuration. */
  place: Place
  ids: Located[]
}

export const DEFAULT_LIMITS: Limits = { fileSize: 262144, parseSeconds: 10 }

export const DEFAULT_CONFIG: Config = {
  language: 'en',
  threshold: 3,
  brackets: 'enclose',
  options: 'alt',
  attribution: true,
  chairTexts: 'hide',
  rules: {},
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
  /** An author's strikethrough delimiter (`~~` or `~`), opening or closing: `<s>` or `</s>` in a redline's Markdown, where `~~` would read as a deletion. */
  | { kind: 'strike'; start: number; end: number; open: boolean }

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
  /** `order:` in the front matter: places it among its topic's alternatives before those without (SPEC §13). */
  order?: number
  document?: string
  /** `status: parked`: why, on one line. */
  reason?: string
  /** `status: merged`: the id of the proposal it was folded into, where it is written. */
  mergedInto?: Located
  /** A "no text" alternative: some participants want no provision on the topic. */
  noText: boolean
  /** `brackets:` in the front matter: this text's own bracket policy, over the configuration's. */
  brackets?: BracketPolicy
  /** `allow:` in the front matter: rules turned off for this file only (SPEC §15). */
  allow?: ChangeableRule[]
  /** `language:` in the front matter: the language it was tabled in, when not the configuration's (SPEC §17). */
  language?: Language
  /** Where `id:` and `status:` were written (or the front matter's first line). */
  places: { id: Place; status: Place; frontMatter: Place }
  body: Body
  /** What the body's text says, for the checks that need its words (see `TextFacts`). */
  facts: TextFacts
  /** Set in a document's snapshot only (assemble/translations.ts): the text is shown in this, its original language, its translation not being current. */
  pending?: Language
}

/** Facts about a body's text (not its code, link syntax or footnote references), gathered when it is parsed. */
export interface TextFacts {
  /** Bracket pairs in the text, as `unbalanced-brackets` matches them (the enclosing pair the tool adds is not one). */
  brackets: number
  /** Where the first bracket of the text stands, when it has any. */
  firstBracket?: Place
  /**
   * Where the text is, as offsets in the body's source, start and end of each
   * text node in reading order, flat (`[start, end, start, end …]`): placeholders
   * are looked for there, with the configuration's list (see parse/placeholders.ts).
   */
  textRuns: number[]
  /**
   * The text is already one bracketed span (SPEC §13): it starts with `[` and
   * ends with the `]` that closes it, its brackets balancing. That pair is then
   * the enclosing pair: never doubled, not counted in `stats`.
   */
  oneSpan: boolean
  /** The number the text starts with (`1.`, `3bis.`, an ordered list's first), where it is written: a paragraph that has a number shows its own (`numbered-paragraph`). */
  leadingNumber?: Located
  /** The bracket pairs of `brackets` in reading order, as their `[` and `]` alone (`[[]][]`): how they nest, which a translation keeps (SPEC §17). */
  shape: string
}

/** A note as read from its file (docs/reference.md, Notes): never treaty text, never bracketed, counted or referred. */
export interface Note {
  id: string
  /** Path relative to the workspace root, with `/` separators. */
  file: string
  topic: Located
  /** A participant (name, code or alias) or a free role such as `Facilitator`: as written, or its `en` (else first) name when given per language. */
  by: Located
  /** `by:` given per language (`{en: Facilitator, fr: Facilitateur}`, SPEC §17): each document shows its own. */
  byNames?: Names
  kind: NoteKind
  /** `allow:` in the front matter: rules turned off for this file only (SPEC §15). */
  allow?: ChangeableRule[]
  /** `language:` in the front matter, as a proposal's. */
  language?: Language
  places: { id: Place; frontMatter: Place }
  body: Body
  /** The bracket pairs of its text, as `TextFacts.shape`: a translation keeps them. */
  shape: string
  /** As a proposal's. */
  pending?: Language
}

/**
 * A Chair's text as read from its file under chair/ (SPEC §14): the Chair's own
 * text (a non-paper, a Chair's draft), never a participant's proposal: never
 * bracketed by the tool, attributed, counted as an alternative or referred.
 */
export interface ChairText {
  id: string
  /** Path relative to the workspace root, with `/` separators. */
  file: string
  topic: Located
  /** `by:` — the Chair's role as written (`Co-Chairs`), one text or one per language; absent: "Chair's text". */
  by?: { text: string; names?: Names }
  title?: string
  document?: string
  /** Orders a topic's Chair's texts (then their ids, numbers as numbers). */
  order?: number
  /** `allow:` in the front matter: rules turned off for this file only (SPEC §15). */
  allow?: ChangeableRule[]
  /** `language:` in the front matter, as a proposal's. */
  language?: Language
  places: { id: Place; frontMatter: Place }
  body: Body
  facts: TextFacts
  /** As a proposal's. */
  pending?: Language
}

/**
 * A translation of a proposal, a note or a Chair's text (SPEC §17): a file
 * `<name>.<lang>.md` beside its original, never a text of its own. Its topic,
 * authors and status are the original's.
 */
export interface Translation {
  /** Path relative to the workspace root, with `/` separators. */
  file: string
  /** The language it is in, from its file name. */
  language: Language
  /** `translationOf:` as written: the fingerprint of the original it was made from (see assemble/translations.ts); absent, it is stale. */
  translationOf?: Located
  /** `title:`, the original's title translated. */
  title?: string
  /** `draft: true`: still being translated; never shown. */
  draft: boolean
  /** Where `title:` is written, when it is. */
  places: { frontMatter: Place; title?: Place }
  body: Body
  facts: TextFacts
  /** Where each bracket of `facts.shape` stands, as offsets in `body.source`: the place to show where its brackets part from the original's. */
  brackets: number[]
}

/**
 * The outcome of reading one file: a proposal when its front matter could be
 * read (even if the file has errors, so cross-file checks see it), and its problems.
 */
export interface ParseResult {
  proposal?: Proposal
  /** For a file under notes/: the note, when its front matter could be read. */
  note?: Note
  /** For a file under chair/: the Chair's text, when its front matter could be read. */
  chairText?: ChairText
  /** For a translation (`<name>.<lang>.md`): the translation, when its front matter could be read. */
  translation?: Translation
  diagnostics: Diagnostic[]
}

/** A live proposal placed in the text. */
export interface Placement {
  proposal: Proposal
  /** `Alt n` when its topic has two or more live proposals. */
  alt?: number
  /** The same label as data, in its place's style (SPEC §13): `Alt 1`, `Option 1`, `Option I`, `Option (a)`. */
  option?: OptionLabel
  /** Canonical names, in the order written. */
  authors: string[]
  /** Canonical names, distinct, without the authors, in `en` alphabetical order. */
  supporters: string[]
  /** docs/reference.md, Support: the distinct counted participants behind it (groups as their members, observers left out), less one when an author is counted. */
  support: number
  level: SupportLevel
  /** Referred to the stocktaking group (limited or no support, still proposed); never without attributions. */
  referred: boolean
  /** Ids of the merged proposals folded into this one, in id order. */
  incorporates: string[]
  /**
   * The tool adds its enclosing pair of brackets (SPEC §13): a proposed or parked
   * text that is not already one bracketed span, unless a proposed text is
   * `brackets: as-written`; a "no text" alternative that is not stabilized (`[No text]`).
   */
  enclosed: boolean
  /** Its negotiating bracket pairs as `stats` counts them: not the enclosing pair, whoever wrote it; 0 for "no text". */
  brackets: number
  /** The placeholders left in its text (`placeholders:`, else the default list), as written, in reading order. */
  placeholders: Located[]
}

/** A note placed under its topic. */
export interface PlacedNote {
  note: Note
  /** The canonical name when `by` names a participant; else the role as written. */
  by: string
}

/** A Chair's text placed under its topic (SPEC §14). */
export interface PlacedChairText {
  text: ChairText
  /** The `by` role in the document's language; absent: the label is "Chair's text" in the document's language. */
  by?: string
  /** Its bracket pairs, every one counted (the tool never adds a pair to a Chair's text). */
  brackets: number
  /** The placeholders left in it, as for a proposal. */
  placeholders: Located[]
}

/** A merged proposal, listed in the annex with where it went. */
export interface Merger {
  proposal: Proposal
  authors: string[]
  /** The proposal it was folded into. */
  into: Proposal
}

/**
 * An alternative's label as data: the word (`alt`: "Alt"; `option`: "Option",
 * "Opción" in the document's language) and its mark ("1", "I", "(a)").
 */
export interface OptionLabel {
  word: 'alt' | 'option'
  mark: string
}

export interface TopicNode {
  id: string
  title?: string
  /** 1 for a top-level outline entry. */
  depth: number
  /** The outline's `article:`: this entry is an article (SPEC §13). */
  article?: string
  /** This entry is a paragraph of its parent article: no heading of its own; its number when the outline gives one. */
  paragraph?: { number?: string }
  /** How its alternatives are labelled (the outline's `options:`, inherited). */
  options: OptionStyle
  /** The topic's notes, by id: they come right after its heading. */
  notes: PlacedNote[]
  /**
   * Its Chair's texts, by `order` then id: first in the clean text, and in the
   * consolidated text first under the topic when `chairTexts: show`.
   */
  chairTexts: PlacedChairText[]
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
  /** In the outline order of their own topics. */
  merged: Merger[]
}

/** How many proposals each kind of change touched. */
export interface ChangeCounts {
  added: number
  stabilized: number
  merged: number
  changed: number
  renamed: number
  withdrawn: number
  removed: number
}

/** The numbers a cover's statistics line shows. */
export interface StatsNumbers {
  brackets: number
  placeholders: number
  topics: number
  withText: number
  stabilized: number
  withAlternatives: number
}
