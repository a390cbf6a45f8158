/** The outline: ids in order, and the order ids are sorted in for people. */
import type { OutlineEntry } from '../types.js'

/** Every entry of an outline, depth first, with its depth (1 for top-level entries). */
export function flattenOutline(entries: OutlineEntry[], depth = 1): Array<{ entry: OutlineEntry; depth: number }> {
  return entries.flatMap((entry) => [{ entry, depth }, ...flattenOutline(entry.children, depth + 1)])
}

const CHUNKS = /\d+|\D+/g

/**
 * Compare ids as people read them, numbers as numbers: `A.2` before `A.10`,
 * `opt2` before `opt10`, a prefix before what extends it (`A.1` before `A.1.1`).
 * Code points break ties (`01` and `1`), so the order is total and the same on every machine.
 */
export function compareNatural(a: string, b: string): number {
  if (a === b) return 0
  const left = a.match(CHUNKS) ?? []
  const right = b.match(CHUNKS) ?? []
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const x = left[index]
    const y = right[index]
    if (x === y) continue
    if (isDigits(x) && isDigits(y)) {
      // Numbers of any length: without their leading zeros, the longer is the larger.
      const [p, q] = [x.replace(/^0+(?=.)/, ''), y.replace(/^0+(?=.)/, '')]
      if (p !== q) return p.length !== q.length ? p.length - q.length : p < q ? -1 : 1
      continue
    }
    return x < y ? -1 : 1
  }
  return left.length - right.length || (a < b ? -1 : 1)
}

function isDigits(chunk: string): boolean {
  const code = chunk.charCodeAt(0)
  return code >= 48 && code <= 57
}
