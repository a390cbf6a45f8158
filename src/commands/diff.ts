/** `consolidate diff OLD NEW`: what changed between two revisions of the workspace. */
import { EXIT } from '../errors.js'
import { showIn } from '../model/translations.js'
import { oneLanguage } from './languages.js'
import { printDiagnostics, type Io } from '../io.js'
import type { ThreadPool } from '../threads/pool.js'
import { MemoryCache } from '../read/cache.js'
import { loadRevision } from '../load/revision.js'
import { resolveRoot } from '../read/root.js'
import { renderDiff } from '../render/views/changes.js'
import { compareSnapshots, diffReport, revisionName } from '../revisions/compare.js'
import { withPool, type CommonOptions } from './load.js'

export interface DiffOptions extends CommonOptions {
  format: 'md' | 'json'
  /** `--lang fr`: compare what the documents in that language show (SPEC §17); default: the texts as written, each in its original language. */
  lang?: string
}

export async function diffCommand(from: string, to: string, options: DiffOptions, io: Io, pool?: ThreadPool): Promise<number> {
  const language = options.lang === undefined ? undefined : oneLanguage(options.lang)
  // Two folders need no workspace at the root; a git revision is looked up in the root's repository.
  const root = await resolveRoot(io.cwd, options.root, false)
  const [old, next] = await withPool(pool, async (threads) => {
    // One cache for both: a file unchanged between the revisions is parsed once.
    const context = { cwd: io.cwd, root, configFile: options.config, pool: threads, cache: { store: new MemoryCache(), version: '' } }
    return [await loadRevision(from, context), await loadRevision(to, context)]
  })
  // Only what stops the comparison: warnings are check's business, and the older revision's are history.
  const errors = [old, next].map((revision) => ({ name: revision.name, errors: revision.diagnostics.filter((diagnostic) => diagnostic.severity === 'error') }))
  const failed = errors.filter((revision) => revision.errors.length > 0)
  if (failed.length > 0) {
    // Each error once, under its revision's name (the files carry it: `v5:proposals/x.md`).
    await printDiagnostics(
      failed.flatMap((revision) => revision.errors),
      io,
    )
    const counts = failed.map((revision) => `${revision.errors.length} error${revision.errors.length === 1 ? '' : 's'} in ${revision.name}`)
    io.stderr.write(`consolidate: ${counts.join(' and ')}; fix them to compare the revisions\n`)
    return EXIT.inputs
  }
  // In a language, each revision as its documents in that language showed it: translations that were current, else the originals.
  const [before, after] =
    language === undefined ? [old, next] : [old, next].map((revision) => ({ ...showIn(revision, language), config: { ...revision.config, language } }))
  const differences = compareSnapshots(before, after)
  io.stdout.write(
    options.format === 'json'
      ? `${JSON.stringify(diffReport(differences, { from: revisionName(from, old.config), to: revisionName(to, next.config) }), null, 2)}\n`
      : renderDiff(differences, before, after, { names: { old: from, new: to } }),
  )
  return EXIT.ok
}
