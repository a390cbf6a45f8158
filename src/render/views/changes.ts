/** Differences to a change list for a revision's cover note: by topic in outline order, wording word by word. Pure. */
import { bodyText, authorsOf, supportersOf, type Difference, type Pair, type Snapshot } from '../../revisions/compare.js'
import { labelsFor, type ChangeCounts, type Labels } from '../labels.js'
import { compareNatural, flattenOutline } from '../../model/outline.js'
import { compareAlternatives } from '../../assemble/negotiation.js'
import { Participants } from '../../model/participants.js'
import { code, fill, heading, oneLine, paragraph, plain, strong, verbatim, writeMarkdown } from '../writer.js'
import type { Blockquote, ListItem, PhrasingContent, RootContent } from 'mdast'
import { attribution, topicHeading } from './parts.js'
import { localise } from '../../model/language.js'
import { isLive, type Config, type Language, type Proposal } from '../../types.js'
import { madeStale, type MadeStale } from '../../assemble/translation-queue.js'
import { wordsFor } from '../i18n/index.js'
import { diffWords, hunks, joinTokens, paragraphTokenStarts, tokenize, type Hunk, type Token } from '../../model/words.js'

export interface DiffMarkdownOptions {
  /** What the user called the two revisions (`HEAD~1`, a folder); the title uses each one's symbol when it has one. */
  names: { old: string; new: string }
  /** Level of the title heading; topics are one level deeper. Default 1. */
  depth?: number
}

/** How the change list files a difference. */
export type Kind = keyof ChangeCounts
const KIND_ORDER: Kind[] = ['added', 'stabilized', 'merged', 'changed', 'renamed', 'withdrawn', 'removed']

/** The change list, in the language of the newer revision. */
export function renderDiff(differences: Difference[], old: Snapshot, next: Snapshot, options: DiffMarkdownOptions): string {
  const labels = labelsFor(next.config.language)
  const depth = options.depth ?? 1
  const children: RootContent[] = [heading(depth, ...fill(labels.diff.title, revisionTitles(old, next, options.names)))]
  const stale = staleSection(madeStale(old, next), next.config.language, depth + 1)
  if (differences.length === 0) {
    children.push(paragraph(plain(labels.diff.nothing)), ...stale)
    return writeMarkdown({ type: 'root', children })
  }
  children.push(paragraph(plain(labels.revision.diff.summary(countChanges(differences)))))

  const language = next.config.language
  const context: EntryContext = {
    labels,
    // Names and titles in the newer revision's language, whichever revision a proposal is shown from.
    names: { old: new Participants(old.config.participants, language), next: new Participants(next.config.participants, language) },
    alts: { old: altNumbers(old.proposals), next: altNumbers(next.proposals) },
    topics: topicOrder(localise({ ...old.config, language }), localise(next.config)),
  }
  const byTopic = new Map<string, Difference[]>()
  for (const difference of differences) {
    const topic = proposalOf(difference).topic.value
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), difference])
  }
  const { index, titles } = context.topics
  const rank = (id: string): number => (index.has(id) ? index.get(id)! : Infinity)
  const ids = [...byTopic.keys()].sort((a, b) => rank(a) - rank(b) || compareNatural(a, b))
  for (const id of ids) {
    children.push(heading(depth + 1, plain(topicHeading({ id, title: titles.get(id) }))))
    const entries = byTopic
      .get(id)!
      .map((difference) => ({ difference, kind: kindOf(difference) }))
      .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind))
    children.push({ type: 'list', ordered: false, spread: false, children: entries.map(({ difference, kind }) => entry(difference, kind, context)) })
  }
  children.push(...stale)
  return writeMarkdown({ type: 'root', children })
}

