/**
 * The consolidated text (docs/reference.md, The consolidated text): the cover, every outline entry in order with
 * its notes and its live proposals (labelled, bracketed, attributed, flagged),
 * then the annexes of withdrawn and merged proposals. Pure.
 */
import type { Paragraph, RootContent } from 'mdast'
import { placements, topicsWithProposals } from '../../assemble/negotiation.js'
import { textCounts } from '../../revisions/stats.js'
import type { Language, Negotiation, PlacedChairText, PlacedNote, Placement, Proposal, StatsNumbers, TopicNode } from '../../types.js'
import { wordsFor } from '../i18n/index.js'
import { labelsFor, type Labels } from '../labels.js'
import type { Annex, ChairTextBlock, ContentsEntry, Document, NoteBlock, ProposalBlock, Section } from '../tree.js'
import {
  attributionWords,
  coverNode,
  DEFAULT_COVER,
  entryHeading,
  fileBody,
  heading,
  list,
  mergedLine,
  noTextWords,
  oneLine,
  paragraph,
  paragraphHeading,
  articleHeading,
  parkedLabel,
  Record,
  text,
  withdrawnLine,
  type CoverValues,
  type TopicTitles,
} from './parts.js'
import { coverValuesOf, identityOf, metaOf } from './identity.js'
import { fillCover } from './cover.js'
import { pendingLabel } from './pending.js'
import { supportMatrix } from './matrix.js'

export interface ConsolidatedOptions {
  /** The cover template (`templates/cover.md`), else the built-in one. */
  cover?: string
  /** The changes of the statistics since an older revision, for a redline's cover. */
  delta?: StatsNumbers
  /** A redline's: the older revision's symbol (or name), which its title says the changes are since. */
  since?: string
  /** Every proposal of the workspace (merged ones included), to name those a text incorporates; else the negotiation's own. */
  proposals?: readonly Proposal[]
}

/** The consolidated text of `negotiation`, in its configuration's language. */
export function consolidatedView(negotiation: Negotiation, options: ConsolidatedOptions = {}): Document {
  const { config } = negotiation
  const labels = labelsFor(config.language)
  const identity = identityOf(config, 'consolidated', undefined, options.since)
  const values = coverValuesOf(identity, consolidatedSummary(negotiation, labels, options.delta))
  const record = new Record(config, options.proposals ?? proposalsOf(negotiation))
  const titles = topicTitles(negotiation.topics)
  const children: RootContent[] = [
    coverNode(values, fillCover(options.cover ?? DEFAULT_COVER, values), identity.subtitle),
    { type: 'contents', entries: contents(negotiation, labels) },
    ...(config.attribution === false ? [] : [supportMatrix(negotiation, labels, 'support')]),
    ...negotiation.topics.map((topic) => topicSection(topic, { config, labels, record })),
    withdrawnAnnex(negotiation, labels, titles),
    ...(negotiation.merged.length > 0 ? [mergedAnnex(negotiation, labels, titles, record)] : []),
  ]
  return { meta: metaOf(config, 'consolidated', identity), tree: { type: 'root', children } }
}

/** What the consolidated text's cover says: title, symbol, date, the counts and statistics (and their changes, `delta`), the disclaimer. */
export function consolidatedCover(negotiation: Negotiation, labels: Labels = labelsFor(negotiation.config.language), delta?: StatsNumbers): CoverValues {
  return coverValuesOf(identityOf(negotiation.config, 'consolidated'), consolidatedSummary(negotiation, labels, delta))
}

/** The cover's summary: the counts, the record of parked and merged texts, the statistics (and their changes, `delta`). */
function consolidatedSummary(negotiation: Negotiation, labels: Labels, delta?: StatsNumbers): string {
  const live = placements(negotiation.topics)
  const record = labels.record.summary({ parked: live.filter((placement) => placement.proposal.status === 'parked').length, merged: negotiation.merged.length })
  const summary = [
    // Texts that belong to all participants are never referred: the sentence says nothing of stocktaking.
    negotiation.config.attribution === false
      ? wordsFor(negotiation.config.language).t('summaryUnattributed', {
          proposals: live.length,
          topics: topicsWithProposals(negotiation.topics),
          withdrawn: negotiation.withdrawn.length,
        })
      : labels.summary({
          proposals: live.length,
          topics: topicsWithProposals(negotiation.topics),
          referred: live.filter((placement) => placement.referred).length,
          withdrawn: negotiation.withdrawn.length,
        }),
    record,
    labels.revision.stats.line(textCounts(negotiation), delta),
  ]
    .filter(Boolean)
    .join(' ')
  return summary
}

