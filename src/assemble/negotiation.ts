/** Proposals + configuration to the Negotiation: topics in order, alternatives, support levels. Pure. */
import { compareNatural } from '../model/outline.js'
import { localise, pick, typography } from '../model/language.js'
import { findPlaceholders } from '../parse/placeholders.js'
import { compareNames, Participants } from '../model/participants.js'
import {
  isLive,
  type BracketPolicy,
  type ChairText,
  type Config,
  type PlacedChairText,
  type OptionLabel,
  type OptionStyle,
  type Merger,
  type Negotiation,
  type Note,
  type OutlineEntry,
  type PlacedNote,
  type Placement,
  type Proposal,
  type SupportLevel,
  type TopicNode,
  type Withdrawal,
} from '../types.js'

export interface AssembleOptions {
  /** Only these outline entries (a small group's topics), with the sections that hold them. */
  topics?: ReadonlySet<string>
  /** The workspace's notes (notes/), each placed under its topic. */
  notes?: Note[]
  /** The workspace's Chair's texts (chair/), each placed under its topic. */
  chairTexts?: ChairText[]
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
  const chairTexts = options.chairTexts ?? []
  const outline = config.outline ?? impliedOutline([...proposals, ...(options.notes ?? []), ...chairTexts].map((text) => text.topic.value))
  const byTopic = new Map<string, Proposal[]>()
  for (const proposal of [...proposals].sort(compareAlternatives)) {
    const list = byTopic.get(proposal.topic.value) ?? []
    list.push(proposal)
    byTopic.set(proposal.topic.value, list)
  }

  const byId = new Map<string, Proposal>()
  for (const proposal of [...proposals].sort(compareAlternatives)) if (!byId.has(proposal.id)) byId.set(proposal.id, proposal)
  // What each proposal incorporates: the merged proposals that name it, whatever their topic.
  const incorporated = new Map<string, string[]>()
  for (const proposal of byId.values()) {
    const into = proposal.status === 'merged' ? proposal.mergedInto?.value : undefined
    if (into !== undefined) incorporated.set(into, [...(incorporated.get(into) ?? []), proposal.id])
  }
  const chairByTopic = new Map<string, ChairText[]>()
  for (const text of [...chairTexts].sort(compareAlternatives)) chairByTopic.set(text.topic.value, [...(chairByTopic.get(text.topic.value) ?? []), text])
  const notesByTopic = new Map<string, Note[]>()
  for (const note of [...(options.notes ?? [])].sort(compareNotes)) notesByTopic.set(note.topic.value, [...(notesByTopic.get(note.topic.value) ?? []), note])

  const withdrawn: Withdrawal[] = []
  const merged: Merger[] = []
  const build = (entries: OutlineEntry[], depth: number, inherited: OptionStyle): TopicNode[] =>
    entries.flatMap((entry) => {
      const style = entry.options ?? inherited
      const wanted = !options.topics || options.topics.has(entry.id)
      const onTopic = wanted ? (byTopic.get(entry.id) ?? []) : []
      const live = onTopic.filter((proposal) => isLive(proposal.status))
      for (const proposal of onTopic) {
        const authors = resolveAll(proposal.authors.map((author) => author.value))
        if (proposal.status === 'withdrawn') withdrawn.push({ proposal, authors })
        const into = proposal.status === 'merged' ? byId.get(proposal.mergedInto?.value ?? '') : undefined
        if (into) merged.push({ proposal, authors, into })
      }
      // After this entry's own annex entries: both annexes follow the outline.
      const children = build(entry.children, depth + 1, style)
      if (!wanted && children.length === 0) return []
      const notes = wanted
        ? (notesByTopic.get(entry.id) ?? []).map((note): PlacedNote => ({ note, by: participants.resolve(note.by.value) ?? note.by.value }))
        : []
      const placements = live.map((proposal, index) => place(proposal, live.length > 1 ? index + 1 : undefined, style))
      const chair = wanted ? (chairByTopic.get(entry.id) ?? []).map(placeChairText) : []
      const structure = { ...(entry.article === undefined ? {} : { article: entry.article }), ...(entry.paragraph ? { paragraph: entry.paragraph } : {}) }
      return [{ id: entry.id, title: entry.title, depth, ...structure, options: style, notes, chairTexts: chair, placements, children }]
    })

  function resolveAll(written: string[]): string[] {
    const names: string[] = []
    for (const name of written.map((each) => participants.resolve(each) ?? each)) if (!names.includes(name)) names.push(name)
    return names
  }

  function placeChairText(text: ChairText): PlacedChairText {
    const by = text.by && typography(pick(text.by.names, config.language, text.by.text), config.language)
    return {
      text,
      ...(by === undefined ? {} : { by }),
      brackets: text.facts.brackets,
      placeholders: findPlaceholders(text.body, text.facts, config.placeholders),
    }
  }

  function place(proposal: Proposal, alt: number | undefined, style: OptionStyle): Placement {
    const authors = resolveAll(proposal.authors.map((author) => author.value))
    const supporters = resolveAll(proposal.supporters.map((supporter) => supporter.value))
      .filter((name) => !authors.includes(name))
      .sort(compareNames)
    const support = supportOf(proposal, participants)
    const level = supportLevel(support, config.threshold)
    const incorporates = [...(incorporated.get(proposal.id) ?? [])].sort(compareNatural)
    return {
      proposal,
      alt,
      ...(alt === undefined ? {} : { option: optionLabel(style, alt) }),
      authors,
      supporters,
      support,
      level,
      // Without attributions there is no support to judge, so nothing is referred (SPEC §15).
      referred: config.attribution && proposal.status === 'proposed' && level !== 'broad',
      incorporates,
      enclosed: encloses(proposal, config.brackets),
      brackets: countedBrackets(proposal),
      placeholders: proposal.noText ? [] : findPlaceholders(proposal.body, proposal.facts, config.placeholders),
    }
  }

