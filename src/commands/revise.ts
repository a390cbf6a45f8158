/**
 * `consolidate revise [--date YYYY-MM-DD] [--tag]`: the next revision in
 * consolidate.yaml (symbol, date, previous:, the documents' symbols), its
 * comments and layout kept; with `--tag`, the publication set built,
 * consolidate.yaml and out/ committed, the commit tagged `v<N>`.
 */
import { execFile } from 'node:child_process'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { hasErrors } from '../diagnostics/format.js'
import { EXIT, UsageError } from '../errors.js'
import { printDiagnostics, type Io } from '../io.js'
import { isIsoDate } from '../parse/front-matter.js'
import { parseConfig } from '../parse/config.js'
import { CACHE_FOLDER } from '../read/cache.js'
import { decode } from '../read/decode.js'
import { firstParents, repositoryOf, repositoryPath, resolveCommit, type Repository } from '../read/git.js'
import { resolveRoot } from '../read/root.js'
import { CONFIG_LIMIT } from '../read/workspace.js'
import { readBounded } from '../read/folder.js'
import { editConfig, hasRevision, nextSymbol, type Change, type Edit } from '../revisions/revise.js'
import type { ThreadPool } from '../threads/pool.js'
import type { Config } from '../types.js'
import { writeOutputs } from '../write.js'
import { loadRoot, withPool, type CommonOptions } from './load.js'
import { today } from './new.js'

export interface ReviseOptions extends CommonOptions {
  /** `--date YYYY-MM-DD`: the new revision's date (default: today). */
  date?: string
  /** `--tag`: build the publication set, commit consolidate.yaml and out/, tag `v<N>`. */
  tag?: boolean
}

/** A UTF-8 byte order mark, kept if the file has one. */
const BOM = '\ufeff'

export async function reviseCommand(options: ReviseOptions, io: Io, pool?: ThreadPool): Promise<number> {
  return withPool(pool, (threads) => revise(options, io, threads))
}

async function revise(options: ReviseOptions, io: Io, pool: ThreadPool): Promise<number> {
  const root = await resolveRoot(io.cwd, options.root)
  const file = options.config === undefined ? path.join(root, 'consolidate.yaml') : path.resolve(io.cwd, options.config)
  const shownFile = path.relative(io.cwd, file) || file
  const date = options.date === undefined ? today() : checkDate(options.date)
  const original = await readConfiguration(file, shownFile)

  const { workspace } = await loadRoot(options, io, pool)
  if (hasErrors(workspace.diagnostics)) {
    const errors = workspace.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
    await printDiagnostics(errors, io, root)
    io.stderr.write(
      `consolidate: ${errors.length} error${errors.length === 1 ? '' : 's'} in the inputs; fix them before preparing the next revision; nothing was changed\n`,
    )
    return EXIT.inputs
  }
  const { config } = workspace
  if (config.symbol === undefined)
    throw new UsageError(
      `${shownFile} has no \`symbol\`, and revise moves it to the next revision; add the current revision's, e.g. \`symbol: INF/ECOM/62/Rev.4\`, then run consolidate revise again`,
    )
  const next = nextSymbol(config.symbol)
  if ('problem' in next) throw new UsageError(next.problem)

  const repository = await repositoryOf(root)
  try {
    if (options.tag) await checkTaggable(repository, root, file, next.number)
    const previous = repository ? await previousRevision(repository, file, config.symbol) : undefined
    const edits: Edit[] = [{ path: ['symbol'], value: next.symbol }, { path: ['date'], value: date, after: 'symbol' }, ...documentEdits(config)]
    if (previous !== undefined) edits.push({ path: ['previous'], value: previous, after: 'date' })
    const edited = editConfig(original.text, edits)
    if ('problem' in edited) throw new UsageError(edited.problem)
    await writeOutputs(path.dirname(file), [{ name: path.basename(file), content: `${original.bom}${edited.text}` }])
    io.stdout.write(describeChanges(shownFile, edited.changes))
    if (previous === undefined)
      io.stderr.write(
        `consolidate: \`previous\` left as it was: ${path.basename(root)} is not in a git repository; set it to the folder that holds ${config.symbol}, for the redline\n`,
      )
    if (!options.tag) {
      io.stderr.write(`consolidate: ${shownFile} now prepares ${next.symbol}; next: consolidate build\n`)
      return EXIT.ok
    }
    return await buildCommitTag({ options, io, pool, repository: repository!, root, file, original, symbol: next.symbol, number: next.number })
  } finally {
    repository?.blobs.close()
  }
}

