/**
 * Parse results by content: a file is parsed again only when its bytes, its
 * name, the tool or the limits change. In memory for a watch and for git
 * revisions (blobs are content-addressed already); on disk, in the
 * workspace's `.consolidate-cache/`, between builds. The cache is a
 * convenience: a cache that is missing, corrupt, forged, unwritable or
 * written by two builds at once only costs a parse.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { UsageError } from '../errors.js'
import { isRunning, acquireLock } from '../lock.js'
import type { Limits, ParseResult } from '../types.js'
import { isParseResult } from './cache-entry.js'
import { cacheSecret } from './cache-secret.js'
import { folderSource, readBounded } from './folder.js'
import { resolvePath } from './source.js'

export interface ParseCache {
  get(key: string): ParseResult | undefined
  set(key: string, result: ParseResult): void
  /** Keep what this run parsed for the next (a disk cache writes its file; a memory cache does nothing). */
  save(): Promise<void>
}

/** The folder of the disk cache in a workspace; `init` lists it in `.gitignore`. */
export const CACHE_FOLDER = '.consolidate-cache'

/** What a result depends on besides the file: the tool (`version`), the file's name (its default id) and the limits. */
export function cacheKey(version: string, content: string, name: string, limits: Limits): string {
  return `${version}\0${content}\0${name}\0${limits.fileSize}\0${limits.parseSeconds}`
}

/** The file a key is about (see cacheKey: a file name holds no NUL). */
function fileOf(key: string): string {
  const parts = key.split('\0')
  return parts[parts.length - 3]
}

/** The content part of a key, from the bytes. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64')
}

/** The id git gives a file of these bytes (SHA-1 object format): what a git source stamps it with. */
export function gitBlobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex')
}

/** Whether a result may be kept: running out of time depends on the machine, not on the file. */
export function cacheable(result: ParseResult): boolean {
  return !result.diagnostics.some((diagnostic) => diagnostic.rule === 'too-complex')
}

/** A cache held for the life of the process. */
export class MemoryCache implements ParseCache {
  private readonly entries = new Map<string, ParseResult>()

  get(key: string): ParseResult | undefined {
    return this.entries.get(key)
  }

  set(key: string, result: ParseResult): void {
    this.entries.set(key, result)
  }

  async save(): Promise<void> {}
}

/** The disk cache is read only up to this size, and written no larger: a result costs a few kilobytes. */
export const CACHE_LIMIT = 64 * 1024 * 1024

const CACHE_FILE = 'parse.json'
/** A temporary file of a save, with its process id: `parse.json.PID.RANDOM.tmp` (0.2.0 wrote `parse.json.RANDOM.tmp`). */
const TEMPORARY = /^parse\.json\.(?:(\d+)\.)?[0-9a-f]{12}\.tmp$|^parse\.json\.lock\.(\d+)\.[0-9a-f]{12}\.stale$/

/** A stored result: its JSON, the seal that proves this machine's user wrote it, and the save that last used it. */
interface Sealed {
  seal: string
  json: string
  generation: number
}

/**
 * The cache in `<root>/.consolidate-cache/parse.json`: read once (never past
 * CACHE_LIMIT, never through a link, never from a FIFO), saved once at the
 * end under a lock, through a temporary file and a rename. Entries are named
 * and sealed with the user's key (see cache-secret.ts) and checked as any
 * input when read back (see cache-entry.ts): a foreign, forged or damaged
 * entry is a miss. A save keeps what this run used and what other runs saved
 * since it opened the file; the rest is dropped.
 */
export class DiskCache implements ParseCache {
  private readonly used = new Map<string, Sealed>()
  private readonly results = new Map<string, ParseResult>()
  private changed = false

  private constructor(
    private readonly folder: string,
    private readonly secret: Buffer,
    private readonly stored: { generation: number; entries: Map<string, Sealed> },
  ) {}

  /**
   * The cache of the workspace at `root`. A cache folder that is a link
   * leaving the workspace is a usage error; without a key (`env` tells where
   * it is kept) the cache is kept in memory only.
   */
  static async open(root: string, options: { env?: Record<string, string | undefined> } = {}): Promise<ParseCache> {
    const folder = await cacheFolder(root)
    const secret = await cacheSecret(options.env ?? process.env, root)
    if (secret === undefined) return new MemoryCache()
    return new DiskCache(folder, secret, await readEntries(path.join(folder, CACHE_FILE)))
  }

  get(key: string): ParseResult | undefined {
    const id = this.name(key)
    const known = this.results.get(id)
    if (known !== undefined) return known
    const sealed = this.stored.entries.get(id)
    if (sealed === undefined || sealed.seal !== this.sealOf(id, sealed.json)) return undefined
    let value: unknown
    try {
      value = JSON.parse(sealed.json)
    } catch {
      return undefined
    }
    if (!isParseResult(value, fileOf(key))) return undefined
    this.used.set(id, sealed)
    this.results.set(id, value)
    return value
  }

  set(key: string, result: ParseResult): void {
    const id = this.name(key)
    const json = JSON.stringify(result)
    this.used.set(id, { seal: this.sealOf(id, json), json, generation: 0 })
    this.results.set(id, result)
    this.changed = true
  }

