/** "Did you mean" suggestions for names that are likely typos. */

/** Edit distance between two strings (Levenshtein), case-insensitive. */
export function distance(a: string, b: string): number {
  a = a.toLowerCase()
  b = b.toLowerCase()
  if (a === b) return 0
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
    }
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
  const allowed = Math.max(2, Math.floor(Math.max(wanted.length, best.length) / 3))
  return bestDistance <= allowed ? best : undefined
}

/** ` did you mean "x"?` or nothing. */
export function didYouMean(wanted: string, candidates: Iterable<string>): string {
  const suggestion = closest(wanted, candidates)
  return suggestion === undefined ? '' : `; did you mean "${suggestion}"?`
}
