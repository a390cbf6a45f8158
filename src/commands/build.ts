/** `consolidate build`: validate, then write (or with `--check`, compare) the consolidated text and the stocktaking report. */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { groupKey, selectGroup } from '../assemble/group.js'
import { assemble } from '../assemble/negotiation.js'
import { hasErrors } from '../diagnostics/format.js'
import { EXIT, UsageError } from '../errors.js'
import { printDiagnostics, type Io } from '../io.js'
import type { ThreadPool } from '../threads/pool.js'
import { allowanceNotice, loadWorkspace, type LoadOptions, type Workspace } from '../load/pipeline.js'
import { MemoryCache } from '../read/cache.js'
import { folderSource } from '../read/folder.js'
import { builtinTemplate, readConfigFile, resolveRoot } from '../read/root.js'
import { watchFolder } from '../load/watch.js'
import { pendingNotice, renderTarget, type Rendered, type Templates } from '../render/outputs.js'
import { publicationSet, redlineSince } from '../render/publish.js'
import { negotiationOf } from '../render/views/builders.js'
import { viewNamed } from '../render/views/index.js'
import type { BuildSummary } from '../render/views/summary.js'
import type { Diagnostic, Language, Negotiation } from '../types.js'
import { compareSnapshots } from '../revisions/compare.js'
import { referralHistory } from '../load/history.js'
import type { ReferredSince } from '../revisions/history.js'
import type { Revision } from '../load/revision.js'
import type { Counts } from '../revisions/stats.js'
import { Revisions, sinceUsable } from './since.js'
import { checkOutFolder, refuseInputFiles, staleOutputs, type Output } from '../write.js'
import { recordedTargets, writeRecorded, type Shown } from '../manifest.js'
import { loadRoot, withPool, type CommonOptions } from './load.js'
import { commandFor, parseFormats, parseLanguages, parseView, type Target } from './plan.js'

export interface BuildOptions extends CommonOptions {
  out?: string
  /** `--format md,html,docx`; default `md`. */
  format?: string
  check?: boolean
  group?: string
  /** `--lang en` or `--lang en,fr,es`; default the configuration's language. */
  lang?: string
  /** `--view clean`: the Chair's clean text instead of the consolidated text (docs/reference.md, The clean text). */
  view?: string
  watch?: boolean
  /** `--since REV`: also write the redline against that revision (else `previous:` in the configuration, if any). */
  since?: string
  /** Stops `--watch` (Ctrl-C on the command line; an AbortController when embedded or tested). */
  signal?: AbortSignal
  /** The stocktaking report says since when each proposal has been referred (`stocktake --history`; `publish.history`). */
  history?: boolean
  /** Told the files a build wrote, as shown. */
  onWritten?: (files: string[]) => void
  /** Called after each rebuild of `--watch`. */
  onRebuild?: (rebuild: Rebuild) => void
  /** `--watch`: quiet time after the last change before rebuilding, in milliseconds (default 100). */
  debounce?: number
}

/** What one rebuild of `--watch` did. */
export interface Rebuild {
  outcome: BuildSummary['outcome'] | 'usage'
  /** Proposal files parsed again (the others came from the cache). */
  parsed: number
  diagnostics: Diagnostic[]
}

interface Settings {
  root: string
  out: string
  configFile: string
  /** As the user would type them in a command that rebuilds (undefined: the default). */
  shownRoot?: string
  shownOut?: string
  /** Since when each proposal has been referred (the git history walked once, when a stocktaking report asks). */
  history?: () => Promise<ReadonlyMap<string, ReferredSince>>
}

interface Outcome {
  outcome: BuildSummary['outcome']
  code: number
  files: string[]
  /** The whole text's negotiation in the first language, assembled only if the step summary asks. */
  negotiation?: () => Negotiation
  /** Problems found only when rendering (a body too complex for HTML or Word), counted in the summary. */
  diagnostics?: Diagnostic[]
}

