/** What changed between two revisions of a negotiation, proposal by proposal (SPEC §9). Pure. */
import { compareNatural } from '../model/outline.js'
import { compareNames, Participants } from '../model/participants.js'
import type { BracketPolicy, ChairText, Config, Note, Proposal, Status, Translation } from '../types.js'
import { tokenize } from '../model/words.js'

/** One revision as the diff sees it: its configuration, its proposals and its Chair's texts (read without errors); its notes and translations, for the translations it made stale. */
export interface Snapshot {
  config: Config
  proposals: Proposal[]
  chairTexts?: ChairText[]
  notes?: Note[]
  translations?: Translation[]
}

/** How a revision was named on the command line, and its symbol (from its configuration). */
export interface RevisionName {
  ref: string
  symbol?: string
}

/** `diff --format json`, exactly as docs/reference.md, diff. */
export interface DiffReport {
  from: RevisionName
  to: RevisionName
  added: string[]
  removed: string[]
  /** Present only when some proposal was renamed. */
  renamed?: Array<{ from: string; to: string }>
  withdrawn: string[]
  changed: ProposalChange[]
}

/** A field's value in each revision; `null` where it is not written. */
export interface FromTo<T> {
  from: T
  to: T
}

/** Names that joined and left a list, each list in `en` alphabetical order. */
export interface NameChanges {
  added: string[]
  removed: string[]
}

/** One proposal's changes; a key is present only when that field changed (`text` always is). */
export interface ProposalChange {
  id: string
  /** The wording changed (whitespace and line endings alone are no change). */
  text: boolean
  status?: FromTo<Status>
  topic?: FromTo<string>
  title?: FromTo<string | null>
  document?: FromTo<string | null>
  submitted?: FromTo<string | null>
  reason?: FromTo<string | null>
  mergedInto?: FromTo<string | null>
  noText?: FromTo<boolean>
  /** `order:` as written in the front matter (SPEC §9, §13). */
  order?: FromTo<number | null>
  /** The text's own bracket policy, `brackets:` as written in the front matter (SPEC §9, §13). */
  brackets?: FromTo<BracketPolicy | null>
  /** A Chair's text's `by` role (its `en` text). */
  by?: FromTo<string | null>
  /** Names in the newer revision's language, in `en` alphabetical order. */
  authors?: NameChanges
  /** Names in the newer revision's language, authors left out. */
  supporters?: NameChanges
}

/**
 * Each difference with the proposal as it was and as it is. `renamedFrom` is
 * the older id of a proposal whose id changed while its topic and text stayed
 * the same (docs/reference.md, diff: `renamed`); such a proposal is `renamed` when nothing else
 * changed, else `changed` or `withdrawn` under its new id.
 */
export type Difference = (
  | { kind: 'added'; after: Proposal }
  | { kind: 'removed'; before: Proposal }
  | { kind: 'withdrawn' | 'changed' | 'renamed'; before: Proposal; after: Proposal; change: ProposalChange; renamedFrom?: string }
) & {
  /**
   * A Chair's text (chair/, SPEC §14), compared as a proposal with no authors,
   * supporters or status: its `before`/`after` are `chairAsProposal` of it.
   */
  chair?: true
}

/** The Difference kinds that pair an older proposal with a newer one. */
export type Pair = Extract<Difference, { before: Proposal; after: Proposal }>

/**
 * Compare two revisions. Proposals are matched by id, then renamed ones by
 * topic and text; differences come in id order. Participants are compared by
 * their `en` names (whatever the languages each revision gives) and named in
 * the newer revision's language.
 */
export function compareSnapshots(old: Snapshot, next: Snapshot): Difference[] {
  const proposals = compareTexts(old, next, old.proposals, next.proposals)
  // Chair's texts are compared among themselves: a proposal and a Chair's text are never one text.
  const [oldChair, nextChair] = [old.chairTexts ?? [], next.chairTexts ?? []]
  const chair = compareTexts(old, next, oldChair.map(chairAsProposal), nextChair.map(chairAsProposal), oldChair, nextChair)
  return [...proposals, ...chair.map((difference): Difference => ({ ...difference, chair: true }))].sort((a, b) => compareNatural(idOf(a), idOf(b)))
}

