/** A proposal's YAML front matter: fields with their places, checked one by one. */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml'
import { didYouMean } from '../diagnostics/suggest.js'
import {
  BRACKET_POLICIES,
  CHANGEABLE_RULES,
  isChangeable,
  LANGUAGES,
  RULES,
  STATUSES,
  type BracketPolicy,
  type ChangeableRule,
  type Language,
  type Located,
  type Place,
  type Rule,
  type Status,
} from '../types.js'
import { describe, isEmpty, MAX_ALIASES, readYaml } from './yaml.js'

export { MAX_ALIASES }

/** The fields a proposal's front matter may have. */
export const PROPOSAL_FIELDS = [
  'id',
  'topic',
  'title',
  'author',
  'supporters',
  'status',
  'submitted',
  'order',
  'document',
  'reason',
  'mergedInto',
  'noText',
  'brackets',
  'allow',
  'language',
] as const

export interface FrontMatter {
  id?: Located
  topic?: Located
  title?: string
  authors?: Located[]
  supporters: Located[]
  status: Status
  submitted?: string
  order?: number
  document?: string
  reason?: string
  mergedInto?: Located
  noText: boolean
  brackets?: BracketPolicy
  allow?: ChangeableRule[]
  language?: Language
  places: { status?: Place; reason?: Place; noText?: Place }
  /** The known fields written, valid or not. */
  written: Set<string>
}

export interface Problem {
  rule: Rule
  message: string
  place: Place
}

/** An ISO calendar date that exists. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return date.toISOString().startsWith(value)
}

/**
 * Read front matter written at `firstLine` (the line after the opening `---`).
 * Returns the fields it could read and every problem, each at its own place.
 * An optional field left empty (`title:`) is as if it were not written.
 */
