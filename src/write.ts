/**
 * The output edge: writing a build's files, and `--check`'s comparison with
 * what is on disk. Builds writing into one folder take turns (a lock beside it).
 * A build writes its whole set, with the files of the folder it does not
 * write, into a fresh folder beside the output folder, then swaps the two:
 * a build that fails or is killed leaves either the previous set or the new
 * one, never a mix. Where the folder cannot be swapped (a link, a mount point,
 * subfolders in it, no right to write beside it) each file is written in full
 * beside its target before the first is renamed into place (docs/hardening.md).
 */
import type { Output } from './render/outputs.js'
import { randomBytes } from 'node:crypto'
import { promises as fs, type Dirent } from 'node:fs'
import path from 'node:path'
import { UsageError } from './errors.js'
import { acquireLock, isRunning } from './lock.js'
import { folderSource, readBounded } from './read/folder.js'
import { resolvePath } from './read/source.js'

export type { Output } from './render/outputs.js'

/** The lock file of an output folder, inside it, when none can be written beside it. */
export const OUTPUT_LOCK = '.consolidate-lock'

/** A temporary file of ours: `.NAME.PID.RANDOM.tmp`, so that a later build can tell a dead build's leftovers. */
const TEMPORARY = /^\.(.+)\.(\d+)\.[0-9a-f]{12}\.tmp$/

/** How long a build waits for another writing into the same folder. */
const LOCK_WAIT_MS = 120_000

/** A folder of more entries than this is not copied for a swap. */
const SWAP_MAX_ENTRIES = 10_000

/** Write the outputs into `folder` (created if needed), all or none, while holding the folder's lock. */
export async function writeOutputs(folder: string, outputs: Output[]): Promise<string[]> {
  await withOutputLock(folder, () => replaceOutputs(folder, outputs))
  return outputs.map((output) => path.join(folder, output.name))
}

/**
 * Run `task` (a read-modify-write of the folder: its manifest, its files)
 * while no other build writes into `folder`; the folder is created if needed,
 * and a swap a killed build left halfway is completed first. The lock lies
 * beside the folder (`.out.consolidate-lock`), which a swap replaces; inside
 * it when nothing may be written beside it (then it is never swapped either).
 */
export async function withOutputLock<T>(folder: string, task: () => Promise<T>): Promise<T> {
  await makeFolders(path.dirname(folder))
  let lockFile = path.join(path.dirname(folder), `.${path.basename(folder)}.consolidate-lock`)
  let lock: Awaited<ReturnType<typeof acquireLock>>
  try {
    lock = await acquireLock(lockFile, LOCK_WAIT_MS)
  } catch {
    // Nothing may be written beside it (a read-only parent, /proc): the folder's own refusal, if any, is the one to report.
    await makeFolders(folder)
    lockFile = path.join(folder, OUTPUT_LOCK)
    lock = await acquireLock(lockFile, LOCK_WAIT_MS)
  }
  if ('busy' in lock) {
    throw new UsageError(
      `another build (${lock.busy}) has been writing into ${folder} for ${LOCK_WAIT_MS / 1000} s; wait for it to finish, or, if no build is running, delete ${lockFile}`,
    )
  }
  if ('blocked' in lock) throw new UsageError(`cannot lock ${folder} for writing: ${lockFile} is ${lock.blocked}; delete it`)
  try {
    await recoverSwap(folder)
    await makeFolders(folder)
    return await task()
  } finally {
    await lock.release()
  }
}

/** Replace the outputs in `folder`, all at once when the folder can be swapped, else file by file. */
export async function replaceOutputs(folder: string, outputs: Output[]): Promise<'swapped' | 'renamed'> {
  await removeLeftovers(folder)
  for (const output of outputs) await checkTarget(folder, output.name, 'write')
  if (await swapOutputs(folder, outputs)) return 'swapped'
  await renameOutputs(folder, outputs)
  return 'renamed'
}

/** Each file written in full beside its target, then all renamed into place: a kill between two renames mixes old and new. */
async function renameOutputs(folder: string, outputs: Output[]): Promise<void> {
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
}

/**
 * The new set in a fresh folder beside `folder` (the files this build does not
 * write hard-linked from it), then two renames: `folder` aside, the new one in
 * its place. False, with nothing changed, when the folder cannot be swapped.
 */
