/**
 * Diagnostics: sorted, counted, and printed as JSON or GitHub workflow
 * commands (the human-readable text is report.ts: it loads a reporter only a
 * run with problems to show needs).
 */
import type { Diagnostic } from './types.js'

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

/** SPEC §8: an array of `{file, line, column, severity, rule, message}`. */
export function formatJson(diagnostics: Diagnostic[]): string {
  const plain = sortDiagnostics(diagnostics).map(({ file, line, column, severity, rule, message }) => ({ file, line, column, severity, rule, message }))
  return `${JSON.stringify(plain, null, 2)}\n`
}

/** GitHub Actions workflow commands, escaped as the runner expects. */
export function formatGithub(diagnostics: Diagnostic[]): string {
  const data = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
  const property = (text: string): string => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
  return sortDiagnostics(diagnostics)
    .map((d) => `::${d.severity} file=${property(d.file)},line=${d.line},col=${d.column},title=${property(d.rule)}::${data(`${d.message} (${d.rule})`)}\n`)
    .join('')
}
