/**
 * The whole per-workspace pipeline, for every source (a folder, a git
 * revision, a watched folder): list → read (the size limit first) → parse
 * (per file, on the parser threads, through the cache) → check (all files).
 * Then, for a workspace without errors, assemble.
 */
import { assemble, type AssembleOptions } from '../assemble/negotiation.js'
import { hasErrors } from '../diagnostics/format.js'
import { validate } from '../check/validate.js'
import { allowanceNotice, applyLevels, type Allowance } from '../check/levels.js'
import { decode } from '../read/decode.js'
import { cacheable, cacheKey, contentHash, gitBlobId, type ParseCache } from '../read/cache.js'
import type { Source } from '../read/source.js'
import { builtinTemplate } from '../read/root.js'
import { CONFIG_LIMIT, readNamed, scanFolder, type ProposalFile } from '../read/workspace.js'
import { readReferenceDocx, type ReferenceDocument } from '../read/reference-docx.js'
import { tooLarge } from '../diagnostics/limits.js'
import { parseConfig, soundParts, type ConfigResult } from '../parse/config.js'
import { parseOnThreads } from '../parse/jobs.js'
import type { ThreadPool } from '../threads/pool.js'
import { checkTranslations } from '../check/translations.js'
import { pairTranslations } from '../model/translations.js'
import { translationName } from '../parse/translation.js'
import type { ParseKind } from '../parse/jobs.js'
import {
  DEFAULT_CONFIG,
  RULES,
  type ChairText,
  type Config,
  type Diagnostic,
  type Negotiation,
  type Note,
  type ParseResult,
  type Proposal,
  type Translation,
} from '../types.js'

/** The templates a workspace may override (a language's own cover too, SPEC §17); the others in its templates/ are not read. */
export const TEMPLATE_NAMES = ['cover.md', 'cover.en.md', 'cover.fr.md', 'cover.es.md', 'consolidated.css', 'proposal.md'] as const
export type TemplateName = (typeof TEMPLATE_NAMES)[number]

export interface LoadOptions {
  pool: ThreadPool
  /** Parse results kept between runs; `version` (see `toolVersion`) is part of every key. */
  cache?: { store: ParseCache; version: string }
  /** `--config FILE` read by the caller (it names it, so its problems are usage errors); `null`: no configuration at all. */
  config?: { name: string; bytes: Uint8Array } | null
  /** Applied over the configuration (`--lang`, `--threshold`). */
  overrides?: Partial<Pick<Config, 'language' | 'threshold'>>
  /** Told how many proposal files are parsed so far, for a progress line. */
  onProgress?: (done: number, total: number) => void
  /**
   * Also keep each file's result under its git blob id, so that a git revision
   * read next through the same cache (`--since`) finds the files it shares
   * without reading them. For a cache that is not saved: it would hold each result twice.
   */
  blobIds?: boolean
}

export interface Workspace {
  config: Config
  /** Every proposal whose fields could be read, even from a file with other errors (see `diagnostics`). */
  proposals: Proposal[]
  /** Every proposal file found and read or tried. */
  files: ProposalFile[]
  /** Every note (notes/) whose fields could be read, as `proposals`. */
  notes: Note[]
  /** Every note file found and read or tried. */
  noteFiles: ProposalFile[]
  /** Every Chair's text (chair/) whose fields could be read, as `proposals`. */
  chairTexts: ChairText[]
  /** Every Chair's text file found and read or tried. */
  chairFiles: ProposalFile[]
  /** Every translation (`<name>.<lang>.md` beside a proposal, note or Chair's text) whose fields could be read, as `proposals`. */
  translations: Translation[]
  /** Every translation file found and read or tried, whatever its folder. */
  translationFiles: ProposalFile[]
  /** The workspace's own templates, as text; a template it does not have is absent. */
  templates: Partial<Record<TemplateName, string>>
  /** `templates/reference.docx`, when the workspace has one and it is a Word document within the limits. */
  reference?: ReferenceDocument
  /** Names prefixed with the source's label. */
  diagnostics: Diagnostic[]
  /** Proposal files parsed for this load (the others came from the cache). */
  parsed: number
  /** The texts that allow rules for themselves (`allow:`), for the build's one line about them (`allowanceNotice`). */
  allowances: Allowance[]
}

