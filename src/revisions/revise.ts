/**
 * The next revision in `consolidate.yaml` (`consolidate revise`): the next
 * symbol, and the configuration's text with a few values set, every other
 * byte (comments, layout, quoting, line endings) kept. The YAML document is
 * edited through the `yaml` package's source tokens, never written again from
 * data. Pure.
 */
import { Composer, CST, isMap, isScalar, Parser, Scalar, stringify, type Document, type Node } from 'yaml'

/** What a symbol becomes in the next revision, with the revision's number; or why revise cannot tell. */
export type NextSymbol = { symbol: string; number: number } | { problem: string }

/** `…/Rev.5` at the end of a symbol (any case of `Rev`). */
const REVISION = /\/(rev\.)(\d+)$/i
/** A corrigendum is corrected, never revised. */
const CORRIGENDUM = /\/corr\.\d+$/i

/** `INF/ECOM/62/Rev.5` → `…/Rev.6`; a symbol without `/Rev.N` gains `/Rev.1`. */
export function nextSymbol(symbol: string): NextSymbol {
  const revision = REVISION.exec(symbol)
  if (revision) {
    const number = Number(revision[2]) + 1
    return { symbol: `${symbol.slice(0, revision.index)}/${revision[1]}${number}`, number }
  }
  const inside = /\/(rev\.)(\d+)(.+)$/i.exec(symbol)
  const corrigendum = CORRIGENDUM.exec(symbol)
  if (inside || corrigendum) {
    const suffix = inside ? inside[3] : corrigendum![0]
    const example = inside ? `${symbol.slice(0, inside.index)}/${inside[1]}${Number(inside[2]) + 1}` : `${symbol.slice(0, corrigendum!.index)}/Rev.1`
    return {
      problem: `the symbol ${symbol} ends in \`${suffix}\`, which revise cannot carry to the next revision; edit \`symbol\`, \`date\` and \`previous\` in consolidate.yaml by hand, e.g. \`symbol: ${example}\``,
    }
  }
  return { symbol: `${symbol}/Rev.1`, number: 1 }
}

/** Whether a symbol carries a revision number (`documents.*.symbol` move with the text's only then). */
export function hasRevision(symbol: string): boolean {
  return /\/rev\.\d+/i.test(symbol)
}

/** A value to set: at `path` (`['documents', 'clean', 'symbol']`); a missing top-level key is added on the line after `after`'s. */
export interface Edit {
  path: string[]
  value: string
  after?: string
}

/** One value changed, for the user: `from` is absent when the key was added. */
export interface Change {
  field: string
  from?: string
  to: string
}

/**
 * `text` with every edit applied, each value in the quoting it had (plain
 * when it had none and plain reads back the same); every other byte as it
 * was. A problem when the file is not a mapping of fields or a key to add has
 * nowhere to go.
 */
export function editConfig(text: string, edits: Edit[]): { text: string; changes: Change[] } | { problem: string } {
  const changes: Change[] = []
  for (const edit of edits) {
    const result = applyEdit(text, edit)
    if ('problem' in result) return result
    text = result.text
    if (result.from !== edit.value) changes.push({ field: edit.path.join('.'), ...(result.from === undefined ? {} : { from: result.from }), to: edit.value })
  }
  return { text, changes }
}

/** One edit, on a fresh parse: each edit's offsets are those of the text as the last one left it. */
function applyEdit(text: string, edit: Edit): { text: string; from?: string } | { problem: string } {
  const tokens = [...new Parser().parse(text)]
  const [document] = [...new Composer({ keepSourceTokens: true, version: '1.2' }).compose(tokens)] as Document[]
  const root = document?.contents
  if (!isMap(root)) return { problem: 'consolidate.yaml is not a mapping of fields (`name: value`, one a line); revise edits such a file only' }
  const node = root.getIn(edit.path, true) as Node | undefined
  if (isScalar(node) && node.srcToken && (typeof node.value === 'string' || typeof node.value === 'number' || node.value === null)) {
    const from = typeof node.value === 'number' ? (node.source ?? String(node.value)) : (node.value ?? undefined)
    CST.setScalarValue(node.srcToken, edit.value, { type: scalarType(node, edit.value) })
    return { text: tokens.map((token) => CST.stringify(token)).join(''), from }
  }
  if (isScalar(node) && node.value === null && node.range) {
    // `previous:` written without a value: the value goes after the colon.
    const at = node.range[0]
    return { text: `${text.slice(0, at)}${text[at - 1] === ' ' ? '' : ' '}${plainOrQuoted(edit.value)}${text.slice(at)}` }
  }
  if (node !== undefined && node !== null)
    return {
      problem: `\`${edit.path.join('.')}\` in consolidate.yaml is not a single value; write it as one (e.g. \`${edit.path.at(-1)}: ${edit.value}\`), or edit it by hand`,
    }
  if (edit.path.length !== 1 || edit.after === undefined) return { problem: `consolidate.yaml has no \`${edit.path.join('.')}\` to change` }
  return addAfter(text, root.get(edit.after, true) as Node | undefined, edit)
}

/** A new top-level `key: value` on its own line, after the line where `anchor`'s value ends, indented as the file's fields. */
function addAfter(text: string, anchor: Node | undefined, edit: Edit): { text: string } | { problem: string } {
  const end = anchor?.range?.[1]
  if (end === undefined)
    return { problem: `consolidate.yaml has no \`${edit.after}\` after which to add \`${edit.path[0]}\`; add \`${edit.path[0]}: ${edit.value}\` by hand` }
  const lineStart = text.lastIndexOf('\n', anchor!.range![0] - 1) + 1
  const keyStart = text.slice(lineStart).search(/\S/)
  const newline = text.includes('\r\n') ? '\r\n' : '\n'
  const lineEnd = text.indexOf('\n', end)
  const line = `${' '.repeat(Math.max(keyStart, 0))}${edit.path[0]}: ${plainOrQuoted(edit.value)}`
  if (lineEnd === -1) return { text: `${text}${newline}${line}${newline}` }
  return { text: `${text.slice(0, lineEnd + 1)}${line}${newline}${text.slice(lineEnd + 1)}` }
}

/** The quoting a value keeps: the one written, or plain when it reads back as the same text, else double quotes. */
function scalarType(node: Scalar, value: string): Scalar.Type {
  if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) return node.type
  if (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) return Scalar.QUOTE_DOUBLE
  return readsAsPlain(value) ? Scalar.PLAIN : Scalar.QUOTE_DOUBLE
}

function plainOrQuoted(value: string): string {
  return readsAsPlain(value) ? value : JSON.stringify(value)
}

/** Whether `value` written without quotes reads back as that text (`v5` does; a hash of digits would read as a number). */
function readsAsPlain(value: string): boolean {
  return stringify(value, { version: '1.2', lineWidth: 0 }).trimEnd() === value
}