  async save(): Promise<void> {
    if (!this.changed && this.used.size === this.stored.entries.size) return
    const file = path.join(this.folder, CACHE_FILE)
    const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
    try {
      await fs.mkdir(this.folder).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error
      })
      // A build that holds the lock longer than this is saving a large cache: this run's results are only lost time.
      const lock = await acquireLock(`${file}.lock`, 10_000)
      if (!('release' in lock)) return
      try {
        const onDisk = await readEntries(file)
        const generation = onDisk.generation + 1
        const entries = new Map([...this.used].map(([id, sealed]) => [id, { ...sealed, generation }]))
        // Saved by another run since this one opened the file: theirs to keep.
        for (const [id, sealed] of onDisk.entries) if (sealed.generation > this.stored.generation && !entries.has(id)) entries.set(id, sealed)
        await fs.writeFile(temporary, serialise(generation, entries), { flag: 'wx' })
        await fs.rename(temporary, file)
        await removeLeftovers(this.folder)
      } finally {
        await lock.release()
      }
    } catch {
      // An unwritable cache only means the next run parses again.
    } finally {
      await fs.rm(temporary, { force: true }).catch(() => undefined)
    }
  }

  /** An entry's name: the key under the user's secret, so that no other machine or user can make one that matches. */
  private name(key: string): string {
    return createHmac('sha256', this.secret).update('name\0').update(key).digest('base64url')
  }

  private sealOf(id: string, json: string): string {
    return createHmac('sha256', this.secret).update('seal\0').update(id).update('\0').update(json).digest('base64url')
  }
}

/** The cache file's entries (none when it is missing, too large, not a regular file or not a cache). */
async function readEntries(file: string): Promise<{ generation: number; entries: Map<string, Sealed> }> {
  const entries = new Map<string, Sealed>()
  const read = await readBounded(file, CACHE_LIMIT)
  if (!('bytes' in read)) return { generation: 0, entries }
  let data: unknown
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(read.bytes))
  } catch {
    return { generation: 0, entries }
  }
  if (!isRecord(data) || data.format !== 2 || !Number.isSafeInteger(data.generation) || !isRecord(data.entries)) return { generation: 0, entries }
  for (const [id, value] of Object.entries(data.entries)) {
    if (Array.isArray(value) && value.length === 3 && typeof value[0] === 'string' && typeof value[1] === 'string' && Number.isSafeInteger(value[2])) {
      entries.set(id, { seal: value[0], json: value[1], generation: value[2] })
    }
  }
  return { generation: data.generation as number, entries }
}

/** The cache file's text, with as many entries (in the order given) as CACHE_LIMIT allows. */
function serialise(generation: number, entries: Map<string, Sealed>): string {
  const parts: string[] = []
  let size = 64
  for (const [id, sealed] of entries) {
    const part = `${JSON.stringify(id)}:${JSON.stringify([sealed.seal, sealed.json, sealed.generation])}`
    const bytes = Buffer.byteLength(part) + 1
    if (size + bytes > CACHE_LIMIT) break
    size += bytes
    parts.push(part)
  }
  return `{"format":2,"generation":${generation},"entries":{${parts.join(',')}}}`
}

/** Temporary files of saves that were killed, and locks broken halfway. */
async function removeLeftovers(folder: string): Promise<void> {
  const names = await fs.readdir(folder).catch(() => [] as string[])
  for (const name of names) {
    const match = TEMPORARY.exec(name)
    if (!match) continue
    const pid = match[1] ?? match[2]
    // 0.2.0's temporary names carry no process id: old enough, its save is long over.
    const dead =
      pid === undefined
        ? Date.now() - ((await fs.lstat(path.join(folder, name)).catch(() => undefined))?.mtimeMs ?? Date.now()) > 60_000
        : !isRunning(Number(pid))
    if (dead) await fs.rm(path.join(folder, name), { force: true }).catch(() => undefined)
  }
}

/**
 * The cache folder, its links followed inside the workspace; a usage error
 * when it leads outside it or into the inputs: the cache is never written through such a link.
 */
async function cacheFolder(root: string): Promise<string> {
  const resolved = await resolvePath(folderSource(root), CACHE_FOLDER)
  if ('path' in resolved && !/^(proposals|notes|templates|chair)(\/|$)/.test(resolved.path) && resolved.path !== '')
    return path.join(root, ...resolved.path.split('/'))
  if ('missing' in resolved) return path.join(root, CACHE_FOLDER)
  const target = await fs.readlink(path.join(root, CACHE_FOLDER)).catch(() => '?')
  const where = 'outside' in resolved ? 'outside the workspace' : 'loop' in resolved ? 'round in a loop' : "into the workspace's own files"
  throw new UsageError(
    `the parse cache ${CACHE_FOLDER} is a symbolic link that leads ${where} (${target}); the cache is never written through such a link: delete the link (the cache is made again), or run with --no-cache`,
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The tool's version as the cache sees it: the package's version and the
 * parser thread's module (its size and time), so a rebuilt parser never
 * meets results of the old one.
 */
export async function toolVersion(workerModule: URL): Promise<string> {
  const manifest = JSON.parse(await fs.readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  const stat = await fs.stat(workerModule).catch(() => undefined)
  return `${manifest.version}:${stat?.size ?? 0}:${stat?.mtimeMs ?? 0}`
}
