/**
 * The git edge: a commit's workspace read from git objects (`ls-tree`,
 * `cat-file --batch`), never from or into the working tree. A blob's size is
 * known from the listing, so a file over the limit is never read.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process'
import type { Readable, Writable } from 'node:stream'
import { realpathSync } from 'node:fs'
import path from 'node:path'
import { UsageError } from '../errors.js'
import type { Entry, Source } from './source.js'

/** The repository holding a folder: its top folder, and the folder's path inside it (`''` or ending in `/`). */
export interface Repository {
  top: string
  prefix: string
  /** Reads blobs through one long-running `git cat-file --batch`. */
  blobs: BlobReader
}

/** The repository holding `folder`, or undefined when it is in none. */
export async function repositoryOf(folder: string): Promise<Repository | undefined> {
  const result = await git(['rev-parse', '--show-toplevel', '--show-prefix'], folder)
  if (result.code !== 0) return undefined
  const [top, prefix = ''] = result.stdout.toString('utf8').split('\n')
  return { top, prefix, blobs: new BlobReader(top) }
}

/** The commit a revision names (`HEAD~1`, a tag, a hash), or undefined when the repository has no such commit. */
export async function resolveCommit(repository: Repository, revision: string): Promise<string | undefined> {
  if (revision.startsWith('-')) return undefined
  const result = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], repository.top)
  return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined
}

/** Whether the repository is a shallow clone, whose history stops short. */
export async function isShallow(repository: Repository): Promise<boolean> {
  const result = await git(['rev-parse', '--is-shallow-repository'], repository.top)
  return result.stdout.toString('utf8').trim() === 'true'
}

/** The first-parent history of `commit`, newest first: hash and committer date (UTC, YYYY-MM-DD). */
export async function firstParents(repository: Repository, commit: string): Promise<Array<{ commit: string; date: string }>> {
  const result = await git(['log', '--first-parent', '--format=%H %ct', commit, '--'], repository.top)
  if (result.code !== 0) throw new UsageError(`cannot read the history of ${commit}: ${result.stderr.trim()}`)
  return result.stdout
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [hash, seconds] = line.split(' ')
      return { commit: hash, date: new Date(Number(seconds) * 1000).toISOString().slice(0, 10) }
    })
}

/** One version of a file in the first-parent history: the commit that changed it, that commit's first parent, and the blob it left (none: the file was removed). */
export interface FileVersion {
  commit: string
  parent?: string
  blob?: string
}

/**
 * The versions of some files (paths from the repository's top) along the
 * first-parent history of `commit`, each newest first: one `git log` that
 * lists only the commits that changed one of them, with the blob each left.
 */
export async function fileVersions(repository: Repository, commit: string, files: readonly string[]): Promise<Map<string, FileVersion[]>> {
  const versions = new Map<string, FileVersion[]>(files.map((file) => [file, []]))
  if (files.length === 0) return versions
  const result = await git(
    ['log', '--first-parent', '--format=%x01%H %P', '--raw', '-z', '--no-abbrev', '--no-renames', commit, '--', ...files.map((file) => `:(literal)${file}`)],
    repository.top,
  )
  if (result.code !== 0) throw new UsageError(`cannot read the history of ${files.join(', ')}: ${result.stderr.trim()}`)
  for (const record of result.stdout
    .toString('utf8')
    .split('\u0001')
    .filter((each) => each !== '')) {
    // `H P\0`, then for each file the commit changed: `:100644 100644 <old> <new> M\0path\0`.
    const [head, ...rest] = record.split('\0')
    const [hash, parent] = head.trim().split(' ')
    for (let index = 0; index + 1 < rest.length; index += 2) {
      const blob = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) /.exec(rest[index].trim())?.[1]
      const list = versions.get(rest[index + 1])
      // Forty zeros: the commit removed the file.
      if (blob !== undefined && list) list.push({ commit: hash, ...(parent ? { parent } : {}), ...(/^0+$/.test(blob) ? {} : { blob }) })
    }
  }
  return versions
}

