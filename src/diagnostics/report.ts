/**
 * The human-readable report of diagnostics, laid out as remark-cli lays it
 * out (a file, then its problems at line:column, then the counts), with the
 * rule id before the message so it never breaks mid-word, and long messages
 * wrapped under themselves to the terminal's width. Pure.
 */
import { shownName, sortDiagnostics, visible, type FormatOptions } from './format.js'
import type { Diagnostic } from '../types.js'

export interface TextOptions extends FormatOptions {
  color: boolean
  /** The terminal's width in columns; undefined (a log, a pipe): lines are not wrapped. */
  width?: number
}

const paint = (code: number, text: string, on: boolean): string => (on ? `\u001b[${code}m${text}\u001b[39m` : text)
const underline = (text: string, on: boolean): string => (on ? `\u001b[4m${text}\u001b[24m` : text)
const dim = (text: string, on: boolean): string => (on ? `\u001b[2m${text}\u001b[22m` : text)

/** `file`, then `  line:column  severity  rule  message` for each problem, then `✖ 2 errors, ⚠ 1 warning`. */
export function formatText(diagnostics: Diagnostic[], options: TextOptions): string {
  if (diagnostics.length === 0) return ''
  const sorted = sortDiagnostics(diagnostics)
  const place = (d: Diagnostic): string => `${d.line}:${d.column}`
  const widths = {
    place: Math.max(...sorted.map((d) => place(d).length)),
    severity: Math.max(...sorted.map((d) => d.severity.length)),
    rule: Math.max(...sorted.map((d) => d.rule.length)),
  }
  const lines: string[] = []
  let file: string | undefined
  for (const d of sorted) {
    if (d.file !== file) {
      if (file !== undefined) lines.push('')
      file = d.file
      lines.push(underline(shownName(d.file, options.base), options.color))
    }
    const severity = paint(d.severity === 'error' ? 31 : 33, d.severity.padEnd(widths.severity), options.color)
    const lead = `  ${place(d).padEnd(widths.place)}  ${severity}  ${dim(d.rule.padEnd(widths.rule), options.color)}  `
    const indent = 2 + widths.place + 2 + widths.severity + 2 + widths.rule + 2
    const [first, ...rest] = wrap(visible(d.message), options.width === undefined ? Infinity : Math.max(30, options.width - indent - 1))
    lines.push(`${lead}${first}`, ...rest.map((line) => `${' '.repeat(indent)}${line}`))
  }
  const errors = sorted.filter((d) => d.severity === 'error').length
  const warnings = sorted.length - errors
  const counts = [
    errors > 0 ? paint(31, `✖ ${errors} error${errors === 1 ? '' : 's'}`, options.color) : undefined,
    warnings > 0 ? paint(33, `⚠ ${warnings} warning${warnings === 1 ? '' : 's'}`, options.color) : undefined,
  ].filter(Boolean)
  lines.push('', counts.join(', '))
  return `${lines.join('\n')}\n`
}

/** A text cut into lines of at most `width` characters at spaces; a word longer than a line stands alone. */
function wrap(text: string, width: number): string[] {
  if (text.length <= width) return [text]
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  lines.push(line)
  return lines
}
