/** `consolidate init [DIR]`: a workspace that builds at once: a configuration, the proposal template, one example proposal. */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { type Io } from '../io.js'
import { CACHE_FOLDER } from '../read/cache.js'
import { BUILTIN_TEMPLATES } from '../read/root.js'
import { makeFolders } from '../write.js'
import { EXIT, UsageError } from '../errors.js'

/** What `init` writes: every file of the built-in `templates/init/`, and `templates/proposal.md`. */
async function starterFiles(): Promise<Array<{ name: string; from: string }>> {
  const base = path.join(BUILTIN_TEMPLATES, 'init')
  const files: Array<{ name: string; from: string }> = [{ name: 'templates/proposal.md', from: path.join(BUILTIN_TEMPLATES, 'proposal.md') }]
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) await walk(full)
      else files.push({ name: path.relative(base, full).split(path.sep).join('/'), from: full })
    }
  }
  await walk(base)
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

export async function initCommand(dir: string, io: Io): Promise<number> {
  const root = path.resolve(io.cwd, dir)
  await checkFolder(root)
  const files = await starterFiles()
  const existing: string[] = []
  for (const file of files) if (await fs.lstat(path.join(root, file.name)).catch(() => undefined)) existing.push(file.name)
  if (existing.length > 0) {
    throw new UsageError(`${root} already has ${existing.join(', ')}; init never writes over a file: choose an empty folder, e.g. consolidate init negotiation`)
  }

  const written: string[] = []
  try {
    for (const file of files) {
      const target = path.join(root, file.name)
      written.push(...(await makeFolders(path.dirname(target))))
      // `wx`: never write over a file, even one created since the check above.
      await fs.writeFile(target, await fs.readFile(file.from), { flag: 'wx' })
      written.push(target)
    }
  } catch (error) {
    // Leave the folder as it was rather than half a workspace.
    for (const file of written.reverse()) await fs.rm(file, { force: true, recursive: true }).catch(() => undefined)
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${(error as NodeJS.ErrnoException).path} appeared while init ran; nothing was written`)
    throw error
  }
  await ignoreCache(root)
  const shown = path.relative(io.cwd, root) || '.'
  for (const file of files) io.stdout.write(`${path.join(shown, file.name).split(path.sep).join('/')}\n`)
  io.stderr.write(`consolidate: created a workspace in ${shown}; next: consolidate build${shown === '.' ? '' : ` --root ${shown}`}\n`)
  return EXIT.ok
}

/** The folder (or its nearest existing parent) must be a folder: a usage error before anything is written. */
async function checkFolder(root: string): Promise<void> {
  for (let at = root; ; at = path.dirname(at)) {
    const stat = await fs.stat(at).catch((error: NodeJS.ErrnoException) => error)
    if (!(stat instanceof Error)) {
      if (!stat.isDirectory()) throw new UsageError(`${at} is a file, not a folder; run consolidate init with a new or existing folder`)
      return
    }
    if ((stat.code !== 'ENOENT' && stat.code !== 'ENOTDIR') || path.dirname(at) === at) throw new UsageError(`cannot create a workspace in ${root}: ${stat.code}`)
  }
}

/** The parse cache is the machine's own: keep it out of git (`.gitignore` gets one line, written or added). */
async function ignoreCache(root: string): Promise<void> {
  const file = path.join(root, '.gitignore')
  const line = `${CACHE_FOLDER}/`
  const existing = await fs.readFile(file, 'utf8').catch(() => undefined)
  if (existing === undefined) await fs.writeFile(file, `${line}\n`, { flag: 'wx' })
  else if (!existing.split(/\r?\n/).some((each) => each.trim() === line || each.trim() === CACHE_FOLDER)) {
    await fs.appendFile(file, `${existing === '' || existing.endsWith('\n') ? '' : '\n'}${line}\n`)
  }
}