function topicSection(topic: TopicNode, context: Context): Section {
  const { config } = context
  const children: RootContent[] = [
    // The Chair's texts come first under their topic, when the text shows them.
    ...(config.chairTexts === 'show' ? topic.chairTexts.map((placed) => chairTextBlock(placed, topic, config.language)) : []),
    ...topic.notes.map((placed) => noteBlock(placed, topic, context.labels, config.language)),
    ...topic.placements.map((placement) => proposalBlock(placement, topic, context)),
    ...topic.children.map((child) => topicSection(child, context)),
  ]
  if (topic.paragraph)
    return { type: 'section', kind: 'paragraph', id: topic.id, depth: topic.depth, heading: paragraphHeading(topic.paragraph.number, topic.title), children }
  if (topic.article !== undefined)
    return { type: 'section', kind: 'article', id: topic.id, depth: topic.depth, heading: articleHeading(topic.article, topic.title, context.labels), children }
  return { type: 'section', kind: 'topic', id: topic.id, depth: topic.depth, heading: entryHeading(topic), children }
}

/** What the blocks of a view are built with. */
interface Context {
  config: Negotiation['config']
  labels: Labels
  record: Record
}

/** A Chair's text: "Chair's text" (or its `by` role), then the text as written: never bracketed or attributed. */
function chairTextBlock(placed: PlacedChairText, topic: TopicNode, language: Language): ChairTextBlock {
  const { text: chair } = placed
  const label = placed.by === undefined ? wordsFor(language).t('record.chairText') : oneLine(placed.by)
  return {
    type: 'chairText',
    id: chair.id,
    children: [
      { type: 'label', role: 'chair', children: [text(label)] },
      ...pendingLabel(chair, language),
      { ...fileBody(chair.file, chair.body, { owner: `chair-${chair.id}`, depth: topic.depth, enclosed: false }), anchor: `c-${chair.id}-` },
    ],
  }
}

/** A note: its kind and author as a label, then its text. */
function noteBlock(placed: PlacedNote, topic: TopicNode, labels: Labels, language: Language): NoteBlock {
  const { note } = placed
  return {
    type: 'note',
    id: note.id,
    kind: note.kind,
    children: [
      { type: 'label', role: 'note', children: [text(noteLabel(placed, labels))] },
      ...pendingLabel(note, language),
      // Notes name their labels apart from proposals: a note may share a proposal's id.
      { ...fileBody(note.file, note.body, { owner: `note-${note.id}`, depth: topic.depth, enclosed: false }), anchor: `n-${note.id}-` },
    ],
  }
}

/** `Facilitator's note (Canada)`: the kind of a note, then who wrote it. */
export function noteLabel(placed: PlacedNote, labels: Labels): string {
  return `${labels.record.noteKinds[placed.note.kind]} (${oneLine(placed.by)})`
}

/** A live proposal: its labels, its text (bracketed unless agreed), its attribution, its flag. */
function proposalBlock(placement: Placement, topic: TopicNode, context: Context): ProposalBlock {
  const { labels, record } = context
  const { proposal } = placement
  const children: ProposalBlock['children'] = []
  const option = optionText(placement, labels, context.config.language)
  if (option !== undefined) children.push({ type: 'label', role: 'alt', children: [text(option)] })
  if (proposal.status === 'stabilized') children.push({ type: 'label', role: 'stabilized', children: [text(labels.stabilized)] })
  if (proposal.status === 'parked') children.push({ type: 'label', role: 'parked', children: [text(parkedLabel(proposal.reason, labels))] })
  if (proposal.title && proposal.title !== topic.title) children.push({ type: 'label', role: 'title', children: [text(oneLine(proposal.title))] })
  children.push(...pendingLabel(proposal, context.config.language))
  children.push(
    proposal.noText
      ? paragraph(text(noTextWords(placement, labels)))
      : // The bracket policy decided whether the tool encloses it (never an agreed text, never a second pair).
        { ...fileBody(proposal.file, proposal.body, { owner: proposal.id, depth: topic.depth, enclosed: placement.enclosed }), anchor: `p-${proposal.id}-` },
  )
  // Texts that belong to all participants are attributed to none.
  if (context.config.attribution !== false) children.push({ type: 'attribution', children: attributionWords(placement, labels, record) })
  if (placement.referred)
    children.push({ type: 'flag', level: placement.level, children: [text(labels.referred.replace('{level}', labels.level[placement.level]))] })
  return { type: 'proposal', id: proposal.id, status: proposal.status, noText: proposal.noText, referred: placement.referred, children }
}

