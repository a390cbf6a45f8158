/** What changed between two revisions of a negotiation, proposal by proposal (SPEC §9). Pure. */
import { compareNames, Participants } from '../assemble/participants.js'
import type { Config, Proposal, Status } from '../types.js'
import { words } from './words.js'

/** One revision as the diff sees it: its configuration and its proposals (read without errors). */
export interface Snapshot {
  config: Config
  proposals: Proposal[]
}

/** `diff --format json`, exactly as SPEC §9. */
export interface DiffReport {
  added: string[]
  removed: string[]
  withdrawn: string[]
  changed: ProposalChange[]
}

export interface ProposalChange {
  id: string
  /** The wording changed (whitespace and line endings alone are no change). */
  text: boolean
  status?: { from: Status; to: Status }
  /** Names in the newer revision's language, in `en` alphabetical order. */
  supporters?: { added: string[]; removed: string[] }
}

/** Each difference with the proposal as it was and as it is, for a reader's summary. */
export type Difference =
  | { kind: 'added'; after: Proposal }
  | { kind: 'removed'; before: Proposal }
  | { kind: 'withdrawn'; before: Proposal; after: Proposal }
  | { kind: 'changed'; before: Proposal; after: Proposal; change: ProposalChange }

/**
 * Compare two revisions; proposals are matched by id. Differences come in id order.
 * Participants are compared by their `en` names (whatever the languages each
 * revision gives) and named in the newer revision's language.
 */
export function compareSnapshots(old: Snapshot, next: Snapshot): Difference[] {
  const before = byId(old.proposals)
  const after = byId(next.proposals)
  const oldNames = new Participants(old.config.participants)
  const newNames = new Participants(next.config.participants)
  const shown = [new Participants(next.config.participants, next.config.language), new Participants(old.config.participants, next.config.language)]
  const show = (names: string[]): string[] => names.map((name) => shown.map((each) => each.resolve(name)).find((found) => found !== undefined) ?? name).sort(compareNames)
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort(compareIds)
  const differences: Difference[] = []
  for (const id of ids) {
    const was = before.get(id)
    const is = after.get(id)
    if (!was) differences.push({ kind: 'added', after: is! })
    else if (!is) differences.push({ kind: 'removed', before: was })
    else if (is.status === 'withdrawn' && was.status !== 'withdrawn') differences.push({ kind: 'withdrawn', before: was, after: is })
    else {
      const change: ProposalChange = { id, text: wording(was) !== wording(is) }
      if (was.status !== is.status) change.status = { from: was.status, to: is.status }
      const from = supportersOf(was, oldNames)
      const to = supportersOf(is, newNames)
      const gained = to.filter((name) => !from.includes(name))
      const lost = from.filter((name) => !to.includes(name))
      if (gained.length > 0 || lost.length > 0) change.supporters = { added: show(gained), removed: show(lost) }
      if (change.text || change.status || change.supporters) differences.push({ kind: 'changed', before: was, after: is, change })
    }
  }
  return differences
}

/** The SPEC §9 JSON of a list of differences. */
export function diffReport(differences: Difference[]): DiffReport {
  const report: DiffReport = { added: [], removed: [], withdrawn: [], changed: [] }
  for (const difference of differences) {
    if (difference.kind === 'added') report.added.push(difference.after.id)
    else if (difference.kind === 'removed') report.removed.push(difference.before.id)
    else if (difference.kind === 'withdrawn') report.withdrawn.push(difference.after.id)
    else report.changed.push(difference.change)
  }
  return report
}

/** A proposal's body text, as the file has it between the front matter and the end. */
export function bodyText(proposal: Proposal): string {
  return proposal.body.source.slice(proposal.body.start, proposal.body.end)
}

/** Canonical supporter names, distinct, without the authors, in `en` alphabetical order (as in the text). */
export function supportersOf(proposal: Proposal, participants: Participants): string[] {
  const resolve = (written: string): string => participants.resolve(written) ?? written
  const authors = new Set(proposal.authors.map((author) => resolve(author.value)))
  const supporters = new Set(proposal.supporters.map((supporter) => resolve(supporter.value)))
  return [...supporters].filter((name) => !authors.has(name)).sort(compareNames)
}

/** Canonical author names in the order written. */
export function authorsOf(proposal: Proposal, participants: Participants): string[] {
  return [...new Set(proposal.authors.map((author) => participants.resolve(author.value) ?? author.value))]
}

function wording(proposal: Proposal): string {
  return words(bodyText(proposal)).join(' ')
}

function byId(proposals: Proposal[]): Map<string, Proposal> {
  return new Map(proposals.map((proposal) => [proposal.id, proposal]))
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
