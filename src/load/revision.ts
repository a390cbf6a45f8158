/**
 * A revision of the workspace named on the command line (`diff OLD NEW`,
 * `--since REV`): a folder, or a git revision of the repository holding the
 * root. Either way it is read by the one loader, with the same rules.
 */
import { realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import { UsageError } from '../errors.js'
import { loadWorkspace, type LoadOptions, type Workspace } from './pipeline.js'
import { CONFIG_LIMIT } from '../read/workspace.js'
import { folderSource } from '../read/folder.js'
import { gitSource, isShallow, repositoryOf, repositoryPath, resolveCommit, type Repository } from '../read/git.js'
import { readConfigFile } from '../read/root.js'
import { holdsWorkspace } from '../read/source.js'

export interface Revision extends Workspace {
  /** As the user named it. */
  name: string
  /** The commit, for a git revision. */
  commit?: string
}

export interface RevisionContext extends Omit<LoadOptions, 'config'> {
  cwd: string
  /** The workspace root (absolute): its repository is where git revisions are looked up. */
  root: string
  /** `--config FILE`: the configuration of every revision (read at the revision when it is in the repository). */
  configFile?: string
  /**
   * Named by the configuration (`previous:`), not the command line: a folder
   * must then be inside the repository holding the root (inside the root
   * itself outside git), since what it holds is read into the redline.
   */
  confined?: boolean
}

/**
 * Read a revision: a folder when one exists by that name, else a git
 * revision. A name that is neither (`''`, `HEAD:../../`) is a usage error,
 * never the working tree.
 */
export async function loadRevision(name: string, context: RevisionContext): Promise<Revision> {
  if (name.trim() === '')
    throw new UsageError('an empty revision names nothing; give a workspace folder, or a git revision such as HEAD~1, a tag or a commit hash')
  // Every part of the name as written must exist: `HEAD:/../..` is no folder, even though `..` would cancel `HEAD:` on paper.
  if (isFolder(path.isAbsolute(name) ? name : `${context.cwd}${path.sep}${name}`)) {
    const folder = path.resolve(context.cwd, name)
    if (context.confined) await confine(name, folder, context.root)
    const shown = path.relative(context.cwd, folder).split(path.sep).join('/')
    const source = folderSource(folder, { label: shown === '' ? '' : `${shown}/` })
    if (!(await holdsWorkspace(source)))
      throw new UsageError(`the folder ${name} holds neither proposals/ nor consolidate.yaml; give a workspace folder, or a git revision such as HEAD~1`)
    const config = context.configFile === undefined ? undefined : await readConfigFile(context.cwd, context.configFile)
    return { name, ...(await loadWorkspace(source, { ...context, config })) }
  }
  const repository = await repositoryOf(context.root)
  if (!repository) throw new UsageError(`"${name}" is neither a folder nor a git revision: ${context.root} is not in a git repository`)
  return loadCommit(name, await commitOf(name, repository), repository, context)
}

/** The commit `name` names; a usage error saying how to get it when the clone lacks it. */
export async function commitOf(name: string, repository: Repository): Promise<string> {
  const commit = await resolveCommit(repository, name)
  if (commit) return commit
  if (await isShallow(repository)) {
    throw new UsageError(
      `"${name}" is not a folder, nor a revision this shallow clone has; if it is older history, fetch it: ` +
        '`git fetch --deepen=N` (N more commits) or `git fetch --unshallow` (all of it); in GitHub Actions, set `fetch-depth: 2` (for HEAD~1) or `0` on actions/checkout',
    )
  }
  throw new UsageError(
    `"${name}" is neither a folder nor a git revision of the repository at ${repository.top}; give a workspace folder, or a revision such as HEAD~1, a tag or a commit hash`,
  )
}

/** The workspace as it was at `commit`. */
export async function loadCommit(
  name: string,
  commit: string,
  repository: Repository,
  context: RevisionContext,
  options: { allowEmpty?: boolean } = {},
): Promise<Revision> {
  const source = await gitSource(repository, commit, `${name}:${repository.prefix}`)
  if (!options.allowEmpty && !(await holdsWorkspace(source))) {
    throw new UsageError(
      `${name} has no workspace at ${repository.prefix || 'the top of the repository'}: neither proposals/ nor consolidate.yaml; give a revision where it exists`,
    )
  }
  let config: LoadOptions['config']
  if (context.configFile !== undefined) {
    const file = path.resolve(context.cwd, context.configFile)
    const inRepository = repositoryPath(repository, file)
    if (inRepository === undefined) {
      // Outside the repository: the same file for every revision.
      config = await readConfigFile(context.cwd, context.configFile)
    } else {
      const inWorkspace = inRepository.startsWith(repository.prefix) ? inRepository.slice(repository.prefix.length) : undefined
      const read = inWorkspace === undefined ? undefined : await source.read(inWorkspace, CONFIG_LIMIT)
      if (!read || !('bytes' in read)) throw new UsageError(`the configuration ${context.configFile} is not in ${name}`)
      config = { name: inWorkspace!, bytes: read.bytes }
    }
  }
  return { name, commit, ...(await loadWorkspace(source, { ...context, config })) }
}

/** A folder `previous:` names must be inside the repository holding the root (or inside the root, outside git), links followed. */
async function confine(name: string, folder: string, root: string): Promise<void> {
  const repository = await repositoryOf(root)
  repository?.blobs.close()
  const base = realpathSync(repository?.top ?? root)
  const relative = path.relative(base, realpathSync(folder))
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    throw new UsageError(
      `previous: ${name} in the configuration names a folder outside the ${repository ? 'repository' : 'workspace'} (${realpathSync(folder)}); ` +
        'a configuration may name only a folder inside it, or a git revision, since what it names is read into the redline: ' +
        `give that folder on the command line instead (--since ${path.resolve(folder)}), or a git revision in previous:`,
    )
  }
}

function isFolder(folder: string): boolean {
  try {
    return statSync(folder).isDirectory()
  } catch {
    return false
  }
}
