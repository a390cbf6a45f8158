/**
 * `consolidate init [DIR] [--ci]`: a workspace that builds at once (a
 * configuration, the proposal template, one example proposal, notes/, a
 * .gitignore), and with `--ci` the CI workflow shipped in the package. It
 * never writes over a file, and never through a link that leaves the folder.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { type Io } from '../io.js'
import { CACHE_FOLDER } from '../read/cache.js'
import { repositoryOf } from '../read/git.js'
import { BUILTIN_TEMPLATES } from '../read/root.js'
import { makeFolders } from '../write.js'
import { EXIT, UsageError } from '../errors.js'

export interface InitOptions {
  /** `--ci`: also the GitHub Actions workflow. */
  ci?: boolean
}

/** The workflow as the package ships it, and where it goes in a negotiation's repository. */
export const WORKFLOW = { from: path.join(BUILTIN_TEMPLATES, '..', '.github', 'workflows', 'consolidate.yml'), name: '.github/workflows/consolidate.yml' }

/** What `.gitignore` must list: the dependencies npm installs, and the parse cache (each machine's own). */
export const IGNORED = ['node_modules/', `${CACHE_FOLDER}/`]

/** Kept in the otherwise empty notes/, so that git keeps the folder (the workspace skips names starting with `.`). */
const KEEP = 'notes/.gitkeep'

interface Starter {
  name: string
  from: string
}

/** What `init` writes from the package: every file of the built-in `templates/init/`, and `templates/proposal.md`. */
async function starterFiles(): Promise<Starter[]> {
  const base = path.join(BUILTIN_TEMPLATES, 'init')
  const files: Starter[] = [{ name: 'templates/proposal.md', from: path.join(BUILTIN_TEMPLATES, 'proposal.md') }]
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) await walk(full)
      else files.push({ name: path.relative(base, full).split(path.sep).join('/'), from: full })
    }
  }
  await walk(base)
  return files.sort((a, b) => compare(a.name, b.name))
}

export async function initCommand(dir: string, io: Io, options: InitOptions = {}): Promise<number> {
  const root = path.resolve(io.cwd, dir)
  const shown = path.relative(io.cwd, root) || '.'
  await checkFolder(root)
  const starters = await starterFiles()
  const existing = (await Promise.all(starters.map(async (file) => ((await exists(path.join(root, file.name))) ? file.name : undefined)))).filter(
    (name): name is string => name !== undefined,
  )
  // A workspace already there gets only what --ci adds: the example proposal would join its real ones.
  const isWorkspace = (await exists(path.join(root, 'consolidate.yaml'))) || (await exists(path.join(root, 'proposals')))
  if ((existing.length > 0 || isWorkspace) && !(options.ci && isWorkspace)) {
    const found = existing.length > 0 ? existing : ['proposals/']
    throw new UsageError(
      `${root} already has ${found.join(', ')}; init never writes over a file: choose an empty folder, e.g. consolidate init negotiation${isWorkspace ? ', or add the CI workflow to this workspace with consolidate init --ci' : ''}`,
    )
  }
  const files = [...(isWorkspace ? [] : starters), ...(options.ci ? [WORKFLOW] : [])]
  for (const file of files) {
    if (await exists(path.join(root, file.name)))
      throw new UsageError(`${root} already has ${file.name}; init never writes over a file: remove it first if it should be replaced`)
  }
  const notes = !(await exists(path.join(root, 'notes')))
  for (const name of [...files.map((file) => file.name), '.gitignore', ...(notes ? [KEEP] : [])]) await refuseLinkOut(root, name, shown)

  await writeAll(root, [...files, ...(notes ? [{ name: KEEP, from: '' }] : [])])
  const ignored = await ignoreLines(root)
  const listed = [...files.map((file) => file.name), ...(notes ? ['notes/'] : []), ...(ignored ? ['.gitignore'] : [])].sort(compare)
  for (const name of listed) io.stdout.write(`${path.join(shown, name).split(path.sep).join('/')}\n`)
  const next = `consolidate build${shown === '.' ? '' : ` --root ${shown}`}`
  io.stderr.write(
    isWorkspace ? `consolidate: added the CI workflow to the workspace in ${shown}\n` : `consolidate: created a workspace in ${shown}; next: ${next}\n`,
  )
  if (options.ci) await adviseWorkflow(root, io)
  return EXIT.ok
}

