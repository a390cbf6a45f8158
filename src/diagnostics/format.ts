/**
 * Diagnostics: sorted, counted, and printed as JSON or GitHub workflow
 * commands. The human-readable text is report.ts: it loads a reporter that
 * only a run with problems to show needs.
 */
import type { Diagnostic } from '../types.js'

export const CHECK_FORMATS = ['text', 'json', 'github'] as const
export type CheckFormat = (typeof CHECK_FORMATS)[number]

/** By file, line, column, then rule and message: the same order on every run. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic): Array<string | number> => [d.file, d.line, d.column, d.rule, d.message]
  return [...diagnostics].sort((a, b) => {
    const x = key(a)
    const y = key(b)
    for (let index = 0; index < x.length; index++) {
      if (x[index] !== y[index]) return x[index] < y[index] ? -1 : 1
    }
    return 0
  })
}

export function hasErrors(diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error')
}

export interface FormatOptions {
  /**
   * The workspace root as seen from where the user stands (`--root` relative
   * to the current folder, `/` separators): prefixed to file names so they can
   * be opened from there. JSON keeps names relative to the root (docs/reference.md, Diagnostics).
   */
  base?: string
}

/** A diagnostic's file name as shown to the user. */
export function shownName(file: string, base = ''): string {
  return visible(base === '' || base === '.' ? file : normalisePath(`${base}/${file}`))
}

/**
 * Control characters written as `\x1b`, and the bidirectional controls
 * (embeddings, overrides, isolates, marks) as `\u202e`: messages quote what
 * files hold, and a proposal must not be able to send escape sequences to a
 * terminal or a log, nor reverse the words around a name it gives.
 */
export function visible(text: string): string {
  return visibleBidi(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`))
}

/** Unicode's bidirectional formatting characters (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069) written as `\u202e`. */
export function visibleBidi(text: string): string {
  return text.replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** docs/reference.md, Diagnostics: an array of `{file, line, column, severity, rule, message}`. */
export function formatJson(diagnostics: Diagnostic[]): string {
  const plain = sortDiagnostics(diagnostics).map(({ file, line, column, severity, rule, message }) => ({ file, line, column, severity, rule, message }))
  return `${JSON.stringify(plain, null, 2)}\n`
}

/**
 * GitHub Actions workflow commands, `::error file=…,line=…,col=…::message (rule)`,
 * escaped as the runner expects (the rules of @actions/core's `escapeData` and
 * `escapeProperty`), one per line.
 */
export function formatGithub(diagnostics: Diagnostic[], options: FormatOptions = {}): string {
  const data = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
  const property = (text: string): string => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
  return sortDiagnostics(diagnostics)
    .map(
      (d) => `::${d.severity} file=${property(shownName(d.file, options.base))},line=${d.line},col=${d.column}::${data(`${visible(d.message)} (${d.rule})`)}\n`,
    )
    .join('')
}

/** `a/../b/./c` as `b/c`: a relative path with `/` separators, as `path.posix.normalize` gives it. */
function normalisePath(written: string): string {
  const parts: string[] = []
  for (const part of written.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop()
    else parts.push(part)
  }
  return `${written.startsWith('/') ? '/' : ''}${parts.join('/')}`
}
