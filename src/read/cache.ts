/**
 * Parse results by content: a file is parsed again only when its bytes, its
 * name, the tool or the limits change. In memory for a watch and for git
 * revisions (blobs are content-addressed already); on disk, in the
 * workspace's `.consolidate-cache/`, between builds. The cache is a
 * convenience: a cache that is missing, corrupt, unwritable or written by
 * two builds at once only costs a parse.
 */
import { createHash, randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { Limits, ParseResult } from '../types.js'

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

interface CacheFile {
  format: 1
  entries: Record<string, ParseResult>
}

/**
 * The cache in `<root>/.consolidate-cache/parse.json`: read once, written
 * once at the end (through a temporary file and a rename, so a reader never
 * sees half a file), holding only the results the last run used.
 */
export class DiskCache implements ParseCache {
  private readonly used = new Map<string, ParseResult>()
  private changed = false

  private constructor(
    private readonly file: string,
    private readonly stored: Map<string, ParseResult>,
  ) {}

  static async open(root: string): Promise<DiskCache> {
    const file = path.join(root, CACHE_FOLDER, 'parse.json')
    let stored = new Map<string, ParseResult>()
    try {
      const data = JSON.parse(await fs.readFile(file, 'utf8')) as CacheFile
      if (data?.format === 1 && typeof data.entries === 'object' && data.entries !== null) stored = new Map(Object.entries(data.entries))
    } catch {
      // Missing or corrupt: start empty.
    }
    return new DiskCache(file, stored)
  }

  get(key: string): ParseResult | undefined {
    const result = this.stored.get(key)
    if (result === undefined || !isResult(result)) return undefined
    this.used.set(key, result)
    return result
  }

  set(key: string, result: ParseResult): void {
    this.used.set(key, result)
    this.changed = true
  }

  async save(): Promise<void> {
    if (!this.changed && this.used.size === this.stored.size) return
    const data: CacheFile = { format: 1, entries: Object.fromEntries(this.used) }
    const temporary = `${this.file}.${randomBytes(6).toString('hex')}.tmp`
    try {
      await fs.mkdir(path.dirname(this.file), { recursive: true })
      await fs.writeFile(temporary, JSON.stringify(data))
      await fs.rename(temporary, this.file)
    } catch {
      // An unwritable cache only means the next run parses again.
      await fs.rm(temporary, { force: true }).catch(() => undefined)
    }
  }
}

/** A stored result of the expected shape (a damaged file must not crash a build). */
function isResult(value: unknown): value is ParseResult {
  return typeof value === 'object' && value !== null && Array.isArray((value as ParseResult).diagnostics)
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