/** The id a difference is listed under: the newer one. */
function idOf(difference: Difference): string {
  return difference.kind === 'removed' ? difference.before.id : difference.after.id
}

/**
 * A Chair's text as the diff compares it: a proposal with no authors,
 * supporters or status (always live), whose `reason` carries nothing.
 */
export function chairAsProposal(text: ChairText): Proposal {
  return {
    id: text.id,
    file: text.file,
    topic: text.topic,
    ...(text.title === undefined ? {} : { title: text.title }),
    authors: [],
    supporters: [],
    status: 'proposed',
    ...(text.order === undefined ? {} : { order: text.order }),
    ...(text.document === undefined ? {} : { document: text.document }),
    noText: false,
    places: { id: text.places.id, status: text.places.frontMatter, frontMatter: text.places.frontMatter },
    body: text.body,
    facts: text.facts,
    ...(text.pending === undefined ? {} : { pending: text.pending }),
  }
}

function compareTexts(
  old: Snapshot,
  next: Snapshot,
  oldTexts: Proposal[],
  nextTexts: Proposal[],
  oldChair: ChairText[] = [],
  nextChair: ChairText[] = [],
): Difference[] {
  const before = byId(oldTexts)
  const after = byId(nextTexts)
  const roles = {
    old: new Map(oldChair.map((text) => [text.id, text.by?.text ?? null])),
    next: new Map(nextChair.map((text) => [text.id, text.by?.text ?? null])),
  }
  const shown = [new Participants(next.config.participants, next.config.language), new Participants(old.config.participants, next.config.language)]
  const names: Names = {
    old: new Participants(old.config.participants),
    next: new Participants(next.config.participants),
    show: (list) => list.map((name) => shown.map((each) => each.resolve(name)).find((found) => found !== undefined) ?? name).sort(compareNames),
  }
  const renames = findRenames(
    oldTexts.filter((proposal) => !after.has(proposal.id)),
    nextTexts.filter((proposal) => !before.has(proposal.id)),
  )
  const renamedTo = new Map([...renames].map(([to, from]) => [from, to]))
  const ids = [...new Set([...before.keys(), ...after.keys()])].filter((id) => !renamedTo.has(id)).sort(compareNatural)
  const differences: Difference[] = []
  for (const id of ids) {
    const renamedFrom = renames.get(id)
    const was = before.get(renamedFrom ?? id)
    const is = after.get(id)
    if (!was) differences.push({ kind: 'added', after: is! })
    else if (!is) differences.push({ kind: 'removed', before: was })
    else {
      const change = compareProposals(was, is, names)
      const [roleWas, roleIs] = [roles.old.get(was.id) ?? null, roles.next.get(is.id) ?? null]
      if (roleWas !== roleIs) change.by = { from: roleWas, to: roleIs }
      const rename = renamedFrom === undefined ? {} : { renamedFrom }
      if (is.status === 'withdrawn' && was.status !== 'withdrawn') differences.push({ kind: 'withdrawn', before: was, after: is, change, ...rename })
      else if (Object.keys(change).length > 2 || change.text) differences.push({ kind: 'changed', before: was, after: is, change, ...rename })
      else if (renamedFrom !== undefined) differences.push({ kind: 'renamed', before: was, after: is, change, renamedFrom })
    }
  }
  return differences
}

/**
 * Renamed proposals: new id → old id, for each proposal only in the newer
 * revision whose topic and wording are those of exactly one proposal only in
 * the older one (and no other newer one shares them). "No text" alternatives are never paired.
 */
export function findRenames(gone: Proposal[], arrived: Proposal[]): Map<string, string> {
  const key = (proposal: Proposal): string | undefined => (proposal.noText ? undefined : `${proposal.topic.value}\0${wording(proposal)}`)
  const olds = new Map<string, Proposal[]>()
  for (const proposal of gone) {
    const k = key(proposal)
    if (k !== undefined) olds.set(k, [...(olds.get(k) ?? []), proposal])
  }
  const news = new Map<string, Proposal[]>()
  for (const proposal of arrived) {
    const k = key(proposal)
    if (k !== undefined) news.set(k, [...(news.get(k) ?? []), proposal])
  }
  const renames = new Map<string, string>()
  for (const [k, list] of news) {
    const candidates = olds.get(k) ?? []
    if (list.length === 1 && candidates.length === 1) renames.set(list[0].id, candidates[0].id)
  }
  return renames
}

