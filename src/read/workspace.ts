/**
 * What a workspace holds, whatever its source: the files under proposals/,
 * notes/ and chair/, the configuration, the templates. One policy for every source:
 * names starting with `.` or `_` are skipped, links are followed only inside
 * the workspace, only regular files are read, and never past the size limit.
 * Nothing is dropped silently: every entry not read is a diagnostic.
 */
import { tooLarge } from '../diagnostics/limits.js'
import { RULES, type Diagnostic, type Rule } from '../types.js'
import { join, resolvePath, type Entry, type Source } from './source.js'

/** A proposal file: `name` as written (names it in diagnostics), `path` where its links lead. */
export interface ProposalFile {
  /** Relative to the root, `/` separators. */
  name: string
  /** Relative to the root, every link followed. */
  path: string
}

export interface Scan {
  files: ProposalFile[]
  /** Entries that may hold proposals but are not read: none is dropped silently. */
  diagnostics: Diagnostic[]
}

/** The configuration is held to this size whatever the limits it sets (docs/reference.md, The workspace). */
export const CONFIG_LIMIT = 256 * 1024

/** What the files of each folder are, for the messages about entries that are not read. */
const WHAT: Record<string, string> = { proposals: 'a proposal', notes: 'a note', chair: "a Chair's text" }

/** Proposal files end in `.md`, in any case (`.MD` too). */
export const MARKDOWN = /\.md$/i

/**
 * Every `*.md` under `folder` (`proposals`), recursively, in name order, so
 * the order never depends on the file system; and what will not be read.
 */
export async function scanFolder(source: Source, folder: string): Promise<Scan> {
  const files: ProposalFile[] = []
  const diagnostics: Diagnostic[] = []
  const report = (name: string, message: string, rule: Rule = 'unreadable-file'): void => {
    diagnostics.push(diagnostic(name, rule, message))
  }
  const visited = new Set<string>()

  /** `known`: the entry, when the folder's listing already looked it up. */
  const visit = async (name: string, path: string, leaf: string, known?: Entry): Promise<void> => {
    let entry = known ?? (await source.entry(path))
    let real = path
    if (entry?.type === 'link') {
      const written = entry.target
      const resolved = await resolvePath(source, path)
      const mayHold = MARKDOWN.test(leaf) || !/\.[^./]+$/.test(leaf)
      if ('outside' in resolved) {
        if (mayHold)
          report(
            name,
            `this symbolic link leads outside the workspace (${written}); links that leave the workspace are not followed, so what it leads to is not read: copy the file${MARKDOWN.test(leaf) ? '' : 's'} into ${folder}/ instead`,
          )
        return
      }
      if ('missing' in resolved || 'loop' in resolved) {
        if (mayHold)
          report(name, `this symbolic link ${'loop' in resolved ? 'loops' : 'leads nowhere'} (${written}); restore what it points to, or remove the link`)
        return
      }
      entry = resolved.entry
      real = resolved.path
    }
    switch (entry?.type) {
      case undefined:
        return
      case 'folder':
        if (visited.has(real)) {
          report(name, `this symbolic link leads to a folder already read (${real}); links that loop are not followed: remove the link`)
          return
        }
        visited.add(real)
        await walk(name, real)
        return
      case 'file':
        if (MARKDOWN.test(leaf)) files.push({ name, path: real })
        else
          report(
            name,
            `this is not ${WHAT[folder] ?? 'a proposal'}: only files ending in \`.md\` are read; if it is one, rename it to \`${leaf.replace(/\.[^.]*$/, '')}.md\`, else keep it out of ${folder}/ or rename it \`_${leaf}\``,
            'ignored-file',
          )
        return
      case 'submodule':
        report(name, `this is a git submodule (another repository): its proposals are not read; copy the files into ${folder}/ instead`)
        return
      case 'special':
        if (MARKDOWN.test(leaf))
          report(name, 'this is not a regular file (it is a FIFO, a socket or a device); a proposal must be a Markdown text file saved as UTF-8')
        return
      case 'unreadable':
        report(name, `cannot examine this entry (${entry.code}); ${entry.hint ?? 'make it readable'}`)
        return
      case 'link':
        return
    }
  }

  const walk = async (name: string, path: string): Promise<void> => {
    let names: string[]
    try {
      names = await source.list(path)
    } catch (error) {
      report(name, `cannot read this folder (${(error as { code?: string }).code ?? String(error)}); the files in it cannot be checked: make it readable`)
      return
    }
    const leaves = names.filter((leaf) => !leaf.startsWith('.') && !leaf.startsWith('_')).sort(compareNames)
    // Looked up all at once (a thousand files are a thousand system calls), then visited one by one
    // in name order: which of two links to one folder counts as the loop must not depend on the file system.
    const entries = await Promise.all(leaves.map((leaf) => source.entry(join(path, leaf))))
    for (const [index, leaf] of leaves.entries()) {
      const entry = entries[index]
      if (entry !== undefined) await visit(join(name, leaf), join(path, leaf), leaf, entry)
    }
  }

  const top = await source.entry(folder)
  if (top?.type === 'folder' || top?.type === 'link') await visit(folder, folder, folder)
  else if (top !== undefined)
    report(folder, `${folder} is not a folder; it must be the folder that holds the proposal files, e.g. ${folder}/a14-jpn-einvoicing.md`)
  files.sort((a, b) => compareNames(a.name, b.name))
  return { files, diagnostics }
}