export function readFrontMatter(source: string, firstLine: number): { fields?: FrontMatter; problems: Problem[] } {
  const yaml = readYaml(source)
  const at = (offset: number): Place => {
    const place = yaml.place(offset)
    return { line: place.line + firstLine - 1, column: place.column }
  }
  const problems: Problem[] = yaml.problems.map((problem) => ({ rule: 'invalid-yaml', message: problem.message, place: at(problem.offset) }))
  const document = yaml.document
  if (!document) return { problems }

  const fields: FrontMatter = { supporters: [], status: 'proposed', noText: false, places: {}, written: new Set() }
  const contents = document.contents
  if (isEmpty(contents)) return { fields, problems }
  if (!isMap(contents)) {
    problems.push({
      rule: 'invalid-field',
      message: `the front matter must be fields written \`name: value\`, one a line, e.g. \`topic: A.1.4\`; got ${describe(contents)}`,
      place: at(contents?.range?.[0] ?? 0),
    })
    return { problems }
  }

  const placeOf = (node: unknown, fallback: Place): Place => {
    const range = (node as Node | null)?.range
    return range ? at(range[0]) : fallback
  }
  for (const pair of contents.items as Pair[]) {
    const keyPlace = placeOf(pair.key, { line: firstLine, column: 1 })
    const value = resolve(pair.value, document)
    const valuePlace = placeOf(pair.value, keyPlace)
    if (!isScalar(pair.key) || (typeof pair.key.value !== 'string' && typeof pair.key.value !== 'number')) {
      problems.push({ rule: 'invalid-field', message: `a field name must be a plain word such as \`topic\`; got ${describe(pair.key)}`, place: keyPlace })
      continue
    }
    const key = String(pair.key.value)
    const invalid = (expected: string, node: unknown = value, place: Place = valuePlace): void => {
      const text = ['id', 'topic', 'title', 'document', 'reason', 'mergedInto'].includes(key)
      problems.push({ rule: 'invalid-field', message: `\`${key}\` must be ${expected}; got ${describe(node, text)}`, place })
    }
    if ((PROPOSAL_FIELDS as readonly string[]).includes(key)) fields.written.add(key)

    switch (key) {
      case 'id': {
        const text = scalarText(value)
        if (text === '') break
        if (text === undefined) invalid('a word such as `a14-jpn-einvoicing`')
        else fields.id = { value: text, place: keyPlace }
        break
      }
      case 'topic': {
        const text = scalarText(value)
        if (text === '')
          problems.push({ rule: 'missing-topic', message: '`topic` is empty; write the outline id the proposal is on, e.g. `topic: A.1.4`', place: keyPlace })
        else if (text === undefined) invalid('an outline id such as `A.1.4`')
        else fields.topic = { value: text, place: valuePlace }
        break
      }
      case 'title':
      case 'document': {
        const text = scalarText(value)
        if (text === undefined) invalid(key === 'title' ? 'a line of text, e.g. `title: Electronic invoicing`' : 'a document symbol such as `INF/ECOM/22`')
        else if (text !== '') fields[key] = text
        break
      }
      case 'author':
      case 'supporters': {
        const example = key === 'author' ? '`author: Japan` or `author: [Japan, Singapore]`' : '`supporters: [Australia, Canada]`'
        const names = nameList(value, valuePlace, at, document)
        if ('bad' in names) {
          if (names.bad === value) invalid(`${key === 'author' ? 'a participant, or a list of them' : 'a list of participants'}, e.g. ${example}`)
          else invalid(`a list of participant names, e.g. ${example}; one item is not a name`, names.bad, names.place)
        } else if (key === 'author') {
          if (names.length === 0)
            problems.push({
              rule: 'missing-author',
              message: '`author` is empty; name the participant(s) who tabled the proposal, e.g. `author: Japan`',
              place: keyPlace,
            })
          else fields.authors = names
        } else {
          fields.supporters = names
        }
        break
      }
      case 'status': {
        const text = scalarText(value)
        fields.places.status = keyPlace
        if (text === '') break
        if (text !== undefined && (STATUSES as readonly string[]).includes(text)) {
          fields.status = text as Status
        } else {
          problems.push({
            rule: 'invalid-status',
            message: `\`status\` must be one of ${STATUSES.join(', ')}, e.g. \`status: proposed\`; got ${describe(value)}${didYouMean(text ?? '', STATUSES)}`,
            place: valuePlace,
          })
        }
        break
      }
      case 'submitted': {
        const text = scalarText(value)
        if (text === '') break
        if (text === undefined || !isIsoDate(text)) invalid('an existing date written YYYY-MM-DD, e.g. `submitted: 2022-03-14`')
        else fields.submitted = text
        break
      }
      case 'order': {
        if (isEmpty(value)) break
        const order = readOrder(value)
        if (order === undefined) invalid('a whole number that places the text among the alternatives of its topic, e.g. `order: 1` (lower first)')
        else fields.order = order
        break
      }
      case 'reason': {
        const text = scalarText(value)
        fields.places.reason = keyPlace
        if (text === undefined || /[\r\n]/.test(text)) invalid('one line of text, e.g. `reason: subject to the discussion on scope`')
        else if (text !== '') fields.reason = text
        break
      }
      case 'mergedInto': {
        const text = scalarText(value)
        if (text === undefined) invalid('the id of the proposal it was folded into, e.g. `mergedInto: a14-jpn-einvoicing`')
        else if (text !== '') fields.mergedInto = { value: text, place: valuePlace }
        break
      }
      case 'noText': {
        fields.places.noText = keyPlace
        if (isEmpty(value)) break
        if (isScalar(value) && typeof value.value === 'boolean') fields.noText = value.value
        else invalid('`true` or `false`, e.g. `noText: true` for a "no text" alternative')
        break
      }
      case 'brackets': {
        const text = scalarText(value)
        if (text === '') break
        if (text !== undefined && (BRACKET_POLICIES as readonly string[]).includes(text)) fields.brackets = text as BracketPolicy
        else
          problems.push({
            rule: 'invalid-field',
            message: `\`brackets\` must be ${BRACKET_POLICIES.join(' or ')}: \`enclose\` adds one pair of brackets around the text while it is not agreed, \`as-written\` shows the text with its authors' brackets only, e.g. \`brackets: as-written\`; got ${describe(value)}${didYouMean(text ?? '', BRACKET_POLICIES)}`,
            place: valuePlace,
          })
        break
      }
      case 'allow': {
        const allowed = readAllow(value, (node) => placeOf(node, valuePlace), document)
        problems.push(...allowed.problems)
        if (allowed.rules.length > 0) fields.allow = allowed.rules
        break
      }
      case 'language': {
        const language = readLanguage(value, valuePlace)
        if ('problem' in language) problems.push(language.problem)
        else if (language.language !== undefined) fields.language = language.language
        break
      }
      default:
        problems.push({
          rule: 'unknown-field',
          message: `unknown field \`${key}\`; the fields are ${PROPOSAL_FIELDS.join(', ')}${didYouMean(key, PROPOSAL_FIELDS)}`,
          place: keyPlace,
        })
    }
  }
  return { fields, problems }
}

/** A language written as its name, in any of the three, for a "did you mean" with its code. */
const LANGUAGE_NAMES: Record<string, Language> = {
  english: 'en',
  anglais: 'en',
  inglés: 'en',
  ingles: 'en',
  french: 'fr',
  français: 'fr',
  francais: 'fr',
  francés: 'fr',
  frances: 'fr',
  spanish: 'es',
  espagnol: 'es',
  español: 'es',
  espanol: 'es',
}

