/**
 * Footnote and link labels in a document that holds many proposals. Each
 * file's labels are its own, so each takes a name in the document that no
 * other file's label takes and that no text of any file can spell:
 * `<id><separator><label>`, the separator being a rare character that no text
 * of the document holds. Pure.
 */
import type { Body, LabelSpace } from '../types.js'

/** Tried in order: the first that no text of the document holds (case-folded) is used. */
export const SEPARATORS = ['\u00a6', '\u00a4', '\u2021', '\u2042', '\u203b'] as const

/** Labels are capped at 999 characters (CommonMark); a name stays well below. */
const MAX_LABEL = 900
/** The proposal id in a name is only there for a reader: a very long one is cut. */
const MAX_ID = 200

/** Names a body's labels, by the label space and mdast identifier of each. */
export type LabelNamer = (space: LabelSpace, identifier: string) => string

/** How CommonMark compares labels: whitespace collapsed, case folded (micromark's `normalizeIdentifier`, lower-cased as mdast does). */
export function foldLabel(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase()
    .toLowerCase()
}

/**
 * The first separator that occurs in none of `texts`, as written or case-folded;
 * past the list, the first such character of the Private Use Areas.
 */
export function chooseSeparator(texts: readonly string[]): string {
  const fold = (text: string): string => text.toLowerCase().toUpperCase()
  const present = new Set<string>()
  // One text folded at a time: a whole document folded at once would double its memory.
  for (const text of texts) {
    const folded = fold(text)
    for (const separator of SEPARATORS) if (text.includes(separator) || folded.includes(fold(separator))) present.add(separator)
  }
  const separator = SEPARATORS.find((candidate) => !present.has(candidate))
  if (separator) return separator
  const chars = new Set<string>()
  for (const text of texts) for (const char of `${text}${fold(text)}`) chars.add(char)
  for (const [from, to] of [
    [0xe000, 0xf8ff],
    [0xf0000, 0xffffd],
    [0x100000, 0x10fffd],
  ]) {
    for (let code = from; code <= to; code++) if (!chars.has(String.fromCodePoint(code))) return String.fromCodePoint(code)
  }
  // Over 137,000 distinct characters in the texts: not a document anyone writes.
  throw new Error('no character is left to separate label names')
}

/**
 * Names for the labels of the bodies of one document, given in document order,
 * where `texts` is everything else the document says; one namer per body, in
 * the same order. A name depends only on its proposal's id and label, unless
 * two would be equal once case-folded (ids `A1` and `a1`): then the later one
 * in the document takes a number.
 */
export function documentLabels(bodies: ReadonlyArray<{ id: string; body: Body }>, texts: readonly string[]): { separator: string; namers: LabelNamer[] } {
  const separator = chooseSeparator([...bodies.map(({ body }) => body.source.slice(body.start, body.end)), ...texts])
  const taken = new Set<string>()
  const namers = bodies.map(({ id, body }): LabelNamer => {
    const own = new Map<string, string>()
    const prefix = [...id].slice(0, MAX_ID).join('') + separator
    for (const edit of body.edits) {
      if (edit.kind !== 'label' || own.has(key(edit.space, edit.identifier))) continue
      const local = localName(edit.identifier, separator, MAX_LABEL - prefix.length)
      let name = prefix + local
      for (let counter = 2; taken.has(key(edit.space, foldLabel(name))); counter++) name = `${prefix}${local}${separator}${counter}`
      taken.add(key(edit.space, foldLabel(name)))
      own.set(key(edit.space, edit.identifier), name)
    }
    return (space, identifier) => {
      const name = own.get(key(space, identifier))
      if (name === undefined) throw new Error(`label "${identifier}" of ${id} was not named`)
      return name
    }
  })
  return { separator, namers }
}

function key(space: LabelSpace, identifier: string): string {
  return `${space}\u0000${identifier}`
}

/**
 * A label's own part of its name: what a label may hold anywhere (no brackets,
 * backslashes, carets or whitespace), without the separator, at most `room` long.
 */
function localName(identifier: string, separator: string, room: number): string {
  const name =
    identifier
      .replace(/[\s[\]\\^]+/g, '-')
      .split(separator)
      .join('-') || 'note'
  let cut = ''
  for (const char of name) {
    if (cut.length + char.length > room) break
    cut += char
  }
  return cut || 'note'
}