export { allowanceNotice }

/** Read and check a whole workspace: every problem of every file, all at once. */
export async function loadWorkspace(source: Source, options: LoadOptions): Promise<Workspace> {
  const [configured, scan, noteScan, chairScan, templates, reference] = await Promise.all([
    readConfig(source, options.config),
    scanFolder(source, 'proposals'),
    scanFolder(source, 'notes'),
    scanFolder(source, 'chair'),
    readTemplates(source),
    readReferenceDocx(source),
  ])
  const config: Config = { ...configured.config, ...options.overrides }
  const quiet = { ...options, onProgress: undefined }
  // A translation beside a text is never a text of its own (SPEC §17): `a14.fr.md` is read as one.
  const [proposalFiles, noteFiles, chairFiles] = [scan, noteScan, chairScan].map((each) =>
    each.files.filter((file) => translationName(file.name) === undefined),
  )
  const translationFiles = [scan, noteScan, chairScan].flatMap((each) => each.files.filter((file) => translationName(file.name) !== undefined))
  const [{ results, parsed }, notes, chairs, translations] = await Promise.all([
    parseFiles(source, proposalFiles, config, options),
    parseFiles(source, noteFiles, config, quiet, 'note'),
    parseFiles(source, chairFiles, config, quiet, 'chair'),
    parseFiles(source, translationFiles, config, quiet, 'translation'),
  ])
  const template = templates.texts['proposal.md'] ?? (await builtinTemplate('proposal.md').catch(() => undefined))
  const checked = checkParsed(config, configured.diagnostics, results, {
    notes: notes.results,
    chairTexts: chairs.results,
    translations: translations.results,
    files: [...proposalFiles, ...noteFiles, ...chairFiles].map((file) => file.name),
    template,
    broken: configured.broken,
  })
  const diagnostics = [
    ...applyLevels([...scan.diagnostics, ...noteScan.diagnostics, ...chairScan.diagnostics, ...templates.diagnostics, ...reference.diagnostics], config),
    ...checked.diagnostics,
  ]
  return {
    config,
    proposals: checked.proposals,
    files: proposalFiles,
    notes: checked.notes,
    noteFiles,
    chairTexts: checked.chairTexts,
    chairFiles,
    translations: checked.translations,
    translationFiles,
    templates: templates.texts,
    ...(reference.reference ? { reference: reference.reference } : {}),
    diagnostics: source.label === '' ? diagnostics : diagnostics.map((each) => ({ ...each, file: `${source.label}${each.file}` })),
    parsed: parsed + notes.parsed + chairs.parsed + translations.parsed,
    allowances: allowancesOf(checked.proposals, checked.notes, checked.chairTexts),
  }
}

/** The texts that allow rules for themselves, in file order. */
function allowancesOf(...lists: Array<Array<{ file: string; allow?: Allowance['rules'] }>>): Allowance[] {
  return lists
    .flat()
    .flatMap(({ file, allow }) => (allow && allow.length > 0 ? [{ file, rules: allow }] : []))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
}

/** The negotiation of a workspace without errors; undefined when it has any. */
export function negotiationOf(
  workspace: Pick<Workspace, 'config' | 'proposals' | 'diagnostics'> & { notes?: Note[]; chairTexts?: ChairText[] },
  options?: AssembleOptions,
): Negotiation | undefined {
  if (hasErrors(workspace.diagnostics)) return undefined
  return assemble(workspace.proposals, workspace.config, { notes: workspace.notes, chairTexts: workspace.chairTexts, ...options })
}

/**
 * The checks across files, over parse results (and the notes', Chair's texts'
 * and translations' results; `files`: every file that is not a translation,
 * read or not; `template` is the text of templates/proposal.md, for `template-text`).
 */
