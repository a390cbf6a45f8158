/**
 * Where a workspace is read from: a folder, a commit of a git repository, or
 * a watched folder. A source only describes and reads entries by their path
 * inside the workspace; every policy (which files count, which links are
 * followed, the size limit) is applied once, in workspace.ts, for all of them.
 */

/** What a source says an entry is, without following a final symbolic link. */
export type Entry =
  | { type: 'file'; size: number }
  | { type: 'folder' }
  | { type: 'link'; target: string }
  /** A FIFO, socket or device: reading it could block or never end. */
  | { type: 'special' }
  /** A git submodule: another repository's commit, not files of this one. */
  | { type: 'submodule' }
  /** The entry exists but cannot be examined (a permission refused); `hint` says what to do when it is not "make it readable". */
  | { type: 'unreadable'; code: string; hint?: string }

/** A file's bytes, or why they were not read. */
export type Read = { bytes: Uint8Array } | { tooLarge: number } | { unreadable: string }

export interface Source {
  /** Prefixes file names in diagnostics: `''` for the workspace itself, `HEAD~1:` for a git revision, `old/` for another folder. */
  readonly label: string
  /** The entry at `path` (relative to the workspace root, `/` separators, `''` for the root), or undefined when there is none. */
  entry(path: string): Promise<Entry | undefined>
  /** The names in a folder, in any order; rejects with a code when the folder cannot be listed. */
  list(path: string): Promise<string[]>
  /** A regular file's bytes, never reading more than `limit` bytes of it (a larger file is `tooLarge`). */
  read(path: string, limit: number): Promise<Read>
  /**
   * Where a symbolic link's absolute target lands inside the workspace
   * (relative path), or undefined when it is outside (always, for git).
   */
  inside(absolute: string): string | undefined
  /**
   * A cheap identity of a file's content that changes whenever the content
   * may have: a git blob id, or a watched file's inode, size and time. Undefined: hash the bytes.
   */
  stamp?(path: string): Promise<string | undefined>
}

/** Where a path leads once every symbolic link on the way is followed. */
export type Resolved = { path: string; entry: Entry } | { outside: true } | { missing: true } | { loop: true }

/** Links followed at most this many times in one path, as the kernel does (ELOOP). */
const MAX_LINKS = 40

/**
 * Follow `path` through the source's links, component by component, never
 * leaving the workspace: a `..` above the root or an absolute target outside
 * it is `outside`. The same rules for a folder and for git, so both read the same files.
 */
export async function resolvePath(source: Source, path: string): Promise<Resolved> {
  let pending = split(path)
  const done: string[] = []
  let links = 0
  let entry: Entry | undefined
  while (pending.length > 0) {
    const part = pending.shift()!
    if (part === '.') continue
    if (part === '..') {
      if (done.length === 0) return { outside: true }
      done.pop()
      continue
    }
    entry = await source.entry([...done, part].join('/'))
    if (entry === undefined) return { missing: true }
    if (entry.type === 'link') {
      if (++links > MAX_LINKS) return { loop: true }
      const target = entry.target
      if (target.startsWith('/')) {
        const inside = source.inside(target)
        if (inside === undefined) return { outside: true }
        done.length = 0
        pending = [...split(inside), ...pending]
      } else {
        pending = [...split(target), ...pending]
      }
      continue
    }
    if (pending.length > 0 && entry.type !== 'folder') return { missing: true }
    done.push(part)
  }
  // The last component looked at may have been a link, or a `..` may have moved away from it.
  const resolved = done.join('/')
  const final = resolved === '' ? { type: 'folder' as const } : await source.entry(resolved)
  return final === undefined ? { missing: true } : { path: resolved, entry: final }
}

function split(path: string): string[] {
  return path.split('/').filter((part) => part !== '')
}

/** `a/b` joined with `c`: `a/b/c`; the root is `''`. */
export function join(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`
}

/** Whether a source holds a workspace at all: a `proposals/` or a `consolidate.yaml` (a mistyped root holds neither). */
export async function holdsWorkspace(source: Source): Promise<boolean> {
  const [proposals, config] = await Promise.all([source.entry('proposals'), source.entry('consolidate.yaml')])
  return proposals !== undefined || config !== undefined
}
