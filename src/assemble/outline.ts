/** The outline: ids in order, and the order of topic ids when no outline is configured. */
import type { OutlineEntry } from '../types.js'

/** Every entry of an outline, depth first, with its depth (1 for top-level entries). */
export function flattenOutline(entries: OutlineEntry[], depth = 1): Array<{ entry: OutlineEntry; depth: number }> {
  return entries.flatMap((entry) => [{ entry, depth }, ...flattenOutline(entry.children, depth + 1)])
}

/** Compare dotted ids part by part, numeric parts as numbers: `A.2` before `A.10`. */
export function compareTopicIds(a: string, b: string): number {
  const left = a.split('.')
  const right = b.split('.')
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const x = left[index]
    const y = right[index]
    if (x === y) continue
    const numeric = /^\d+$/.test(x) && /^\d+$/.test(y)
    if (numeric && Number(x) !== Number(y)) return Number(x) - Number(y)
    return x < y ? -1 : 1
  }
  return left.length - right.length || (a < b ? -1 : a > b ? 1 : 0)
}