/** The translations the revision made stale (SPEC §17), each text with its languages; nothing when it made none stale. */
function staleSection(stale: MadeStale[], language: Language, depth: number): RootContent[] {
  if (stale.length === 0) return []
  const words = wordsFor(language)
  const item = (text: MadeStale): ListItem => ({
    type: 'listItem',
    spread: false,
    children: [
      paragraph(
        ...fill(words.template('translation.staleItem'), {
          text: code(text.id),
          languages: plain(text.languages.map((each) => words.t(`language.${each}`)).join(', ')),
        }),
      ),
    ],
  })
  return [
    heading(depth, plain(words.t('translation.staleTitle'))),
    paragraph(plain(words.t('translation.staleIntro', { count: stale.length }))),
    { type: 'list', ordered: false, spread: false, children: stale.map(item) },
  ]
}

/** `{old}` and `{new}` of a title: each revision's symbol (when the two differ), else the name it was given. */
export function revisionTitles(old: Snapshot, next: Snapshot, names: { old: string; new: string }): { old: PhrasingContent; new: PhrasingContent } {
  const differ = old.config.symbol !== next.config.symbol
  const side = (symbol: string | undefined, name: string): PhrasingContent => (differ && symbol ? plain(oneLine(symbol)) : code(name))
  return { old: side(old.config.symbol, names.old), new: side(next.config.symbol, names.new) }
}

/** How many proposals each kind of change touched. */
export function countChanges(differences: Difference[]): ChangeCounts {
  const counts: ChangeCounts = { added: 0, stabilized: 0, merged: 0, changed: 0, renamed: 0, withdrawn: 0, removed: 0 }
  for (const difference of differences) counts[kindOf(difference)]++
  return counts
}

/** The kind a difference is listed under: a change of status to stabilized or merged is its own kind. */
export function kindOf(difference: Difference): Kind {
  if (difference.kind === 'changed' && difference.change.status?.to === 'stabilized') return 'stabilized'
  if (difference.kind === 'changed' && difference.change.status?.to === 'merged') return 'merged'
  return difference.kind
}

interface EntryContext {
  labels: Labels
  names: { old: Participants; next: Participants }
  alts: { old: Map<string, number>; next: Map<string, number> }
  topics: { index: Map<string, number>; titles: Map<string, string | undefined> }
}

/** One proposal's item: what it is, who tabled it, then each change. */
function entry(difference: Difference, kind: Kind, context: EntryContext): ListItem {
  const { labels } = context
  const proposal = proposalOf(difference)
  const names = difference.kind === 'removed' ? context.names.old : context.names.next
  const title = proposal.title ? ` \u2014 ${oneLine(proposal.title)}` : ''
  const kindWord = kind === 'merged' || kind === 'renamed' ? labels.revision.diff.kind[kind] : labels.diff.kind[kind]
  const head: PhrasingContent[] = [
    strong(plain(kindWord)),
    plain(' '),
    code(proposal.id),
    plain(`${title}. ${attribution(authorsOf(proposal, names), difference.kind === 'added' ? supportersOf(proposal, names) : undefined, labels)}`),
  ]
  const quotes: Blockquote[] = []
  if (difference.kind === 'withdrawn' && difference.renamedFrom !== undefined)
    head.push(plain(' '), ...fill(labels.revision.diff.renamedFrom, { id: code(difference.renamedFrom) }))
  else if (difference.kind !== 'withdrawn' && 'change' in difference) {
    // A withdrawn text leaves the text: how it changed on the way out is not listed.
    for (const part of changeParts(difference, kind, context)) head.push(plain(' '), ...part)
    if (difference.change.text) quotes.push(...wordingQuotes(difference))
  }
  // The wording's quotes stand apart from the line that names the proposal.
  return { type: 'listItem', spread: quotes.length > 0, children: [paragraph(...head), ...quotes] }
}

