/** A revision of the workspace named on the command line: a folder, or a git revision of the repository holding the root. */
import { promises as fs, statSync } from 'node:fs'
import path from 'node:path'
import { parseConfig } from '../parse/config.js'
import { isShallow, readFiles, repositoryOf, repositoryPath, resolveCommit, type Repository } from './git.js'
import { checkParsed, loadWorkspace } from '../pipeline.js'
import { sharedPool } from '../parse/pool.js'
import { DEFAULT_CONFIG, type Config, type Diagnostic, type Proposal } from '../types.js'
import { UsageError } from '../errors.js'

export interface Revision {
  /** As the user named it. */
  name: string
  config: Config
  proposals: Proposal[]
  /** File names say which revision they are in, as git and the shell name them: `HEAD~1:proposals/x.md`, `old/proposals/x.md`. */
  diagnostics: Diagnostic[]
}

export interface RevisionContext {
  cwd: string
  /** The workspace root (absolute): its repository is where git revisions are looked up. */
  root: string
  /** `--config FILE`: the configuration of every revision (read at the revision when it is in the repository). */
  configFile?: string
}

/** Read a revision: a folder when one exists by that name, else a git revision. */
export async function loadRevision(name: string, context: RevisionContext): Promise<Revision> {
  const folder = path.resolve(context.cwd, name)
  if (isFolder(folder)) {
    const workspace = await loadWorkspace({ root: folder, cwd: context.cwd, configFile: context.configFile })
    const shown = path.relative(context.cwd, folder).split(path.sep).join('/')
    return { name, config: workspace.config, proposals: workspace.proposals, diagnostics: prefixed(workspace.diagnostics, shown === '' ? '' : `${shown}/`) }
  }
  const repository = await repositoryOf(context.root)
  if (!repository) throw new UsageError(`"${name}" is neither a folder nor a git revision: ${context.root} is not in a git repository`)
  return loadCommit(name, repository, context)
}

async function loadCommit(name: string, repository: Repository, context: RevisionContext): Promise<Revision> {
  const commit = name.startsWith('-') ? undefined : await resolveCommit(repository, name)
  if (!commit) {
    if (await isShallow(repository)) {
      throw new UsageError(
        `"${name}" is not a folder, nor a revision this shallow clone has; if it is older history, fetch it: ` +
          '`git fetch --deepen=N` (N more commits) or `git fetch --unshallow` (all of it); in GitHub Actions, set `fetch-depth: 2` (for HEAD~1) or `0` on actions/checkout',
      )
    }
    throw new UsageError(`"${name}" is neither a folder nor a git revision of the repository at ${repository.top}; give a workspace folder, or a revision such as HEAD~1, a tag or a commit hash`)
  }

  const configFile = context.configFile === undefined ? path.join(context.root, 'consolidate.yaml') : path.resolve(context.cwd, context.configFile)
  const configPath = repositoryPath(repository, configFile)
  const proposalsPath = `${repository.prefix}proposals`
  const files = await readFiles(repository, commit, [proposalsPath, ...(configPath ? [configPath] : [])])

  let configText: string | undefined
  if (configPath !== undefined) {
    configText = files.find((file) => file.path === configPath)?.bytes.toString('utf8')
    if (configText === undefined && context.configFile !== undefined) throw new UsageError(`the configuration ${context.configFile} is not in ${name}`)
  } else if (context.configFile !== undefined) {
    // Outside the repository: the same file for every revision.
    configText = await fs.readFile(configFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read the configuration ${configFile}: ${error.code ?? String(error)}`)
    })
  }
  const configName = path.relative(context.root, configFile).split(path.sep).join('/')
  const loaded = configText === undefined ? { config: structuredClone(DEFAULT_CONFIG), diagnostics: [] } : parseConfig(configName, configText)

  const proposals = files
    .filter((file) => isProposalPath(file.path, proposalsPath))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((file) => ({ name: file.path.slice(repository.prefix.length), bytes: file.bytes }))
  // On the parser threads, like a folder's files: a pathological proposal in history is too-complex, never a hang.
  const results = await sharedPool().parse(proposals, loaded.config.limits)
  const checked = checkParsed(loaded.config, loaded.diagnostics, results)
  return { name, config: checked.config, proposals: checked.proposals, diagnostics: prefixed(checked.diagnostics, `${name}:${repository.prefix}`) }
}

/** A `*.md` under proposals/ with no file or folder name starting with `.` or `_` (as `listProposalFiles`). */
function isProposalPath(file: string, proposals: string): boolean {
  if (!file.startsWith(`${proposals}/`) || !/\.md$/i.test(file)) return false
  return file
    .slice(proposals.length + 1)
    .split('/')
    .every((part) => !part.startsWith('.') && !part.startsWith('_'))
}

function isFolder(folder: string): boolean {
  try {
    return statSync(folder).isDirectory()
  } catch {
    return false
  }
}

function prefixed(diagnostics: Diagnostic[], prefix: string): Diagnostic[] {
  return prefix === '' ? diagnostics : diagnostics.map((diagnostic) => ({ ...diagnostic, file: `${prefix}${diagnostic.file}` }))
}
