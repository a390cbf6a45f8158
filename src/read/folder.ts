/** A workspace read from a folder on disk: the file-system side of a Source. */
import { closeSync, constants, fstatSync, openSync, promises as fs, readSync, realpathSync, type BigIntStats, type Stats } from 'node:fs'
import path from 'node:path'
import type { Entry, Read, Source } from './source.js'

export interface FolderOptions {
  /** Prefixes file names in diagnostics (`old/` for a folder given to `diff`). */
  label?: string
  /** Give files a stamp (inode, size, time) so that unchanged ones are not read again: what a watch needs. */
  stamps?: boolean
}

/** The Source of the workspace at `root` (absolute). */
export function folderSource(root: string, options: FolderOptions = {}): Source {
  // Absolute link targets are compared with the root as given and as the system resolves it.
  const roots = [root]
  try {
    roots.push(realpathSync(root))
  } catch {
    // The root itself is checked by the command before reading.
  }
  const full = (relative: string): string => (relative === '' ? root : path.join(root, ...relative.split('/')))

  return {
    label: options.label ?? '',
    async entry(relative) {
      let stat: Stats
      try {
        stat = await fs.lstat(full(relative))
      } catch (error) {
        const code = codeOf(error)
        return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : { type: 'unreadable', code }
      }
      // A folder holding `.git` is another repository (a submodule): git does not give its files either.
      if (stat.isDirectory() && relative !== '' && (await fs.lstat(path.join(full(relative), '.git')).catch(() => undefined))) return { type: 'submodule' }
      return describe(stat, () => fs.readlink(full(relative)))
    },
    async list(relative) {
      return fs.readdir(full(relative))
    },
    read: (relative, limit) => readBounded(full(relative), limit),
    inside(absolute) {
      for (const base of roots) {
        const relative = path.relative(base, path.normalize(absolute))
        if (relative === '') return ''
        if (!relative.startsWith('..') && !path.isAbsolute(relative)) return relative.split(path.sep).join('/')
      }
      return undefined
    },
    stamp: options.stamps
      ? async (relative) => {
          const stat: BigIntStats | undefined = await fs.stat(full(relative), { bigint: true }).catch(() => undefined)
          return stat ? `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}` : undefined
        }
      : undefined,
  }
}

async function describe(stat: Stats, readlink: () => Promise<string>): Promise<Entry> {
  if (stat.isFile()) return { type: 'file', size: stat.size }
  if (stat.isDirectory()) return { type: 'folder' }
  if (stat.isSymbolicLink()) {
    try {
      return { type: 'link', target: await readlink() }
    } catch (error) {
      return { type: 'unreadable', code: codeOf(error) }
    }
  }
  return { type: 'special' }
}

/**
 * A regular file's bytes, at most `limit` of them. The file is opened without
 * blocking (a FIFO put in its place cannot hang the run) and without following
 * a link (the path was resolved before), then read up to `limit + 1` bytes:
 * a file that claims a small size and never ends (`/proc`, `/dev/zero`) is still bounded.
 * The calls are synchronous: for the small files of a workspace they cost a
 * fraction of a trip through the thread pool, and the caller yields between batches.
 */
export async function readBounded(file: string, limit: number): Promise<Read> {
  let descriptor: number
  try {
    descriptor = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW)
  } catch (error) {
    return { unreadable: codeOf(error) }
  }
  try {
    const stat = fstatSync(descriptor)
    if (!stat.isFile()) return { unreadable: 'not a regular file' }
    if (stat.size > limit) return { tooLarge: stat.size }
    // The size said is a first guess: /proc files say 0, a growing file says less than it will give.
    let buffer = new Uint8Array(Math.min(limit + 1, Math.max(stat.size + 1, 4096)))
    let length = 0
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) break
        const larger = new Uint8Array(Math.min(limit + 1, buffer.length * 2))
        larger.set(buffer)
        buffer = larger
      }
      const read = readSync(descriptor, buffer, length, buffer.length - length, null)
      if (read === 0) break
      length += read
    }
    if (length > limit) return { tooLarge: Math.max(length, stat.size) }
    return { bytes: buffer.subarray(0, length) }
  } catch (error) {
    return { unreadable: codeOf(error) }
  } finally {
    closeSync(descriptor)
  }
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error)
}