/** Each change of a pair, as a sentence, in a fixed order. */
function changeParts(difference: Pair, kind: Kind, { labels, alts, topics }: EntryContext): PhrasingContent[][] {
  const words = labels.revision.diff
  const { change, before, after } = difference
  const parts: PhrasingContent[][] = []
  const say = (template: string, values: Record<string, PhrasingContent | string>): void => {
    parts.push(fill(template, Object.fromEntries(Object.entries(values).map(([key, value]) => [key, typeof value === 'string' ? plain(value) : value]))))
  }
  const value = (text: string | null): string => (text === null ? words.unset : oneLine(text))
  if (difference.renamedFrom !== undefined) say(words.renamedFrom, { id: code(difference.renamedFrom) })
  if (change.topic) say(words.moved, { topic: topicHeading({ id: change.topic.from, title: topics.titles.get(change.topic.from) }) })
  const status = change.status
  const statusSaid = (kind === 'stabilized' && status?.from === 'proposed') || kind === 'merged' || kind === 'withdrawn'
  if (status && !statusSaid)
    parts.push([plain(labels.diff.status.replace('{from}', labels.diff.statuses[status.from]).replace('{to}', labels.diff.statuses[status.to]))])
  if (change.mergedInto?.to) say(words.mergedInto, { id: code(change.mergedInto.to) })
  for (const field of ['reason', 'title', 'document', 'submitted'] as const) {
    const changed = change[field]
    if (changed) say(words.change, { field: words.fields[field], from: value(changed.from), to: value(changed.to) })
  }
  const [was, now] = [alts.old.get(before.id), alts.next.get(after.id)]
  if (change.submitted && was !== undefined && now !== undefined && was !== now)
    say(words.reordered, { now: `${labels.alt} ${now}`, was: `${labels.alt} ${was}` })
  if (change.noText) parts.push([plain(change.noText.to ? words.noTextOn : words.noTextOff)])

  const authors = change.authors ?? { added: [], removed: [] }
  const supporters = change.supporters ?? { added: [], removed: [] }
  const toProponent = authors.added.filter((name) => supporters.removed.includes(name))
  const toSupporter = authors.removed.filter((name) => supporters.added.includes(name))
  const list = (names: string[]): string => names.map(oneLine).join(labels.separator)
  const without = (names: string[], moved: string[]): string[] => names.filter((name) => !moved.includes(name))
  const lines: Array<[string, string[]]> = [
    [words.toProponent, toProponent],
    [words.toSupporter, toSupporter],
    [words.authorsAdded, without(authors.added, toProponent)],
    [words.authorsRemoved, without(authors.removed, toSupporter)],
    [labels.diff.gained, without(supporters.added, toSupporter)],
    [labels.diff.lost, without(supporters.removed, toProponent)],
  ]
  for (const [template, names] of lines) if (names.length > 0) parts.push([plain(template.replace('{names}', list(names)))])
  if (change.text) parts.push([plain(labels.diff.wording)])
  return parts
}

/** The changed wording, hunk by hunk, each a block quote. */
function wordingQuotes(difference: Pair): Blockquote[] {
  const [was, is] = [bodyText(difference.before), bodyText(difference.after)]
  const tokens = { before: tokenize(was), after: tokenize(is) }
  const starts = { before: paragraphTokenStarts(was, tokens.before), after: paragraphTokenStarts(is, tokens.after) }
  const segments = diffWords(
    tokens.before.map((token) => token.text),
    tokens.after.map((token) => token.text),
  )
  return hunks(segments, 8, starts.after).map((hunk) => renderHunk(hunk, tokens, starts))
}

function proposalOf(difference: Difference): Proposal {
  return difference.kind === 'removed' ? difference.before : difference.after
}

type Mark = 'same' | 'removed' | 'added'

/**
 * One changed region as a block quote: deletions in `<del>`, insertions in
 * `<ins>` (struck through and underlined where Markdown is shown), cut text marked with an ellipsis, paragraphs kept apart, and the
 * number of a numbered paragraph kept when the context starts past it. The
 * words are the proposal's Markdown shown as written: they are text, so none
 * of their syntax takes effect.
 */