/** How participants are compared (`en` names, each revision's own resolver) and shown (in the newer revision's language). */
export interface Names {
  old: Participants
  next: Participants
  show: (names: string[]) => string[]
}

/** Every field of two versions of a proposal, compared (`{ id, text }` alone when only the id differs). */
export function compareProposals(was: Proposal, is: Proposal, names: Names): ProposalChange {
  // The same text is the same wording: tokenized only when it differs. A text whose translation became current or pending (`diff --lang`) changed its text too.
  const change: ProposalChange = { id: is.id, text: (bodyText(was) !== bodyText(is) && wording(was) !== wording(is)) || was.pending !== is.pending }
  if (was.status !== is.status) change.status = { from: was.status, to: is.status }
  if (was.topic.value !== is.topic.value) change.topic = { from: was.topic.value, to: is.topic.value }
  const fields = ['title', 'document', 'submitted', 'reason'] as const
  for (const field of fields) {
    if ((was[field] ?? null) !== (is[field] ?? null)) change[field] = { from: was[field] ?? null, to: is[field] ?? null }
  }
  if ((was.mergedInto?.value ?? null) !== (is.mergedInto?.value ?? null))
    change.mergedInto = { from: was.mergedInto?.value ?? null, to: is.mergedInto?.value ?? null }
  if (was.noText !== is.noText) change.noText = { from: was.noText, to: is.noText }
  if ((was.order ?? null) !== (is.order ?? null)) change.order = { from: was.order ?? null, to: is.order ?? null }
  if ((was.brackets ?? null) !== (is.brackets ?? null)) change.brackets = { from: was.brackets ?? null, to: is.brackets ?? null }
  const authors = nameChanges(authorsOf(was, names.old), authorsOf(is, names.next))
  if (authors) change.authors = { added: names.show(authors.added), removed: names.show(authors.removed) }
  const supporters = nameChanges(supportersOf(was, names.old), supportersOf(is, names.next))
  if (supporters) change.supporters = { added: names.show(supporters.added), removed: names.show(supporters.removed) }
  return change
}

/** The JSON (docs/reference.md, diff) of a list of differences. */
export function diffReport(differences: Difference[], names: { from: RevisionName; to: RevisionName }): DiffReport {
  const report: DiffReport = { from: names.from, to: names.to, added: [], removed: [], withdrawn: [], changed: [] }
  const renamed: Array<{ from: string; to: string }> = []
  for (const difference of differences) {
    if (difference.kind === 'added') report.added.push(difference.after.id)
    else if (difference.kind === 'removed') report.removed.push(difference.before.id)
    else {
      if (difference.renamedFrom !== undefined) renamed.push({ from: difference.renamedFrom, to: difference.after.id })
      if (difference.kind === 'withdrawn') report.withdrawn.push(difference.after.id)
      else if (difference.kind === 'changed') report.changed.push(difference.change)
    }
  }
  if (renamed.length === 0) return report
  const { from, to, added, removed, withdrawn, changed } = report
  return { from, to, added, removed, renamed, withdrawn, changed }
}

/** How the report names a revision: as given, with its configuration's symbol when it has one. */
export function revisionName(ref: string, config: Config): RevisionName {
  return config.symbol === undefined ? { ref } : { ref, symbol: config.symbol }
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

/** The wording as compared: its tokens, whatever the whitespace between them. */
export function wording(proposal: Proposal): string {
  return tokenize(bodyText(proposal))
    .map((token) => token.text)
    .join('\u0000')
}

function nameChanges(from: string[], to: string[]): NameChanges | undefined {
  const added = to.filter((name) => !from.includes(name)).sort(compareNames)
  const removed = from.filter((name) => !to.includes(name)).sort(compareNames)
  return added.length > 0 || removed.length > 0 ? { added, removed } : undefined
}

function byId(proposals: Proposal[]): Map<string, Proposal> {
  return new Map(proposals.map((proposal) => [proposal.id, proposal]))
}
