/** The file system edge: the workspace root, its configuration, proposal files and templates. */
import { existsSync, promises as fs, statSync, type Dirent } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseConfig, type ConfigResult } from '../parse/config.js'
import { UsageError } from '../errors.js'
import { decode } from './decode.js'
import { DEFAULT_CONFIG, RULES, type Diagnostic } from '../types.js'


/** The folder of the templates shipped with the tool. */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url))

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
  let bytes: Uint8Array
  try {
    bytes = await fs.readFile(file)
  } catch (error) {
    throw new UsageError(`cannot read the configuration ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}; pass --config FILE with a readable file`)
  }
  const name = relativeName(root, file)
  const decoded = decode(bytes, 'the configuration')
  if ('problem' in decoded) {
    const { line, column } = decoded.place
    return { config: structuredClone(DEFAULT_CONFIG), diagnostics: [{ file: name, line, column, severity: 'error', rule: 'invalid-config', message: decoded.problem }], file }
  }
  return { ...parseConfig(name, decoded.text), file }
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

export interface ProposalScan {
  files: ProposalFile[]
  /** Entries that may hold proposals but are not read (`unreadable-file`): none is dropped silently. */
  diagnostics: Diagnostic[]
}

/**
 * Every `*.md` under `<root>/proposals`, recursively, skipping names that
 * start with `.` or `_`; sorted, so the order never depends on the file system.
 */
export async function listProposalFiles(root: string): Promise<ProposalFile[]> {
  return (await scanProposalFiles(root)).files
}

/**
 * Like `listProposalFiles`, and also what it will not read: symbolic links
 * that leave the workspace (never followed: a link must not publish a file
 * from elsewhere on the machine), links that lead nowhere or back to a folder
 * already read, and entries that are not regular files (reading a FIFO blocks).
 */
export async function scanProposalFiles(root: string): Promise<ProposalScan> {
  const files: ProposalFile[] = []
  const diagnostics: Diagnostic[] = []
  const realRoot = await fs.realpath(root)
  const report = (full: string, message: string): void => {
    diagnostics.push({ file: relativeName(root, full), line: 1, column: 1, severity: RULES['unreadable-file'], rule: 'unreadable-file', message })
  }
  const read = new Set<string>()
  let realProposals: string | undefined

  /** `type`: what the folder listing says the entry is, which spares a `stat` for plain files and folders. */
  const visitEntry = async (full: string, name: string, type?: Dirent): Promise<void> => {
    let stat: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean } | undefined =
      type && (type.isFile() || type.isDirectory()) ? type : await fs.lstat(full).catch(() => undefined)
    if (!stat) return
    let real = full
    if (stat.isSymbolicLink()) {
      const written = await fs.readlink(full).catch(() => '?')
      const target = await fs.realpath(full).catch((error: NodeJS.ErrnoException) => error)
      const mayHold = /\.md$/i.test(name) || !path.extname(name)
      if (target instanceof Error) {
        if (mayHold) report(full, `this symbolic link leads nowhere (${written}: ${target.code ?? 'unreadable'}); restore what it points to, or remove the link`)
        return
      }
      stat = await fs.stat(target).catch(() => undefined)
      if (!stat) return
      if (stat.isDirectory() && realProposals !== undefined && (target === realProposals || isInside(target, realProposals))) {
        report(full, `this symbolic link leads back to a folder that holds proposals/ (${written}); links that loop are not followed: remove the link`)
        return
      }
      if (!isInside(realRoot, target)) {
        if (stat.isDirectory() || /\.md$/i.test(name)) {
          report(full, `this symbolic link leads outside the workspace (${written}); links that leave the workspace are not followed, so ${stat.isDirectory() ? 'none of the proposals in it is read' : 'this proposal is not read'}: copy the file${stat.isDirectory() ? 's' : ''} into proposals/ instead`)
        }
        return
      }
      real = target
    }
    if (stat.isDirectory()) {
      await walk(full, real)
    } else if (/\.md$/i.test(name)) {
      if (stat.isFile()) files.push({ name: relativeName(root, full), path: real })
      else report(full, 'this is not a regular file (it is a FIFO, a socket or a device); a proposal must be a Markdown text file saved as UTF-8')
    }
  }

  const walk = async (folder: string, real: string): Promise<void> => {
    const resolved = await fs.realpath(real).catch(() => real)
    if (read.has(resolved)) {
      report(folder, `this symbolic link leads to a folder already read (${relativeName(root, resolved)}); links that loop are not followed: remove the link`)
      return
    }
    read.add(resolved)
    let entries: Dirent[]
    try {
      entries = await fs.readdir(folder, { withFileTypes: true })
    } catch (error) {
      report(folder, `cannot read this folder (${(error as NodeJS.ErrnoException).code ?? String(error)}); the proposals in it cannot be checked: make it readable`)
      return
    }
    // In name order: which of two links to one folder counts as the loop must not depend on the file system.
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue
      await visitEntry(path.join(folder, entry.name), entry.name, entry)
    }
  }

  const base = path.join(root, 'proposals')
  const stat = await fs.lstat(base).catch(() => undefined)
  if (stat?.isDirectory()) realProposals = await fs.realpath(base)
  if (stat?.isSymbolicLink() || stat?.isDirectory()) await visitEntry(base, 'proposals')
  else if (stat) report(base, 'proposals is not a folder; it must be the folder that holds the proposal files, e.g. proposals/a14-jpn-einvoicing.md')
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return { files, diagnostics }
}

/** Whether `file` is strictly inside `folder` (both real paths). */
function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file)
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative)
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
