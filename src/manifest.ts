/**
 * The manifest of an output folder (SPEC §4): what each build wrote there.
 * Read without following a link or waiting on a FIFO, and never past
 * MANIFEST_LIMIT; a manifest that cannot be read is said, with where and how
 * to fix it, never quietly replaced by a guess. A build records itself while
 * it holds the folder's lock, so that two builds at once both stay recorded.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { findGroup } from './model/language.js'
import { visible } from './diagnostics/format.js'
import type { Target } from './render/outputs.js'
import { FORMAT_NAMES } from './render/formats/index.js'
import { VIEW_NAMES } from './render/views/index.js'
import { readBounded } from './read/folder.js'
import { LANGUAGES, type Group } from './types.js'
import { removeOutputs, replaceOutputs, withOutputLock, type Output } from './write.js'

/** The manifest: what each build wrote into the output folder. */
export interface Manifest {
  format: 1
  builds: Array<Target & { files: string[] }>
}

/** The manifest's file in the output folder: hidden, committed with the outputs. */
export const MANIFEST = '.consolidate-manifest.json'

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

/** A manifest lists a few builds: a larger file is not one. */
export const MANIFEST_LIMIT = 1024 * 1024

/** What an output folder's manifest is: none, one, or why it cannot be used. */
export type ManifestState = { absent: true } | { manifest: Manifest } | { problem: string }

/** How the messages name things: a file as the user sees it, the command that rebuilds the default target. */
export interface Shown {
  file: (absolute: string) => string
  /** `consolidate build --root …`: what to run to record outputs again. */
  rebuild: string
}

/** The manifest of the output folder `out`. */
export async function readManifestIn(out: string): Promise<ManifestState> {
  const read = await readBounded(path.join(out, MANIFEST), MANIFEST_LIMIT)
  if ('tooLarge' in read) return { problem: `it is larger than ${MANIFEST_LIMIT} bytes, which no manifest is` }
  if ('unreadable' in read) {
    if (read.unreadable === 'ENOENT' || read.unreadable === 'ENOTDIR') return { absent: true }
    return {
      problem:
        read.unreadable === 'ELOOP'
          ? 'it is a symbolic link, which is never followed'
          : read.unreadable === 'not a regular file'
            ? 'it is not a regular file (a folder, a FIFO or a device)'
            : `it cannot be read (${read.unreadable})`,
    }
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes)
  } catch {
    return { problem: 'it is not UTF-8 text' }
  }
  return parseManifest(text)
}

/**
 * Write a build's outputs and record them in the manifest, in one turn of
 * the folder's lock. A manifest that cannot be read is written anew, and
 * builds of groups the configuration no longer has are forgotten: `warn` says so.
 */
export async function writeRecorded(
  out: string,
  builds: Array<{ target: Target; outputs: Output[] }>,
  context: { groups: Group[]; shown: Shown; warn: (message: string) => void; whole?: boolean },
): Promise<void> {
  await withOutputLock(out, async () => {
    const state = await readManifestIn(out)
    let manifest: Manifest | undefined
    if ('problem' in state) {
      context.warn(
        `the manifest ${context.shown.file(path.join(out, MANIFEST))} could not be read (${state.problem}); it is written anew with this build's outputs only: run again the other builds that write into ${context.shown.file(out)}, so that build --check checks their outputs too`,
      )
    } else if ('manifest' in state) {
      const { kept, forgotten } = forgetRemoved(state.manifest, context.groups)
      for (const entry of forgotten) context.warn(forgetting(entry, out, context.shown))
      manifest = kept
    }
    // The whole publication set replaces every entry: a file an earlier set issued and this one does not is removed.
    const earlier = context.whole ? (manifest?.builds.flatMap((entry) => entry.files) ?? []) : []
    if (context.whole) manifest = undefined
    const outputs = builds.flatMap((build) => build.outputs)
    for (const build of builds) manifest = recordBuild(manifest, { ...build.target, files: build.outputs.map((output) => output.name) })
    await replaceOutputs(out, [...outputs, { name: MANIFEST, content: writeManifest(manifest!) }])
    const written = new Set(outputs.map((output) => output.name))
    await removeOutputs(
      out,
      earlier.filter((file) => !written.has(file)),
    )
  })
}

