/**
 * Word by word differences between two texts: Myers' O(ND) shortest edit
 * script over whitespace-separated words. Pure.
 */

/**
 * A run of words both texts share, or a place where one text's words replace
 * the other's; `at` is the index of its first word in each text.
 */
export type Segment = { same: string[]; at: Position } | { removed: string[]; added: string[]; at: Position }

export interface Position {
  before: number
  after: number
}

/** A changed region with a little unchanged text around it, for showing to a reader. */
export interface Hunk {
  segments: Segment[]
  /** Words of the text come before (`start`) or after (`end`) what the hunk shows. */
  cut: { start: boolean; end: boolean }
}

/** The words of a text: whitespace and line endings separate words and carry no meaning of their own. */
export function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '')
}

/**
 * One unit of a text as a reader compares it: a word (letters and digits,
 * joined by an apostrophe, a hyphen, a slash, a dot or a colon: `d'Ivoire`,
 * `e-invoicing`, `INF/ECOM/62/Rev.5`, `2022-03-14`) or a run of one
 * punctuation mark (`(`, `]`, `...`, `**`). `space` says whether whitespace
 * stands before it in the text; whitespace itself is never a token, so
 * re-wrapping changes no token.
 */
export interface Token {
  text: string
  space: boolean
  /** Offsets of the token in the text. */
  start: number
  end: number
}

