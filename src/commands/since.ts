/**
 * The older revision a redline or `stats --since` compares with: read once,
 * through the cache the workspace was read with. And `same-symbol`: a
 * configuration whose symbol is the one of the revision `previous:` names.
 */
import { statSync } from 'node:fs'
import path from 'node:path'
import { hasErrors } from '../diagnostics/format.js'
import { printDiagnostics, progress, type Io } from '../io.js'
import type { LoadOptions } from '../load/pipeline.js'
import type { ThreadPool } from '../threads/pool.js'
import { loadRevision, type Revision } from '../load/revision.js'
import { parseConfig } from '../parse/config.js'
import { decode } from '../read/decode.js'
import { folderSource } from '../read/folder.js'
import { gitSource, repositoryOf, repositoryPath, resolveCommit } from '../read/git.js'
import type { Source } from '../read/source.js'
import { CONFIG_LIMIT, readNamed } from '../read/workspace.js'
import { RULES, type Config, type Diagnostic } from '../types.js'

export interface SinceContext {
  cwd: string
  /** The workspace root (absolute). */
  root: string
  configFile?: string
  pool: ThreadPool
  cache: NonNullable<LoadOptions['cache']>
  /** For a progress line on a terminal while a revision is read. */
  io?: Io
}

/** Where the revision was named: on the command line (relative to the current folder) or by `previous:` (relative to the workspace). */
export type SinceOrigin = 'flag' | 'config'

/** Loads older revisions by name, each once. */
export class Revisions {
  private readonly loaded = new Map<string, Promise<Revision>>()

  constructor(private readonly context: SinceContext) {}

  load(name: string, origin: SinceOrigin): Promise<Revision> {
    const key = `${origin}\0${name}`
    let revision = this.loaded.get(key)
    if (!revision) {
      const { io, ...context } = this.context
      const cwd = origin === 'config' ? context.root : context.cwd
      const shown = io ? progress(io, `consolidate: reading ${name}`) : undefined
      revision = loadRevision(name, { ...context, cwd, confined: origin === 'config', onProgress: shown?.update }).finally(() => shown?.end())
      this.loaded.set(key, revision)
    }
    return revision
  }
}

/**
 * Whether an older revision can be compared with: when it has errors, print
 * them, say so and return false. (Its warnings are history: not printed.)
 */
export async function sinceUsable(revision: Revision, io: Io): Promise<boolean> {
  if (!hasErrors(revision.diagnostics)) return true
  const errors = revision.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
  await printDiagnostics(errors, io)
  io.stderr.write(
    `consolidate: ${errors.length} error${errors.length === 1 ? '' : 's'} in ${revision.name}, the revision to compare with; fix them there or compare with another revision\n`,
  )
  return false
}

/**
 * `same-symbol` (a warning): the configuration gives the symbol of the
 * revision `previous:` names, so a new revision would go out under the
 * symbol of the one it replaces ("Rev.5 … Supersedes Rev.5"). Pure.
 */
export function sameSymbol(config: Config, previousSymbol: string | undefined): Diagnostic[] {
  if (config.symbol === undefined || previousSymbol === undefined || config.symbol !== previousSymbol) return []
  const place = config.written?.symbol ?? { line: 1, column: 1 }
  return [
    {
      file: config.written?.file ?? 'consolidate.yaml',
      ...place,
      severity: RULES['same-symbol'],
      rule: 'same-symbol',
      message: `\`symbol\` is ${config.symbol}, the symbol of ${config.previous}, the revision \`previous:\` names: the text would say it supersedes itself; run \`consolidate revise\` to give it the next symbol (and its date), or correct \`symbol\` or \`previous\``,
    },
  ]
}

/**
 * The `same-symbol` check of a workspace at `root` (absolute): reads only the
 * configuration of the revision `previous:` names (a folder relative to the
 * workspace, or a git revision of its repository). Nothing when there is no
 * `previous:` or it cannot be read: the redline that uses it says why.
 */
export async function checkSameSymbol(root: string, config: Config, configFile?: string): Promise<Diagnostic[]> {
  if (config.previous === undefined || config.symbol === undefined) return []
  const name = configName(root, configFile)
  if (name === undefined) return []
  return sameSymbol(config, await symbolOf(root, config.previous, name).catch(() => undefined))
}

/** The configuration's path in the workspace; undefined for one outside it (then every revision has the same). */
function configName(root: string, configFile?: string): string | undefined {
  if (configFile === undefined) return 'consolidate.yaml'
  const relative = path.relative(root, path.resolve(root, configFile))
  return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : relative.split(path.sep).join('/')
}

/** The `symbol` of the configuration `name` in the revision `revision` (a folder relative to `root`, or a git revision). */
async function symbolOf(root: string, revision: string, name: string): Promise<string | undefined> {
  const folder = path.resolve(root, revision)
  if (isFolder(folder)) return symbolIn(folderSource(folder), name)
  const repository = await repositoryOf(root)
  if (!repository) return undefined
  try {
    const commit = await resolveCommit(repository, revision)
    if (commit === undefined) return undefined
    const inRepository = repositoryPath(repository, path.join(root, name))
    const prefix = repository.prefix
    if (inRepository === undefined || !inRepository.startsWith(prefix)) return undefined
    return await symbolIn(await gitSource(repository, commit, `${revision}:${prefix}`), inRepository.slice(prefix.length))
  } finally {
    repository.blobs.close()
  }
}

async function symbolIn(source: Source, name: string): Promise<string | undefined> {
  const read = await readNamed(source, name, CONFIG_LIMIT)
  if (!('bytes' in read)) return undefined
  const decoded = decode(read.bytes, 'the configuration')
  return 'text' in decoded ? parseConfig(name, decoded.text).config.symbol : undefined
}

function isFolder(folder: string): boolean {
  try {
    return statSync(folder).isDirectory()
  } catch {
    return false
  }
}
