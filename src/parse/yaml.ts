/**
 * YAML 1.2 text to a document, or the problems that stop it being read:
 * syntax errors with a hint for the usual slips, aliases that name no anchor,
 * and alias expansion past the limit ("billion laughs"). Shared by the front
 * matter of proposals and by `consolidate.yaml`.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type YAMLError } from 'yaml'
import type { Place } from '../types.js'

/** The most aliases a YAML text may expand: more is a "billion laughs" attack. */
export const MAX_ALIASES = 100

export interface YamlProblem {
  message: string
  /** Offset in the YAML text. */
  offset: number
}

export interface YamlText {
  /** Undefined when the text could not be read. */
  document?: Document.Parsed
  problems: YamlProblem[]
  /** Offset in the YAML text to a 1-based line and column. */
  place(offset: number): Place
}

/** Parse YAML 1.2 (`NO` is a string, dates stay strings), reporting every reason it cannot be used. */
export function readYaml(source: string): YamlText {
  const lines = new LineCounter()
  const document = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, version: '1.2', schema: 'core' })
  const place = (offset: number): Place => {
    const position = lines.linePos(offset)
    return { line: position.line, column: position.col }
  }

  if (document.errors.length > 0) {
    // One slip often makes several errors on the same line: the first says the most.
    const seen = new Set<number>()
    const problems: YamlProblem[] = []
    for (const error of document.errors) {
      const line = place(error.pos[0]).line
      if (seen.has(line)) continue
      seen.add(line)
      problems.push({ message: explain(error, source), offset: error.pos[0] })
    }
    return { problems, place }
  }

  let aliases = 0
  let firstAlias: number | undefined
  const unresolved: YamlProblem[] = []
  visit(document, {
    Alias(_, node) {
      aliases++
      firstAlias ??= node.range?.[0]
      if (node.resolve(document) === undefined) {
        unresolved.push({
          message: `\`*${node.source}\` refers to an anchor \`&${node.source}\` that is not defined before it; a value that starts with \`*\` must be quoted, e.g. \`"*${node.source}"\``,
          offset: node.range?.[0] ?? 0,
        })
      }
    },
  })
  if (unresolved.length > 0) return { problems: unresolved, place }
  if (aliases > 0) {
    try {
      document.toJS({ maxAliasCount: MAX_ALIASES })
    } catch {
      return {
        problems: [
          {
            message: `the YAML expands more than ${MAX_ALIASES} aliases (\`*name\`); write the values out instead of using anchors and aliases`,
            offset: firstAlias ?? 0,
          },
        ],
        place,
      }
    }
  }
  return { document, problems: [], place }
}

/** The parser's message, with what to do about it for the usual slips. */
function explain(error: YAMLError, source: string): string {
  const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
  const lineStart = source.lastIndexOf('\n', error.pos[0] - 1) + 1
  const lineEnd = source.indexOf('\n', lineStart)
  const line = source.slice(lineStart, lineEnd === -1 ? source.length : lineEnd)
  const field = /^\s*([\w-]+)\s*:/.exec(line)?.[1] ?? 'title'
  const hint = hintFor(error.code, message, line, field)
  return `invalid YAML: ${lowerFirst(message)}; ${hint}`
}

/** Quotation marks a word processor puts in, which YAML takes for ordinary characters. */
const TYPOGRAPHIC = /[\u201c\u201d\u201e\u2018\u2019\u201a\u00ab\u00bb]/

function hintFor(code: YAMLError['code'], message: string, line: string, field: string): string {
  if (TYPOGRAPHIC.test(line)) {
    const value = line
      .slice(line.indexOf(':') + 1)
      .trim()
      .replace(new RegExp(TYPOGRAPHIC.source, 'g'), '')
      .replace(/^\s+|\s+$/g, '')
    return `the value is in typographic quotes (“ ” ‘ ’ « »), which YAML reads as ordinary characters, not as quotes; write straight quotes instead, e.g. \`${field}: "${value.replace(/"/g, '\\"')}"\``
  }
  switch (code) {
    case 'DUPLICATE_KEY':
      return `\`${field}\` is written twice; keep only one of them`
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs'
    case 'BLOCK_AS_IMPLICIT_KEY':
      return `a value that contains \`: \` must be quoted, e.g. \`${field}: "Scope: definitions"\`; check the indentation too`
    case 'BAD_SCALAR_START':
      return `a value that starts with this character must be quoted, e.g. \`${field}: "${line.slice(line.indexOf(':') + 1).trim() || '@value'}"\``
    case 'MULTILINE_IMPLICIT_KEY':
      return /^\s*[\w-]+:\S/.test(line)
        ? `write a space after the colon, e.g. \`${line.trim().replace(/:(?=\S)/, ': ')}\``
        : 'each line must be a field written `name: value`, e.g. `topic: A.1.4`'
    case 'BAD_INDENT':
      if (/end with a [\]}]/.test(message)) return 'close the list `[` … `]` (or the mapping `{` … `}`) it opened, e.g. `supporters: [Australia, Canada]`'
      return 'fields must start at the beginning of their line, list items one level in'
    case 'MISSING_CHAR':
      if (/quote/.test(message)) return 'close the quotation mark, or remove it'
  }
  return 'fix the YAML syntax, e.g. `supporters: [Australia, Canada]`; quote values that contain `: ` or ` #` or start with a special character'
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text
}

/** A node that holds nothing: `field:` with no value, or `~`. */
export function isEmpty(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null)
}

/** How a wrong value looks to the user, with how to write it as text when text is wanted. */
export function describe(node: unknown, textWanted = false): string {
  if (isEmpty(node)) return 'nothing'
  if (isMap(node)) return 'a mapping (`name: value` pairs)'
  if (isSeq(node)) return 'a list'
  if (isScalar(node)) {
    if (typeof node.value === 'string') return `"${node.value}"`
    const source = node.source ?? String(node.value)
    const kind = typeof node.value === 'number' ? 'the number' : typeof node.value === 'boolean' ? 'the boolean' : 'the value'
    return textWanted ? `${kind} ${source} (to write it as text, quote it: "${source}")` : `${kind} ${source}`
  }
  return 'an unexpected value'
}
