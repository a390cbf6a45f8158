/**
 * A parse result read back from the disk cache, checked as any input: every
 * field of the model present with its type, none added, offsets inside their
 * text, and never an empty result (no proposal and no diagnostic would drop a
 * file silently). A result that fails is a miss: the file is parsed again.
 * The shapes below list every field of the model, so a field added to it
 * fails to compile here until it is checked too.
 */
import {
  BRACKET_POLICIES,
  CHANGEABLE_RULES,
  LANGUAGES,
  NOTE_KINDS,
  RULES,
  SEVERITIES,
  STATUSES,
  type Body,
  type ChairText,
  type Diagnostic,
  type Edit,
  type Located,
  type Note,
  type ParseResult,
  type Place,
  type Proposal,
  type TextFacts,
  type Translation,
} from '../types.js'

type Check = (value: unknown) => boolean
/** A check for every field of T, optional ones included. */
type Shape<T> = { [K in keyof T]-?: Check }

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isString: Check = (value) => typeof value === 'string'
const isBoolean: Check = (value) => typeof value === 'boolean'
const isCount: Check = (value) => Number.isSafeInteger(value) && (value as number) >= 0
const isPositive: Check = (value) => Number.isSafeInteger(value) && (value as number) >= 1
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value)
const listOf =
  (check: Check): Check =>
  (value) =>
    Array.isArray(value) && value.every(check)
const oneOf =
  (values: readonly string[]): Check =>
  (value) =>
    typeof value === 'string' && values.includes(value)
const isAbsent: Check = (value) => value === undefined

/** An object with exactly the fields of `shape` (optional ones may be absent), each passing its check. */
function matches<T>(shape: Shape<T>): Check {
  const fields = Object.entries(shape) as Array<[string, Check]>
  return (value) => isObject(value) && Object.keys(value).every((key) => Object.hasOwn(shape, key)) && fields.every(([key, check]) => check(value[key]))
}

const isPlace = matches<Place>({ line: isPositive, column: isPositive })
const isLocated = matches<Located>({ value: isString, place: isPlace })

const isDiagnostic = matches<Diagnostic>({
  file: isString,
  line: isPositive,
  column: isPositive,
  severity: oneOf(SEVERITIES),
  rule: oneOf(Object.keys(RULES)),
  message: isString,
})

const isEdit: Check = (value) => {
  if (!isObject(value)) return false
  const range = { start: isCount, end: isCount }
  switch (value.kind) {
    case 'bracket':
      return matches<Extract<Edit, { kind: 'bracket' }>>({ kind: isString, ...range, text: isString })(value)
    case 'heading':
      return matches<Extract<Edit, { kind: 'heading' }>>({ kind: isString, ...range, depth: isPositive, suffix: isString })(value)
    case 'label':
      return matches<Extract<Edit, { kind: 'label' }>>({ kind: isString, ...range, space: oneOf(['footnote', 'link']), identifier: isString })(value)
    case 'text':
      return matches<Extract<Edit, { kind: 'text' }>>({ kind: isString, ...range, text: isString })(value)
    case 'strike':
      return matches<Extract<Edit, { kind: 'strike' }>>({ kind: isString, ...range, open: isBoolean })(value)
    default:
      return false
  }
}

const isBodyShape = matches<Body>({ source: isString, start: isCount, end: isCount, edits: listOf(isEdit) })
/** A body whose offsets all fall inside its source. */
const isBody: Check = (value) => {
  if (!isBodyShape(value)) return false
  const body = value as Body
  const inside = (start: number, end: number): boolean => start <= end && end <= body.source.length
  return inside(body.start, body.end) && body.edits.every((edit) => inside(edit.start, edit.end))
}

