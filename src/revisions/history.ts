/**
 * Since when each proposal referred to the stocktaking group has been
 * referred without a break (docs/reference.md, History): commits are given newest
 * first, and each referral's run goes back as long as the proposal exists and
 * is referred. Pure: the caller reads the commits.
 */
import type { Proposal } from '../types.js'
import { findRenames } from './compare.js'

/**
 * Where a run of referrals begins: the oldest commit of it, that revision's
 * date (its configuration's `date`, else the commit's, UTC) and its symbol.
 */
export interface ReferredSince {
  commit: string
  date: string
  symbol?: string
}

/** One commit of the first-parent history as the walk sees it. */
export interface HistoryPoint {
  commit: string
  /** The committer date, YYYY-MM-DD, UTC. */
  date: string
  /** The revision's own date, `date:` in its configuration: what "referred since" gives when there is one. */
  configDate?: string
  symbol?: string
  /** The proposals and those referred; undefined when the commit's workspace has errors: it neither breaks nor extends a run. */
  snapshot?: { proposals: Proposal[]; referred: ReadonlySet<string> }
}

/** The runs of the proposals referred now, extended commit by commit into the past. */
export class ReferralRuns {
  /** Each open run: the proposal's id now → its id in the newest commit looked at so far. */
  private readonly open = new Map<string, string>()
  private readonly since = new Map<string, ReferredSince>()
  private newer: Proposal[]

  /** `proposals` and `referred` (ids) are the workspace as it is now: uncommitted changes are not history, but name what is looked for. */
  constructor(proposals: Proposal[], referred: Iterable<string>) {
    this.newer = proposals
    for (const id of referred) this.open.set(id, id)
  }

  /** Look at the next older commit; false once every run has ended (older commits cannot change the result). */
  add(point: HistoryPoint): boolean {
    const snapshot = point.snapshot
    if (!snapshot || this.open.size === 0) return this.open.size > 0
    const olderIds = new Set(snapshot.proposals.map((proposal) => proposal.id))
    const newerIds = new Set(this.newer.map((proposal) => proposal.id))
    // A proposal renamed between the two (same topic and wording, one candidate): the run goes on under its older id.
    const renames = findRenames(
      snapshot.proposals.filter((proposal) => !newerIds.has(proposal.id)),
      this.newer.filter((proposal) => !olderIds.has(proposal.id)),
    )
    for (const [now, id] of [...this.open]) {
      const older = renames.get(id) ?? id
      if (olderIds.has(older) && snapshot.referred.has(older)) {
        this.since.set(now, { commit: point.commit, date: point.configDate ?? point.date, ...(point.symbol === undefined ? {} : { symbol: point.symbol }) })
        this.open.set(now, older)
      } else this.open.delete(now)
    }
    this.newer = snapshot.proposals
    return this.open.size > 0
  }

  /** Since when each proposal referred now has been referred; absent for one referred only in changes not yet committed. */
  result(): ReadonlyMap<string, ReferredSince> {
    return this.since
  }
}
