/** The numbers negotiators follow from revision to revision (docs/reference.md, Statistics). Pure. */
import { placements } from '../assemble/negotiation.js'
import type { StatsNumbers } from '../types.js'
import { isLive, type Negotiation, type PlacedChairText, type Proposal, type TopicNode } from '../types.js'

export interface Counts {
  proposals: { live: number; proposed: number; stabilized: number; parked: number; merged: number; withdrawn: number; referred: number }
  /** The Chair's texts (chair/), beside the proposals (SPEC §14). */
  chairTexts: number
  topics: { total: number; withText: number; stabilized: number; withAlternatives: number }
  brackets: number
  placeholders: number
}

/** `stats --format json`, exactly as docs/reference.md, Statistics; `since` only with `--since`. */
export interface Stats extends Counts {
  symbol?: string
  since?: { ref: string; symbol?: string } & Counts
}

/**
 * The counts of a negotiation assembled from `proposals` (all of them, merged
 * and withdrawn included). Brackets and placeholders are those of the live
 * texts (a "no text" alternative has none): the pairs `unbalanced-brackets`
 * matches, the enclosing pair the tool adds not among them. Topics are the
 * outline entries without sub-entries (paragraphs included; without an
 * outline, the topics the texts name); a topic holding only a Chair's text
 * is not `withText`.
 */
export function countNegotiation(negotiation: Negotiation, proposals: Proposal[]): Counts {
  const byStatus = (status: Proposal['status']): number => proposals.filter((proposal) => proposal.status === status).length
  const live = proposals.filter((proposal) => isLive(proposal.status))
  const { brackets, placeholders, ...topics } = textCounts(negotiation)
  return {
    proposals: {
      live: live.length,
      proposed: byStatus('proposed'),
      stabilized: byStatus('stabilized'),
      parked: byStatus('parked'),
      merged: byStatus('merged'),
      withdrawn: byStatus('withdrawn'),
      referred: placements(negotiation.topics).filter((placement) => placement.referred).length,
    },
    chairTexts: chairTextsOf(negotiation.topics).length,
    topics: { total: topics.topics, withText: topics.withText, stabilized: topics.stabilized, withAlternatives: topics.withAlternatives },
    brackets,
    placeholders,
  }
}

/** The numbers of the texts in the negotiation (a small group's only, for its extract): what a cover's statistics line says. */
export function textCounts(negotiation: Negotiation): StatsNumbers {
  const placed = placements(negotiation.topics)
  const chair = chairTextsOf(negotiation.topics)
  const leaves = leafTopics(negotiation.topics)
  return {
    // A Chair's text counts its pairs and placeholders whether the text shows it or not (SPEC §14).
    brackets: [...placed, ...chair].reduce((sum, text) => sum + text.brackets, 0),
    placeholders: [...placed, ...chair].reduce((sum, text) => sum + text.placeholders.length, 0),
    topics: leaves.length,
    withText: leaves.filter((topic) => topic.placements.some((placement) => !placement.proposal.noText)).length,
    stabilized: leaves.filter((topic) => topic.placements.some((placement) => placement.proposal.status === 'stabilized')).length,
    withAlternatives: leaves.filter((topic) => topic.placements.length > 1).length,
  }
}

/** The JSON of `stats`: the counts, and with an older revision each one's change since it, zeros included. */
export function statsReport(counts: Counts, symbol: string | undefined, since?: { ref: string; symbol?: string; counts: Counts }): Stats {
  const report: Stats = { ...(symbol === undefined ? {} : { symbol }), ...structuredClone(counts) }
  if (since) report.since = { ref: since.ref, ...(since.symbol === undefined ? {} : { symbol: since.symbol }), ...difference(counts, since.counts) }
  return report
}

/** `now − then`, number by number, in the same nesting. */
export function difference(now: Counts, then: Counts): Counts {
  const each = <T extends Record<string, number>>(a: T, b: T): T => Object.fromEntries(Object.keys(a).map((key) => [key, a[key] - b[key]])) as T
  return {
    proposals: each(now.proposals, then.proposals),
    chairTexts: now.chairTexts - then.chairTexts,
    topics: each(now.topics, then.topics),
    brackets: now.brackets - then.brackets,
    placeholders: now.placeholders - then.placeholders,
  }
}

/** The numbers of a cover's statistics line. */
export function coverNumbers(counts: Counts): StatsNumbers {
  return {
    brackets: counts.brackets,
    placeholders: counts.placeholders,
    topics: counts.topics.total,
    withText: counts.topics.withText,
    stabilized: counts.topics.stabilized,
    withAlternatives: counts.topics.withAlternatives,
  }
}

/** Every Chair's text of a negotiation, in reading order. */
function chairTextsOf(topics: TopicNode[]): PlacedChairText[] {
  return topics.flatMap((topic) => [...topic.chairTexts, ...chairTextsOf(topic.children)])
}

function leafTopics(topics: TopicNode[]): TopicNode[] {
  return topics.flatMap((topic) => (topic.children.length === 0 ? [topic] : leafTopics(topic.children)))
}
