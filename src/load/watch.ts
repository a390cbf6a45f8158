/**
 * The watcher's view of a folder (`build --watch`): run a cycle once, then
 * again after every change to proposals, the configuration or templates.
 * Bursts of changes are debounced into one cycle; cycles never overlap. What
 * a cycle reads, and what it parses again, is the loader's business.
 */
import { existsSync, watch, type FSWatcher } from 'node:fs'
import path from 'node:path'
import type { Io } from '../io.js'

export interface WatchSettings {
  /** The workspace root (absolute). */
  root: string
  /** The configuration file (absolute). */
  configFile: string
  /** Stops the watch; without it, it runs until the process ends. */
  signal?: AbortSignal
  /** Quiet time after the last change before rebuilding, in milliseconds. */
  debounce?: number
}

/** Run `cycle` once, then after every change, until `signal` aborts. */
export async function watchFolder(settings: WatchSettings, io: Io, cycle: () => Promise<void>): Promise<void> {
  const { root, signal, configFile } = settings
  const debounce = settings.debounce ?? 100
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
    arm()
    running = cycle().finally(() => {
      running = undefined
      if (again) ((again = false), schedule())
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
    add(root, false, (name) => name === 'proposals' || name === 'notes' || name === 'chair' || name === 'templates' || name === configName)
    for (const folder of ['proposals', 'notes', 'chair', 'templates']) {
      if (existsSync(path.join(root, folder))) add(path.join(root, folder), true, () => true)
    }
    if (path.dirname(configFile) !== root && existsSync(path.dirname(configFile)))
      add(path.dirname(configFile), false, (name) => name === path.basename(configFile))
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
