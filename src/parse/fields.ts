/** The front matter of a note, a Chair's text or a translation as fields, each with its place in the file. Pure. */
import { isMap, isScalar, type Document, type Node, type Pair } from 'yaml'
import { resolve } from './front-matter.js'
import type { MarkdownFile } from './proposal.js'
import { describe, isEmpty, readYaml } from './yaml.js'
import type { Place } from '../types.js'

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
    report('invalid-field', `the front matter must be fields written \`name: value\`, one a line, e.g. \`${example}\`; got ${describe(contents)}`, at(contents?.range?.[0] ?? 0))
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