export function checkParsed(
  config: Config,
  configDiagnostics: Diagnostic[],
  results: ParseResult[],
  extra: {
    notes?: ParseResult[]
    chairTexts?: ParseResult[]
    translations?: ParseResult[]
    files?: string[]
    template?: string
    broken?: ReadonlySet<string>
  } = {},
): Pick<Workspace, 'config' | 'proposals' | 'notes' | 'chairTexts' | 'translations' | 'diagnostics'> {
  const proposals = results.flatMap((result) => (result.proposal ? [result.proposal] : []))
  const noteResults = extra.notes ?? []
  const notes = noteResults.flatMap((result) => (result.note ? [result.note] : []))
  const chairResults = extra.chairTexts ?? []
  const chairTexts = chairResults.flatMap((result) => (result.chairText ? [result.chairText] : []))
  const translationResults = extra.translations ?? []
  const translations = translationResults.flatMap((result) => (result.translation ? [result.translation] : []))
  // Without attributions a proposal needs no author (SPEC §15): the parse, which knows no configuration, said it misses one.
  const proposalDiagnostics = results.flatMap((result) => result.diagnostics).filter((each) => config.attribution || each.rule !== 'missing-author')
  const diagnostics = [
    ...configDiagnostics,
    ...proposalDiagnostics,
    ...[...noteResults, ...chairResults, ...translationResults].flatMap((result) => result.diagnostics),
  ]
  // A broken part of the configuration would make every topic or name look wrong: the checks run against the sound parts only.
  const sound = hasErrors(configDiagnostics) ? soundParts(config, extra.broken ?? new Set(['outline', 'participants', 'chair'])) : config
  diagnostics.push(...validate(proposals, sound, { notes, chairTexts, template: extra.template }))
  const texts = { config, proposals, notes, chairTexts, translations }
  diagnostics.push(...checkTranslations({ texts, files: extra.files ?? [...proposals, ...notes, ...chairTexts].map((text) => text.file) }))
  // A translation is checked as its original is: the rules the original allows for itself, it allows too.
  const allowances = [
    ...allowancesOf(proposals, notes, chairTexts),
    ...allowancesOf(
      [...pairTranslations(texts)].flatMap(([translation, original]) => (original?.text.allow ? [{ file: translation.file, allow: original.text.allow }] : [])),
    ),
  ]
  return { config, proposals, notes, chairTexts, translations, diagnostics: applyLevels(diagnostics, config, allowances) }
}

/** `consolidate.yaml` of the source, or the one the command line gave. */
async function readConfig(source: Source, given: LoadOptions['config']): Promise<ConfigResult> {
  const defaults = { config: structuredClone(DEFAULT_CONFIG), diagnostics: [], broken: new Set<string>() }
  if (given === null) return defaults
  let name = 'consolidate.yaml'
  let bytes: Uint8Array
  if (given !== undefined) {
    name = given.name
    bytes = given.bytes
  } else {
    const read = await readNamed(source, name, CONFIG_LIMIT)
    if ('absent' in read) return defaults
    if ('problem' in read) {
      const problem = read.problem.rule === 'too-large' ? { ...read.problem, message: configTooLarge(read.problem.message) } : read.problem
      return { ...defaults, diagnostics: [problem] }
    }
    bytes = read.bytes
  }
  const decoded = decode(bytes, 'the configuration')
  if ('problem' in decoded) {
    const { line, column } = decoded.place
    return { ...defaults, diagnostics: [{ file: name, line, column, severity: RULES['invalid-config'], rule: 'invalid-config', message: decoded.problem }] }
  }
  return parseConfig(name, decoded.text)
}

function configTooLarge(message: string): string {
  return `${message.replace(/; split .*$/, '')}; the configuration is held to ${CONFIG_LIMIT} bytes whatever its limits: move what is not configuration out of it`
}