function withdrawnAnnex(negotiation: Negotiation, labels: Labels, titles: TopicTitles): Annex {
  return {
    type: 'annex',
    id: 'annex',
    children: [
      heading(2, text(`${labels.annex}${labels.colon}${labels.withdrawn}`)),
      negotiation.withdrawn.length === 0
        ? paragraph(text(labels.withdrawnNone))
        : list(distinct(negotiation.withdrawn.map((each) => withdrawnLine(each, labels, titles)))),
    ],
  }
}

function mergedAnnex(negotiation: Negotiation, labels: Labels, titles: TopicTitles, record: Record): Annex {
  return {
    type: 'annex',
    id: 'merged',
    children: [
      heading(2, text(`${labels.annex}${labels.colon}${labels.record.merged}`)),
      list(distinct(negotiation.merged.map((each) => mergedLine(each, labels, titles, record)))),
    ],
  }
}

/** An alternative's label in the document's language (`Alt 2`, `Option I`, `Opción (a)`); none for a single text. */
export function optionText(placement: Placement, labels: Labels, language: Language): string | undefined {
  if (placement.option) return `${placement.option.word === 'alt' ? labels.alt : wordsFor(language).t('option')} ${placement.option.mark}`
  return placement.alt === undefined ? undefined : `${labels.alt} ${placement.alt}`
}

/** Every proposal the negotiation holds: placed, withdrawn and merged. */
function proposalsOf(negotiation: Negotiation): Proposal[] {
  return [
    ...placements(negotiation.topics).map((placement) => placement.proposal),
    ...negotiation.withdrawn.map((each) => each.proposal),
    ...negotiation.merged.map((each) => each.proposal),
  ]
}

/** The title of every entry of the outline, by id. */
export function topicTitles(topics: TopicNode[]): Map<string, string | undefined> {
  const titles = new Map<string, string | undefined>()
  const visit = (list: TopicNode[]): void => list.forEach((topic) => (titles.set(topic.id, topic.title), visit(topic.children)))
  visit(topics)
  return titles
}

/** Lines that would read alike are told apart by their place in the list: `(2)`. */
export function distinct(lines: Paragraph[]): Paragraph[] {
  const seen = new Map<string, number>()
  const key = (line: Paragraph): string => JSON.stringify(line.children)
  for (const line of lines) seen.set(key(line), (seen.get(key(line)) ?? 0) + 1)
  const counters = new Map<string, number>()
  return lines.map((line) => {
    if ((seen.get(key(line)) ?? 0) < 2) return line
    const count = (counters.get(key(line)) ?? 0) + 1
    counters.set(key(line), count)
    return { ...line, children: [...line.children, text(` (${count})`)] }
  })
}

/** The table of contents: the outline, the support matrix before it, the annexes after it. */
function contents(negotiation: Negotiation, labels: Labels): ContentsEntry[] {
  // An article's paragraphs have no heading: the contents list the article.
  const entries = (topics: TopicNode[]): ContentsEntry[] =>
    topics
      .filter((topic) => !topic.paragraph)
      .map((topic) => ({
        target: { kind: 'topic', id: topic.id },
        heading: topic.article === undefined ? entryHeading(topic) : articleHeading(topic.article, topic.title, labels),
        children: entries(topic.children),
      }))
  const extra = (id: string, words: string): ContentsEntry => ({ target: { kind: 'annex', id }, heading: [text(words)], extra: true, children: [] })
  return [
    ...(negotiation.config.attribution === false ? [] : [extra('support', labels.document.matrix.title)]),
    ...entries(negotiation.topics),
    extra('annex', `${labels.annex}${labels.colon}${labels.withdrawn}`),
    ...(negotiation.merged.length > 0 ? [extra('merged', `${labels.annex}${labels.colon}${labels.record.merged}`)] : []),
  ]
}
