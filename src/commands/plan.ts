/**
 * What the command line chooses a build to write (views, formats, languages),
 * read and checked against the registries, and the command that rebuilds a
 * target. Pure.
 */
import { FORMAT_NAMES, TEXT_FORMAT } from '../render/formats/index.js'
import type { Target } from '../render/outputs.js'
import { VIEW_NAMES } from '../render/views/index.js'
import { LANGUAGES, type Language } from '../types.js'
import { UsageError } from '../errors.js'
import { didYouMean } from '../diagnostics/suggest.js'

export type { Target }

/** `consolidate build …`: the command that writes a target again, for a message that says how to bring it up to date. */
export function commandFor(target: Target | undefined, context: { root?: string; out?: string; defaultLanguage: Language }): string {
  const words = ['consolidate', 'build']
  if (context.root !== undefined) words.push('--root', quote(context.root))
  if (context.out !== undefined) words.push('--out', quote(context.out))
  // Without a target, the publication set: a plain build.
  if (target === undefined) return words.join(' ')
  if (target.view !== 'consolidated') words.push('--view', target.view)
  if (target.formats.join(',') !== TEXT_FORMAT.name) words.push('--format', target.formats.join(','))
  if (target.languages.length !== 1 || target.languages[0] !== context.defaultLanguage) words.push('--lang', target.languages.join(','))
  if (target.group !== undefined) words.push('--group', quote(target.group))
  if (target.since !== undefined) words.push('--since', quote(target.since))
  return words.join(' ')
}

/** A word as a POSIX shell reads it. */
function quote(word: string): string {
  return /^[\w./:@%+=,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}

/** `--format md,html`: formats in the order given, each once. */
export function parseFormats(list: string): string[] {
  const formats = list
    .split(',')
    .map((format) => format.trim())
    .filter(Boolean)
  for (const format of formats) {
    if (!FORMAT_NAMES.includes(format)) {
      throw new UsageError(
        `unknown format "${format}" for --format; use a comma-separated list of ${FORMAT_NAMES.join(', ')}${didYouMean(format, FORMAT_NAMES)}`,
      )
    }
  }
  if (formats.length === 0) throw new UsageError(`--format needs at least one of ${FORMAT_NAMES.join(', ')}`)
  return [...new Set(formats)]
}

/** `--view clean`: one of the views. */
export function parseView(view: string): string {
  if (!VIEW_NAMES.includes(view))
    throw new UsageError(`unknown view "${view}" for --view; use one of ${VIEW_NAMES.join(', ')}, e.g. --view clean${didYouMean(view, VIEW_NAMES)}`)
  return view
}

/** `--lang en,fr`: languages in the order given, each once. */
export function parseLanguages(list: string): Language[] {
  const languages = list
    .split(',')
    .map((language) => language.trim().toLowerCase())
    .filter(Boolean)
  for (const language of languages) {
    if (!(LANGUAGES as readonly string[]).includes(language)) {
      throw new UsageError(`unknown language "${language}" for --lang; use one or more of ${LANGUAGES.join(', ')}, e.g. --lang fr or --lang en,fr,es`)
    }
  }
  if (languages.length === 0) throw new UsageError(`--lang needs at least one of ${LANGUAGES.join(', ')}`)
  return [...new Set(languages)] as Language[]
}