/** The longest path a system takes (Linux's PATH_MAX): a link's target is never longer. */
const LINK_LIMIT = 4096

interface TreeEntry {
  mode: string
  oid: string
  size: number
}

/**
 * The workspace of `commit` (the folder `repository.prefix` in it) as a
 * Source; `label` names its files in diagnostics (`HEAD~1:`).
 */
export async function gitSource(repository: Repository, commit: string, label: string): Promise<Source> {
  const tree = repository.prefix === '' ? `${commit}^{tree}` : `${commit}:${repository.prefix.replace(/\/$/, '')}`
  const listing = await git(['ls-tree', '-r', '-t', '-l', '-z', '--end-of-options', tree], repository.top)
  const entries = new Map<string, TreeEntry>()
  const children = new Map<string, string[]>([['', []]])
  if (listing.code === 0) {
    for (const record of listing.stdout.toString('utf8').split('\0')) {
      const match = /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)\t(.*)$/s.exec(record)
      if (!match) continue
      const [, mode, , oid, size, name] = match
      entries.set(name, { mode, oid, size: size === '-' ? 0 : Number(size) })
      const slash = name.lastIndexOf('/')
      const parent = slash === -1 ? '' : name.slice(0, slash)
      // Pushed in place: a folder of ten thousand proposals, listed at every commit of a history walk, is not copied ten thousand times.
      const siblings = children.get(parent)
      if (siblings) siblings.push(name.slice(slash + 1))
      else children.set(parent, [name.slice(slash + 1)])
      if (mode === '040000' && !children.has(name)) children.set(name, [])
    }
  }
  // A link's target is read only when the loader looks at the link (under proposals/, notes/, templates/),
  // and only when its size is that of a path: a 95 MB "link" elsewhere in the commit is never read.
  const targets = new Map<string, Promise<Entry>>()
  const link = (name: string, entry: TreeEntry): Promise<Entry> => {
    let target = targets.get(name)
    if (target === undefined) {
      target =
        entry.size > LINK_LIMIT
          ? Promise.resolve<Entry>({
              type: 'unreadable',
              code: 'ENAMETOOLONG',
              hint: `it is a symbolic link of ${entry.size} bytes, longer than any path, so it is not followed: remove it`,
            })
          : repository.blobs.read(entry.oid).then((bytes): Entry => ({ type: 'link', target: new TextDecoder().decode(bytes) }))
      targets.set(name, target)
    }
    return target
  }

  const describe = (entry: TreeEntry): Entry => {
    switch (entry.mode) {
      case '040000':
        return { type: 'folder' }
      case '160000':
        return { type: 'submodule' }
      default:
        return { type: 'file', size: entry.size }
    }
  }
  return {
    label,
    async entry(name) {
      if (name === '') return { type: 'folder' }
      const entry = entries.get(name)
      if (entry === undefined) return undefined
      return entry.mode === '120000' ? link(name, entry) : describe(entry)
    },
    async list(name) {
      const names = children.get(name)
      if (names === undefined) throw Object.assign(new Error(`not a folder: ${name}`), { code: 'ENOTDIR' })
      return [...names]
    },
    async read(name, limit) {
      const entry = entries.get(name)
      if (!entry) return { unreadable: 'ENOENT' }
      if (entry.size > limit) return { tooLarge: entry.size }
      return { bytes: await repository.blobs.read(entry.oid) }
    },
    // An absolute link target names a place on some machine, never a file of the commit.
    inside: () => undefined,
    async stamp(name) {
      return entries.get(name)?.oid
    },
  }
}

/** Blob contents by object id, through one `git cat-file --batch` kept open for all of them. */
export class BlobReader {
  private child?: ChildProcessByStdio<Writable, Readable, null>
  /** What git sent and was not taken yet, as it came: joined once per blob, not once per chunk (a large blob comes in thousands). */
  private chunks: Buffer[] = []
  private buffered = 0
  /** The size announced by the header of the blob being received. */
  private size?: number
  private readonly waiting: Array<{ oid: string; resolve: (bytes: Buffer) => void; reject: (error: Error) => void }> = []

  constructor(private readonly top: string) {}