/** A single file the workspace may have (`consolidate.yaml`, a template): its bytes, nothing, or why it cannot be read. */
export type NamedFile = { bytes: Uint8Array; path: string } | { absent: true } | { problem: Diagnostic }

/** Read `name` under the same rules as proposals: a link only inside the workspace, a regular file only, at most `limit` bytes. */
export async function readNamed(source: Source, name: string, limit: number): Promise<NamedFile> {
  const resolved = await resolvePath(source, name)
  const entry = await source.entry(name)
  const written = entry?.type === 'link' ? entry.target : ''
  if ('missing' in resolved) {
    return entry === undefined
      ? { absent: true }
      : { problem: diagnostic(name, 'unreadable-file', `this symbolic link leads nowhere (${written}); restore what it points to, or remove the link`) }
  }
  if ('outside' in resolved)
    return {
      problem: diagnostic(
        name,
        'unreadable-file',
        `this symbolic link leads outside the workspace (${written}); links that leave the workspace are not followed: copy the file into the workspace instead`,
      ),
    }
  if ('loop' in resolved) return { problem: diagnostic(name, 'unreadable-file', `this symbolic link loops (${written}); remove the link`) }
  const problem = notAFile(resolved.entry)
  if (problem) return { problem: diagnostic(name, 'unreadable-file', `${problem}; ${name} must be a text file saved as UTF-8`) }
  const read = await source.read(resolved.path, limit)
  if ('tooLarge' in read) return { problem: tooLarge(name, read.tooLarge, limit, 'the template') }
  if ('unreadable' in read) return { problem: diagnostic(name, 'unreadable-file', `cannot read the file (${read.unreadable}); check that it is readable`) }
  return { bytes: read.bytes, path: resolved.path }
}

/** Why an entry that should be a file is not one, or undefined when it is one. */
function notAFile(entry: Entry): string | undefined {
  switch (entry.type) {
    case 'file':
      return undefined
    case 'folder':
      return 'this is a folder, not a file'
    case 'special':
      return 'this is not a regular file (it is a FIFO, a socket or a device)'
    case 'submodule':
      return 'this is a git submodule, not a file'
    case 'unreadable':
      return `cannot examine this entry (${entry.code})`
    case 'link':
      return 'this symbolic link could not be followed'
  }
}

function diagnostic(file: string, rule: Rule, message: string): Diagnostic {
  return { file, line: 1, column: 1, severity: RULES[rule], rule, message }
}

/** Code-point order: the same on every machine, whatever its locale. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
