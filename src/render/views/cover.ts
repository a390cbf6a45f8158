/** The cover template (`templates/cover.md`) filled: its language is Markdown, so every value is written as Markdown text. Pure. */
import { fillTemplate } from '../template.js'
import { emphasis, oneLine, plain, writePhrasing } from '../writer.js'
import { mastheadLines } from './identity.js'
import { MASTHEAD_SEPARATOR, type CoverValues } from './parts.js'

/** A cover template filled with `values`, each written as Markdown text; the disclaimer in italics. */
export function fillCover(template: string, values: CoverValues): string {
  const write = (value: string | undefined): string | undefined => value && writePhrasing([plain(value)])
  const disclaimer = values.disclaimer && writePhrasing([emphasis(plain(values.disclaimer))])
  const masthead = mastheadLines(values.masthead)
  // The note is the secretariat's own Markdown, as written; a template without its placeholder has it after the summary.
  const note = values.note?.trim()
  const placed = note && !has(template, 'note') ? template.replace(/^(.*\{\{\s*summary\s*\}\}.*)$/m, `$1\n\n{{note}}`) : template
  // The title and symbol are the configuration's, on one line; the date and summary are the tool's own words.
  const filled = fillTemplate(placed, {
    title: write(oneLine(values.title)),
    symbol: write(values.symbol && oneLine(values.symbol)),
    date: write(values.date),
    summary: write(values.summary),
    disclaimer,
    note: note || undefined,
    masthead: masthead.length === 0 ? undefined : write(masthead.join(MASTHEAD_SEPARATOR)),
  })
  const noted = note && !has(placed, 'note') ? `${filled.trimEnd()}\n\n${note}\n` : filled
  // A workspace's own cover without the placeholder still carries the disclaimer, last.
  return disclaimer && !has(template, 'disclaimer') ? `${noted.trimEnd()}\n\n${disclaimer}\n` : noted
}

function has(template: string, name: string): boolean {
  return new RegExp(`\\{\\{\\s*${name}\\s*\\}\\}`).test(template)
}