/** The workspace's own templates, under the rules of proposals and the default size limit. */
async function readTemplates(source: Source): Promise<{ texts: Workspace['templates']; diagnostics: Diagnostic[] }> {
  const texts: Workspace['templates'] = {}
  const diagnostics: Diagnostic[] = []
  for (const name of TEMPLATE_NAMES) {
    const read = await readNamed(source, `templates/${name}`, DEFAULT_CONFIG.limits.fileSize)
    if ('problem' in read) diagnostics.push(read.problem)
    else if ('bytes' in read) {
      const decoded = decode(read.bytes, 'a template')
      if ('problem' in decoded)
        diagnostics.push({ file: `templates/${name}`, ...decoded.place, severity: 'error', rule: 'invalid-encoding', message: decoded.problem })
      else texts[name] = decoded.text
    }
  }
  return { texts, diagnostics }
}

/** Files read and sent to the threads a batch at a time: reading and parsing overlap, and memory stays bounded. */
const BATCH = 16

/**
 * Every file's parse result, in the order of `files`: from the cache when
 * its stamp or its bytes were seen before, else parsed on the threads. A
 * file over the size limit is never read; one that cannot be read is a diagnostic.
 */
async function parseFiles(
  source: Source,
  files: ProposalFile[],
  config: Config,
  options: LoadOptions,
  kind: ParseKind = 'parse',
): Promise<{ results: ParseResult[]; parsed: number }> {
  const { limits } = config
  const cache = options.cache
  const key = (content: string, file: ProposalFile): string => cacheKey(cache!.version, content, file.name, limits)
  const results: Array<Promise<ParseResult>> = []
  let parsed = 0
  let done = 0
  const progress = (result: ParseResult): ParseResult => {
    options.onProgress?.(++done, files.length)
    return result
  }

  for (let start = 0; start < files.length; start += BATCH) {
    const batch = files.slice(start, start + BATCH)
    const outcomes = await Promise.all(
      batch.map(async (file): Promise<ParseResult | { bytes: Uint8Array; keys: string[] }> => {
        const stamp = cache && source.stamp ? await source.stamp(file.path) : undefined
        const stamped = stamp === undefined ? undefined : cache!.store.get(key(`stamp:${stamp}`, file))
        if (stamped) return stamped
        const read = await source.read(file.path, limits.fileSize)
        if ('tooLarge' in read) return { diagnostics: [tooLarge(file.name, read.tooLarge, limits.fileSize)] }
        if ('unreadable' in read)
          return {
            diagnostics: [
              {
                file: file.name,
                line: 1,
                column: 1,
                severity: 'error',
                rule: 'unreadable-file',
                message: `cannot read the file (${read.unreadable}); check that it exists and is readable`,
              },
            ],
          }
        if (!cache) return { bytes: read.bytes, keys: [] }
        const keys = [
          key(contentHash(read.bytes), file),
          ...(stamp === undefined ? [] : [key(`stamp:${stamp}`, file)]),
          ...(options.blobIds ? [key(`stamp:${gitBlobId(read.bytes)}`, file)] : []),
        ]
        const hit = cache.store.get(keys[0])
        if (hit) {
          keys.slice(1).forEach((each) => cache.store.set(each, hit))
          return hit
        }
        return { bytes: read.bytes, keys }
      }),
    )
    const misses = batch.flatMap((file, index) => {
      const outcome = outcomes[index]
      return 'bytes' in outcome ? [{ file, ...outcome }] : []
    })
    parsed += misses.length
    const inputs = misses.map(({ file, bytes }) => ({ name: file.name, bytes }))
    const fresh = parseOnThreads(options.pool, inputs, limits, kind).then((list) => {
      list.forEach((result, index) => {
        if (cache && cacheable(result)) for (const each of misses[index].keys) cache.store.set(each, result)
      })
      return list
    })
    // Let the threads' answers in: a thread that finished its files gets the next at once.
    await new Promise((resolve) => setImmediate(resolve))
    let miss = 0
    for (const outcome of outcomes) {
      if ('bytes' in outcome) {
        const index = miss++
        results.push(fresh.then((list) => progress(list[index])))
      } else {
        results.push(Promise.resolve(progress(outcome)))
      }
    }
  }
  return { results: await Promise.all(results), parsed }
}
