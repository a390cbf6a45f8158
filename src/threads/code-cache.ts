/**
 * V8's code cache for the tool's bundled CommonJS scripts (the CLI and the
 * threads' script, see scripts/bundle-worker.js): a script is compiled once,
 * then every later process and thread deserialises its code instead of
 * compiling it again.
 *
 * The cache is only ever a convenience. A cache file that is missing,
 * truncated, damaged, of another version of the tool or of Node, or refused
 * by V8 is ignored and written again; one that cannot be written only costs
 * the compilation next time. A cache file holds code, so it is used only when
 * its header names this very copy of the script (its version, device, inode,
 * size and times, which a file planted from elsewhere, e.g. committed to a
 * workspace's repository, cannot know) and its checksum holds (V8 itself
 * does not check one).
 */
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import vm from 'node:vm'
import { threadId } from 'node:worker_threads'
import { crc32 } from 'node:zlib'

/** The first field of a cache file's header: its format. */
const FORMAT = 'consolidate-code-cache/1'
/** A header is one line, far shorter than this. */
const LONGEST_HEADER = 1024
/** The compiled code of the largest bundle is a few MiB: a file larger than this is no cache of ours, and is not read. */
const LARGEST_FILE = 64 * 1024 * 1024

/** One folder of cache files, one per script, keyed by the tool's `version` and the script's own file. */
export class CodeCache {
  constructor(
    readonly folder: string,
    private readonly version: string,
  ) {}

  /** The cached code of `script`, if a valid cache of exactly this copy of it is stored. */
  read(script: string): Buffer | undefined {
    const bytes = readRegularFile(this.fileOf(script))
    if (bytes === undefined) return undefined
    const end = bytes.subarray(0, LONGEST_HEADER).indexOf(0x0a)
    if (end < 0) return undefined
    const data = bytes.subarray(end + 1)
    const header = this.header(script, data)
    return header !== undefined && bytes.subarray(0, end).toString('utf8') === header ? data : undefined
  }

  /** Store `data` as the cache of `script`, atomically; a folder that cannot be written is left as it is. */
  write(script: string, data: Buffer): void {
    const header = this.header(script, data)
    if (header === undefined) return
    const file = this.fileOf(script)
    // Unique to this thread of this process (node:crypto would cost every thread a few milliseconds to load).
    const temporary = `${file}.${process.pid}-${threadId}.tmp`
    try {
      // A cache folder that is (or is reached through) a link is not ours to write: the link may lead anywhere.
      if (!realFolders(this.folder, true)) return
      mkdirSync(this.folder, { recursive: true })
      if (!realFolders(this.folder, false)) return
      // `wx`: never through a file or a link already standing at that name.
      writeFileSync(temporary, Buffer.concat([Buffer.from(`${header}\n`), data]), { flag: 'wx' })
      renameSync(temporary, file)
    } catch {
      // Read-only, full or gone: the next run compiles again.
      try {
        rmSync(temporary, { force: true })
      } catch {
        // Nothing was written.
      }
    }
  }

  private fileOf(script: string): string {
    return path.join(this.folder, `${path.basename(script)}.v8`)
  }

  /** What the header of a valid cache file holding `data` for `script` says; undefined when the script cannot be read. */
  private header(script: string, data: Uint8Array): string | undefined {
    let identity: string
    try {
      const stat = statSync(script, { bigint: true })
      identity = [stat.dev, stat.ino, stat.size, stat.mtimeNs, stat.ctimeNs].join(' ')
    } catch {
      return undefined
    }
    return [FORMAT, this.version, process.version, process.arch, identity, data.byteLength, crc32(data)].join('\t')
  }
}

/** The bytes of `file` if it is a regular file of at most LARGEST_FILE bytes, its link (if it is one) not followed. */
function readRegularFile(file: string): Buffer | undefined {
  let descriptor: number
  try {
    descriptor = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
  } catch {
    return undefined
  }
  try {
    const stat = fstatSync(descriptor)
    if (!stat.isFile() || stat.size > LARGEST_FILE) return undefined
    const bytes = Buffer.alloc(stat.size)
    let read = 0
    while (read < bytes.length) {
      const count = readSync(descriptor, bytes, read, bytes.length - read, read)
      if (count === 0) return undefined
      read += count
    }
    return bytes
  } catch {
    return undefined
  } finally {
    closeSync(descriptor)
  }
}

/** Whether `folder` and the cache folder above it are folders, not links to one (or, when `missing` allows, not there yet). */
function realFolders(folder: string, missing: boolean): boolean {
  return [path.dirname(folder), folder].every((each) => {
    const stat = lstatSync(each, { throwIfNoEntry: false })
    return stat === undefined ? missing : stat.isDirectory()
  })
}

/** The CommonJS wrapper a bundle runs in, as Node's own loader writes it. */
const WRAPPER = ['(function (exports, require, module, __filename, __dirname) { ', '\n})']

interface Loaded {
  exports: unknown
}

/** How a script was compiled: from its cache, afresh for want of a valid one, afresh because V8 refused it, or afresh with no cache at all. */
export type CacheUse = 'used' | 'none' | 'refused' | 'off'

/**
 * Runs CommonJS bundles through a code cache: `require` of a relative path
 * (a chunk of the bundle) is loaded the same way; anything else (Node's own
 * modules) by Node.
 */
export class ScriptLoader {
  private readonly modules = new Map<string, Loaded>()
  /** Scripts compiled here without a cache, to be saved once they have run. */
  private compiled: Array<{ file: string; script: vm.Script }> = []
  /** Each script loaded, in order, and how it was compiled. */
  readonly loaded: Array<{ file: string; cache: CacheUse }> = []

  constructor(private readonly cache?: CodeCache) {}

  /** The exports of the bundle `file` (an absolute path), run once. */
  require(file: string): unknown {
    const known = this.modules.get(file)
    if (known) return known.exports
    const source = readFileSync(file, 'utf8')
    const cachedData = this.cache?.read(file)
    const script = new vm.Script(`${WRAPPER[0]}${source}${WRAPPER[1]}`, { filename: file, cachedData })
    const cache: CacheUse = !this.cache ? 'off' : cachedData === undefined ? 'none' : script.cachedDataRejected === true ? 'refused' : 'used'
    this.loaded.push({ file, cache })
    if (cache === 'none' || cache === 'refused') this.compiled.push({ file, script })
    const wrapper: unknown = script.runInThisContext()
    if (typeof wrapper !== 'function') throw new Error(`${file} did not compile to a function`)
    const module: Loaded = { exports: {} }
    this.modules.set(file, module)
    const outer = createRequire(file)
    const require = (id: string): unknown => (id.startsWith('./') || id.startsWith('../') ? this.require(path.resolve(path.dirname(file), id)) : outer(id))
    try {
      wrapper.call(module.exports, module.exports, require, module, file, path.dirname(file))
    } catch (error) {
      this.modules.delete(file)
      throw error
    }
    return module.exports
  }

  /** Write the cache of every script compiled since the last call: after it has run, so the cache holds the functions it compiled lazily. */
  saveCompiled(): void {
    if (!this.cache) return
    for (const { file, script } of this.compiled) this.cache.write(file, script.createCachedData())
    this.compiled = []
  }
}