async function swapOutputs(folder: string, outputs: Output[]): Promise<boolean> {
  const entries = await swappableEntries(folder)
  if (entries === undefined) return false
  const { fresh, old } = stagingNames(folder)
  try {
    await fs.mkdir(fresh)
  } catch {
    return false
  }
  try {
    const writing = new Set(outputs.map((output) => output.name))
    for (const entry of entries) {
      if (writing.has(entry.name) || entry.name === OUTPUT_LOCK || TEMPORARY.test(entry.name)) continue
      const from = path.join(folder, entry.name)
      if (entry.isFile()) await fs.link(from, path.join(fresh, entry.name))
      else await fs.symlink(await fs.readlink(from), path.join(fresh, entry.name))
    }
    for (const output of outputs) await fs.writeFile(path.join(fresh, output.name), output.content, { flag: 'wx' })
    await fs.chmod(fresh, (await fs.stat(folder)).mode & 0o7777)
  } catch {
    // Hard links refused (some network and FAT file systems), a file gone meanwhile: renamed file by file instead.
    await removeStaging(fresh)
    return false
  }
  try {
    await fs.rename(folder, old)
  } catch {
    await removeStaging(fresh)
    return false
  }
  try {
    await fs.rename(fresh, folder)
  } catch (error) {
    await fs.rename(old, folder).catch(() => {
      throw new UsageError(
        `cannot put the outputs back in place: the previous ones are in ${old}, the new ones in ${fresh}; rename one of them to ${folder} (${(error as NodeJS.ErrnoException).code})`,
      )
    })
    await removeStaging(fresh)
    return false
  }
  await removeStaging(old)
  return true
}

/**
 * The entries of `folder` when it can be swapped: a real folder (not a link,
 * not a mount point, not the current folder) holding only files and links.
 */
async function swappableEntries(folder: string): Promise<Dirent[] | undefined> {
  const [stat, parent] = await Promise.all([fs.lstat(folder).catch(() => undefined), fs.stat(path.dirname(folder)).catch(() => undefined)])
  if (!stat?.isDirectory() || parent === undefined || stat.dev !== parent.dev) return undefined
  // The current folder must not vanish from under the shell that runs the build.
  const cwd = await fs.realpath(process.cwd()).catch(() => process.cwd())
  const real = await fs.realpath(folder).catch(() => folder)
  if (cwd === real || cwd.startsWith(`${real}${path.sep}`)) return undefined
  const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => undefined)
  if (entries === undefined || entries.length > SWAP_MAX_ENTRIES) return undefined
  return entries.every((entry) => entry.isFile() || entry.isSymbolicLink()) ? entries : undefined
}

/** `.out.PID.RANDOM.new` and `.out.PID.RANDOM.old`, beside `out`. */
function stagingNames(folder: string): { fresh: string; old: string } {
  const stem = path.join(path.dirname(folder), `.${path.basename(folder)}.${process.pid}.${randomBytes(6).toString('hex')}`)
  return { fresh: `${stem}.new`, old: `${stem}.old` }
}

/**
 * What builds leave beside `folder`: `[name, pid, random, kind]`, the kind
 * `new` or `old` for staging folders, `stale` for a lock a killed build was breaking.
 */
function stagingPattern(folder: string): RegExp {
  const base = path.basename(folder).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`^\\.${base}\\.(?:(\\d+)\\.([0-9a-f]{12})\\.(new|old)|consolidate-lock\\.(\\d+)\\.([0-9a-f]{12})\\.(stale))$`)
}

/**
 * A staging folder's files and links, then the folder; never anything else:
 * a folder of that name holding a folder is not one of ours, and is left alone.
 */
async function removeStaging(folder: string): Promise<void> {
  const stat = await fs.lstat(folder).catch(() => undefined)
  if (!stat?.isDirectory()) return
  const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => [])
  if (entries.some((entry) => entry.isDirectory())) return
  for (const entry of entries) await fs.rm(path.join(folder, entry.name), { force: true }).catch(() => undefined)
  await fs.rmdir(folder).catch(() => undefined)
}

/**
 * What builds killed during a swap left beside `folder` (run under the lock,
 * so no live build is swapping): when the folder is missing (killed between
 * the two renames), the new set is put in its place (it was whole before the
 * first rename); the rest of their staging, and the locks they were
 * breaking, are removed.
 */
async function recoverSwap(folder: string): Promise<void> {
  const parent = path.dirname(folder)
  const pattern = stagingPattern(folder)
  const names = await fs.readdir(parent).catch(() => [] as string[])
  const leftovers = names.flatMap((name) => {
    const match = pattern.exec(name)
    const [pid, kind] = match ? [match[1] ?? match[4], match[3] ?? match[6]] : []
    return pid !== undefined && !isRunning(Number(pid)) ? [{ name, stem: name.slice(0, -4), kind }] : []
  })
  if (leftovers.length === 0) return
  const missing = await fs.lstat(folder).then(
    () => false,
    (error: NodeJS.ErrnoException) => error.code === 'ENOENT',
  )
  if (missing) {
    const cut = leftovers.find((each) => each.kind === 'new' && names.includes(`${each.stem}.old`)) ?? leftovers.find((each) => each.kind === 'old')
    if (cut) await fs.rename(path.join(parent, cut.name), folder).catch(() => undefined)
  }
  for (const each of leftovers) {
    if (each.kind === 'stale') await fs.rm(path.join(parent, each.name), { force: true }).catch(() => undefined)
    else await removeStaging(path.join(parent, each.name))
  }
}

/**
 * A target must be a regular file or nothing: a link (never followed), a
 * folder or a device in its place is refused before anything is written (`write`) or compared (`check`).
 */
