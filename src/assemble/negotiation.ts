/** Proposals + configuration to the Negotiation: topics in order, alternatives, support levels. Pure. */
import { compareTopicIds } from './outline.js'
import { localise } from './language.js'
import { compareNames, Participants } from './participants.js'
import type { Config, Negotiation, OutlineEntry, Placement, Proposal, SupportLevel, TopicNode, Withdrawal } from '../types.js'

export interface AssembleOptions {
  /** Only these outline entries (a small group's topics), with the sections that hold them. */
  topics?: ReadonlySet<string>
}

/**
 * Place every proposal under its topic, in the configuration's language: names
 * and titles are resolved to it (the negotiation's `config` is localised), and
 * supporters sorted by the names shown. Expects validated proposals: a topic
 * missing from the outline, or an unknown participant, is a validation error.
 * The result does not depend on the order of `proposals`.
 */
export function assemble(proposals: Proposal[], configured: Config, options: AssembleOptions = {}): Negotiation {
  const config = localise(configured)
  const participants = new Participants(config.participants, config.language)
  const outline = config.outline ?? impliedOutline(proposals)
  const byTopic = new Map<string, Proposal[]>()
  for (const proposal of [...proposals].sort(compareAlternatives)) {
    const list = byTopic.get(proposal.topic.value) ?? []
    list.push(proposal)
    byTopic.set(proposal.topic.value, list)
  }

  const withdrawn: Withdrawal[] = []
  const build = (entries: OutlineEntry[], depth: number): TopicNode[] =>
    entries.flatMap((entry) => {
      const children = build(entry.children, depth + 1)
      const wanted = !options.topics || options.topics.has(entry.id)
      if (!wanted && children.length === 0) return []
      const onTopic = wanted ? byTopic.get(entry.id) ?? [] : []
      const live = onTopic.filter((proposal) => proposal.status !== 'withdrawn')
      for (const proposal of onTopic) {
        if (proposal.status === 'withdrawn') withdrawn.push({ proposal, authors: resolveAll(proposal.authors.map((author) => author.value)) })
      }
      const placements = live.map((proposal, index) => place(proposal, live.length > 1 ? index + 1 : undefined))
      return [{ id: entry.id, title: entry.title, depth, placements, children }]
    })

  function resolveAll(written: string[]): string[] {
    const names: string[] = []
    for (const name of written.map((each) => participants.resolve(each) ?? each)) if (!names.includes(name)) names.push(name)
    return names
  }

  function place(proposal: Proposal, alt: number | undefined): Placement {
    const authors = resolveAll(proposal.authors.map((author) => author.value))
    const supporters = resolveAll(proposal.supporters.map((supporter) => supporter.value))
      .filter((name) => !authors.includes(name))
      .sort(compareNames)
    const level = supportLevel(supporters.length, config.threshold)
    return { proposal, alt, authors, supporters, level, referred: proposal.status === 'proposed' && level !== 'broad' }
  }

  return { config, topics: build(outline, 1), withdrawn }
}

/** SPEC §5: none, limited (1 to T−1), broad (T or more). */
export function supportLevel(supporters: number, threshold: number): SupportLevel {
  return supporters === 0 ? 'none' : supporters < threshold ? 'limited' : 'broad'
}

/** Alternatives by `submitted` date, undated ones last, then by id. */
export function compareAlternatives(a: Proposal, b: Proposal): number {
  if (a.submitted !== b.submitted) {
    if (a.submitted === undefined) return 1
    if (b.submitted === undefined) return -1
    return a.submitted < b.submitted ? -1 : 1
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0
}

/** Without a configured outline: one flat entry per topic the proposals name, ordered by id. */
function impliedOutline(proposals: Proposal[]): OutlineEntry[] {
  const ids = [...new Set(proposals.map((proposal) => proposal.topic.value))].sort(compareTopicIds)
  return ids.map((id) => ({ id, children: [] }))
}

/** Every placement of a negotiation, in reading order. */
export function placements(topics: TopicNode[]): Placement[] {
  return topics.flatMap((topic) => [...topic.placements, ...placements(topic.children)])
}
