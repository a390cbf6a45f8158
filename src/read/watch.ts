/**
 * `build --watch`: rebuild when proposals, the configuration or templates
 * change. Bursts of changes are debounced into one rebuild, and only files
 * whose content changed are parsed again.
 */
import { createHash } from 'node:crypto'
import { existsSync, promises as fs, watch, type FSWatcher } from 'node:fs'
import path from 'node:path'
import type { Io } from '../io.js'
import { checkParsed, parseFiles, type LoadOptions, type Workspace } from '../pipeline.js'
import type { Config, ParseResult } from '../types.js'
import { listProposalFiles, loadConfig, type ProposalFile } from './workspace.js'
import { UsageError } from '../errors.js'

export interface WatchSettings extends LoadOptions {
  /** Stops the watch; without it, it runs until the process ends. */
  signal?: AbortSignal
  /** Quiet time after the last change before rebuilding, in milliseconds. */
  debounce?: number
}

/** Called with each fresh workspace and the number of proposal files parsed for it. */
export type OnWorkspace = (workspace: Workspace, parsed: number) => Promise<void>

/** Build once, then again after every change, until `signal` aborts. */
export async function watchWorkspace(settings: WatchSettings, io: Io, onWorkspace: OnWorkspace): Promise<void> {
  const { root, signal } = settings
  const debounce = settings.debounce ?? 100
  const configFile = settings.configFile === undefined ? path.join(root, 'consolidate.yaml') : path.resolve(settings.cwd, settings.configFile)
  const cache = new ParseCache()
  const watchers: FSWatcher[] = []
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let again = false

  const schedule = (): void => {
    if (signal?.aborted) return
    clearTimeout(timer)
    timer = setTimeout(start, debounce)
  }
  const start = (): void => {
    timer = undefined
    if (running) {
      again = true
      return
    }
    running = cycle().finally(() => {
      running = undefined
      if (again) (again = false), schedule()
    })
  }

  /** Watch what the build reads; folders are watched afresh each time, as they may have been replaced. */
  const arm = (): void => {
    for (const watcher of watchers.splice(0)) watcher.close()
    const add = (folder: string, recursive: boolean, wanted: (name: string) => boolean): void => {
      try {
        const watcher = watch(folder, { recursive }, (_event, name) => {
          if (name === null || wanted(name.toString())) schedule()
        })
        watcher.on('error', schedule)
        watchers.push(watcher)
      } catch (error) {
        io.stderr.write(`consolidate: cannot watch ${folder}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`)
      }
    }
    const configName = path.relative(root, configFile)
    add(root, false, (name) => name === 'proposals' || name === 'templates' || name === configName)
    for (const folder of ['proposals', 'templates']) {
      if (existsSync(path.join(root, folder))) add(path.join(root, folder), true, () => true)
    }
    if (path.dirname(configFile) !== root && existsSync(path.dirname(configFile))) add(path.dirname(configFile), false, (name) => name === path.basename(configFile))
  }

  const cycle = async (): Promise<void> => {
    arm()
    try {
      const loaded = await loadConfig(root, settings.cwd, settings.configFile)
      const config: Config = { ...loaded.config, ...settings.overrides }
      const files = await listProposalFiles(root)
      const { results, parsed } = await cache.refresh(files, config)
      await onWorkspace({ ...checkParsed(config, loaded.diagnostics, results), files }, parsed)
    } catch (error) {
      // A watch outlives bad moments (a configuration being saved, a folder being moved): report and wait for the next change.
      io.stderr.write(`consolidate: ${error instanceof UsageError ? error.message : String(error)}\n`)
    }
  }

  start()
  await new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve()
    signal?.addEventListener('abort', () => resolve(), { once: true })
  })
  clearTimeout(timer)
  for (const watcher of watchers.splice(0)) watcher.close()
  while (running) await running
}

/** Parse results by file path and content: a rebuild parses only files that are new or changed. */
export class ParseCache {
  private entries = new Map<string, { stamp: string; key: string; result: ParseResult }>()

  /** The results of `files` in order, parsing (with `parseFiles`) only those whose content or limits changed. */
  async refresh(files: ProposalFile[], config: Config): Promise<{ results: ParseResult[]; parsed: number }> {
    const limits = `${config.limits.fileSize}\0${config.limits.parseSeconds}`
    const stamps = new Map<string, string>()
    const keys = new Map<string, string>()
    for (let start = 0; start < files.length; start += 64) {
      await Promise.all(
        files.slice(start, start + 64).map(async (file) => {
          // A file whose size, inode and modification time (in nanoseconds) are unchanged is not read again.
          const stat = await fs.stat(file.path, { bigint: true }).catch(() => undefined)
          const stamp = stat ? `${stat.ino}:${stat.size}:${stat.mtimeNs}:${limits}` : 'missing'
          stamps.set(file.path, stamp)
          const cached = this.entries.get(file.path)
          if (cached && stat && cached.stamp === stamp) return keys.set(file.path, cached.key)
          const bytes = await fs.readFile(file.path).catch(() => undefined)
          const content = bytes ? createHash('sha256').update(bytes).digest('hex') : 'unreadable'
          keys.set(file.path, `${file.name}\0${content}\0${limits}`)
        }),
      )
    }
    const changed = files.filter((file) => this.entries.get(file.path)?.key !== keys.get(file.path))
    const results = changed.length > 0 ? await parseFiles(changed, config) : []
    changed.forEach((file, index) => this.entries.set(file.path, { stamp: stamps.get(file.path)!, key: keys.get(file.path)!, result: results[index] }))
    for (const file of files) this.entries.get(file.path)!.stamp = stamps.get(file.path)!
    for (const file of [...this.entries.keys()]) if (!keys.has(file)) this.entries.delete(file)
    return { results: files.map((file) => this.entries.get(file.path)!.result), parsed: changed.length }
  }
}