const TOKEN = /[\p{L}\p{N}\p{M}]+(?:['\u2019\-./:@][\p{L}\p{N}\p{M}]+)*|(\S)\1*/gu

/** The tokens of a text (see `Token`). */
export function tokenize(text: string, from = 0): Token[] {
  const tokens: Token[] = []
  let end = 0
  for (const match of text.matchAll(TOKEN)) {
    tokens.push({ text: match[0], space: match.index > end, start: from + match.index, end: from + match.index + match[0].length })
    end = match.index + match[0].length
  }
  return tokens
}

/** Tokens written back as text: one space wherever whitespace stood. */
export function joinTokens(tokens: readonly Token[]): string {
  return tokens.map((token, index) => (index > 0 && token.space ? ` ${token.text}` : token.text)).join('')
}

/** The indexes (in `tokenize(text)`) of the tokens that begin a paragraph after a blank line. */
export function paragraphTokenStarts(text: string, tokens: readonly Token[]): Set<number> {
  const starts = new Set<number>()
  for (let index = 1; index < tokens.length; index++) {
    if (/\n[ \t>]*\n/.test(text.slice(tokens[index - 1].end, tokens[index].start))) starts.add(index)
  }
  return starts
}

/** The indexes (in `words(text)`) of the words that begin a paragraph after a blank line. */
export function paragraphStarts(text: string): Set<number> {
  const starts = new Set<number>()
  let index = 0
  let end = 0
  for (const match of text.matchAll(/\S+/g)) {
    if (index > 0 && /\n[ \t]*\n/.test(text.slice(end, match.index))) starts.add(index)
    end = match.index + match[0].length
    index++
  }
  return starts
}

/**
 * The segments that turn `before` into `after`. Past `maxEdits` differing
 * words, or past a number of steps linear in the texts' length (repeated
 * words can make Myers' snakes long on every diagonal), the differing middle
 * is reported as replaced whole: a rewrite reads no better word by word, and
 * the cost stays bounded for any input.
 */
export function diffWords(before: string[], after: string[], maxEdits = 1000): Segment[] {
  // Words as numbers: each compared in one step, however long (a block's key may be a whole paragraph).
  const ids = new Map<string, number>()
  const intern = (list: string[]): Int32Array =>
    Int32Array.from(list, (word) => {
      let id = ids.get(word)
      if (id === undefined) ids.set(word, (id = ids.size))
      return id
    })
  const left = intern(before)
  const right = intern(after)
  let prefix = 0
  while (prefix < left.length && prefix < right.length && left[prefix] === right[prefix]) prefix++
  let suffix = 0
  while (suffix < left.length - prefix && suffix < right.length - prefix && left[left.length - 1 - suffix] === right[right.length - 1 - suffix]) suffix++
  const a = left.subarray(prefix, left.length - suffix)
  const b = right.subarray(prefix, right.length - suffix)
  const middle = myers(a, b, maxEdits) ?? [...Array<Op>(a.length).fill('-'), ...Array<Op>(b.length).fill('+')]
  const ops: Op[] = [...Array<Op>(prefix).fill('='), ...middle, ...Array<Op>(suffix).fill('=')]
  slideDown(ops, left, right)

  const segments: Segment[] = []
  let x = 0
  let y = 0
  for (let index = 0; index < ops.length;) {
    const at = { before: x, after: y }
    if (ops[index] === '=') {
      const same: string[] = []
      while (ops[index] === '=') (same.push(before[x]), x++, y++, index++)
      segments.push({ same, at })
    } else {
      const removed: string[] = []
      const added: string[] = []
      for (; index < ops.length && ops[index] !== '='; index++) {
        if (ops[index] === '-') removed.push(before[x++])
        else added.push(after[y++])
      }
      segments.push({ removed, added, at })
    }
  }
  return segments
}

/**
 * The changed regions of `segments`, each with up to `context` unchanged
 * words either side, never reaching into another paragraph of the newer text.
 */
export function hunks(segments: Segment[], context = 8, paragraphs: ReadonlySet<number> = new Set()): Hunk[] {
  const result: Hunk[] = []
  let current: Hunk | undefined
  segments.forEach((segment, index) => {
    if ('same' in segment) {
      if (!current) return
      const last = index === segments.length - 1
      if (!last && segment.same.length <= 2 * context) {
        current.segments.push(segment)
        return
      }
      let length = 0
      while (length < Math.min(context, segment.same.length) && !paragraphs.has(segment.at.after + length)) length++
      if (length > 0) current.segments.push({ same: segment.same.slice(0, length), at: segment.at })
      current.cut.end = length < segment.same.length && !paragraphs.has(segment.at.after + length)
      result.push(current)
      current = undefined
      return
    }
    if (!current) {
      const previous = segments[index - 1]
      let lead: Segment[] = []
      let cut = false
      if (previous && 'same' in previous) {
        const end = previous.same.length
        let start = end
        while (start > Math.max(0, end - context) && !paragraphs.has(previous.at.after + start)) start--
        cut = start > 0 && !paragraphs.has(previous.at.after + start)
        if (start < end) lead = [{ same: previous.same.slice(start), at: { before: previous.at.before + start, after: previous.at.after + start } }]
      }
      current = { segments: lead, cut: { start: cut, end: false } }
    }
    current.segments.push(segment)
  })
  if (current) result.push(current)
  return result
}

type Op = '=' | '-' | '+'

/**
 * Move each run that only inserts (or only deletes) as far down as the same
 * edit can go: of `cooperate. [Each … cooperate.]`, the whole new sentence is
 * marked, not `. Each … cooperate` with the older full stop kept after it.
 */
function slideDown(ops: Op[], before: Int32Array, after: Int32Array): void {
  let x = 0
  let y = 0
  for (let index = 0; index < ops.length;) {
    if (ops[index] === '=') {
      ;(index++, x++, y++)
      continue
    }
    let end = index
    while (end < ops.length && ops[end] !== '=') end++
    const kind = ops[index]
    const pure = ops.slice(index, end).every((op) => op === kind)
    if (!pure) {
      for (let at = index; at < end; at++) ops[at] === '-' ? x++ : y++
      index = end
      continue
    }
    const list = kind === '+' ? after : before
    let from = kind === '+' ? y : x
    const length = end - index
    // The run [from, from + length) moves one step while its first token is the token after it.
    while (end < ops.length && ops[end] === '=' && list[from] === list[from + length]) {
      ops[index] = '='
      ops[end] = kind
      ;(index++, end++, from++)
    }
    // The `=` steps the run moved over, then the run itself.
    x += index - (end - length) + (kind === '-' ? length : 0)
    y += index - (end - length) + (kind === '+' ? length : 0)
    index = end
  }
}

/** Steps of Myers' snakes allowed per word of the two texts, beyond those of the edits themselves. */
const STEPS_PER_WORD = 16

/**
 * Myers' greedy algorithm with the V array of each round kept for the way
 * back; undefined when the texts differ by more than `maxEdits` words, or
 * when following the snakes would take more than `STEPS_PER_WORD` steps a word.
 */
function myers(a: Int32Array, b: Int32Array, maxEdits: number): Op[] | undefined {
  const n = a.length
  const m = b.length
  const limit = Math.min(n + m, maxEdits)
  const offset = limit + 1
  const v = new Int32Array(2 * limit + 3)
  const trace: Int32Array[] = []
  let steps = STEPS_PER_WORD * (n + m)
  for (let d = 0; d <= limit; d++) {
    // Round d reads v[k ± 1] for k in [-d, d]: keep just that window.
    trace.push(v.slice(offset - d - 1, offset + d + 2))
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1
      let y = x - k
      const start = x
      while (x < n && y < m && a[x] === b[y]) (x++, y++)
      v[offset + k] = x
      if (x >= n && y >= m) return backtrack(trace, n, m)
      steps -= x - start
      if (steps < 0) return undefined
    }
  }
  return undefined
}

function backtrack(trace: Int32Array[], n: number, m: number): Op[] {
  const ops: Op[] = []
  let x = n
  let y = m
  for (let d = trace.length - 1; d >= 0; d--) {
    const saved = trace[d]
    const at = (k: number): number => saved[k + d + 1]
    const k = x - y
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1
    const previousX = at(previousK)
    const previousY = previousX - previousK
    while (x > previousX && y > previousY) (ops.push('='), x--, y--)
    if (d > 0) ops.push(x === previousX ? '+' : '-')
    x = previousX
    y = previousY
  }
  return ops.reverse()
}