  read(oid: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const child = this.start()
      this.waiting.push({ oid, resolve, reject })
      this.hold(true)
      child.stdin.write(`${oid}\n`)
    })
  }

  /** End the `git cat-file` process. */
  close(): void {
    this.child?.stdin.end()
    this.child = undefined
  }

  private start(): ChildProcessByStdio<Writable, Readable, null> {
    if (this.child) return this.child
    // No pipe for its standard error: a pipe left open would keep the program alive (cat-file answers `missing` on its output).
    const child = spawn('git', ['--no-pager', 'cat-file', '--batch'], { cwd: this.top, env: gitEnv(), stdio: ['pipe', 'pipe', 'ignore'] })
    child.stdout.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk)
      this.buffered += chunk.length
      this.drain()
    })
    const fail = (error: Error): void => {
      for (const waiting of this.waiting.splice(0)) waiting.reject(error)
      this.child = undefined
      this.keep(Buffer.alloc(0))
      this.size = undefined
    }
    child.on('error', (error: NodeJS.ErrnoException) => fail(gitMissing(error)))
    child.on('close', () => fail(new Error('git cat-file stopped')))
    child.stdin.on('error', () => undefined)
    this.child = child
    return child
  }

  /** The process keeps the program alive only while a blob is awaited: an idle reader never delays exit. */
  private hold(busy: boolean): void {
    const child = this.child
    if (!child) return
    for (const handle of [child, child.stdout, child.stdin] as Array<{ ref?: () => void; unref?: () => void }>) {
      if (busy) handle.ref?.()
      else handle.unref?.()
    }
  }

  private drain(): void {
    while (this.waiting.length > 0) {
      if (this.size === undefined) {
        // Headers are short: joining what came until a line ends costs little.
        const joined = this.take(this.buffered)
        const end = joined.indexOf(0x0a)
        this.keep(end === -1 ? joined : joined.subarray(end + 1))
        if (end === -1) return
        const header = joined.subarray(0, end).toString('utf8').split(' ')
        if (header[1] !== 'blob') {
          const next = this.waiting.shift()!
          next.reject(new UsageError(`cannot read the git object ${next.oid}: ${header.slice(1).join(' ') || 'no answer from git cat-file'}`))
          continue
        }
        this.size = Number(header[2])
      }
      if (this.buffered < this.size + 1) return
      const all = this.take(this.buffered)
      const body = Buffer.from(all.subarray(0, this.size))
      this.keep(all.subarray(this.size + 1))
      this.size = undefined
      this.waiting.shift()!.resolve(body)
    }
    if (this.waiting.length === 0) this.hold(false)
  }

  /** The first `length` bytes received, joined (all that was received, when `length` is all). */
  private take(length: number): Buffer {
    return this.chunks.length === 1 && this.chunks[0].length === length ? this.chunks[0] : Buffer.concat(this.chunks, length)
  }

  private keep(rest: Buffer): void {
    this.chunks = rest.length === 0 ? [] : [rest]
    this.buffered = rest.length
  }
}

/** A path of the working tree as git names it from the repository's top, or undefined when outside it. */
export function repositoryPath(repository: Pick<Repository, 'top'>, file: string): string | undefined {
  let real: string
  try {
    real = path.join(realpathSync(path.dirname(file)), path.basename(file))
  } catch {
    real = file
  }
  const relative = path.relative(repository.top, real)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined
  return relative.split(path.sep).join('/')
}

interface GitResult {
  code: number
  stdout: Buffer
  stderr: string
}

/** No pager, no prompts, and never an optional lock on the index: reading must not touch the working tree. */
function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' }
}

function gitMissing(error: NodeJS.ErrnoException): Error {
  return error.code === 'ENOENT' ? new UsageError('git is not installed (or not on PATH); it is needed to read a git revision') : error
}

function git(args: string[], cwd: string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['--no-pager', ...args], { cwd, env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'] })
    const stdout: Buffer[] = []
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('error', (error: NodeJS.ErrnoException) => reject(gitMissing(error)))
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(stdout), stderr }))
  })
}
