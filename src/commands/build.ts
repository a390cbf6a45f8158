/** `consolidate build`: validate, then write the consolidated text and the stocktaking report. */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { placements } from '../assemble/negotiation.js'
import { hasErrors } from '../check/diagnostics.js'
import { groupConfig, groupFileName, selectGroup } from '../assemble/group.js'
import { printDiagnostics, type Io } from '../io.js'
import { loadWorkspace, negotiationOf, type LoadOptions, type Workspace } from '../pipeline.js'
import type { ParsePool } from '../parse/pool.js'
import { MemoryCache } from '../read/cache.js'
import { folderSource } from '../read/folder.js'
import { builtinTemplate, readConfigFile, resolveRoot } from '../read/root.js'
import { watchFolder } from '../read/watch.js'
import { loadRoot, withPool, type CommonOptions } from './load.js'
import { OUTPUT_FORMATS, renderOutputs, type OutputFormat } from '../render/outputs.js'
import type { BuildSummary } from '../render/summary.js'
import type { Diagnostic, Language, Negotiation } from '../types.js'
import { staleOutputs, writeOutputs } from '../write.js'
import { EXIT, UsageError } from '../errors.js'

export interface BuildOptions extends CommonOptions {
  out?: string
  format: string
  check?: boolean
  group?: string
  lang?: Language
  watch?: boolean
  /** Stops `--watch` (Ctrl-C on the command line; an AbortController when embedded or tested). */
  signal?: AbortSignal
  /** Called after each rebuild of `--watch`. */
  onRebuild?: (rebuild: Rebuild) => void
  /** `--watch`: quiet time after the last change before rebuilding, in milliseconds (default 100). */
  debounce?: number
}

/** What one rebuild of `--watch` did. */
export interface Rebuild {
  outcome: Outcome['outcome'] | 'usage'
  /** Proposal files parsed again (the others came from the cache). */
  parsed: number
  diagnostics: Diagnostic[]
}

interface Settings {
  root: string
  out: string
  configFile: string
  formats: OutputFormat[]
  group?: string
  check: boolean
}

interface SummaryContext {
  root: string
  configFile?: string
  pool: ParsePool
}

interface Outcome {
  outcome: BuildSummary['outcome']
  code: number
  files: string[]
  negotiation?: Negotiation
  /** Problems found while rendering (a body too complex to render), beyond the workspace's. */
  diagnostics?: Diagnostic[]
}

export async function build(options: BuildOptions, io: Io, pool?: ParsePool): Promise<number> {
  return withPool(pool, (threads) => (options.watch ? watchBuild(options, io, threads) : buildOnce(options, io, threads)))
}

async function buildOnce(options: BuildOptions, io: Io, pool: ParsePool): Promise<number> {
  const settings = await settingsOf(options, io)
  const { workspace } = await loadRoot(options, io, pool, overridesOf(options))
  const outcome = await produce(workspace, settings, io, pool)
  const summaryFile = io.env.GITHUB_STEP_SUMMARY
  if (summaryFile) await appendSummary(summaryFile, outcome, workspace, { root: settings.root, configFile: options.config, pool }, io)
  return outcome.code
}

/** `--watch`: build, then rebuild after every change, parsing again only what changed, until interrupted. */
async function watchBuild(options: BuildOptions, io: Io, pool: ParsePool): Promise<number> {
  if (options.check) throw new UsageError('--watch and --check cannot be used together: --check compares once and exits')
  const settings = await settingsOf(options, io)
  const source = folderSource(settings.root, { stamps: true })
  const cache = { store: new MemoryCache(), version: '' }
  io.stderr.write(`consolidate: watching ${shown(io, path.join(settings.root, 'proposals'))}, the templates and the configuration; press Ctrl-C to stop\n`)
  await watchFolder({ root: settings.root, configFile: settings.configFile, signal: options.signal, debounce: options.debounce }, io, async () => {
    let rebuild: Rebuild
    try {
      const config = options.config === undefined ? undefined : await readConfigFile(io.cwd, options.config)
      const workspace = await loadWorkspace(source, { pool, cache, config, overrides: overridesOf(options) })
      const outcome = await produce(workspace, settings, io, pool)
      rebuild = { outcome: outcome.outcome, parsed: workspace.parsed, diagnostics: workspace.diagnostics }
    } catch (error) {
      // A watch outlives bad moments (an unknown group, a configuration being saved): report and wait for the next change.
      if (!(error instanceof UsageError)) throw error
      io.stderr.write(`consolidate: ${error.message}\n`)
      rebuild = { outcome: 'usage', parsed: 0, diagnostics: [] }
    }
    options.onRebuild?.(rebuild)
  })
  return EXIT.ok
}