/** A bracket shape: `[` and `]` alone. */
const isShape: Check = (value) => typeof value === 'string' && /^[[\]]*$/.test(value)
const isFacts = matches<TextFacts>({
  brackets: isCount,
  firstBracket: optional(isPlace),
  textRuns: listOf(isCount),
  oneSpan: isBoolean,
  leadingNumber: optional(isLocated),
  shape: isShape,
})
const isLanguage = oneOf(LANGUAGES)
const isOrder: Check = (value) => Number.isSafeInteger(value)
const isAllow = listOf(oneOf(CHANGEABLE_RULES))
const isNames: Check = (value) =>
  isObject(value) && Object.entries(value).every(([language, name]) => (LANGUAGES as readonly string[]).includes(language) && typeof name === 'string')

const isProposal = matches<Proposal>({
  id: isString,
  file: isString,
  topic: isLocated,
  title: optional(isString),
  authors: listOf(isLocated),
  supporters: listOf(isLocated),
  status: oneOf(STATUSES),
  submitted: optional(isString),
  document: optional(isString),
  reason: optional(isString),
  mergedInto: optional(isLocated),
  noText: isBoolean,
  order: optional(isOrder),
  brackets: optional(oneOf(BRACKET_POLICIES)),
  allow: optional(isAllow),
  language: optional(isLanguage),
  places: matches<Proposal['places']>({ id: isPlace, status: isPlace, frontMatter: isPlace }),
  body: isBody,
  facts: isFacts,
  // Set in a document's snapshot, never by a parse.
  pending: isAbsent,
})

const isNote = matches<Note>({
  id: isString,
  file: isString,
  topic: isLocated,
  by: isLocated,
  byNames: optional(isNames),
  kind: oneOf(NOTE_KINDS),
  allow: optional(isAllow),
  language: optional(isLanguage),
  places: matches<Note['places']>({ id: isPlace, frontMatter: isPlace }),
  body: isBody,
  shape: isShape,
  pending: isAbsent,
})

const isChairText = matches<ChairText>({
  id: isString,
  file: isString,
  topic: isLocated,
  by: optional(matches<NonNullable<ChairText['by']>>({ text: isString, names: optional(isNames) })),
  title: optional(isString),
  document: optional(isString),
  order: optional(isOrder),
  allow: optional(isAllow),
  language: optional(isLanguage),
  places: matches<ChairText['places']>({ id: isPlace, frontMatter: isPlace }),
  body: isBody,
  facts: isFacts,
  pending: isAbsent,
})

const isTranslation = matches<Translation>({
  file: isString,
  language: isLanguage,
  translationOf: optional(isLocated),
  title: optional(isString),
  draft: isBoolean,
  places: matches<Translation['places']>({ frontMatter: isPlace, title: optional(isPlace) }),
  body: isBody,
  facts: isFacts,
  brackets: listOf(isCount),
})

const isResultShape = matches<ParseResult>({
  proposal: optional(isProposal),
  note: optional(isNote),
  chairText: optional(isChairText),
  translation: optional(isTranslation),
  diagnostics: listOf(isDiagnostic),
})

/**
 * Whether a value read from the cache is a parse result this tool could have
 * made: of the model's shape, about one file (`file`, when given), and saying something about it.
 */
export function isParseResult(value: unknown, file?: string): value is ParseResult {
  if (!isResultShape(value)) return false
  const result = value as ParseResult
  const texts = [result.proposal, result.note, result.chairText, result.translation].filter((text) => text !== undefined)
  // One file is one text at most, and a result says something about it.
  if (texts.length > 1 || (texts.length === 0 && result.diagnostics.length === 0)) return false
  const files = new Set([...texts.map((text) => text.file), ...result.diagnostics.map((diagnostic) => diagnostic.file)])
  const translation = result.translation
  // One offset for each bracket of its shape, each inside its text.
  if (
    translation &&
    (translation.brackets.length !== translation.facts.shape.length || translation.brackets.some((offset) => offset >= translation.body.source.length))
  )
    return false
  return files.size === 1 && (file === undefined || files.has(file))
}
