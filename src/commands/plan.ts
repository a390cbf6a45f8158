/**
 * What a build writes: its targets (view, small group, languages, formats,
 * revision compared with), the names of their files, the manifest that
 * records them in the output folder, and the command that rebuilds them. Pure.
 */
import { FORMAT_NAMES } from '../render/formats/index.js'
import type { Target } from '../render/outputs.js'
import { VIEW_NAMES } from '../render/views/index.js'
import { LANGUAGES, type Language } from '../types.js'
import { UsageError } from '../errors.js'
import { didYouMean } from '../diagnostics/suggest.js'

export type { Target }

/** The manifest: what each build wrote into the output folder. */
export interface Manifest {
  format: 1
  builds: Array<Target & { files: string[] }>
}

/** The manifest's file in the output folder: hidden, committed with the outputs. */
export const MANIFEST = '.consolidate-manifest.json'

export { outputName } from '../render/names.js'

/**
 * Two targets with the same key write the same files: a new build replaces
 * only the entry of its own key. The order of languages and formats never
 * matters (`--lang fr,en` is `--lang en,fr`).
 */
export function targetKey(target: Target): string {
  return JSON.stringify([target.view, target.group ?? null, [...target.languages].sort(), [...target.formats].sort(), target.since ?? null])
}

/**
 * The manifest with `entry` in place of the entry of the same key; a file
 * the entry writes leaves any other entry (no two entries own one file), and
 * an entry left with no file is dropped; entries in key order, so its bytes are stable.
 */
export function recordBuild(manifest: Manifest | undefined, entry: Target & { files: string[] }): Manifest {
  const written = new Set(entry.files)
  const builds = (manifest?.builds ?? [])
    .filter((each) => targetKey(each) !== targetKey(entry))
    .map((each) => ({ ...each, files: each.files.filter((file) => !written.has(file)) }))
    .filter((each) => each.files.length > 0)
  builds.push(normalised(entry))
  builds.sort((a, b) => (targetKey(a) < targetKey(b) ? -1 : targetKey(a) > targetKey(b) ? 1 : 0))
  return { format: 1, builds }
}

/** The manifest as written: two-space JSON and a final newline. */
export function writeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`
}

/** An entry as the manifest keeps it: its fields in one order, its files sorted. */
export function normalised(entry: Target & { files: string[] }): Target & { files: string[] } {
  return {
    view: entry.view,
    ...(entry.group === undefined ? {} : { group: entry.group }),
    languages: entry.languages,
    formats: entry.formats,
    ...(entry.since === undefined ? {} : { since: entry.since }),
    files: [...entry.files].sort(),
  }
}

/** `consolidate build …`: the command that writes a target again, for a message that says how to bring it up to date. */
export function commandFor(target: Target | undefined, context: { root?: string; out?: string; defaultLanguage: Language }): string {
  const words = ['consolidate', 'build']
  if (context.root !== undefined) words.push('--root', quote(context.root))
  if (context.out !== undefined) words.push('--out', quote(context.out))
  // Without a target, the publication set: a plain build.
  if (target === undefined) return words.join(' ')
  if (target.view !== 'consolidated') words.push('--view', target.view)
  if (target.formats.join(',') !== 'md') words.push('--format', target.formats.join(','))
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
  const formats = list.split(',').map((format) => format.trim()).filter(Boolean)
  for (const format of formats) {
    if (!FORMAT_NAMES.includes(format)) {
      throw new UsageError(`unknown format "${format}" for --format; use a comma-separated list of ${FORMAT_NAMES.join(', ')}${didYouMean(format, FORMAT_NAMES)}`)
    }
  }
  if (formats.length === 0) throw new UsageError(`--format needs at least one of ${FORMAT_NAMES.join(', ')}`)
  return [...new Set(formats)]
}

/** `--view clean`: one of the views. */
export function parseView(view: string): string {
  if (!VIEW_NAMES.includes(view)) throw new UsageError(`unknown view "${view}" for --view; use one of ${VIEW_NAMES.join(', ')}, e.g. --view clean${didYouMean(view, VIEW_NAMES)}`)
  return view
}

/** `--lang en,fr`: languages in the order given, each once. */
export function parseLanguages(list: string): Language[] {
  const languages = list.split(',').map((language) => language.trim().toLowerCase()).filter(Boolean)
  for (const language of languages) {
    if (!(LANGUAGES as readonly string[]).includes(language)) {
      throw new UsageError(`unknown language "${language}" for --lang; use one or more of ${LANGUAGES.join(', ')}, e.g. --lang fr or --lang en,fr,es`)
    }
  }
  if (languages.length === 0) throw new UsageError(`--lang needs at least one of ${LANGUAGES.join(', ')}`)
  return [...new Set(languages)] as Language[]
}