async function checkTarget(folder: string, name: string, doing: 'write' | 'check'): Promise<void> {
  const target = path.join(folder, name)
  const stat = await fs.lstat(target).catch(() => undefined)
  if (stat && !stat.isFile()) {
    const what = stat.isDirectory() ? 'a folder' : stat.isSymbolicLink() ? 'a symbolic link' : 'something that is not a file'
    throw new UsageError(
      `cannot ${doing} ${target}: ${what} stands in its place; remove it, or choose another --out; ${doing === 'write' ? 'nothing was written' : 'outputs are compared only as regular files'}`,
    )
  }
}

/**
 * Remove outputs an earlier publication set issued and this one does not:
 * only regular files directly in `folder` whose names are outputs' names,
 * never a link, a folder or anything else.
 */
export async function removeOutputs(folder: string, names: string[]): Promise<void> {
  for (const name of names) {
    if (name.includes('/') || name.includes('\\') || !/^(?:consolidated|clean|stocktaking)(?:[-.][^/\\]*)?\.(?:md|html|docx)$/.test(name)) continue
    const target = path.join(folder, name)
    const stat = await fs.lstat(target).catch(() => undefined)
    if (stat?.isFile()) await fs.rm(target, { force: true })
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
  const created: string[] = []
  for (const each of missing) {
    try {
      await fs.mkdir(each)
      created.push(each)
    } catch (error) {
      // Another build made it meanwhile.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !(await fs.stat(each)).isDirectory()) throw error
    }
  }
  return created
}

/**
 * The outputs whose file on disk is missing or differs from what would be
 * written. Each is read without following a link or waiting on a FIFO, and
 * never past the size expected: a link, a folder or a device in a target's
 * place is refused as a build would refuse it.
 */
export async function staleOutputs(folder: string, outputs: Output[]): Promise<Array<{ name: string; missing: boolean }>> {
  const stale: Array<{ name: string; missing: boolean }> = []
  for (const output of outputs) {
    await checkTarget(folder, output.name, 'check')
    const expected = typeof output.content === 'string' ? new TextEncoder().encode(output.content) : output.content
    const read = await readBounded(path.join(folder, output.name), expected.byteLength)
    if ('unreadable' in read) {
      if (read.unreadable !== 'ENOENT' && read.unreadable !== 'ENOTDIR')
        throw new UsageError(`cannot read ${path.join(folder, output.name)} to compare it (${read.unreadable}); make it readable`)
      stale.push({ name: output.name, missing: true })
    } else if ('tooLarge' in read || !equalBytes(read.bytes, expected)) {
      stale.push({ name: output.name, missing: false })
    }
  }
  return stale
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false
  for (let index = 0; index < a.byteLength; index++) if (a[index] !== b[index]) return false
  return true
}

/**
 * The output folder must lead where it says: inside the workspace, no link
 * on its way may lead out of it (a committed `out -> ../elsewhere` would make
 * a build write there), and it may not be an input folder (proposals/, notes/,
 * templates/) or a file. A folder named outside the workspace is the user's to choose.
 */
export async function checkOutFolder(root: string, out: string): Promise<void> {
  const relative = path.relative(root, out)
  if (!isAbove(relative)) {
    const inside = relative.split(path.sep).join('/')
    const resolved = await resolvePath(folderSource(root), inside)
    if ('outside' in resolved || 'loop' in resolved) {
      const link = await firstLink(root, inside)
      throw new UsageError(
        `the output folder ${inside || '.'} leads through the symbolic link ${link.name} (to ${link.target}) ${'loop' in resolved ? 'round in a loop' : 'outside the workspace'}; outputs are never written through such a link: delete the link, or pass --out with the folder it leads to`,
      )
    }
  }
  const realOut = await realPath(out)
  for (const input of ['proposals', 'notes', 'templates']) {
    const folder = await realPath(path.join(root, input))
    const below = path.relative(folder, realOut)
    if (!isAbove(below)) {
      throw new UsageError(`--out ${out} is inside the workspace's ${input}/ folder, where inputs live; choose another folder, e.g. --out out`)
    }
  }
  const stat = await fs.stat(out).catch(() => undefined)
  if (stat && !stat.isDirectory())
    throw new UsageError(`--out ${out} is a file, not a folder; --out names the folder the outputs are written to, e.g. --out out`)
}

/** Whether a relative path leaves its base (`..`, `../x`) or is absolute (another drive). */
function isAbove(relative: string): boolean {
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)
}

/** The first symbolic link on `relative`'s way from `root`, for a message. */
async function firstLink(root: string, relative: string): Promise<{ name: string; target: string }> {
  const parts = relative.split('/')
  for (let count = 1; count <= parts.length; count++) {
    const name = parts.slice(0, count).join('/')
    const target = await fs.readlink(path.join(root, name)).catch(() => undefined)
    if (target !== undefined) return { name, target }
  }
  return { name: relative, target: '?' }
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
