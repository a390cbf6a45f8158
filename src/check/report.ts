/** The human-readable report of diagnostics. */
import { VFile } from 'vfile'
import { reporter } from 'vfile-reporter'
import { shownName, sortDiagnostics, visible, type FormatOptions } from './diagnostics.js'
import type { Diagnostic } from '../types.js'

/** Human-readable report in the style of remark-cli (vfile-reporter). */
export function formatText(diagnostics: Diagnostic[], options: FormatOptions & { color: boolean }): string {
  const files = new Map<string, VFile>()
  for (const diagnostic of sortDiagnostics(diagnostics)) {
    let file = files.get(diagnostic.file)
    if (!file) files.set(diagnostic.file, (file = new VFile({ path: shownName(diagnostic.file, options.base) })))
    const message = file.message(visible(diagnostic.message), {
      place: { line: diagnostic.line, column: diagnostic.column },
      ruleId: diagnostic.rule,
      source: 'consolidate',
    })
    message.fatal = diagnostic.severity === 'error' ? true : false
  }
  if (files.size === 0) return ''
  return `${reporter([...files.values()], { color: options.color, quiet: true })}\n`
}