async function settingsOf(options: BuildOptions, io: Io): Promise<Settings> {
  const root = await resolveRoot(io.cwd, options.root)
  const out = path.resolve(io.cwd, options.out ?? path.join(root, 'out'))
  await refuseInputFolder(root, out)
  const configFile = options.config === undefined ? path.join(root, 'consolidate.yaml') : path.resolve(io.cwd, options.config)
  return { root, out, configFile, formats: parseFormats(options.format), group: options.group, check: Boolean(options.check) }
}

function overridesOf(options: BuildOptions): LoadOptions['overrides'] {
  return options.lang ? { language: options.lang } : {}
}

/** Print the diagnostics, then write (or with `--check`, compare) the outputs of a workspace without errors. */
async function produce(workspace: Workspace, settings: Settings, io: Io, pool: ParsePool): Promise<Outcome> {
  const configSound = !workspace.diagnostics.some((diagnostic) => diagnostic.rule === 'invalid-config')
  const selected = settings.group !== undefined && configSound ? selectGroup(workspace.config, settings.group) : undefined
  await printDiagnostics(workspace.diagnostics, io, settings.root)
  if (hasErrors(workspace.diagnostics)) return refuse(workspace.diagnostics, settings, io)

  let negotiation = negotiationOf(workspace, { topics: selected?.topics })!
  if (selected) negotiation = { ...negotiation, config: groupConfig(negotiation.config, selected.group) }
  const templates = {
    cover: workspace.templates['cover.md'] ?? (await builtinTemplate('cover.md')),
    css: workspace.templates['consolidated.css'] ?? (await builtinTemplate('consolidated.css')),
  }
  const rendered = await renderOutputs(negotiation, settings.formats, templates, { pool })
  // A body too complex to render in HTML or Word is an error in the inputs, as any other.
  if (hasErrors(rendered.diagnostics)) {
    await printDiagnostics(rendered.diagnostics, io, settings.root)
    return { ...refuse(rendered.diagnostics, settings, io), diagnostics: rendered.diagnostics }
  }
  const outputs = rendered.outputs.map((output) =>
    selected ? { ...output, name: groupFileName(output.name, selected.group) } : output,
  )
  await refuseInputFiles(settings.out, outputs.map((output) => output.name), [settings.configFile, ...workspace.files.map((file) => path.join(settings.root, file.path))])
  const names = outputs.map((output) => shown(io, path.join(settings.out, output.name)))

  if (settings.check) {
    const stale = await staleOutputs(settings.out, outputs)
    if (stale.length > 0) {
      const files = stale.map((name) => shown(io, path.join(settings.out, name)))
      io.stderr.write(`consolidate: out of date: ${files.join(', ')}; run consolidate build to update\n`)
      return { outcome: 'stale', code: EXIT.inputs, files, negotiation }
    }
    io.stderr.write(`consolidate: up to date: ${names.join(', ')}\n`)
    return { outcome: 'fresh', code: EXIT.ok, files: names, negotiation }
  }

  await writeOutputs(settings.out, outputs)
  const live = placements(negotiation.topics)
  const referred = live.filter((placement) => placement.referred).length
  io.stderr.write(
    `consolidate: wrote ${names.join(', ')} ` +
      `(${live.length} proposal${live.length === 1 ? '' : 's'} in the text, ${referred} referred to stocktaking, ${negotiation.withdrawn.length} withdrawn)\n`,
  )
  return { outcome: 'written', code: EXIT.ok, files: names, negotiation }
}

/** A build with errors in its inputs writes nothing. */
function refuse(diagnostics: Diagnostic[], settings: Settings, io: Io): Outcome {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length
  const kept = settings.check ? '' : '; nothing was written'
  io.stderr.write(`consolidate: ${errors} error${errors === 1 ? '' : 's'} in the inputs${kept}\n`)
  return { outcome: 'errors', code: EXIT.inputs, files: [] }
}

