/** What the command line names: the workspace root, an explicit `--config`, and the templates shipped with the tool. */
import { promises as fs, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { UsageError } from '../errors.js'
import { CONFIG_LIMIT } from './workspace.js'
import { folderSource, readBounded } from './folder.js'
import { holdsWorkspace } from './source.js'

/** The folder of the templates shipped with the tool. */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url))

/**
 * The absolute workspace root; a usage error when it is not a readable
 * folder, or (`needsWorkspace`) when it holds neither `proposals/` nor
 * `consolidate.yaml`: a mistyped `--root` must never pass as "no problems".
 */
export async function resolveRoot(cwd: string, root: string | undefined, needsWorkspace = true): Promise<string> {
  const absolute = path.resolve(cwd, root ?? '.')
  let isFolder = false
  try {
    isFolder = statSync(absolute).isDirectory()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UsageError(
      `cannot read the workspace root ${absolute}: ${code === 'ENOENT' ? 'no such folder' : code}; pass --root DIR with a folder that holds proposals/`,
    )
  }
  if (!isFolder) throw new UsageError(`the workspace root ${absolute} is not a folder; pass --root DIR with a folder that holds proposals/`)
  if (needsWorkspace && !(await holdsWorkspace(folderSource(absolute)))) {
    throw new UsageError(
      `${absolute} holds neither proposals/ nor consolidate.yaml, so it is not a workspace; pass --root DIR with the folder that holds them, or create one with consolidate init`,
    )
  }
  return absolute
}

/** `--config FILE` (relative to `cwd`): its bytes, or a usage error saying why it cannot be read. */
export async function readConfigFile(cwd: string, file: string): Promise<{ name: string; bytes: Uint8Array }> {
  const absolute = path.resolve(cwd, file)
  const stat = await fs.stat(absolute).catch((error: NodeJS.ErrnoException) => error)
  if (stat instanceof Error) {
    throw new UsageError(
      `cannot read the configuration ${file}: ${stat.code === 'ENOENT' ? 'there is no such file' : stat.code}; pass --config FILE with a readable file, or leave --config out to use <root>/consolidate.yaml`,
    )
  }
  if (!stat.isFile())
    throw new UsageError(`the configuration ${file} is not a regular file (a folder, a FIFO or a device); pass --config FILE with a YAML file`)
  const read = await readBounded(absolute, CONFIG_LIMIT)
  if ('tooLarge' in read) throw new UsageError(`the configuration ${file} is more than ${CONFIG_LIMIT} bytes; a configuration is held to that size`)
  if ('unreadable' in read) throw new UsageError(`cannot read the configuration ${file}: ${read.unreadable}`)
  return { name: path.basename(absolute), bytes: read.bytes }
}

/** A template shipped with the tool (used when the workspace has none of its own). */
export async function builtinTemplate(name: string): Promise<string> {
  return fs.readFile(path.join(BUILTIN_TEMPLATES, name), 'utf8')
}
