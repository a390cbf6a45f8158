/**
 * The output edge: atomic writes, and `--check`'s comparison with what is on
 * disk. Every target is checked before any is replaced, every new file is
 * written in full beside its target before the first rename, so a build that
 * fails or is killed leaves the previous outputs whole.
 */
import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { UsageError } from './errors.js'

export interface Output {
  /** File name inside the output folder. */
  name: string
  content: string | Uint8Array
}

/** A temporary file of ours: `.NAME.PID.RANDOM.tmp`, so that a later build can tell a dead build's leftovers. */
const TEMPORARY = /^\.(.+)\.(\d+)\.[0-9a-f]{12}\.tmp$/

/** Write the outputs into `folder` (created if needed), all or none. */
export async function writeOutputs(folder: string, outputs: Output[]): Promise<string[]> {
  await makeFolders(folder)
  await removeLeftovers(folder)
  for (const output of outputs) await checkTarget(folder, output.name)
  const staged: Array<{ temporary: string; target: string }> = []
  try {
    for (const output of outputs) {
      const temporary = path.join(folder, `.${output.name}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
      staged.push({ temporary, target: path.join(folder, output.name) })
      await fs.writeFile(temporary, output.content, { flag: 'wx' })
    }
  } catch (error) {
    await Promise.all(staged.map(({ temporary }) => fs.rm(temporary, { force: true })))
    throw error
  }
  for (const { temporary, target } of staged) await fs.rename(temporary, target)
  return staged.map(({ target }) => target)
}

/** A target must be a regular file or nothing: a folder or a device in its place is refused before anything is written. */
async function checkTarget(folder: string, name: string): Promise<void> {
  const target = path.join(folder, name)
  const stat = await fs.lstat(target).catch(() => undefined)
  if (stat && !stat.isFile()) {
    throw new UsageError(`cannot write ${target}: ${stat.isDirectory() ? 'a folder' : stat.isSymbolicLink() ? 'a symbolic link' : 'something that is not a file'} stands in its place; remove it, or choose another --out; nothing was written`)
  }
}

/** Temporary files left by a build that was killed (its process is gone). */
async function removeLeftovers(folder: string): Promise<void> {
  const names = await fs.readdir(folder).catch(() => [] as string[])
  for (const name of names) {
    const match = TEMPORARY.exec(name)
    if (match && !isRunning(Number(match[2]))) await fs.rm(path.join(folder, name), { force: true })
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Create the missing folders of `folder`, one level at a time (a recursive
 * mkdir can loop forever in /proc); returns those it created, outermost first.
 * A part of the path that is not a folder is a usage error.
 */
export async function makeFolders(folder: string): Promise<string[]> {
  const missing: string[] = []
  for (let at = path.resolve(folder); ; at = path.dirname(at)) {
    const stat = await fs.stat(at).catch((error: NodeJS.ErrnoException) => error)
    if (!(stat instanceof Error)) {
      if (!stat.isDirectory()) throw new UsageError(`${at} is a file, not a folder; choose a folder for the outputs`)
      break
    }
    // ENOTDIR: a part of the path is a file; going up finds which, and says so.
    if ((stat.code !== 'ENOENT' && stat.code !== 'ENOTDIR') || path.dirname(at) === at) throw stat
    missing.unshift(at)
  }
  for (const each of missing) await fs.mkdir(each)
  return missing
}

/** The outputs whose file on disk is missing or differs from what would be written. */
export async function staleOutputs(folder: string, outputs: Output[]): Promise<Array<{ name: string; missing: boolean }>> {
  const stale: Array<{ name: string; missing: boolean }> = []
  for (const output of outputs) {
    const expected = typeof output.content === 'string' ? new TextEncoder().encode(output.content) : output.content
    const actual = await fs.readFile(path.join(folder, output.name)).catch(() => undefined)
    if (!actual) stale.push({ name: output.name, missing: true })
    else if (!equalBytes(actual, expected)) stale.push({ name: output.name, missing: false })
  }
  return stale
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false
  for (let index = 0; index < a.byteLength; index++) if (a[index] !== b[index]) return false
  return true
}

/** Outputs never go where inputs live: a build must not write into proposals/, notes/ or templates/. */
export async function refuseInputFolders(root: string, out: string): Promise<void> {
  const realOut = await realPath(out)
  for (const input of ['proposals', 'notes', 'templates']) {
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
export async function refuseInputFiles(out: string, names: string[], inputs: string[]): Promise<void> {
  const real = new Set(await Promise.all(inputs.map(realPath)))
  for (const name of names) {
    if (real.has(await realPath(path.join(out, name)))) {
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