/**
 * Append the build's summary to `$GITHUB_STEP_SUMMARY`, with the changes
 * since the previous commit. The summary is a courtesy: it never changes the exit code.
 */
async function appendSummary(file: string, outcome: Outcome, workspace: Workspace, context: SummaryContext, io: Io): Promise<void> {
  const { renderSummary } = await import('../render/summary.js')
  const count = (severity: string): number => [...workspace.diagnostics, ...(outcome.diagnostics ?? [])].filter((diagnostic) => diagnostic.severity === severity).length
  const changes = outcome.outcome === 'errors' ? '' : await changesSincePrevious(context, io)
  const text = renderSummary({ outcome: outcome.outcome, files: outcome.files, errors: count('error'), warnings: count('warning'), negotiation: outcome.negotiation, changes })
  try {
    await fs.appendFile(path.resolve(io.cwd, file), text)
  } catch (error) {
    io.stderr.write(`consolidate: cannot write the step summary to ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`)
  }
}

/** `diff HEAD~1 HEAD` as a summary section, or why it cannot be shown. */
async function changesSincePrevious(context: SummaryContext, io: Io): Promise<string> {
  const { loadRevision } = await import('../read/revision.js')
  const { compareSnapshots } = await import('../revisions/compare.js')
  const { renderDiff } = await import('../render/diff.js')
  const heading = '### Changes since the previous commit'
  try {
    const revisions = { cwd: io.cwd, root: context.root, configFile: context.configFile, pool: context.pool, cache: { store: new MemoryCache(), version: '' } }
    const old = await loadRevision('HEAD~1', revisions)
    const next = await loadRevision('HEAD', revisions)
    const errors = [...old.diagnostics, ...next.diagnostics].filter((diagnostic) => diagnostic.severity === 'error').length
    if (errors > 0) return `${heading}\n\nNot shown: the two commits have ${errors} error${errors === 1 ? '' : 's'} in their inputs.`
    return renderDiff(compareSnapshots(old, next), old, next, { names: { old: 'HEAD~1', new: 'HEAD' }, depth: 3 })
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    return `${heading}\n\nNot shown: ${error.message}.`
  }
}

function shown(io: Io, file: string): string {
  return path.relative(io.cwd, file) || file
}

function parseFormats(list: string): OutputFormat[] {
  const formats = list.split(',').map((format) => format.trim()).filter(Boolean)
  for (const format of formats) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`unknown format "${format}" for --format; use a comma-separated list of ${OUTPUT_FORMATS.join(', ')}`)
    }
  }
  if (formats.length === 0) throw new UsageError(`--format needs at least one of ${OUTPUT_FORMATS.join(', ')}`)
  return [...new Set(formats)] as OutputFormat[]
}

/** Outputs never go where inputs live: a build must not write over a proposal or a template. */
async function refuseInputFolder(root: string, out: string): Promise<void> {
  const realOut = await realPath(out)
  for (const input of ['proposals', 'templates']) {
    const folder = await realPath(path.join(root, input))
    const relative = path.relative(folder, realOut)
    if (relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))) {
      throw new UsageError(`--out ${out} is inside the workspace's ${input}/ folder, where inputs live; choose another folder, e.g. --out out`)
    }
  }
  const stat = await fs.stat(out).catch(() => undefined)
  if (stat && !stat.isDirectory()) throw new UsageError(`--out ${out} is a file, not a folder; --out names the folder the outputs are written to, e.g. --out out`)
}

/** No output file may be an input file, whatever links lead there. */
async function refuseInputFiles(out: string, names: string[], inputs: string[]): Promise<void> {
  const real = new Set(await Promise.all(inputs.map(realPath)))
  for (const name of names) {
    const target = path.join(out, name)
    if (real.has(await realPath(target))) {
      throw new UsageError(`--out ${out} would write ${name} over an input file; choose another folder, e.g. --out out`)
    }
  }
}

/** The real path of a file or folder that may not exist yet: its nearest existing folder resolved, the rest appended. */
async function realPath(file: string): Promise<string> {
  const rest: string[] = []
  for (let at = path.resolve(file); ; at = path.dirname(at)) {
    const real = await fs.realpath(at).catch(() => undefined)
    if (real !== undefined) return path.join(real, ...rest)
    if (path.dirname(at) === at) return path.resolve(file)
    rest.unshift(path.basename(at))
  }
}
