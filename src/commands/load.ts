/** What every command that reads the workspace does first: the root, `--config`, the cache, the loader. */
import path from 'node:path'
import { progress, type Io } from '../io.js'
import { loadWorkspace, type LoadOptions, type Workspace } from '../load/pipeline.js'
import { DiskCache, MemoryCache, toolVersion } from '../read/cache.js'
import { folderSource } from '../read/folder.js'
import { readConfigFile, resolveRoot } from '../read/root.js'
import { ThreadPool, workerModule } from '../threads/pool.js'
import { checkSameSymbol } from './since.js'
import { staleSince } from '../load/stale-since.js'

export interface CommonOptions {
  root?: string
  config?: string
  /** `--no-cache` sets it to false. */
  cache?: boolean
}

/** The threads a command parses on: the CLI's, or its own, closed when it is done. */
export async function withPool<T>(pool: ThreadPool | undefined, task: (pool: ThreadPool) => Promise<T>): Promise<T> {
  if (pool) return task(pool)
  const own = new ThreadPool()
  try {
    return await task(own)
  } finally {
    await own.close()
  }
}

/**
 * The workspace at `--root`, read through the disk cache unless `--no-cache`
 * (or in CI, where a clean clone has none to reuse and a cache must never be
 * trusted). `cache` is what was used, memory at least: another revision read
 * through it (`--since`) parses only the files that differ.
 */
export async function loadRoot(
  options: CommonOptions,
  io: Io,
  pool: ThreadPool,
  overrides?: LoadOptions['overrides'],
): Promise<{ root: string; workspace: Workspace; cache: NonNullable<LoadOptions['cache']> }> {
  const root = await resolveRoot(io.cwd, options.root)
  const config = options.config === undefined ? undefined : await readConfigFile(io.cwd, options.config)
  const store = options.cache === false || io.env.CI ? undefined : await DiskCache.open(root, { env: io.env })
  const cache = { store: store ?? new MemoryCache(), version: await toolVersion(workerModule()) }
  const shown = progress(io, 'consolidate: reading proposals')
  // A cache in memory only also keys results by git blob id: a `--since` revision then reads nothing it shares with the workspace.
  const workspace = await loadWorkspace(folderSource(root), { pool, cache, config, overrides, onProgress: shown.update, blobIds: store === undefined })
  shown.end()
  await store?.save()
  // The configuration against the revision it says it replaces: one file of it is read.
  workspace.diagnostics.push(
    ...(await checkSameSymbol(root, workspace.config, options.config === undefined ? undefined : path.resolve(io.cwd, options.config))),
  )
  // A stale translation says which revision its original last matched: only that file's versions are read.
  workspace.diagnostics = await staleSince(root, workspace, pool)
  return { root, workspace, cache }
}
