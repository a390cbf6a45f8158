/**
 * The git edge: a revision's files read from git objects (`ls-tree`,
 * `cat-file --batch`), never from or into the working tree.
 */
import { spawn } from 'node:child_process'
import { realpathSync } from 'node:fs'
import path from 'node:path'
import { UsageError } from '../errors.js'

/** The repository holding a folder: its top folder, and the folder's path inside it (`''` or ending in `/`). */
export interface Repository {
  top: string
  prefix: string
}

/** One file of a revision: its path from the repository's top and its bytes. */
export interface GitFile {
  path: string
  bytes: Buffer
}

/** The repository holding `folder`, or undefined when it is in none. */
export async function repositoryOf(folder: string): Promise<Repository | undefined> {
  const result = await git(['rev-parse', '--show-toplevel', '--show-prefix'], folder)
  if (result.code !== 0) return undefined
  const [top, prefix = ''] = result.stdout.toString('utf8').split('\n')
  return { top, prefix }
}

/** The commit a revision names (`HEAD~1`, a tag, a hash), or undefined when the repository has no such commit. */
export async function resolveCommit(repository: Repository, revision: string): Promise<string | undefined> {
  const result = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], repository.top)
  return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined
}

/** Whether the repository is a shallow clone, whose history stops short. */
export async function isShallow(repository: Repository): Promise<boolean> {
  const result = await git(['rev-parse', '--is-shallow-repository'], repository.top)
  return result.stdout.toString('utf8').trim() === 'true'
}

/**
 * The regular files of a commit under the given paths (from the top), with
 * their bytes. Symbolic links and submodules are not files and are left out.
 */
export async function readFiles(repository: Repository, commit: string, paths: string[]): Promise<GitFile[]> {
  const listing = await git(['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...paths], repository.top)
  if (listing.code !== 0) throw new UsageError(`cannot list the files of ${commit}: ${listing.stderr.trim()}`)
  const entries: Array<{ path: string; oid: string }> = []
  for (const record of listing.stdout.toString('utf8').split('\0')) {
    const match = /^(\d+) blob ([0-9a-f]+)\t(.*)$/s.exec(record)
    if (match && (match[1] === '100644' || match[1] === '100755')) entries.push({ path: match[3], oid: match[2] })
  }
  const blobs = await readBlobs(repository, entries.map((entry) => entry.oid))
  return entries.map((entry) => ({ path: entry.path, bytes: blobs.get(entry.oid)! }))
}

/** Blob contents by object id, all through one `git cat-file --batch`. */
async function readBlobs(repository: Repository, oids: string[]): Promise<Map<string, Buffer>> {
  const blobs = new Map<string, Buffer>()
  const wanted = [...new Set(oids)]
  if (wanted.length === 0) return blobs
  const result = await git(['cat-file', '--batch'], repository.top, Buffer.from(wanted.map((oid) => `${oid}\n`).join('')))
  const out = result.stdout
  let at = 0
  for (const oid of wanted) {
    const end = out.indexOf(0x0a, at)
    const header = out.subarray(at, end).toString('utf8').split(' ')
    if (end === -1 || header[0] !== oid || header[1] !== 'blob') {
      throw new UsageError(`cannot read the git object ${oid}: ${header.slice(1).join(' ') || result.stderr.trim() || 'no answer from git cat-file'}`)
    }
    const size = Number(header[2])
    blobs.set(oid, out.subarray(end + 1, end + 1 + size))
    at = end + 1 + size + 1
  }
  return blobs
}

/** A path of the working tree as git names it from the repository's top, or undefined when outside it. */
export function repositoryPath(repository: Repository, file: string): string | undefined {
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

function git(args: string[], cwd: string, input?: Buffer): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    // No pager, no prompts, and never an optional lock on the index: reading must not touch the working tree.
    const child = spawn('git', ['--no-pager', ...args], { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' } })
    const stdout: Buffer[] = []
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new UsageError('git is not installed (or not on PATH); it is needed to read a git revision') : error)
    })
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(stdout), stderr }))
    child.stdin.on('error', () => {
      // git may exit before reading all its input (e.g. an unknown object); its exit code says so.
    })
    child.stdin.end(input)
  })
}