/**
 * `language:` — the language a text was tabled in, when not the
 * configuration's (SPEC §17): `en`, `fr` or `es`, in any case; empty, not written.
 */
export function readLanguage(node: unknown, place: Place): { language?: Language } | { problem: Problem } {
  const text = scalarText(node)
  if (text === '') return {}
  const language = text?.toLowerCase()
  if (language !== undefined && (LANGUAGES as readonly string[]).includes(language)) return { language: language as Language }
  return {
    problem: {
      rule: 'invalid-field',
      message: `\`language\` is the language the text was tabled in, one of ${LANGUAGES.join(', ')}, e.g. \`language: fr\` (leave it out when it is the configuration's \`language\`); got ${describe(node)}${language !== undefined && language in LANGUAGE_NAMES ? `; did you mean "${LANGUAGE_NAMES[language]}"?` : didYouMean(language ?? '', LANGUAGES)}`,
      place,
    },
  }
}

/** `order:` — a whole number (negative ones included); undefined for anything else, quoted numbers too. */
export function readOrder(node: unknown): number | undefined {
  return isScalar(node) && typeof node.value === 'number' && Number.isSafeInteger(node.value) ? node.value : undefined
}

const ALLOW_EXAMPLE = '`allow: [unbalanced-brackets]`'

/**
 * `allow:` — rules a text turns off for itself (SPEC §15): a rule id or a list
 * of them, each one whose level a workspace may change; any other is `invalid-field`.
 */
export function readAllow(node: unknown, placeOf: (node: unknown) => Place, document: Document): { rules: ChangeableRule[]; problems: Problem[] } {
  const rules: ChangeableRule[] = []
  const problems: Problem[] = []
  if (isEmpty(node)) return { rules, problems }
  const items = isSeq(node) ? node.items : [node]
  for (const written of items) {
    const item = resolve(written, document)
    const rule = scalarText(item)
    const place = placeOf(written)
    if (rule === undefined || rule === '') {
      problems.push({ rule: 'invalid-field', message: `\`allow\` must be a rule id or a list of them, e.g. ${ALLOW_EXAMPLE}; got ${describe(item)}`, place })
    } else if (isChangeable(rule)) {
      if (!rules.includes(rule)) rules.push(rule)
    } else if (rule in RULES) {
      problems.push({
        rule: 'invalid-field',
        message: `\`allow\` names ${rule}, which a text cannot allow for itself; only these rules can be: ${CHANGEABLE_RULES.join(', ')}`,
        place,
      })
    } else {
      problems.push({
        rule: 'invalid-field',
        message: `\`allow\` names "${rule}", which is no rule; a text may allow ${CHANGEABLE_RULES.join(', ')}, e.g. ${ALLOW_EXAMPLE}${didYouMean(rule, CHANGEABLE_RULES)}`,
        place,
      })
    }
  }
  return { rules, problems }
}

/** Follow an alias to the node it names (aliases were checked to resolve). */
export function resolve(node: unknown, document: Document): unknown {
  for (let hops = 0; isAlias(node) && hops <= MAX_ALIASES; hops++) node = node.resolve(document)
  return node
}

/**
 * A scalar as written, trimmed: numbers keep their source (`1.10` stays
 * "1.10"); an empty value gives ""; booleans, maps and lists give undefined.
 */
export function scalarText(node: unknown): string | undefined {
  if (isEmpty(node)) return ''
  if (!isScalar(node)) return undefined
  if (typeof node.value === 'string') return node.value.trim()
  if (typeof node.value === 'number') return (node.source ?? String(node.value)).trim()
  return undefined
}

/** A participant name or a list of them, each with its place; or the node that is not a name. */
function nameList(node: unknown, place: Place, at: (offset: number) => Place, document: Document): Located[] | { bad: unknown; place: Place } {
  if (isEmpty(node)) return []
  if (isScalar(node)) {
    return typeof node.value === 'string' && node.value.trim() !== '' ? [{ value: node.value.trim(), place }] : { bad: node, place }
  }
  if (!isSeq(node)) return { bad: node, place }
  const names: Located[] = []
  for (const written of node.items) {
    const item = resolve(written, document)
    const range = (written as Node | null)?.range
    const itemPlace = range ? at(range[0]) : place
    if (!isScalar(item) || typeof item.value !== 'string' || item.value.trim() === '') return { bad: item, place: itemPlace }
    names.push({ value: item.value.trim(), place: itemPlace })
  }
  return names
}