export async function build(options: BuildOptions, io: Io, pool?: ThreadPool): Promise<number> {
  return withPool(pool, (threads) => (options.watch ? watchBuild(options, io, threads) : buildOnce(options, io, threads)))
}

async function buildOnce(options: BuildOptions, io: Io, pool: ThreadPool): Promise<number> {
  const settings = await settingsOf(options, io)
  const { workspace, cache } = await loadRoot(options, io, pool)
  const revisions = new Revisions({ cwd: io.cwd, root: settings.root, configFile: options.config, pool, cache, io })
  let walked: Promise<ReadonlyMap<string, ReferredSince>> | undefined
  if (options.history || workspace.config.publish?.history)
    settings.history = () => (walked ??= referralHistory(workspace, { cwd: io.cwd, root: settings.root, configFile: options.config, pool, cache }, io))
  const outcome = options.check
    ? await check(workspace, options, settings, io, pool, revisions)
    : await write(workspace, options, settings, io, pool, revisions)
  const summaryFile = io.env.GITHUB_STEP_SUMMARY
  if (summaryFile) await appendSummary(summaryFile, outcome, workspace, { root: settings.root, configFile: options.config, pool, cache }, io)
  return outcome.code
}

/** `--watch`: build, then rebuild after every change, parsing again only what changed, until interrupted. */
async function watchBuild(options: BuildOptions, outer: Io, pool: ThreadPool): Promise<number> {
  if (options.check) throw new UsageError('--watch and --check cannot be used together: --check compares once and exits')
  const settings = await settingsOf(options, outer)
  const source = folderSource(settings.root, { stamps: true })
  const cache = { store: new MemoryCache(), version: '' }
  // The older revision of a redline does not change while the workspace is watched: read once.
  const revisions = new Revisions({ cwd: outer.cwd, root: settings.root, configFile: options.config, pool, cache })
  outer.stderr.write(
    `consolidate: watching ${shown(outer, path.join(settings.root, 'proposals'))}, the templates and the configuration; press Ctrl-C to stop\n`,
  )
  await watchFolder({ root: settings.root, configFile: settings.configFile, signal: options.signal, debounce: options.debounce }, outer, async () => {
    // Each rebuild's lines carry its time.
    const io = timed(outer)
    let rebuild: Rebuild
    try {
      const config = options.config === undefined ? undefined : await readConfigFile(io.cwd, options.config)
      const workspace = await loadWorkspace(source, { pool, cache, config })
      const outcome = await write(workspace, options, settings, io, pool, revisions)
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
  await checkOutFolder(root, out)
  const configFile = options.config === undefined ? path.join(root, 'consolidate.yaml') : path.resolve(io.cwd, options.config)
  return {
    root,
    out,
    configFile,
    shownRoot: options.root === undefined || path.resolve(io.cwd, options.root) === io.cwd ? undefined : options.root,
    shownOut: options.out,
  }
}

/** The targets the flags name: with `publish:`, the publication set, each flag replacing its part of it. */
function targetsOf(options: BuildOptions, workspace: Workspace): Target[] {
  return publicationSet(workspace.config, {
    ...(options.view === undefined ? {} : { view: parseView(options.view) }),
    // Any spelling of a group's name builds the same target: the manifest records its `en` name.
    ...(options.group === undefined ? {} : { group: groupKey(workspace.config, options.group) }),
    ...(options.lang === undefined ? {} : { languages: parseLanguages(options.lang) }),
    ...(options.format === undefined ? {} : { formats: parseFormats(options.format) }),
    ...(options.since === undefined ? {} : { since: options.since }),
  })
}

/**
 * The older revision a target's redline compares with: `--since` (relative
 * to the current folder), else the configuration's `previous:` (relative to
 * the workspace; with `publish:`, only when its `redline:` says so); none,
 * no redline. Not usable when it has errors (they are printed).
 */
async function sinceOf(target: Target, workspace: Workspace, revisions: Revisions, io: Io): Promise<{ revision?: Revision; usable: boolean }> {
  const since = redlineSince(target, workspace.config)
  if (since === undefined) return { usable: true }
  const revision = await revisions.load(since.name, since.origin)
  return (await sinceUsable(revision, io)) ? { revision, usable: true } : { usable: false }
}

/** Whether the command line chose what to build; without, `--check` checks what the manifest lists. */
function chosen(options: BuildOptions): boolean {
  return options.format !== undefined || options.lang !== undefined || options.group !== undefined || options.view !== undefined || options.since !== undefined
}

/** Print the diagnostics; when there are errors, say that nothing is written. An unknown group is reported first (a usage error). */
async function inputsFailed(workspace: Workspace, settings: Settings, io: Io, written: boolean, targets: Target[] = []): Promise<Outcome | undefined> {
  const configSound = !workspace.diagnostics.some((diagnostic) => diagnostic.rule === 'invalid-config')
  if (configSound) for (const target of targets) if (target.group !== undefined) selectGroup(workspace.config, target.group)
  await printDiagnostics(workspace.diagnostics, io, settings.root)
  const allowed = allowanceNotice(workspace.allowances)
  if (allowed) io.stderr.write(`consolidate: ${allowed}\n`)
  if (!hasErrors(workspace.diagnostics)) return undefined
  sayErrors(workspace.diagnostics, io, written)
  return { outcome: 'errors', code: EXIT.inputs, files: [] }
}

/** The closing line of a failed build: how many errors, and, when the build would have written, that nothing was. */
function sayErrors(diagnostics: Diagnostic[], io: Io, written: boolean): void {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length
  io.stderr.write(`consolidate: ${errors} error${errors === 1 ? '' : 's'} in the inputs${written ? '; nothing was written' : ''}\n`)
}

/** Render and write the targets (the publication set, or what the flags name), recording them in the manifest at once. */
async function write(workspace: Workspace, options: BuildOptions, settings: Settings, io: Io, pool: ThreadPool, revisions: Revisions): Promise<Outcome> {
  const targets = targetsOf(options, workspace)
  const failed = await inputsFailed(workspace, settings, io, true, targets)
  if (failed) return failed
  const builds: Array<{ target: Target; outputs: Output[] }> = []
  const said: string[] = []
  const pending = new Map<Language, Rendered['pending'][number]>()
  let negotiation: (() => Negotiation) | undefined
  for (const target of targets) {
    const since = await sinceOf(target, workspace, revisions, io)
    if (!since.usable) return { outcome: 'errors', code: EXIT.inputs, files: [] }
    const rendered = await render(workspace, target, settings, pool, since.revision)
    if (rendered.diagnostics.length > 0) return renderFailed(rendered.diagnostics, settings, io, true)
    negotiation ??= rendered.negotiation
    builds.push({ target, outputs: rendered.outputs })
    // A view built beside the view whose companion it is adds nothing to what that one says (the stocktaking report's count is the text's).
    const told = targets.some((other) => viewNamed(other.view)?.companion === target.view)
    if (!told && !said.includes(rendered.said)) said.push(rendered.said)
    // Each language's count once: the whole text's (the largest), not each view's or extract's again.
    for (const each of rendered.pending) if ((pending.get(each.language)?.total ?? -1) < each.total) pending.set(each.language, each)
  }
  // A plain build of the publication set replaces what an earlier set issued.
  const whole = workspace.config.publish !== undefined && !chosen(options)
  await writeRecorded(settings.out, builds, {
    groups: workspace.config.groups,
    shown: shownFor(io, settings, workspace),
    warn: (message) => io.stderr.write(`consolidate: warning: ${message}\n`),
    whole,
  })
  const names = builds.flatMap((build) => build.outputs).map((output) => shown(io, path.join(settings.out, output.name)))
  io.stderr.write(`consolidate: wrote ${names.join(', ')} (${said.join('; ')})\n`)
  const untranslated = pendingNotice([...pending.values()])
  if (untranslated) io.stderr.write(`consolidate: ${untranslated}\n`)
  options.onWritten?.(names)
  return { outcome: 'written', code: EXIT.ok, files: names, negotiation }
}

/** A body too complex to render in HTML or Word is an error in the inputs, as any other: printed, and nothing written. */
async function renderFailed(diagnostics: Diagnostic[], settings: Settings, io: Io, written: boolean): Promise<Outcome> {
  await printDiagnostics(diagnostics, io, settings.root)
  sayErrors(diagnostics, io, written)
  return { outcome: 'errors', code: EXIT.inputs, files: [], diagnostics }
}

/**
 * `--check`: compare with the disk what the flags would write, or, without
 * flags, every build the manifest lists; say which files are missing or out
 * of date and the command that brings each up to date.
 */
async function check(workspace: Workspace, options: BuildOptions, settings: Settings, io: Io, pool: ThreadPool, revisions: Revisions): Promise<Outcome> {
  const warn = (message: string): unknown => io.stderr.write(`consolidate: warning: ${message}\n`)
  // With flags, what they would write; with publish:, the set; else every build the manifest records.
  const planned =
    chosen(options) || workspace.config.publish
      ? { targets: targetsOf(options, workspace) }
      : await recordedTargets(settings.out, {
          fallback: targetsOf(options, workspace)[0],
          groups: workspace.config.groups,
          shown: shownFor(io, settings, workspace),
          warn,
        })
  const failed = await inputsFailed(workspace, settings, io, false, 'targets' in planned ? planned.targets : [])
  if (failed) return failed
  if ('problem' in planned) {
    io.stderr.write(`consolidate: ${planned.problem}\n`)
    return { outcome: 'stale', code: EXIT.inputs, files: [] }
  }
  const targets = planned.targets
  const files: string[] = []
  const stale: string[] = []
  let negotiation: (() => Negotiation) | undefined
  for (const target of targets) {
    const since = await sinceOf(target, workspace, revisions, io)
    if (!since.usable) return { outcome: 'errors', code: EXIT.inputs, files: [] }
    const rendered = await render(workspace, target, settings, pool, since.revision)
    if (rendered.diagnostics.length > 0) return renderFailed(rendered.diagnostics, settings, io, false)
    negotiation ??= rendered.negotiation
    const differing = await staleOutputs(settings.out, rendered.outputs)
    files.push(...rendered.outputs.map((output) => shown(io, path.join(settings.out, output.name))))
    if (differing.length === 0) continue
    const command =
      workspace.config.publish && !chosen(options)
        ? commandFor(undefined, { root: settings.shownRoot, out: settings.shownOut, defaultLanguage: workspace.config.language })
        : commandFor(target, { root: settings.shownRoot, out: settings.shownOut, defaultLanguage: workspace.config.language })
    const missing = differing.filter((each) => each.missing).map((each) => shown(io, path.join(settings.out, each.name)))
    const outdated = differing.filter((each) => !each.missing).map((each) => shown(io, path.join(settings.out, each.name)))
    if (missing.length > 0) io.stderr.write(`consolidate: missing (never built): ${missing.join(', ')}; run \`${command}\`\n`)
    if (outdated.length > 0) io.stderr.write(`consolidate: out of date: ${outdated.join(', ')}; run \`${command}\` to update\n`)
    stale.push(...missing, ...outdated)
  }
  if (stale.length > 0) return { outcome: 'stale', code: EXIT.inputs, files: stale, negotiation }
  io.stderr.write(`consolidate: up to date: ${files.join(', ')}\n`)
  return { outcome: 'fresh', code: EXIT.ok, files, negotiation }
}

/** What a target renders: its files, or the diagnostics of a text too complex to render (then no file). */
interface TargetOutputs {
  outputs: Output[]
  diagnostics: Diagnostic[]
  /** The whole text's negotiation in the first language, for the step summary: assembled when asked. */
  negotiation: () => Negotiation
  /** What the build says it wrote: its counts. */
  said: string
  /** How many texts each language shows pending translation. */
  pending: Rendered['pending']
}

/** Every file of a target, named as it is written (its redline too, against `since`). */
async function render(workspace: Workspace, target: Target, settings: Settings, pool: ThreadPool, since?: Revision): Promise<TargetOutputs> {
  const templates: Templates = {
    cover: workspace.templates['cover.md'] ?? (await builtinTemplate('cover.md')),
    covers: { en: workspace.templates['cover.en.md'], fr: workspace.templates['cover.fr.md'], es: workspace.templates['cover.es.md'] },
    css: workspace.templates['consolidated.css'] ?? (await builtinTemplate('consolidated.css')),
    ...(workspace.reference ? { reference: workspace.reference } : {}),
  }
  const history = target.view === 'stocktaking' && settings.history ? await settings.history() : undefined
  const rendered = await renderTarget({
    snapshot: workspace,
    target,
    templates,
    pool,
    ...(since ? { since: { ...since, name: since.name } } : {}),
    ...(history ? { history } : {}),
  })
  const negotiation = (): Negotiation => negotiationOf({ snapshot: workspace, language: target.languages[0] })
  if (rendered.diagnostics.length > 0) return { outputs: [], diagnostics: rendered.diagnostics, negotiation, said: rendered.said, pending: rendered.pending }
  const inputs = [...workspace.files, ...workspace.noteFiles, ...workspace.chairFiles, ...workspace.translationFiles].map((file) =>
    path.join(settings.root, file.path),
  )
  await refuseInputFiles(
    settings.out,
    rendered.outputs.map((output) => output.name),
    [settings.configFile, ...inputs],
  )
  return { outputs: rendered.outputs, diagnostics: [], negotiation, said: rendered.said, pending: rendered.pending }
}

/** How the manifest's messages name files, and the command that records the default build. */
function shownFor(io: Io, settings: Settings, workspace: Workspace): Shown {
  const rebuild = commandFor(workspace.config.publish ? undefined : targetsOf({}, workspace)[0], {
    root: settings.shownRoot,
    out: settings.shownOut,
    defaultLanguage: workspace.config.language,
  })
  return { file: (file) => shown(io, file), rebuild }
}

interface SummaryContext {
  root: string
  configFile?: string
  pool: ThreadPool
  /** The build's own: HEAD's proposals unchanged in the workspace are not parsed again. */
  cache: NonNullable<LoadOptions['cache']>
}

/**
 * Append the build's summary to `$GITHUB_STEP_SUMMARY`, with the changes
 * since the previous commit. The summary is a courtesy: it never changes the exit code.
 */
async function appendSummary(file: string, outcome: Outcome, workspace: Workspace, context: SummaryContext, io: Io): Promise<void> {
  const { renderSummary } = await import('../render/views/summary.js')
  const { countNegotiation, statsReport } = await import('../revisions/stats.js')
  const count = (severity: string): number =>
    [...workspace.diagnostics, ...(outcome.diagnostics ?? [])].filter((diagnostic) => diagnostic.severity === severity).length
  const negotiation = outcome.negotiation?.()
  const language = negotiation?.config.language ?? workspace.config.language
  const previous = outcome.outcome === 'errors' ? { changes: '' } : await changesSincePrevious(context, language, io)
  // The numbers of the whole text (not a group's), with their changes since the same commit as the change list.
  const whole = negotiation && assemble(workspace.proposals, workspace.config, { chairTexts: workspace.chairTexts })
  const stats = whole && statsReport(countNegotiation(whole, workspace.proposals), workspace.config.symbol, previous.since)
  const { queueLanguages, translationQueue } = await import('../assemble/translation-queue.js')
  const translations = outcome.outcome === 'errors' ? undefined : translationQueue(workspace, queueLanguages(workspace, { unasked: true }))
  const text = renderSummary({
    outcome: outcome.outcome,
    files: outcome.files,
    errors: count('error'),
    warnings: count('warning'),
    negotiation,
    changes: previous.changes,
    stats,
    language,
    translations,
  })
  try {
    await fs.appendFile(path.resolve(io.cwd, file), text)
  } catch (error) {
    io.stderr.write(`consolidate: cannot write the step summary to ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`)
  }
}

/**
 * The changes the run covers as a summary section, or why they cannot be
 * shown: the whole push (from the commit before it) or pull request (from its
 * base), as GitHub's event says; else the last commit (`HEAD~1`). With them,
 * the counts of that older commit, for the statistics' changes.
 */
async function changesSincePrevious(
  context: SummaryContext,
  language: Language,
  io: Io,
): Promise<{ changes: string; since?: { ref: string; symbol?: string; counts: Counts } }> {
  const { loadRevision } = await import('../load/revision.js')
  const { renderDiff } = await import('../render/views/changes.js')
  const { countNegotiation } = await import('../revisions/stats.js')
  const { changesNotShown } = await import('../render/views/summary.js')
  try {
    const revisions = { cwd: io.cwd, root: context.root, configFile: context.configFile, pool: context.pool, cache: context.cache }
    const before = await eventBase(io)
    const old = await (before ? loadRevision(before, revisions).catch(() => loadRevision('HEAD~1', revisions)) : loadRevision('HEAD~1', revisions))
    const next = await loadRevision('HEAD', revisions)
    const errors = [...old.diagnostics, ...next.diagnostics].filter((diagnostic) => diagnostic.severity === 'error').length
    if (errors > 0) return { changes: changesNotShown(language, { errors }) }
    const name = old.name === 'HEAD~1' ? 'HEAD~1' : old.name.slice(0, 12)
    // In the summary's language, whatever HEAD's configuration says.
    const shown = { ...next, config: { ...next.config, language } }
    return {
      changes: renderDiff(compareSnapshots(old, shown), old, shown, { names: { old: name, new: 'HEAD' }, depth: 3 }),
      since: {
        ref: name,
        ...(old.config.symbol === undefined ? {} : { symbol: old.config.symbol }),
        counts: countNegotiation(assemble(old.proposals, old.config, { chairTexts: old.chairTexts }), old.proposals),
      },
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    return { changes: changesNotShown(language, error.message) }
  }
}

/** The commit before the push, or the pull request's base, from GitHub's event (`GITHUB_EVENT_PATH`); undefined elsewhere. */
async function eventBase(io: Io): Promise<string | undefined> {
  const file = io.env.GITHUB_EVENT_PATH
  if (!file) return undefined
  const event = await fs.readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as { before?: string; pull_request?: { base?: { sha?: string } } },
    () => undefined,
  )
  const base = io.env.GITHUB_EVENT_NAME === 'pull_request' ? event?.pull_request?.base?.sha : event?.before
  // A new branch's push has no commit before it: forty zeros.
  return base && /^[0-9a-f]{40}$/.test(base) && !/^0+$/.test(base) ? base : undefined
}

/** The same streams, each of the tool's own lines stamped with the time, so that two rebuilds can be told apart. */
function timed(io: Io): Io {
  const now = new Date()
  const time = [now.getHours(), now.getMinutes(), now.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':')
  return { ...io, stderr: { isTTY: io.stderr.isTTY, write: (text: string) => io.stderr.write(text.replace(/^consolidate: /gm, `${time} consolidate: `)) } }
}

function shown(io: Io, file: string): string {
  return path.relative(io.cwd, file) || file
}
