/**
 * The formats a document can be written in: what `--format` offers, what the
 * threads convert authors' texts for, what each output is named. Each format
 * is a folder with its compiler (and, for those that parse texts, its converter);
 * they are loaded only when used.
 */
import type { Format } from './format.js'

/** Markdown writes authors' texts as they are; only a redline's changed texts are parsed (to mark them). */
const markdown: Format = {
  name: 'md',
  printed: true,
  parsesBodies: false,
  headingLevel: (depth) => (depth === 0 ? 0 : Math.min(6, depth + 1)),
  converter: async () => (await import('./markdown/convert.js')).converter,
  compiler: async () => (await import('./markdown/compile.js')).compiler,
}

/** One self-contained page: its headings one level below the outline entry's (h2 for a section). */
const html: Format = {
  name: 'html',
  printed: false,
  parsesBodies: true,
  headingLevel: (depth) => (depth === 0 ? 0 : Math.min(6, depth + 1)),
  converter: async () => (await import('./html/convert.js')).converter,
  compiler: async () => (await import('./html/compile.js')).compiler,
}

/** A Word document: a section's heading is Heading 1, a text's headings are at its outline entry's level. */
const docx: Format = {
  name: 'docx',
  printed: false,
  parsesBodies: true,
  headingLevel: (depth) => Math.min(6, depth),
  converter: async () => (await import('./docx/convert.js')).converter,
  compiler: async () => (await import('./docx/compile.js')).compiler,
}

/** Every format, in the order `--help` lists them. */
export const FORMATS: readonly Format[] = [markdown, html, docx]

/** The names `--format` takes. */
export const FORMAT_NAMES = FORMATS.map((format) => format.name)

/** The format documents are read in as text (Markdown): a build's default, and the stocktaking report beside the consolidated text. */
export const TEXT_FORMAT: Format = FORMATS.find((format) => format.printed)!

/** The format named `name` (as `--format` gives it), if there is one. */
export function formatNamed(name: string): Format | undefined {
  return FORMATS.find((format) => format.name === name)
}

export type { Format } from './format.js'