/**
 * What `build --check` without flags checks: every build the manifest
 * records (each target once), but those of groups the configuration no
 * longer has (`warn` says so); `fallback` when there is no manifest and no
 * output to check. A manifest that cannot be read, or missing while outputs
 * are there, is a problem to report (exit 1).
 */
export async function recordedTargets(
  out: string,
  context: { fallback: Target; groups: Group[]; shown: Shown; warn: (message: string) => void },
): Promise<{ targets: Target[] } | { problem: string }> {
  const file = context.shown.file(path.join(out, MANIFEST))
  const state = await readManifestIn(out)
  if ('problem' in state) {
    return {
      problem: `cannot read the manifest ${file}: ${state.problem}; it lists what the builds wrote into ${context.shown.file(out)}, so --check cannot tell what to check: fix it, or delete it and run again each build that writes there (e.g. \`${context.shown.rebuild}\`) so that it records its outputs`,
    }
  }
  if ('absent' in state) {
    const outputs = await outputsIn(out)
    if (outputs.length === 0) return { targets: [context.fallback] }
    const listed = outputs.length > 6 ? `${outputs.slice(0, 6).join(', ')} and ${outputs.length - 6} more` : outputs.join(', ')
    return {
      problem: `the manifest ${file} is missing, yet ${context.shown.file(out)} holds outputs (${listed}), so --check cannot tell which builds wrote them; run again each build that writes there (e.g. \`${context.shown.rebuild}\`) so that it records its outputs, then check again`,
    }
  }
  const { kept, forgotten } = forgetRemoved(state.manifest, context.groups)
  for (const entry of forgotten) context.warn(forgetting(entry, out, context.shown))
  return { targets: kept.builds.length > 0 ? kept.builds : [context.fallback] }
}

function forgetting(entry: Manifest['builds'][number], out: string, shown: Shown): string {
  return visible(
    `the manifest lists a build of the small group "${entry.group}", which the configuration no longer has: it is forgotten, and its files (${entry.files.join(', ')}) are no longer checked; delete them from ${shown.file(out)} if they are no longer issued`,
  )
}

/** The files of `out` named as outputs are (`consolidated…`, `clean…`, `stocktaking…` in md, html or docx), sorted. */
async function outputsIn(out: string): Promise<string[]> {
  const entries = await fs.readdir(out, { withFileTypes: true }).catch(() => [])
  return entries
    .filter((entry) => entry.isFile() && /^(?:consolidated|clean|stocktaking)(?:[-.].*)?\.(?:md|html|docx)$/.test(entry.name))
    .map((entry) => entry.name)
    .sort()
}

/**
 * A manifest read from disk, or what is wrong with it (where, and what was
 * expected), control characters made visible: a damaged manifest is never trusted.
 */
export function parseManifest(text: string): { manifest: Manifest } | { problem: string } {
  const parsed = parseData(text)
  return 'problem' in parsed ? { problem: visible(parsed.problem) } : parsed
}

function parseData(text: string): { manifest: Manifest } | { problem: string } {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    return { problem: `it is not valid JSON: ${jsonProblem(error, text)}` }
  }
  if (!isRecord(data) || data.format !== 1) return { problem: 'it is not a manifest this version reads: it must be an object with "format": 1 and "builds"' }
  const extra = Object.keys(data).filter((key) => key !== 'format' && key !== 'builds')
  if (extra.length > 0) return { problem: `it has fields a manifest does not have: ${extra.map((key) => `"${key}"`).join(', ')}` }
  if (!Array.isArray(data.builds)) return { problem: '"builds" must be the list of the builds that wrote into the folder' }
  const builds: Manifest['builds'] = []
  for (const [index, entry] of data.builds.entries()) {
    const wrong = entryProblem(entry)
    if (wrong !== undefined) return { problem: `build ${index + 1} of "builds" ${wrong}` }
    builds.push(normalised(entry as Target & { files: string[] }))
  }
  // Two entries of one target (written by hand, or by a release whose keys kept the order of --lang) are one build: rendered once.
  const byKey = new Map<string, Target & { files: string[] }>()
  for (const entry of builds) {
    const same = byKey.get(targetKey(entry))
    byKey.set(targetKey(entry), same ? { ...same, files: [...new Set([...same.files, ...entry.files])].sort() } : entry)
  }
  return { manifest: { format: 1, builds: [...byKey.values()] } }
}