  const topics = build(outline, 1, config.options)
  return { config, topics, withdrawn, merged }
}

/** The label of the `n`th alternative (from 1) in a style (SPEC §13): Alt 1, Option 1, Option I, Option (a). */
export function optionLabel(style: OptionStyle, n: number): OptionLabel {
  switch (style) {
    case 'alt':
      return { word: 'alt', mark: String(n) }
    case 'option':
      return { word: 'option', mark: String(n) }
    case 'roman':
      return { word: 'option', mark: roman(n) }
    case 'letter':
      return { word: 'option', mark: `(${letters(n)})` }
  }
}

/** `I`, `IV`, `XIV` … in capitals, as treaties number options; past 3999 the number itself. */
export function roman(n: number): string {
  if (n < 1 || n > 3999) return String(n)
  const numerals: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ]
  let rest = n
  let text = ''
  for (const [value, numeral] of numerals) for (; rest >= value; rest -= value) text += numeral
  return text
}

/** `a` … `z`, then `aa`, `bb` … `zz`, `aaa` …: the treaty style of lettered subparagraphs. */
export function letters(n: number): string {
  const letter = String.fromCharCode(97 + ((n - 1) % 26))
  return letter.repeat(Math.floor((n - 1) / 26) + 1)
}

/**
 * Whether the tool adds its pair of brackets around a text (SPEC §13): never
 * to an agreed text, always to `[No text]` otherwise; never to a text that is
 * already one bracketed span (its pair is the enclosing pair); to a parked
 * text whatever the policy; to a proposed one under `brackets: enclose`
 * (`policy`, the configuration's, unless the text sets its own).
 */
export function encloses(proposal: Pick<Proposal, 'status' | 'noText' | 'brackets' | 'facts'>, policy: BracketPolicy): boolean {
  if (proposal.status === 'stabilized') return false
  if (proposal.noText) return true
  if (proposal.facts.oneSpan) return false
  return proposal.status === 'parked' || (proposal.brackets ?? policy) === 'enclose'
}

/** The bracket pairs a text counts in `stats` (SPEC §10, §13): its own, less the one that encloses it; none for "no text". */
export function countedBrackets(proposal: Pick<Proposal, 'status' | 'noText' | 'facts'>): number {
  if (proposal.noText) return 0
  return proposal.facts.brackets - (proposal.facts.oneSpan && proposal.status !== 'stabilized' ? 1 : 0)
}

/**
 * SPEC §5 as §15 generalises it: the distinct participants behind a text
 * (authors and supporters, each group replaced by its members, observers left
 * out), less one when an author is counted. Co-sponsors count; no participant
 * is counted twice, whether it is named again or belongs to a group also named.
 */
export function supportOf(proposal: Pick<Proposal, 'authors' | 'supporters'>, participants: Participants): number {
  const authors = new Set(proposal.authors.flatMap((author) => participants.counted(author.value)))
  const behind = new Set([...authors, ...proposal.supporters.flatMap((supporter) => participants.counted(supporter.value))])
  return behind.size - (authors.size > 0 ? 1 : 0)
}

/** SPEC §5: none (support 0), limited (1 to T−1), broad (T or more); `support` is `|authors ∪ supporters| − 1`. */
export function supportLevel(support: number, threshold: number): SupportLevel {
  return support <= 0 ? 'none' : support < threshold ? 'limited' : 'broad'
}

/** Notes by id (numbers as numbers), then file. */
function compareNotes(a: Note, b: Note): number {
  return compareNatural(a.id, b.id) || compareNatural(a.file, b.file)
}

/**
 * Alternatives as SPEC §13 orders them: by `order` (those without last), then
 * by `submitted` date (undated ones last), then by id with numbers compared as
 * numbers (`opt2` before `opt10`), then by file.
 */
export function compareAlternatives(
  a: Pick<Proposal, 'id' | 'file' | 'order' | 'submitted'>,
  b: Pick<Proposal, 'id' | 'file' | 'order' | 'submitted'>,
): number {
  if (a.order !== b.order) {
    if (a.order === undefined) return 1
    if (b.order === undefined) return -1
    return a.order - b.order
  }
  if (a.submitted !== b.submitted) {
    if (a.submitted === undefined) return 1
    if (b.submitted === undefined) return -1
    return a.submitted < b.submitted ? -1 : 1
  }
  return compareNatural(a.id, b.id) || compareNatural(a.file, b.file)
}

/** Without a configured outline: one flat entry per topic the proposals (and notes) name, ordered by id. */
function impliedOutline(topics: string[]): OutlineEntry[] {
  const ids = [...new Set(topics)].sort(compareNatural)
  return ids.map((id) => ({ id, children: [] }))
}

/** Every placement of a negotiation, in reading order. */
export function placements(topics: TopicNode[]): Placement[] {
  return topics.flatMap((topic) => [...topic.placements, ...placements(topic.children)])
}

/** How many outline entries hold at least one proposal of the text: what "proposals on N topics" counts. */
export function topicsWithProposals(topics: TopicNode[]): number {
  return topics.reduce((count, topic) => count + (topic.placements.length > 0 ? 1 : 0) + topicsWithProposals(topic.children), 0)
}
