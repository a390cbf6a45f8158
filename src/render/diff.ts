/** Differences to a change list for a revision's cover note: by topic in outline order, wording word by word. Pure. */
import { bodyText, authorsOf, supportersOf, type Difference, type Snapshot } from '../revisions/compare.js'
import { labelsFor, type Labels } from './labels.js'
import { compareTopicIds, flattenOutline } from '../assemble/outline.js'
import { Participants } from '../assemble/participants.js'
import { code, fill, heading, oneLine, paragraph, plain, strong, writeMarkdown } from './writer.js'
import type { Blockquote, ListItem, PhrasingContent, RootContent } from 'mdast'
import { attribution, topicHeading } from './markdown.js'
import { localise } from '../assemble/language.js'
import type { Config, Proposal } from '../types.js'
import { diffWords, hunks, paragraphStarts, words, type Hunk } from '../revisions/words.js'

export interface DiffMarkdownOptions {
  /** What the user called the two revisions (`HEAD~1`, a folder); the title uses the symbols when both configurations have one. */
  names: { old: string; new: string }
  /** Level of the title heading; topics are one level deeper. Default 1. */
  depth?: number
}

type Kind = 'added' | 'stabilized' | 'changed' | 'withdrawn' | 'removed'
const KIND_ORDER: Kind[] = ['added', 'stabilized', 'changed', 'withdrawn', 'removed']

/** The change list, in the language of the newer revision. */
export function renderDiff(differences: Difference[], old: Snapshot, next: Snapshot, options: DiffMarkdownOptions): string {
  const labels = labelsFor(next.config.language)
  const depth = options.depth ?? 1
  const language = next.config.language
  const names = new Participants(next.config.participants, language)
  const oldNames = new Participants(old.config.participants, language)
  const symbols = old.config.symbol && next.config.symbol && old.config.symbol !== next.config.symbol
  const title = fill(labels.diff.title, {
    old: symbols ? plain(oneLine(old.config.symbol!)) : code(options.names.old),
    new: symbols ? plain(oneLine(next.config.symbol!)) : code(options.names.new),
  })
  const children: RootContent[] = [heading(depth, ...title)]
  if (differences.length === 0) {
    children.push(paragraph(plain(labels.diff.nothing)))
    return writeMarkdown({ type: 'root', children })
  }

  const count = (kinds: string[]): number => differences.filter((difference) => kinds.includes(difference.kind)).length
  children.push(paragraph(plain(labels.diff.summary({ added: count(['added']), withdrawn: count(['withdrawn']), removed: count(['removed']), changed: count(['changed']) }))))

  const topics = topicOrder(localise({ ...old.config, language }), localise(next.config))
  const byTopic = new Map<string, Difference[]>()
  for (const difference of differences) {
    const topic = proposalOf(difference).topic.value
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), difference])
  }
  const rank = (id: string): number => (topics.index.has(id) ? topics.index.get(id)! : Infinity)
  const ids = [...byTopic.keys()].sort((a, b) => rank(a) - rank(b) || compareTopicIds(a, b))
  for (const id of ids) {
    children.push(heading(depth + 1, plain(topicHeading({ id, title: topics.titles.get(id) }))))
    const entries = byTopic
      .get(id)!
      .map((difference) => ({ difference, kind: kindOf(difference) }))
      .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind))
    const items = entries.map(({ difference, kind }) => entry(difference, kind, difference.kind === 'removed' ? oldNames : names, labels))
    children.push({ type: 'list', ordered: false, spread: false, children: items })
  }
  return writeMarkdown({ type: 'root', children })
}

/** One proposal's item; `names` resolves the participants of the revision the proposal is shown from. */
function entry(difference: Difference, kind: Kind, names: Participants, labels: Labels): ListItem {
  const proposal = proposalOf(difference)
  const title = proposal.title ? ` \u2014 ${oneLine(proposal.title)}` : ''
  const authors = authorsOf(proposal, names)
  const parts = [attribution(authors, difference.kind === 'added' ? supportersOf(proposal, names) : undefined, labels)]
  const item = (...quotes: Blockquote[]): ListItem => ({
    type: 'listItem',
    // The wording's quotes stand apart from the line that names the proposal.
    spread: quotes.length > 0,
    children: [paragraph(strong(plain(labels.diff.kind[kind])), plain(' '), code(proposal.id), plain(`${title}. ${parts.join(' ')}`)), ...quotes],
  })
  if (difference.kind !== 'changed') return item()

  const { change, before, after } = difference
  if (change.status && !(kind === 'stabilized' && change.status.from === 'proposed')) {
    parts.push(labels.diff.status.replace('{from}', labels.diff.statuses[change.status.from]).replace('{to}', labels.diff.statuses[change.status.to]))
  }
  const list = (names: string[]): string => names.map(oneLine).join(labels.separator)
  if (change.supporters?.added.length) parts.push(labels.diff.gained.replace('{names}', list(change.supporters.added)))
  if (change.supporters?.removed.length) parts.push(labels.diff.lost.replace('{names}', list(change.supporters.removed)))
  if (!change.text) return item()
  parts.push(labels.diff.wording)
  const [was, is] = [bodyText(before), bodyText(after)]
  const starts = { before: paragraphStarts(was), after: paragraphStarts(is) }
  const shown = hunks(diffWords(words(was), words(is)), 8, starts.after)
  return item(...shown.map((hunk) => renderHunk(hunk, starts)))
}

function kindOf(difference: Difference): Kind {
  if (difference.kind === 'changed' && difference.change.status?.to === 'stabilized') return 'stabilized'
  return difference.kind
}

function proposalOf(difference: Difference): Proposal {
  return difference.kind === 'removed' ? difference.before : difference.after
}

/**
 * One changed region as a block quote: deletions struck through, insertions
 * in bold, cut text marked with an ellipsis, paragraphs kept apart. The words
 * are the proposal's Markdown shown as written: they are text, so none of
 * their syntax takes effect.
 */
function renderHunk(hunk: Hunk, starts: { before: ReadonlySet<number>; after: ReadonlySet<number> }): Blockquote {
  const paragraphs: PhrasingContent[][] = [hunk.cut.start ? [plain('\u2026')] : []]
  const emit = (list: string[], first: number, breaks: ReadonlySet<number>, mark: 'same' | 'removed' | 'added'): void => {
    let run: string[] = []
    const flush = (): void => {
      if (run.length === 0) return
      const shown = plain(run.join(' '))
      paragraphs[paragraphs.length - 1].push(mark === 'same' ? shown : mark === 'removed' ? { type: 'delete', children: [shown] } : strong(shown))
      run = []
    }
    list.forEach((word, index) => {
      if (breaks.has(first + index) && (run.length > 0 || paragraphs[paragraphs.length - 1].length > 0)) {
        flush()
        paragraphs.push([])
      }
      run.push(word)
    })
    flush()
  }
  for (const segment of hunk.segments) {
    if ('same' in segment) emit(segment.same, segment.at.after, starts.after, 'same')
    else {
      emit(segment.removed, segment.at.before, starts.before, 'removed')
      emit(segment.added, segment.at.after, starts.after, 'added')
    }
  }
  if (hunk.cut.end) paragraphs[paragraphs.length - 1].push(plain('\u2026'))
  return { type: 'blockquote', children: paragraphs.map((parts) => paragraph(...parts.flatMap((part, index) => (index === 0 ? [part] : [plain(' '), part])))) }
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