/** The manifest without the builds of small groups the configuration no longer has (`groups`: the configured ones), and those builds. */
export function forgetRemoved(manifest: Manifest, groups: Group[]): { kept: Manifest; forgotten: Manifest['builds'] } {
  const exists = (entry: Target): boolean => entry.group === undefined || findGroup(groups, entry.group) !== undefined
  return { kept: { format: 1, builds: manifest.builds.filter(exists) }, forgotten: manifest.builds.filter((entry) => !exists(entry)) }
}

const FIELDS = ['view', 'group', 'languages', 'formats', 'since', 'files']

/** What is wrong with one entry of a manifest, said as the end of a sentence; undefined when it is sound. */
function entryProblem(entry: unknown): string | undefined {
  if (!isRecord(entry)) return 'is not an object'
  const extra = Object.keys(entry).filter((key) => !FIELDS.includes(key))
  if (extra.length > 0) return `has fields a build does not have: ${extra.map((key) => `"${key}"`).join(', ')}`
  const listOf = (values: unknown, allowed: readonly string[]): boolean =>
    Array.isArray(values) && values.length > 0 && values.every((value) => typeof value === 'string' && allowed.includes(value))
  if (typeof entry.view !== 'string' || !VIEW_NAMES.includes(entry.view))
    return `has "view": ${JSON.stringify(entry.view)}; it must be one of ${VIEW_NAMES.join(', ')}`
  if (!listOf(entry.languages, LANGUAGES)) return `has "languages": ${JSON.stringify(entry.languages)}; it must list one or more of ${LANGUAGES.join(', ')}`
  if (!listOf(entry.formats, FORMAT_NAMES)) return `has "formats": ${JSON.stringify(entry.formats)}; it must list one or more of ${FORMAT_NAMES.join(', ')}`
  if (entry.group !== undefined && (typeof entry.group !== 'string' || entry.group === ''))
    return `has "group": ${JSON.stringify(entry.group)}; it must be a small group's name`
  if (entry.since !== undefined && (typeof entry.since !== 'string' || entry.since.trim() === ''))
    return `has "since": ${JSON.stringify(entry.since)}; it must name a revision`
  // A file of the output folder itself: never a path that leads elsewhere.
  const isName = (name: unknown): boolean => typeof name === 'string' && name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name)
  if (!Array.isArray(entry.files) || !entry.files.every(isName))
    return `has "files": ${JSON.stringify(entry.files)}; it must list the names of files in the output folder`
  return undefined
}

/** Where a JSON text stops making sense, as a line and column, and why. */
function jsonProblem(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error)
  const reason = message.replace(/ in JSON at position \d+.*$/s, '').replace(/, (?:\.\.\.)?".*$/s, '')
  // JSON.parse says where for some errors (an unterminated string: at its end); the scanner finds the rest.
  const given = /at position (\d+)/.exec(message)
  const offset = given ? Math.min(Number(given[1]), text.length) : jsonErrorOffset(text)
  if (offset === undefined) return reason
  const before = text.slice(0, offset)
  return `line ${before.split('\n').length}, column ${offset - before.lastIndexOf('\n')}: ${reason}`
}

/**
 * The offset of the first character at which `text` stops being JSON (its
 * length when it ends too soon); undefined when it is JSON, or nests too
 * deeply to tell. JSON.parse says where only for some of its errors.
 */
export function jsonErrorOffset(text: string): number | undefined {
  let at = 0
  const scalar = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"|true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
  const space = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text[at])) at++
  }
  const expect = (wanted: string): void => {
    space()
    if (text[at] !== wanted) throw at
    at++
  }
  const value = (): void => {
    space()
    const opening = text[at]
    if (opening === '{' || opening === '[') {
      const closing = opening === '{' ? '}' : ']'
      at++
      space()
      if (text[at] === closing) return void at++
      for (;;) {
        if (opening === '{') {
          space()
          if (text[at] !== '"') throw at
          value()
          expect(':')
        }
        value()
        space()
        if (text[at] === ',') at++
        else return expect(closing)
      }
    }
    scalar.lastIndex = at
    if (!scalar.test(text)) throw at
    at = scalar.lastIndex
  }
  try {
    value()
    space()
    return at === text.length ? undefined : at
  } catch (thrown) {
    return typeof thrown === 'number' ? Math.min(thrown, text.length) : undefined
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
