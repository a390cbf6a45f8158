/** The file system edge: the workspace root, its configuration, proposal files and templates. */
import { existsSync, promises as fs, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseConfig, type ConfigResult } from './config.js'
import { DEFAULT_CONFIG } from './types.js'

/** A problem with how the tool was called (exit code 2), not with the inputs. */
export class UsageError extends Error {}

/** The folder of the templates shipped with the tool. */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../templates/', import.meta.url))

/** The absolute workspace root; a usage error when it is not a readable folder. */
export function resolveRoot(cwd: string, root: string | undefined): string {
  const absolute = path.resolve(cwd, root ?? '.')
  let isFolder = false
  try {
    isFolder = statSync(absolute).isDirectory()
  } catch {
    throw new UsageError(`cannot read the workspace root ${absolute}: no such folder; pass --root DIR with a folder that holds proposals/`)
  }
  if (!isFolder) throw new UsageError(`the workspace root ${absolute} is not a folder; pass --root DIR with a folder that holds proposals/`)
  return absolute
}

/**
 * The configuration: `--config FILE` (relative to `cwd`), else `<root>/consolidate.yaml`
 * when it exists, else the defaults. An explicit file that cannot be read is a usage error.
 */
export async function loadConfig(root: string, cwd: string, configFile?: string): Promise<ConfigResult & { file?: string }> {
  const file = configFile === undefined ? path.join(root, 'consolidate.yaml') : path.resolve(cwd, configFile)
  if (configFile === undefined && !existsSync(file)) return { config: structuredClone(DEFAULT_CONFIG), diagnostics: [] }
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read the configuration ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  }
  return { ...parseConfig(relativeName(root, file), text), file }
}

/** A path relative to the root, with `/` separators, as diagnostics and reports name files. */
export function relativeName(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/')
}

export interface ProposalFile {
  /** Relative to the root, `/` separators. */
  name: string
  /** Absolute path. */
  path: string
}

/**
 * Every `*.md` under `<root>/proposals`, recursively, skipping names that
 * start with `.` or `_`; sorted, so the order never depends on the file system.
 */
export async function listProposalFiles(root: string): Promise<ProposalFile[]> {
  const base = path.join(root, 'proposals')
  const files: ProposalFile[] = []
  const walk = async (folder: string): Promise<void> => {
    let entries
    try {
      entries = await fs.readdir(folder, { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue
      const full = path.join(folder, entry.name)
      let isFolder = entry.isDirectory()
      let isFile = entry.isFile()
      if (entry.isSymbolicLink()) {
        const target = await fs.realpath(full).catch(() => undefined)
        if (target === undefined || !isInside(await fs.realpath(root), target)) continue
        const stat = await fs.stat(target)
        isFolder = stat.isDirectory()
        isFile = stat.isFile()
      }
      if (isFolder) await walk(full)
      else if (isFile && /\.md$/i.test(entry.name)) files.push({ name: relativeName(root, full), path: full })
    }
  }
  await walk(base)
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

/** A template: the workspace's own `templates/NAME` when it has one, else the built-in one. */
export async function readTemplate(root: string, name: string): Promise<string | undefined> {
  for (const folder of [path.join(root, 'templates'), BUILTIN_TEMPLATES]) {
    try {
      return await fs.readFile(path.join(folder, name), 'utf8')
    } catch {
      // Not in this folder: try the next.
    }
  }
  return undefined
}
