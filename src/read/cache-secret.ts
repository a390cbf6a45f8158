/**
 * The key of the disk cache: 32 random bytes kept in the user's own cache
 * folder (`$XDG_CACHE_HOME/consolidate/key`, else `~/.cache/consolidate/key`;
 * `%LOCALAPPDATA%\consolidate\key` on Windows), made on first use. Every
 * entry of a workspace's cache is named and sealed with it, so a cache made
 * on another machine, by another user or by hand never matches. Without a key
 * that can be trusted (no home folder, a read-only one, a key file that others
 * could write or that lies inside the workspace), the cache is kept in memory only.
 */
import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { readBounded } from './folder.js'

const KEY = /^[0-9a-f]{64}\n?$/

/** The folder the key is kept in, from the environment; undefined when there is none. */
export function secretFolder(env: Record<string, string | undefined>): string | undefined {
  if (process.platform === 'win32') return env.LOCALAPPDATA ? path.join(env.LOCALAPPDATA, 'consolidate') : undefined
  // XDG: a relative path is to be ignored.
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, 'consolidate')
  const home = env.HOME || os.homedir()
  return home && path.isAbsolute(home) ? path.join(home, '.cache', 'consolidate') : undefined
}

/** The cache key for a workspace at `root`, made if there is none; undefined when none can be trusted. */
export async function cacheSecret(env: Record<string, string | undefined>, root: string): Promise<Buffer | undefined> {
  const folder = secretFolder(env)
  if (folder === undefined || (await isInside(folder, root))) return undefined
  const file = path.join(folder, 'key')
  return (await readKey(file)) ?? (await makeKey(folder, file))
}

async function readKey(file: string): Promise<Buffer | undefined> {
  const stat = await fs.lstat(file).catch(() => undefined)
  if (!stat?.isFile()) return undefined
  // Another user's key, or one others may rewrite, seals nothing.
  if (process.getuid !== undefined && (stat.uid !== process.getuid() || (stat.mode & 0o022) !== 0)) return undefined
  const read = await readBounded(file, 128)
  if (!('bytes' in read)) return undefined
  const text = new TextDecoder().decode(read.bytes)
  return KEY.test(text) ? Buffer.from(text.slice(0, 64), 'hex') : undefined
}

/** Write a new key whole beside its place, then link it there: two first runs at once agree on one key. */
async function makeKey(folder: string, file: string): Promise<Buffer | undefined> {
  const temporary = path.join(folder, `.key.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await fs.mkdir(folder, { recursive: true, mode: 0o700 })
    await fs.writeFile(temporary, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 })
    await fs.link(temporary, file).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error
    })
  } catch {
    return undefined
  } finally {
    await fs.rm(temporary, { force: true }).catch(() => undefined)
  }
  return readKey(file)
}

/** Whether `folder` is, or would be, inside `root` once links are followed: a key there could be committed. */
async function isInside(folder: string, root: string): Promise<boolean> {
  const real = async (at: string): Promise<string> => {
    const rest: string[] = []
    for (let current = path.resolve(at); ; current = path.dirname(current)) {
      const resolved = await fs.realpath(current).catch(() => undefined)
      if (resolved !== undefined) return path.join(resolved, ...rest)
      if (path.dirname(current) === current) return path.resolve(at)
      rest.unshift(path.basename(current))
    }
  }
  const relative = path.relative(await real(root), await real(folder))
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
}