/** Write every file (a `from` of `''` is empty), all or none: on failure, what was written is removed again. */
async function writeAll(root: string, files: Starter[]): Promise<void> {
  const written: string[] = []
  try {
    for (const file of files) {
      const target = path.join(root, file.name)
      written.push(...(await makeFolders(path.dirname(target))))
      // `wx`: never write over a file, even one created since the checks above.
      await fs.writeFile(target, file.from === '' ? '' : await fs.readFile(file.from), { flag: 'wx' })
      written.push(target)
    }
  } catch (error) {
    // Leave the folder as it was rather than half a workspace.
    for (const file of written.reverse()) await fs.rm(file, { force: true, recursive: true }).catch(() => undefined)
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new UsageError(`${(error as NodeJS.ErrnoException).path} appeared while init ran; nothing was written`)
    throw error
  }
}

/** The folder (or its nearest existing parent) must be a folder: a usage error before anything is written. */
async function checkFolder(root: string): Promise<void> {
  for (let at = root; ; at = path.dirname(at)) {
    const stat = await fs.stat(at).catch((error: NodeJS.ErrnoException) => error)
    if (!(stat instanceof Error)) {
      if (!stat.isDirectory()) throw new UsageError(`${at} is a file, not a folder; run consolidate init with a new or existing folder`)
      return
    }
    if ((stat.code !== 'ENOENT' && stat.code !== 'ENOTDIR') || path.dirname(at) === at)
      throw new UsageError(`cannot create a workspace in ${root}: ${stat.code}`)
  }
}

/**
 * A usage error when writing `name` (relative to `root`) would go through a
 * symbolic link that leads outside `root`: a `templates` or `.gitignore`
 * pointing elsewhere must not let init write there.
 */
async function refuseLinkOut(root: string, name: string, shown: string): Promise<void> {
  const base = await fs.realpath(root).catch(() => root)
  const parts = name.split('/')
  for (let depth = 1; depth <= parts.length; depth++) {
    const relative = parts.slice(0, depth).join('/')
    const at = path.join(root, ...parts.slice(0, depth))
    const stat = await fs.lstat(at).catch(() => undefined)
    if (stat === undefined) return
    if (!stat.isSymbolicLink()) continue
    const target = await fs.readlink(at)
    const real = await fs.realpath(at).catch(() => path.resolve(path.dirname(at), target))
    const inside = path.relative(base, real)
    if (inside.startsWith('..') || path.isAbsolute(inside)) {
      throw new UsageError(
        `${path.join(shown, relative)} is a symbolic link that leads outside ${shown} (${target}); init never writes through such a link: remove it, or run init in another folder; nothing was written`,
      )
    }
  }
}

/** `.gitignore` lists IGNORED: written, or the missing lines added; whether it changed. */
async function ignoreLines(root: string): Promise<boolean> {
  const file = path.join(root, '.gitignore')
  const existing = await fs.readFile(file, 'utf8').catch(() => undefined)
  const lines = (existing ?? '').split(/\r?\n/).map((line) => line.trim().replace(/^\//, '').replace(/\/$/, ''))
  const missing = IGNORED.filter((wanted) => !lines.includes(wanted.replace(/\/$/, '')))
  if (missing.length === 0) return false
  if (existing === undefined) await fs.writeFile(file, `${missing.join('\n')}\n`, { flag: 'wx' })
  else await fs.appendFile(file, `${existing === '' || existing.endsWith('\n') ? '' : '\n'}${missing.join('\n')}\n`)
  return true
}

/** What the workflow needs that init does not write: a package.json that installs the tool, and the workflow at the repository's top. */
async function adviseWorkflow(root: string, io: Io): Promise<void> {
  if (!(await exists(path.join(root, 'package.json')))) {
    io.stderr.write(
      'consolidate: the workflow installs the tool with `npm ci`: add a package.json and package-lock.json that list consolidate-negotiation (installing it in this folder writes both), and commit them\n',
    )
  }
  const repository = await repositoryOf(root)
  repository?.blobs.close()
  if (repository && repository.prefix !== '') {
    io.stderr.write(
      `consolidate: GitHub runs only the workflows in .github/workflows/ at the top of the repository (${repository.top}): move the file there, and set the repository variable CONSOLIDATE_WORKSPACE to ${repository.prefix.replace(/\/$/, '')}\n`,
    )
  }
}

async function exists(file: string): Promise<boolean> {
  return (await fs.lstat(file).catch(() => undefined)) !== undefined
}

/** Code-point order, the same on every machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
