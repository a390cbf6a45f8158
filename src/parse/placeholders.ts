/**
 * Placeholders left in a text (SPEC §15): the patterns of `placeholders:`
 * (else the default list), matched case-insensitively as whole words in the
 * text as written (not in code or link syntax). `X` is the letter X; `…` after
 * other text inside brackets stands for any text up to its `]`; a space
 * stands for any run of spaces and line breaks. Literal brackets (`\[`) never
 * match a pattern's bracket. Pure.
 */
import { LineIndex } from '../read/decode.js'
import type { Body, Located, TextFacts } from '../types.js'

/** The default list of SPEC §15. */
export const DEFAULT_PLACEHOLDERS: readonly string[] = ['[X]', '[…]', '[...]', '[●]', '[date]', '20XX', 'X per cent', '[by X date]', '[Placeholder for …]']

/** The longest pattern and the most patterns `placeholders:` may list. */
export const PLACEHOLDER_LIMITS = { length: 100, count: 100 } as const

const WORD = /[\p{L}\p{N}]/u

/** One pattern as a regular expression source. */
export function patternSource(pattern: string): string {
  const chars = [...pattern.trim()]
  let source = ''
  let open = -1
  for (const [index, char] of chars.entries()) {
    if (char === '[') open = index
    else if (char === ']') open = -1
    // `…` after other text inside brackets, right before the `]`: any text up to it (an escaped `\]` included).
    if (char === '\u2026' && open !== -1 && index > open + 1 && chars[index + 1] === ']') source = `${source.replace(/\\s\+$/, '\\s*')}(?:[^\\]\\\\]|\\\\.)*?`
    else if (/\s/.test(char)) source += source.endsWith('\\s+') ? '' : '\\s+'
    else source += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  }
  const before = WORD.test(chars[0] ?? '') ? '(?<![\\p{L}\\p{N}])' : ''
  const after = WORD.test(chars[chars.length - 1] ?? '') ? '(?![\\p{L}\\p{N}])' : ''
  return `${before}${source}${after}`
}

const compiled = new Map<string, RegExp>()

/** The patterns as one expression (kept: a workspace compiles its list once). */
export function placeholderPattern(patterns: readonly string[] = DEFAULT_PLACEHOLDERS): RegExp | undefined {
  const key = patterns.join('\u0000')
  let pattern = compiled.get(key)
  if (pattern === undefined && patterns.length > 0) {
    pattern = new RegExp(patterns.map((each) => `(?:${patternSource(each)})`).join('|'), 'giu')
    if (compiled.size > 64) compiled.clear()
    compiled.set(key, pattern)
  }
  return pattern
}

/** Each body's placeholders, by the expression and text runs they were found with: a build looks for them when it checks and again when it assembles. */
const foundIn = new WeakMap<Body, { pattern: RegExp; runs: readonly number[]; placeholders: Located[] }>()

/** Every placeholder in a body's text, as written, in reading order. */
export function findPlaceholders(body: Body, facts: Pick<TextFacts, 'textRuns'>, patterns?: readonly string[]): Located[] {
  const pattern = placeholderPattern(patterns)
  if (pattern === undefined) return []
  const known = foundIn.get(body)
  if (known?.pattern === pattern && known.runs === facts.textRuns) return known.placeholders
  const placeholders = placeholdersIn(body.source, facts.textRuns, pattern)
  foundIn.set(body, { pattern, runs: facts.textRuns, placeholders })
  return placeholders
}

function placeholdersIn(source: string, runs: readonly number[], pattern: RegExp): Located[] {
  const found: Array<{ value: string; offset: number }> = []
  for (let index = 0; index + 1 < runs.length; index += 2) {
    const from = runs[index]
    for (const match of source.slice(from, runs[index + 1]).matchAll(pattern)) {
      const offset = from + match.index
      if (!hasEscapedBracket(source, offset, match[0].length)) found.push({ value: match[0].replace(/\s+/g, ' '), offset })
    }
  }
  if (found.length === 0) return []
  const lines = new LineIndex(source)
  return found.map(({ value, offset }) => ({ value, place: lines.place(offset) }))
}

/** Whether the match opens or closes with a literal bracket (`\[`, `\]`): then it is text, not a placeholder. */
function hasEscapedBracket(source: string, offset: number, length: number): boolean {
  return [offset, offset + length - 1].some((at) => {
    if (source[at] !== '[' && source[at] !== ']') return false
    let backslashes = 0
    while (source[at - backslashes - 1] === '\\') backslashes++
    return backslashes % 2 === 1
  })
}