function renderHunk(hunk: Hunk, tokens: { before: Token[]; after: Token[] }, starts: { before: ReadonlySet<number>; after: ReadonlySet<number> }): Blockquote {
  const paragraphs: PhrasingContent[][] = [[]]
  const first = hunk.segments[0]
  if (hunk.cut.start && first) {
    const number = paragraphNumber(tokens.after, starts.after, first.at.after)
    paragraphs[0].push(plain(number === undefined ? '\u2026' : `${number} \u2026`))
  }
  const emit = (list: Token[], from: number, count: number, breaks: ReadonlySet<number>, mark: Mark, space?: boolean): void => {
    let run: Token[] = []
    let first = true
    const flush = (): void => {
      if (run.length === 0) return
      const current = paragraphs[paragraphs.length - 1]
      // Whitespace before a run stands outside its mark (a replacement's two runs are apart when the words are).
      const spaced = first && space !== undefined ? space : run[0].space
      first = false
      if (current.length > 0 && spaced) current.push(plain(' '))
      const shown = plain(joinTokens(run))
      // HTML's own marks: `~~` and `**` could not open or close inside a word (`frameworks**, such`).
      current.push(
        ...(mark === 'same' ? [shown] : mark === 'removed' ? [verbatim('<del>'), shown, verbatim('</del>')] : [verbatim('<ins>'), shown, verbatim('</ins>')]),
      )
      run = []
    }
    for (let index = from; index < from + count; index++) {
      if (breaks.has(index) && (run.length > 0 || paragraphs[paragraphs.length - 1].length > 0)) {
        flush()
        paragraphs.push([])
      }
      run.push(list[index])
    }
    flush()
  }
  hunk.segments.forEach((segment, index) => {
    const previous = hunk.segments[index - 1]
    // After a deletion alone, the text goes on as it did in the older text: `shall ~~[~~endeavour`.
    const deletedBefore = previous !== undefined && 'removed' in previous && previous.added.length === 0
    if ('same' in segment)
      emit(tokens.after, segment.at.after, segment.same.length, starts.after, 'same', deletedBefore ? tokens.before[segment.at.before]?.space : undefined)
    else {
      emit(tokens.before, segment.at.before, segment.removed.length, starts.before, 'removed')
      emit(tokens.after, segment.at.after, segment.added.length, starts.after, 'added')
    }
  })
  if (hunk.cut.end) paragraphs[paragraphs.length - 1].push(plain(' \u2026'))
  return { type: 'blockquote', children: paragraphs.filter((parts) => parts.length > 0).map((parts) => paragraph(...parts)) }
}

/**
 * The number a paragraph of the text starts with (`2.`, `3)`, `(a)`), when the
 * token at `index` is in such a paragraph past its number.
 */
function paragraphNumber(tokens: Token[], starts: ReadonlySet<number>, index: number): string | undefined {
  let start = index
  while (start > 0 && !starts.has(start)) start--
  const [a, b, c] = [tokens[start], tokens[start + 1], tokens[start + 2]]
  let end: number | undefined
  if (a && b && /^\d+$/.test(a.text) && (b.text === '.' || b.text === ')') && !b.space) end = start + 2
  else if (a && b && c && a.text === '(' && /^(\d+|[a-z]{1,4})$/i.test(b.text) && !b.space && c.text === ')' && !c.space) end = start + 3
  return end !== undefined && index >= end ? joinTokens(tokens.slice(start, end)) : undefined
}

/** Each live proposal's `Alt n`, for topics with two or more. */
function altNumbers(proposals: Proposal[]): Map<string, number> {
  const byTopic = new Map<string, Proposal[]>()
  for (const proposal of proposals.filter((each) => isLive(each.status)).sort(compareAlternatives)) {
    byTopic.set(proposal.topic.value, [...(byTopic.get(proposal.topic.value) ?? []), proposal])
  }
  const alts = new Map<string, number>()
  for (const list of byTopic.values()) if (list.length > 1) list.forEach((proposal, index) => alts.set(proposal.id, index + 1))
  return alts
}

/** Topic ids in the newer outline's order, then those only the older one has; with their titles. */
function topicOrder(old: Config, next: Config): { index: Map<string, number>; titles: Map<string, string | undefined> } {
  const index = new Map<string, number>()
  const titles = new Map<string, string | undefined>()
  for (const { entry } of [...flattenOutline(next.outline ?? []), ...flattenOutline(old.outline ?? [])]) {
    if (!index.has(entry.id)) index.set(entry.id, index.size)
    if (!titles.get(entry.id)) titles.set(entry.id, entry.title)
  }
  return { index, titles }
}
