/** The front matter of a note, a Chair's text or a translation as fields, each with its place in the file. Pure. */
import { isMap, isScalar, type Document, type Node, type Pair, type YAMLMap } from 'yaml'
import { resolve, scalarText } from './front-matter.js'
import type { MarkdownFile } from './proposal.js'
import { describe, isEmpty, readYaml } from './yaml.js'
import { didYouMean } from '../diagnostics/suggest.js'
import { LANGUAGES, type Language, type Names, type Place } from '../types.js'

/** One field: its name, its value (aliases followed), where each stands, and where a node inside the value stands. */
export interface Field {
  key: string
  value: unknown
  keyPlace: Place
  valuePlace: Place
  placeOf(node: unknown): Place
}

/**
 * The fields of `read`'s front matter, in the order written; each YAML problem and each name that is
 * no plain word is reported at its place. Undefined when there are no fields to read (a YAML error, or
 * no mapping: reported). `example` is a field as the kind writes it, e.g. `topic: A.1.4`.
 */
export function frontMatterFields(read: MarkdownFile, example: string): { fields: Field[]; document: Document } | undefined {
  const { head, report } = read
  const firstLine = (head.position?.start.line ?? 1) + 1
  const yaml = readYaml(head.value)
  const at = (offset: number): Place => {
    const place = yaml.place(offset)
    return { line: place.line + firstLine - 1, column: place.column }
  }
  for (const problem of yaml.problems) report('invalid-yaml', problem.message, at(problem.offset))
  const document = yaml.document
  if (!document) return undefined
  const contents = document.contents
  if (!isEmpty(contents) && !isMap(contents)) {
    report(
      'invalid-field',
      `the front matter must be fields written \`name: value\`, one a line, e.g. \`${example}\`; got ${describe(contents)}`,
      at(contents?.range?.[0] ?? 0),
    )
    return undefined
  }
  const placeOf = (node: unknown, fallback: Place): Place => ((node as Node | null)?.range ? at((node as Node).range![0]) : fallback)
  const fields: Field[] = []
  for (const pair of (isMap(contents) ? contents.items : []) as Pair[]) {
    const keyPlace = placeOf(pair.key, { line: firstLine, column: 1 })
    if (!isScalar(pair.key) || typeof pair.key.value !== 'string') {
      report('invalid-field', `a field name must be a plain word such as \`${example.slice(0, example.indexOf(':'))}\`; got ${describe(pair.key)}`, keyPlace)
      continue
    }
    const valuePlace = placeOf(pair.value, keyPlace)
    fields.push({ key: pair.key.value, value: resolve(pair.value, document), keyPlace, valuePlace, placeOf: (node) => placeOf(node, valuePlace) })
  }
  return { fields, document }
}

/** How a field given per language is described in its problems: `by` must `must` (with an example); `by.fr` must `inLanguage`, e.g. `example`. */
export interface PerLanguage {
  key: string
  must: string
  inLanguage: string
  example: string
}

/** A name given per language (`{ en: Facilitator, fr: Facilitateur }`), each problem reported at its place; the English one first, else the first given. */
export function readPerLanguage(
  value: YAMLMap,
  place: Place,
  placeOf: (node: unknown) => Place,
  report: (rule: 'invalid-field', message: string, place: Place) => void,
  words: PerLanguage,
): { first: string; names: Names } | undefined {
  const { key, example } = words
  const names: Names = {}
  if (value.items.length === 0) report('invalid-field', `\`${key}\` must ${words.must}; got an empty mapping`, place)
  for (const pair of value.items as Pair[]) {
    const language = isScalar(pair.key) ? String(pair.key.value) : ''
    const name = scalarText(pair.value)
    if (!(LANGUAGES as readonly string[]).includes(language))
      report(
        'invalid-field',
        `\`${key}\` gives the role per language with the keys ${LANGUAGES.join(', ')}, e.g. ${example}; got "${language}"${didYouMean(language.toLowerCase(), LANGUAGES)}`,
        placeOf(pair.key),
      )
    else if (name === undefined || name === '')
      report('invalid-field', `\`${key}.${language}\` must ${words.inLanguage}, e.g. ${example}; got ${describe(pair.value, true)}`, placeOf(pair.value))
    else names[language as Language] = name.replace(/\s+/g, ' ')
  }
  const first = names.en ?? Object.values(names)[0]
  return first === undefined ? undefined : { first, names }
}
