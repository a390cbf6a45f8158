/** A proposal's YAML front matter: fields with their places, checked one by one. */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair } from 'yaml'
import { didYouMean } from './suggest.js'
import { STATUSES, type Located, type Place, type Rule, type Status } from './types.js'

/** The fields a proposal's front matter may have. */
export const PROPOSAL_FIELDS = ['id', 'topic', 'title', 'author', 'supporters', 'status', 'submitted', 'document'] as const

export interface FrontMatter {
  id?: Located
  topic?: Located
  title?: string
  authors?: Located[]
  supporters: Located[]
  status: Status
  submitted?: string
  document?: string
  places: { status?: Place }
  /** The known fields written, valid or not. */
  written: Set<string>
}

export interface Problem {
  rule: Rule
  message: string
  place: Place
}

/** The most aliases a front matter may expand: more is a "billion laughs" attack. */
export const MAX_ALIASES = 100

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
 */
export function readFrontMatter(source: string, firstLine: number): { fields?: FrontMatter; problems: Problem[] } {
  const lines = new LineCounter()
  const document = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, version: '1.2' })
  const at = (offset: number): Place => {
    const position = lines.linePos(offset)
    return { line: position.line + firstLine - 1, column: position.col }
  }
  const fieldsStart: Place = { line: firstLine - 1, column: 1 }
  const problems: Problem[] = []

  if (document.errors.length > 0) {
    for (const error of document.errors) {
      problems.push({ rule: 'invalid-yaml', message: `${firstSentence(error.message)}; fix the YAML syntax of the front matter`, place: at(error.pos[0]) })
    }
    return { problems }
  }

  let aliases = 0
  let firstAlias: number | undefined
  visit(document, {
    Alias(_, node) {
      aliases++
      firstAlias ??= node.range?.[0]
    },
  })
  if (aliases > 0) {
    try {
      document.toJS({ maxAliasCount: MAX_ALIASES })
    } catch {
      problems.push({
        rule: 'invalid-yaml',
        message: `the front matter expands more than ${MAX_ALIASES} aliases; write the values out instead of using YAML anchors and aliases`,
        place: at(firstAlias ?? 0),
      })
      return { problems }
    }
  }

  const contents = document.contents
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    return { fields: { supporters: [], status: 'proposed', places: {}, written: new Set() }, problems }
  }
  if (!isMap(contents)) {
    problems.push({ rule: 'invalid-field', message: 'the front matter must be fields written `name: value`, e.g. `topic: A.1.4`', place: at(contents.range?.[0] ?? 0) })
    return { problems }
  }

  const fields: FrontMatter = { supporters: [], status: 'proposed', places: {}, written: new Set() }
  const placeOf = (node: unknown, fallback: Place): Place => placeOfNode(node, at) ?? fallback

  for (const pair of contents.items as Pair[]) {
    const keyPlace = placeOf(pair.key, fieldsStart)
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined
    const value = resolve(pair.value, document)
    const valuePlace = placeOf(pair.value, keyPlace)
    const invalid = (expected: string): void => {
      problems.push({ rule: 'invalid-field', message: `\`${key}\` must be ${expected}; got ${describe(value)}`, place: valuePlace })
    }

    if (key !== undefined) fields.written.add(key)
    switch (key) {
      case 'id': {
        const text = scalarText(value)
        if (text === undefined || text === '') invalid('a word such as `a14-jpn-einvoicing`')
        else fields.id = { value: text, place: keyPlace }
        break
      }
      case 'topic': {
        const text = scalarText(value)
        if (isEmpty(value) || text === '') problems.push({ rule: 'missing-topic', message: '`topic` is empty; write the outline id the proposal is on, e.g. `topic: A.1.4`', place: keyPlace })
        else if (text === undefined) invalid('an outline id such as `A.1.4`')
        else fields.topic = { value: text, place: valuePlace }
        break
      }
      case 'title':
      case 'document': {
        const text = scalarText(value)
        if (text === undefined) invalid(key === 'title' ? 'a line of text' : 'a document symbol such as `INF/ECOM/22`')
        else if (text !== '') fields[key] = text
        break
      }
      case 'author':
      case 'supporters': {
        const names = nameList(value, valuePlace, at, document)
        if (names === undefined) {
          invalid(key === 'author' ? 'a participant, or a list of them, e.g. `author: Japan` or `author: [Japan, Singapore]`' : 'a list of participants, e.g. `supporters: [Australia, Canada]`')
        } else if (key === 'author') {
          if (names.length === 0) problems.push({ rule: 'missing-author', message: '`author` is empty; name the participant(s) who tabled the proposal, e.g. `author: Japan`', place: keyPlace })
          else fields.authors = names
        } else {
          fields.supporters = names
        }
        break
      }
      case 'status': {
        const text = scalarText(value)
        if (text !== undefined && (STATUSES as readonly string[]).includes(text)) {
          fields.status = text as Status
        } else {
          problems.push({
            rule: 'invalid-status',
            message: `\`status\` must be one of ${STATUSES.join(', ')}; got ${describe(value)}${didYouMean(text ?? '', STATUSES)}`,
            place: valuePlace,
          })
        }
        fields.places.status = keyPlace
        break
      }
      case 'submitted': {
        const text = scalarText(value)
        if (text === undefined || !isIsoDate(text)) invalid('an ISO date such as `2022-03-14`')
        else fields.submitted = text
        break
      }
      default:
        problems.push({
          rule: 'unknown-field',
          message: `unknown field \`${key ?? describe(pair.key)}\`; known fields are ${PROPOSAL_FIELDS.join(', ')}${didYouMean(key ?? '', PROPOSAL_FIELDS)}`,
          place: keyPlace,
        })
    }
  }
  return { fields, problems }
}

/** Follow aliases to the node they name. */
function resolve(node: unknown, document: Document): unknown {
  for (let hops = 0; isAlias(node) && hops <= MAX_ALIASES; hops++) node = node.resolve(document)
  return node
}

function isEmpty(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null)
}

function placeOfNode(node: unknown, at: (offset: number) => Place): Place | undefined {
  const range = (node as Node | null)?.range
  return range ? at(range[0]) : undefined
}

/** A scalar as written: numbers keep their source (`1.10` stays "1.10"); null, maps and lists give undefined. */
function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined
  if (typeof node.value === 'string') return node.value.trim()
  if (typeof node.value === 'number') return node.source ?? String(node.value)
  return undefined
}

/** A participant name or a list of them, each with its place; undefined if the shape is wrong. */
function nameList(node: unknown, place: Place, at: (offset: number) => Place, document: Document): Located[] | undefined {
  if (isEmpty(node)) return []
  if (isScalar(node)) {
    return typeof node.value === 'string' && node.value.trim() !== '' ? [{ value: node.value.trim(), place }] : undefined
  }
  if (!isSeq(node)) return undefined
  const names: Located[] = []
  for (const written of node.items) {
    const item = resolve(written, document)
    if (!isScalar(item) || typeof item.value !== 'string' || item.value.trim() === '') return undefined
    names.push({ value: item.value.trim(), place: placeOfNode(written, at) ?? place })
  }
  return names
}

/** How a wrong value looks to the user. */
function describe(node: unknown): string {
  if (node === null || node === undefined) return 'nothing'
  if (isMap(node)) return 'a mapping'
  if (isSeq(node)) return 'a list'
  if (isScalar(node)) {
    if (node.value === null) return 'nothing'
    return typeof node.value === 'string' ? `"${node.value}"` : `${typeof node.value} ${node.source ?? String(node.value)}`
  }
  return 'an unexpected value'
}

function firstSentence(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
}
