/**
 * Since when each referred proposal has been referred (docs/reference.md,
 * History): the first-parent history of HEAD, read through the loader.
 */
import { placements } from '../assemble/negotiation.js'
import { hasErrors } from '../diagnostics/format.js'
import { UsageError } from '../errors.js'
import { progress, type Io } from '../io.js'
import { firstParents, repositoryOf, resolveCommit } from '../read/git.js'
import { ReferralRuns, type ReferredSince } from '../revisions/history.js'
import { negotiationOf, type LoadOptions, type Workspace } from './pipeline.js'
import { loadCommit, type Revision } from './revision.js'

export interface HistoryContext extends Omit<LoadOptions, 'config' | 'cache'> {
  cwd: string
  root: string
  configFile?: string
  cache: NonNullable<LoadOptions['cache']>
}

/**
 * Walk the first-parent history of HEAD, newest first, reading each commit's
 * workspace through one cache and one `git cat-file` (a file version is read
 * and parsed once, by its blob id), until every run of referrals has ended.
 */
export async function referralHistory(workspace: Workspace, context: HistoryContext, io: Io): Promise<ReadonlyMap<string, ReferredSince>> {
  const repository = await repositoryOf(context.root)
  if (!repository) throw new UsageError(`stocktake --history reads the git history, and ${context.root} is not in a git repository`)
  const now = negotiationOf(workspace)!
  const runs = new ReferralRuns(
    workspace.proposals,
    placements(now.topics)
      .filter((placement) => placement.referred)
      .map((placement) => placement.proposal.id),
  )
  const head = await resolveCommit(repository, 'HEAD')
  if (head === undefined) return runs.result()
  const commits = await firstParents(repository, head)
  const shown = progress(io, 'consolidate: reading the history, commit')
  let skipped = 0
  const load = (index: number): Promise<Revision> =>
    loadCommit(commits[index].commit.slice(0, 12), commits[index].commit, repository, context, { allowEmpty: true })
  // The next commit is read (git, the parser threads) while this one is judged.
  let pending: Promise<Revision> | undefined = commits.length > 0 ? load(0) : undefined
  try {
    for (const [index, { commit, date }] of commits.entries()) {
      const revision = await pending!
      pending = index + 1 < commits.length ? load(index + 1) : undefined
      pending?.catch(() => undefined)
      // A commit without the workspace has no proposals: every run ends there.
      const failed = hasErrors(revision.diagnostics)
      if (failed) skipped++
      const negotiation = failed ? undefined : negotiationOf(revision)
      const referred = new Set(
        negotiation
          ? placements(negotiation.topics)
              .filter((placement) => placement.referred)
              .map((placement) => placement.proposal.id)
          : [],
      )
      const { symbol, date: configDate } = revision.config
      const more = runs.add({
        commit,
        date,
        ...(configDate === undefined ? {} : { configDate }),
        ...(symbol === undefined ? {} : { symbol }),
        snapshot: negotiation && { proposals: revision.proposals, referred },
      })
      shown.update(index + 1, commits.length)
      if (!more) break
    }
  } finally {
    shown.end()
    await pending?.catch(() => undefined)
    repository.blobs.close()
  }
  if (skipped > 0)
    io.stderr.write(
      `consolidate: ${skipped} commit${skipped === 1 ? '' : 's'} of the history ${skipped === 1 ? 'has' : 'have'} errors in the inputs and ${skipped === 1 ? 'was' : 'were'} skipped: ${skipped === 1 ? 'it neither breaks nor extends' : 'they neither break nor extend'} a run\n`,
    )
  return runs.result()
}
