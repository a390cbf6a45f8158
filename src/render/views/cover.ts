/** The cover template (`templates/cover.md`) filled: its language is Markdown, so every value is written as Markdown text. Pure. */
import { fillTemplate } from '../template.js'
import { emphasis, oneLine, plain, writePhrasing } from '../writer.js'
import type { CoverValues } from './parts.js'

/** A cover template filled with `values`, each written as Markdown text; the disclaimer in italics. */
export function fillCover(template: string, values: CoverValues): string {
  const write = (value: string | undefined): string | undefined => value && writePhrasing([plain(value)])
  const disclaimer = values.disclaimer && writePhrasing([emphasis(plain(values.disclaimer))])
  // The title and symbol are the configuration's, on one line; the date and summary are the tool's own words.
  const filled = fillTemplate(template, { title: write(oneLine(values.title)), symbol: write(values.symbol && oneLine(values.symbol)), date: write(values.date), summary: write(values.summary), disclaimer })
  // A workspace's own cover without the placeholder still carries the disclaimer, last.
  return disclaimer && !/\{\{\s*disclaimer\s*\}\}/.test(template) ? `${filled.trimEnd()}\n\n${disclaimer}\n` : filled
}