function checkDate(written: string): string {
  if (!isIsoDate(written.trim())) throw new UsageError(`--date "${written}" is not a date written YYYY-MM-DD, e.g. --date 2026-12-05`)
  return written.trim()
}

/** The configuration's text as written (line endings kept), apart from a byte order mark. */
async function readConfiguration(file: string, shown: string): Promise<{ text: string; bom: string; bytes: Uint8Array }> {
  const stat = await fs.lstat(file).catch(() => undefined)
  if (stat === undefined)
    throw new UsageError(
      `there is no configuration ${shown}, and revise moves its \`symbol\` to the next revision; create it with \`symbol:\` and \`date:\` (consolidate init writes one)`,
    )
  if (stat.isSymbolicLink())
    throw new UsageError(
      `${shown} is a symbolic link; revise rewrites the file in place and does not write through links: edit the file it leads to by hand, or replace the link with the file`,
    )
  if (!stat.isFile()) throw new UsageError(`${shown} is not a regular file; revise edits consolidate.yaml`)
  const read = await readBounded(file, CONFIG_LIMIT)
  if (!('bytes' in read)) throw new UsageError(`cannot read ${shown}: ${'tooLarge' in read ? `more than ${CONFIG_LIMIT} bytes` : read.unreadable}`)
  // Decoded only to check it; the text edited keeps its own line endings.
  if ('problem' in decode(read.bytes, 'the configuration')) throw new UsageError(`${shown} is not UTF-8 text; run consolidate check for where`)
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(read.bytes)
  return text.startsWith(BOM) ? { text: text.slice(1), bom: BOM, bytes: read.bytes } : { text, bom: '', bytes: read.bytes }
}

/** Every `documents.<view>.symbol` with a revision number moves with the text's; one that cannot is refused like the text's. */
function documentEdits(config: Config): Edit[] {
  return Object.entries(config.documents ?? {}).flatMap(([view, identity]) => {
    if (identity?.symbol === undefined || !hasRevision(identity.symbol)) return []
    const next = nextSymbol(identity.symbol)
    if ('problem' in next) throw new UsageError(`documents.${view}.symbol: ${next.problem}`)
    return [{ path: ['documents', view, 'symbol'], value: next.symbol }]
  })
}

function describeChanges(file: string, changes: Change[]): string {
  const width = Math.max(...changes.map((change) => change.field.length))
  return `${file}:\n${changes.map((change) => `  ${change.field.padEnd(width)}  ${change.from ?? '(none)'} \u2192 ${change.to}\n`).join('')}`
}

/**
 * The commit holding the revision being replaced, as `previous:` names it:
 * the oldest commit of HEAD's first-parent history whose configuration has
 * `symbol` (walking back to where that symbol began), by its tag when it has
 * one. A usage error when no commit has it.
 */
async function previousRevision(repository: Repository, file: string, symbol: string): Promise<string> {
  const inRepository = repositoryPath(repository, file)
  const head = await resolveCommit(repository, 'HEAD')
  const none = new UsageError(
    `no commit of this repository's history holds ${symbol} in its configuration, and \`previous:\` must name the revision being replaced; commit it first (git add -A && git commit), then run consolidate revise again`,
  )
  if (inRepository === undefined || head === undefined) throw none
  let found: string | undefined
  // Most commits leave the configuration as it was: each version of it is parsed once.
  const symbols = new Map<string, string | undefined>()
  for (const { commit } of await firstParents(repository, head)) {
    const bytes = await repository.blobs.read(`${commit}:${inRepository}`).catch(() => undefined)
    const decoded = bytes && decode(bytes, 'the configuration')
    const text = decoded && 'text' in decoded ? decoded.text : undefined
    if (text !== undefined && !symbols.has(text)) symbols.set(text, parseConfig(inRepository, text).config.symbol)
    const written = text === undefined ? undefined : symbols.get(text)
    if (written === symbol) found = commit
    else if (found !== undefined) break
  }
  if (found === undefined) throw none
  const tags = (await git(repository.top, ['tag', '--points-at', found])).split('\n').filter(Boolean).sort()
  const number = /\/rev\.(\d+)$/i.exec(symbol)?.[1]
  return tags.find((tag) => number !== undefined && tag === `v${number}`) ?? tags[0] ?? found
}

