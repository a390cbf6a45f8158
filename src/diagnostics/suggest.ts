/** "Did you mean" suggestions for names that are likely typos. */

/** Edit distance between two strings, case-insensitive: insertions, deletions, substitutions and swaps of two neighbours. */
export function distance(a: string, b: string): number {
  a = a.toLowerCase()
  b = b.toLowerCase()
  if (a === b) return 0
  let before: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      // A swap of two neighbours ("SPG" for "SGP") is one slip, not two.
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j], before[j - 2] + 1)
    }
    before = previous
    previous = current
  }
  return previous[b.length]
}

/**
 * The candidate closest to `wanted`, if it is close enough to be a plausible
 * typo (at most a third of the longer string, and at least 2 edits allowed).
 */
export function closest(wanted: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const d = distance(wanted, candidate)
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate
      bestDistance = d
    }
  }
  if (best === undefined) return undefined
  // Two letters of three make another word ("NZ" is not "EU"): short names allow one slip only.
  const allowed = Math.min(wanted.length, best.length) <= 3 ? 1 : Math.max(2, Math.floor(Math.max(wanted.length, best.length) / 3))
  return bestDistance <= allowed ? best : undefined
}

/** ` did you mean "x"?` or nothing. */
export function didYouMean(wanted: string, candidates: Iterable<string>): string {
  const suggestion = closest(wanted, candidates)
  return suggestion === undefined ? '' : `; did you mean "${suggestion}"?`
}

/**
 * The outline id a mistyped topic most likely meant: the same id written
 * differently (`a-1-4`), an entry's title (in any language) written instead of its id, an id
 * with a level left out (`A.9` for `A.1.9`), or the closest id by spelling.
 */
export function suggestTopic(
  wanted: string,
  entries: ReadonlyArray<{ id: string; title?: string; titles?: Partial<Record<string, string>> }>,
): string | undefined {
  const normal = (id: string): string =>
    id
      .toLowerCase()
      .replace(/[\s,_/-]+/g, '.')
      .replace(/\.+/g, '.')
      .replace(/^\.|\.$/g, '')
  const target = normal(wanted)
  const same = entries.find((entry) => normal(entry.id) === target)
  if (same) return same.id
  const byTitle = entries.find((entry) =>
    [entry.title, ...Object.values(entry.titles ?? {})].some((title) => title !== undefined && title.toLowerCase() === wanted.trim().toLowerCase()),
  )
  if (byTitle) return byTitle.id

  const parts = target.split('.')
  let best: { id: string; extra: number } | undefined
  for (const { id } of entries) {
    const have = normal(id).split('.')
    if (have.length <= parts.length || have[0] !== parts[0] || have[have.length - 1] !== parts[parts.length - 1]) continue
    let next = 0
    for (const part of have) if (part === parts[next]) next++
    if (next === parts.length && (!best || have.length - parts.length < best.extra)) best = { id, extra: have.length - parts.length }
  }
  if (best) return best.id
  // By spelling, within the same section; across sections only a one-letter slip.
  const near = closest(
    wanted,
    entries.map((entry) => entry.id).filter((id) => normal(id).split('.')[0] === parts[0]),
  )
  if (near !== undefined) return near
  const any = closest(
    wanted,
    entries.map((entry) => entry.id),
  )
  return any !== undefined && distance(wanted, any) <= 1 ? any : undefined
}