/** `--tag` needs git, a tag name still free, and no change in the workspace but consolidate.yaml and out/. */
async function checkTaggable(repository: Repository | undefined, root: string, file: string, number: number): Promise<void> {
  if (!repository)
    throw new UsageError(
      `--tag commits and tags the revision, and ${root} is not in a git repository; run consolidate revise without --tag, or put the workspace under git`,
    )
  if ((await resolveCommit(repository, `refs/tags/v${number}`)) !== undefined)
    throw new UsageError(
      `the tag v${number} exists already; if it names an older attempt at this revision, delete it (git tag -d v${number}) and run consolidate revise --tag again; nothing was changed`,
    )
  const allowed = [repositoryPath(repository, file), `${repository.prefix}out/`, `${repository.prefix}${CACHE_FOLDER}/`]
  const status = await git(repository.top, [
    'status',
    '--porcelain=v1',
    '-z',
    '--untracked-files=all',
    '--',
    repository.prefix === '' ? '.' : repository.prefix,
  ])
  const changed = status
    .split('\0')
    .filter((entry) => entry.length > 3)
    .map((entry) => entry.slice(3))
    .filter((name) => !allowed.some((each) => each !== undefined && (name === each || (each.endsWith('/') && name.startsWith(each)))))
  if (changed.length > 0) {
    const listed = changed
      .slice(0, 5)
      .map((name) => name.slice(repository.prefix.length))
      .join(', ')
    throw new UsageError(
      `--tag commits only consolidate.yaml and out/, and the workspace has other changes (${listed}${changed.length > 5 ? `, and ${changed.length - 5} more` : ''}); commit them first, then run consolidate revise --tag again; nothing was changed`,
    )
  }
}

interface Issue {
  options: ReviseOptions
  io: Io
  pool: ThreadPool
  repository: Repository
  root: string
  file: string
  original: { bytes: Uint8Array }
  symbol: string
  number: number
}

/** Build the publication set, then commit consolidate.yaml and out/ and tag the commit; a failed build puts consolidate.yaml back as it was. */
async function buildCommitTag({ options, io, pool, repository, root, file, original, symbol, number }: Issue): Promise<number> {
  const { build } = await import('./build.js')
  const built = await build({ root: options.root, config: options.config, cache: options.cache }, io, pool)
  if (built !== EXIT.ok) {
    await writeOutputs(path.dirname(file), [{ name: path.basename(file), content: original.bytes }])
    io.stderr.write(`consolidate: the build failed, so ${path.basename(file)} was put back as it was and nothing was committed\n`)
    return built
  }
  const paths = [path.relative(repository.top, file), path.relative(repository.top, path.join(root, 'out'))].map((each) => each.split(path.sep).join('/'))
  try {
    await git(repository.top, ['add', '-A', '--', ...paths])
    await git(repository.top, ['commit', '-q', '-m', `${symbol}`, '--', ...paths])
    await git(repository.top, ['tag', '-a', `v${number}`, '-m', symbol])
  } catch (error) {
    throw new UsageError(
      `${path.basename(file)} and out/ are ready for ${symbol}, but git refused to commit or tag them (${(error as Error).message}); commit them and tag the commit v${number} by hand`,
    )
  }
  const commit = (await git(repository.top, ['rev-parse', '--short=12', 'HEAD'])).trim()
  io.stderr.write(`consolidate: committed ${symbol} as ${commit} and tagged it v${number}\n`)
  return EXIT.ok
}

const run = promisify(execFile)

/** Run git in `cwd`; its standard output, or an error holding its first line of complaint. */
async function git(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', ['--no-pager', ...args], { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' }, maxBuffer: 64 * 1024 * 1024 })
    return stdout
  } catch (error) {
    const { stderr, code } = error as { stderr?: string; code?: string | number }
    if (code === 'ENOENT') throw new UsageError('git is not installed (or not on PATH); it is needed to commit and tag a revision')
    throw new Error(stderr?.trim().split('\n')[0] || String(error))
  }
}
