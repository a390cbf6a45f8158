/**
 * The redline of any view (the consolidated text, the clean text…): two
 * revisions of the view's Markdown, without their covers, compared block by
 * block and word by word into one marked document. Pure.
 *
 * A view is read as written: the tool's marker comments on their own lines
 * (`<!-- proposal: ID -->` … `<!-- /proposal: ID -->`, notes alike) make a
 * group that is matched by its key; everything else (headings, annexes, an
 * article's marker) is matched block by block. Only groups that differ are
 * parsed: a redline of a thousand proposals with fifty changed parses fifty.
 */
import type { Definition, FootnoteDefinition, Nodes, Parent, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import { parsePlain } from '../parse/proposal.js'
import { diffWords, tokenize, type Segment } from './words.js'

export type Change = 'insert' | 'delete'

/** A run of phrasing content inserted or deleted (a node of this module's own type). */
export interface RedlinePhrasing {
  type: 'redline'
  change: Change
  children: PhrasingContent[]
}

/** A note of the secretariat on the text that follows: why a text left, how its status changed. Never text of the treaty. */
export interface RedlineNote {
  type: 'redlineNote'
  value: string
}

/** What the redline marks on a block: it is wholly inserted or deleted (its phrasing is marked too). */
export interface RedlineData {
  redline?: Change
}

/**
 * The marked document, in reading order: blocks unchanged since the older
 * revision are kept as the Markdown they were (`same`), so a format that
 * writes Markdown need not parse them; the others are syntax trees whose
 * changes are marked (`RedlinePhrasing`, `RedlineNote`, `data.redline`).
 */
export type RedlineItem = { kind: 'same'; markdown: string } | { kind: 'marked'; nodes: RootContent[] }

export interface RedlineResult {
  items: RedlineItem[]
  /** Whether anything at all is marked. */
  changed: boolean
}

export interface RedlineOptions {
  /** Group keys (`proposal:ID`) of the older revision that stand under another key in the newer one (a renamed proposal). */
  renamed?: ReadonlyMap<string, string>
  /** Why a group left the text, by its older key: shown where it stood. */
  why?: ReadonlyMap<string, string>
  /** A note on a group of the newer text (inserted or changed), by its key. */
  notes?: ReadonlyMap<string, string>
  /** Said where a group left its place for another in the text (an alternative reordered), when `why` says nothing. */
  moved?: string
}

/** Mark every change from `old` to `next`, two renderings of the same view without their covers. */
export function redline(old: string, next: string, options: RedlineOptions = {}): RedlineResult {
  const before = entriesOf(old, options.renamed)
  const after = entriesOf(next)
  const items: RedlineItem[] = []
  let changed = false
  const keysAfter = new Set(after.flatMap((entry) => (entry.group ? [entry.key] : [])))
  const emit = (item: RedlineItem): void => {
    if (item.kind === 'marked') changed = true
    items.push(item)
  }

  align(before, after, {
    same(was, is) {
      if (is.group && was.group) emitGroup(was, is, options, emit)
      else if (was.text === is.text) emit({ kind: 'same', markdown: is.text })
      else emit({ kind: 'marked', nodes: diffPair(was.node!, is.node!, new Relabel()) })
    },
    pairs: (was, is) => (was.group && is.group ? was.key === is.key : !was.group && !is.group && pairable(was.node!, is.node!)),
    paired(was, is) {
      if (was.group) emitGroup(was, is, options, emit)
      else emit({ kind: 'marked', nodes: diffPair(was.node!, is.node!, new Relabel()) })
    },
    deleted(was) {
      if (!was.group) {
        // A marker comment that is gone (an article renumbered) is simply not written.
        if (was.node!.type !== 'html') emit({ kind: 'marked', nodes: [markBlock(was.node!, 'delete')] })
        return
      }
      const note = options.why?.get(was.key) ?? (keysAfter.has(was.key) ? options.moved : undefined)
      const nodes = parseGroup(was.group.inner).map((node) => markBlock(node, 'delete'))
      const label = was.group.openLine.slice('<!-- '.length, -' -->'.length)
      emit({ kind: 'marked', nodes: [marker(`<!-- deleted: ${label} -->`), ...(note ? [noteNode(note)] : []), ...nodes, marker(`<!-- /deleted: ${label} -->`)] })
    },
    inserted(is) {
      if (!is.group) {
        emit(is.node!.type === 'html' ? { kind: 'same', markdown: is.text } : { kind: 'marked', nodes: [markBlock(is.node!, 'insert')] })
        return
      }
      const note = options.notes?.get(is.key)
      const nodes = parseGroup(is.group.inner).map((node) => markBlock(node, 'insert'))
      emit({ kind: 'marked', nodes: [marker(is.group.openLine), ...(note ? [noteNode(note)] : []), ...nodes, marker(is.group.closeLine)] })
    },
  })
  return { items, changed }
}

/** The marked document as one syntax tree, unchanged blocks parsed too: what HTML and Word are written from. */
export function redlineTree(result: RedlineResult): Root {
  const children: RootContent[] = []
  for (const item of result.items) {
    if (item.kind === 'marked') children.push(...item.nodes)
    else children.push(...parsePlain(item.markdown).children)
  }
  return { type: 'root', children }
}

/** A group matched in both revisions: kept as written when its text is the same, else compared block by block. */
function emitGroup(was: Entry, is: Entry, options: RedlineOptions, emit: (item: RedlineItem) => void): void {
  const note = options.notes?.get(is.key)
  if (was.group!.inner === is.group!.inner && !note) return emit({ kind: 'same', markdown: is.text })
  const [old, next] = [parseGroup(was.group!.inner), parseGroup(is.group!.inner)]
  const relabel = new Relabel(old, next)
  emit({ kind: 'marked', nodes: [marker(is.group!.openLine), ...(note ? [noteNode(note)] : []), ...diffChildren(old, next, relabel), marker(is.group!.closeLine)] })
}

// ---------------------------------------------------------------------------
// Reading a view: groups between marker lines, and loose blocks.

interface Entry {
  key: string
  /** The Markdown of the entry. */
  text: string
  /** A loose block's syntax tree. */
  node?: RootContent
  group?: { open: string; openLine: string; closeLine: string; inner: string }
}

const OPENER = /^<!-- ([a-z]+): (\S(?:.*\S)?) -->$/

/** The entries of a view's Markdown; `renamed` re-keys the groups of an older revision. */
function entriesOf(markdown: string, renamed?: ReadonlyMap<string, string>): Entry[] {
  const lines = markdown.split('\n')
  // Where each closing marker stands, to find a group's end without scanning the rest of the text.
  const closers = new Map<string, number[]>()
  lines.forEach((line, index) => {
    if (line.startsWith('<!-- /')) closers.set(line, [...(closers.get(line) ?? []), index])
  })
  const slots: Array<Entry | string> = []
  let loose: string[] = []
  const flush = (): void => {
    const text = loose.join('\n')
    loose = []
    if (text.trim() !== '') slots.push(text)
  }
  for (let index = 0; index < lines.length; index++) {
    const opened = OPENER.exec(lines[index])
    const closeLine = opened && `<!-- /${opened[1]}: ${opened[2]} -->`
    const close = closeLine ? (closers.get(closeLine) ?? []).find((at) => at > index) ?? -1 : -1
    if (!opened || close === -1) {
      loose.push(lines[index])
      continue
    }
    flush()
    const key = `${opened[1]}:${opened[2]}`
    slots.push({
      key: renamed?.get(key) ?? key,
      text: lines.slice(index, close + 1).join('\n'),
      group: { open: key, openLine: lines[index], closeLine: closeLine!, inner: lines.slice(index + 1, close).join('\n') },
    })
    index = close
  }
  flush()
  // The loose parts (headings, annexes) are parsed in one go, a marker of this module's own between them.
  const texts = slots.filter((slot): slot is string => typeof slot === 'string')
  const parsed = splitParsed(texts)
  let next = 0
  return slots.flatMap((slot) => (typeof slot === 'string' ? parsed[next++] : [slot]))
}

const SPLIT = '<!-- consolidate-redline: split -->'

/** Each text's blocks as entries: the texts joined by a marker comment, parsed once, split again. */
function splitParsed(texts: string[]): Entry[][] {
  if (texts.length === 0) return []
  const joined = texts.join(`\n\n${SPLIT}\n\n`)
  const result: Entry[][] = [[]]
  for (const node of parsePlain(joined).children) {
    if (node.type === 'html' && node.value === SPLIT) {
      result.push([])
      continue
    }
    const start = node.position?.start.offset ?? 0
    const end = node.position?.end.offset ?? joined.length
    result[result.length - 1].push({ key: looseKey(node), text: joined.slice(start, end), node })
  }
  // A text whose last construct swallowed the marker (it cannot: loose parts are the tool's own) would be read alone.
  return result.length === texts.length ? result : texts.map((text) => splitParsed([text])[0] ?? [])
}

/**
 * Headings are matched by their first word (a topic's id: a retitled topic is
 * the same heading), or by their title after a number (`Article 3: Scope`: an
 * article renumbered is the same article); other blocks by their words.
 */
function looseKey(node: RootContent): string {
  if (node.type === 'heading') {
    const tokens = tokenize(toString(node))
    if (tokens.length > 1 && /^\d+$/.test(tokens[1].text)) return `h:${tokens[0].text}:${tokens.slice(2).map((token) => token.text).join(' ')}`
    return `h:${tokens[0]?.text ?? ''}`
  }
  if (node.type === 'html') return `html:${node.value}`
  return `${node.type}:${wordsOf(node)}`
}

/**
 * A group's blocks, with its link references made links (their definitions
 * are the group's own): a reference's label may differ between revisions, its address is what counts.
 */
function parseGroup(inner: string): RootContent[] {
  const root = parsePlain(inner)
  const definitions = new Map<string, Definition>()
  visit(root, 'definition', (node) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node)
  })
  visit(root, (node, index, parent) => {
    if ((node.type !== 'linkReference' && node.type !== 'imageReference') || parent === undefined || index === undefined) return
    const definition = definitions.get(node.identifier)
    if (!definition) return
    parent.children[index] = node.type === 'linkReference'
      ? { type: 'link', url: definition.url, title: definition.title ?? null, children: node.children }
      : { type: 'image', url: definition.url, title: definition.title ?? null, alt: node.alt ?? '' }
  })
  return root.children
}

function marker(value: string): RootContent {
  return { type: 'html', value }
}

function noteNode(value: string): RootContent {
  return { type: 'redlineNote', value } as RedlineNote as unknown as RootContent
}

// ---------------------------------------------------------------------------
// Aligning two sequences: the longest common run of equal keys, then in each
// gap the pairs that correspond, the rest deleted then inserted.

interface Aligner<T> {
  same(was: T, is: T): void
  pairs(was: T, is: T): boolean
  paired(was: T, is: T): void
  deleted(was: T): void
  inserted(is: T): void
}

function align<T extends { key: string }>(before: T[], after: T[], on: Aligner<T>): void {
  const segments: Segment[] = diffWords(before.map((each) => each.key), after.map((each) => each.key), 2000)
  for (const segment of segments) {
    if ('same' in segment) {
      segment.same.forEach((_, offset) => on.same(before[segment.at.before + offset], after[segment.at.after + offset]))
      continue
    }
    const removed = before.slice(segment.at.before, segment.at.before + segment.removed.length)
    const added = after.slice(segment.at.after, segment.at.after + segment.added.length)
    // Gaps of the same length pair up in order wherever the kinds allow; else each added entry takes the first that fits.
    let next = 0
    const pending: T[] = []
    for (const is of added) {
      let match = -1
      for (let at = next; at < removed.length; at++) {
        if (on.pairs(removed[at], is)) {
          match = at
          break
        }
      }
      if (match === -1) {
        pending.push(is)
        continue
      }
      for (const was of removed.slice(next, match)) on.deleted(was)
      for (const each of pending.splice(0)) on.inserted(each)
      on.paired(removed[match], is)
      next = match + 1
    }
    for (const was of removed.slice(next)) on.deleted(was)
    for (const each of pending) on.inserted(each)
  }
}

// ---------------------------------------------------------------------------
// Blocks.

/** Two blocks that are one text changed: same kind, and sharing enough words (or both short). */
function pairable(was: RootContent, is: RootContent): boolean {
  if (was.type !== is.type) return false
  if (was.type === 'heading') return looseKey(was) === looseKey(is)
  if (was.type === 'list' && is.type === 'list' && was.ordered !== is.ordered) return false
  if (was.type === 'footnoteDefinition' && is.type === 'footnoteDefinition') return labelOf(was) === labelOf(is)
  if (was.type === 'code' || was.type === 'html' || was.type === 'thematicBreak' || was.type === 'definition') return false
  return similarity(wordsOf(was), wordsOf(is)) >= 0.3
}

/** Dice's coefficient of the two texts' tokens. */
function similarity(a: string, b: string): number {
  const left = a.split('\u0000').filter(Boolean)
  const right = b.split('\u0000').filter(Boolean)
  if (left.length === 0 && right.length === 0) return 1
  const counts = new Map<string, number>()
  for (const token of left) counts.set(token, (counts.get(token) ?? 0) + 1)
  let shared = 0
  for (const token of right) {
    const count = counts.get(token) ?? 0
    if (count > 0) (shared++, counts.set(token, count - 1))
  }
  return (2 * shared) / (left.length + right.length)
}

function wordsOf(node: Nodes): string {
  return tokenize(textOf(node)).map((token) => token.text).join('\u0000')
}

/** A node's words, blocks and cells apart (mdast-util-to-string runs a table's cells together). */
function textOf(node: Nodes): string {
  if ('value' in node) return node.value
  if (!('children' in node)) return ''
  return (node.children as Nodes[]).map(textOf).join(isPhrasingParent(node) || PHRASING.has(node.type) ? '' : ' ')
}

const PHRASING = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference'])

/** The key of a block among its siblings: equal keys are the same block, unchanged. */
function blockKey(node: RootContent): string {
  switch (node.type) {
    case 'code':
      return `code:${node.lang ?? ''}:${node.value}`
    case 'html':
      return `html:${node.value}`
    case 'footnoteDefinition':
      return `fn:${labelOf(node)}:${phrasingKey(node)}`
    case 'definition':
      return `def:${labelOf(node)}:${node.url}:${node.title ?? ''}`
    default:
      return 'children' in node ? `${node.type}:${phrasingKey(node)}` : `${node.type}:${toString(node)}`
  }
}

/** A block's content as compared: its tokens with their formatting, whatever the whitespace. */
function phrasingKey(node: Nodes): string {
  const relabel = new Relabel()
  const parts: string[] = []
  const walk = (each: Nodes): void => {
    if ('children' in each && !isPhrasingParent(each)) {
      parts.push(`<${each.type}${each.type === 'list' ? (each.ordered ? '1' : '-') : ''}>`)
      for (const child of each.children) walk(child as Nodes)
      parts.push(`</${each.type}>`)
      return
    }
    if (isPhrasingParent(each)) for (const token of flatten((each as Parent).children as PhrasingContent[], relabel, 'new')) parts.push(token.key)
    else parts.push(blockKey(each as RootContent))
  }
  walk(node)
  return parts.join('\u0000')
}

function isPhrasingParent(node: Nodes): boolean {
  return node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell'
}

/** Compare two lists of sibling blocks. */
function diffChildren(old: RootContent[], next: RootContent[], relabel: Relabel): RootContent[] {
  const out: RootContent[] = []
  const wrap = (node: RootContent): { key: string; node: RootContent } => ({ key: blockKey(node), node })
  align(old.map(wrap), next.map(wrap), {
    same: (_, is) => out.push(is.node),
    pairs: (was, is) => pairable(was.node, is.node),
    paired: (was, is) => out.push(...diffPair(was.node, is.node, relabel)),
    deleted: (was) => out.push(markBlock(was.node, 'delete')),
    inserted: (is) => out.push(markBlock(is.node, 'insert')),
  })
  return out
}

/** Two versions of one block, compared: the newer block with its changes marked. */
function diffPair(was: RootContent, is: RootContent, relabel: Relabel): RootContent[] {
  if (blockKey(was) === blockKey(is)) return [is]
  switch (is.type) {
    case 'paragraph':
    case 'heading':
      return [{ ...is, children: diffPhrasing((was as typeof is).children, is.children, relabel) }]
    case 'table':
      return [diffTable(was as Table, is, relabel)]
    case 'list':
    case 'listItem':
    case 'blockquote':
    case 'footnoteDefinition':
      return [{ ...is, children: diffChildren((was as Parent).children as RootContent[], is.children as RootContent[], relabel) } as RootContent]
    default:
      return [markBlock(was, 'delete'), markBlock(is, 'insert')]
  }
}

/** Rows matched as blocks; cells of a matched row compared one by one (a row with other columns is replaced whole). */
function diffTable(was: Table, is: Table, relabel: Relabel): Table {
  const rows: TableRow[] = []
  const wrap = (row: TableRow): { key: string; node: TableRow } => ({ key: blockKey(row), node: row })
  align(was.children.map(wrap), is.children.map(wrap), {
    same: (_, row) => rows.push(row.node),
    pairs: (a, b) => a.node.children.length === b.node.children.length && similarity(wordsOf(a.node), wordsOf(b.node)) >= 0.3,
    paired: (a, b) => rows.push({ ...b.node, children: b.node.children.map((cell, index) => ({ ...cell, children: diffPhrasing(a.node.children[index].children, cell.children, relabel) })) }),
    deleted: (a) => rows.push(markBlock(a.node, 'delete') as unknown as TableRow),
    inserted: (b) => rows.push(markBlock(b.node, 'insert') as unknown as TableRow),
  })
  return { ...is, children: rows }
}

/** A block (and everything in it) wholly inserted or deleted: flagged, and its phrasing marked. */
export function markBlock<T extends Nodes>(node: T, change: Change): T {
  const copy = { ...node, data: { ...node.data, redline: change } as RedlineData } as T
  if (isPhrasingParent(node)) {
    const children = (node as Parent).children as PhrasingContent[]
    return children.length === 0 ? copy : ({ ...copy, children: [redlineNode(change, children)] } as T)
  }
  if ('children' in node) return { ...copy, children: (node.children as Nodes[]).map((child) => markBlock(child, change)) } as T
  return copy
}

function redlineNode(change: Change, children: PhrasingContent[]): PhrasingContent {
  return { type: 'redline', change, children } satisfies RedlinePhrasing as unknown as PhrasingContent
}

// ---------------------------------------------------------------------------
// Footnote labels: `[^a14-jpn¦1]` names the footnote `1` of a14-jpn in a
// document whose separator is `¦`; another revision may have chosen another
// separator, so labels are compared by their own part.

const SEPARATORS = /^.*?[\u00a6\u00a4\u2021\u2042\u203b\p{Co}]/u

function labelOf(node: { identifier: string }): string {
  return node.identifier.replace(SEPARATORS, '')
}

/** Maps the footnote labels of an older group to those of the newer one, where the footnote is the same. */
class Relabel {
  private readonly map = new Map<string, string>()

  constructor(old: RootContent[] = [], next: RootContent[] = []) {
    const newer = new Map<string, FootnoteDefinition>()
    for (const node of next) if (node.type === 'footnoteDefinition') newer.set(labelOf(node), node)
    for (const node of old) {
      const match = node.type === 'footnoteDefinition' ? newer.get(labelOf(node)) : undefined
      if (match && node.type === 'footnoteDefinition') this.map.set(node.identifier, match.identifier)
    }
  }

  /** The newer label of an older footnote, or its own when the newer revision has no such footnote. */
  of(identifier: string): string {
    return this.map.get(identifier) ?? identifier
  }
}

// ---------------------------------------------------------------------------
// Phrasing: tokens with their formatting, compared; the newer phrasing rebuilt
// with the deleted tokens in place.

/** Formatting around a token: emphasis, strong, strikethrough, a link (by its address). */
type Wrapper = { type: 'emphasis' | 'strong' | 'delete' } | { type: 'link'; url: string; title?: string | null }

interface InlineToken {
  /** Compared: the text (or an atom's identity) with its formatting. */
  key: string
  text: string
  space: boolean
  chain: Wrapper[]
  /** A node that is one token: inline code, a footnote reference, an image, a line break, inline HTML. */
  atom?: PhrasingContent
}

function flatten(nodes: PhrasingContent[], relabel: Relabel, side: 'old' | 'new'): InlineToken[] {
  const tokens: InlineToken[] = []
  let spaced = false
  const chainKey = (chain: Wrapper[]): string => chain.map((each) => (each.type === 'link' ? `a(${each.url})` : each.type)).join('>')
  const walk = (list: PhrasingContent[], chain: Wrapper[]): void => {
    for (const node of list) {
      switch (node.type) {
        case 'text': {
          const found = tokenize(node.value)
          found.forEach((token, index) => tokens.push({ key: `${chainKey(chain)}|${token.text}`, text: token.text, space: token.space || (index === 0 && spaced), chain }))
          spaced = found.length === 0 ? spaced || /\s/.test(node.value) : /\s$/.test(node.value)
          break
        }
        case 'emphasis':
        case 'strong':
        case 'delete':
          walk(node.children, [...chain, { type: node.type }])
          break
        case 'link':
          walk(node.children, [...chain, { type: 'link', url: node.url, title: node.title }])
          break
        case 'linkReference':
          // Its definition may be in another group or revision: the words count, not the label.
          walk(node.children, [...chain, { type: 'link', url: `ref:${labelOf(node)}` }])
          break
        default: {
          const atom = side === 'old' && node.type === 'footnoteReference' ? { ...node, identifier: relabel.of(node.identifier), label: relabel.of(node.identifier) } : node
          tokens.push({ key: `${chainKey(chain)}|${atomKey(node)}`, text: '', space: spaced, chain, atom })
          spaced = false
        }
      }
    }
  }
  walk(nodes, [])
  return tokens
}

function atomKey(node: PhrasingContent): string {
  switch (node.type) {
    case 'inlineCode':
      return `\`${node.value}`
    case 'footnoteReference':
      return `^${labelOf(node)}`
    case 'image':
      return `!${node.url}|${node.alt ?? ''}`
    case 'imageReference':
      return `!ref:${labelOf(node)}|${node.alt ?? ''}`
    case 'html':
      return `<${node.value}`
    case 'break':
      return '\n'
    default:
      return `${node.type}:${toString(node)}`
  }
}

/** One piece of the rebuilt phrasing: whitespace outside any mark (`lead`), then a token with any space inside its mark, marked or not. */
interface Piece {
  lead: string
  text: string
  chain: Wrapper[]
  change?: Change
  atom?: PhrasingContent
}

/**
 * The newer phrasing with every change marked. Whitespace is placed so that
 * accepting every change gives the newer text and rejecting every change the
 * older one, one space where the texts have one: `shall {--[endeavour to] --}base`.
 */
export function diffPhrasing(old: PhrasingContent[], next: PhrasingContent[], relabel: Relabel = new Relabel()): PhrasingContent[] {
  const before = flatten(old, relabel, 'old')
  const after = flatten(next, relabel, 'new')
  const segments = diffWords(before.map((token) => token.key), after.map((token) => token.key))
  const pieces: Piece[] = []
  // The lead of the next unchanged token, when a change before it decided it.
  let lead: string | undefined
  segments.forEach((segment, index) => {
    if ('same' in segment) {
      segment.same.forEach((_, offset) => {
        const token = after[segment.at.after + offset]
        const space = offset === 0 && lead !== undefined ? lead : pieces.length > 0 && token.space ? ' ' : ''
        pieces.push({ lead: space, text: token.text, chain: token.chain, atom: token.atom })
      })
      lead = undefined
      return
    }
    const removed = before.slice(segment.at.before, segment.at.before + segment.removed.length)
    const added = after.slice(segment.at.after, segment.at.after + segment.added.length)
    const following = segments[index + 1]
    const hasBefore = pieces.length > 0
    const next = following !== undefined && 'same' in following ? { old: before[following.at.before], new: after[following.at.after] } : undefined
    // Whether whitespace stands before and after the change in each text (none at the ends of a block).
    const oldBefore = hasBefore && (removed.length > 0 ? removed[0].space : Boolean(next?.old.space))
    const oldAfter = next !== undefined && (removed.length > 0 ? next.old.space : false)
    const newBefore = hasBefore && (added.length > 0 ? added[0].space : Boolean(next?.new.space))
    const newAfter = next !== undefined && (added.length > 0 ? next.new.space : false)
    // One space outside the marks where both texts have one; any other inside its mark, so that
    // accepting every change reads as the newer text and rejecting every change as the older one.
    const outsideBefore = oldBefore && newBefore
    // Where the two cannot both be exact (only the spacing changed), the newer text is.
    const outsideAfter = removed.length > 0 && added.length > 0 ? oldAfter && newAfter : removed.length > 0 ? !outsideBefore && next !== undefined && next.new.space : !outsideBefore && next !== undefined && next.old.space && next.new.space
    const space = (flag: boolean): string => (flag ? ' ' : '')
    const run = (tokens: InlineToken[], change: Change, open: boolean, close: boolean): void => {
      tokens.forEach((token, offset) => {
        const inner = offset === 0 ? space(open) : space(token.space)
        pieces.push({ lead: '', text: `${inner}${token.text}${offset === tokens.length - 1 ? space(close) : ''}`, chain: token.chain, change, atom: token.atom })
      })
    }
    const firstPiece = pieces.length
    run(removed, 'delete', oldBefore && !outsideBefore, oldAfter && !outsideAfter)
    run(added, 'insert', newBefore && !outsideBefore, newAfter && !outsideAfter)
    if (pieces[firstPiece]) pieces[firstPiece].lead = space(outsideBefore)
    lead = space(outsideAfter)
  })
  return build(pieces, 0)
}

function sameWrapper(a: Wrapper, b: Wrapper): boolean {
  return a.type === b.type && (a.type !== 'link' || (b.type === 'link' && a.url === b.url))
}

/**
 * Pieces to phrasing nodes: consecutive pieces under the same formatting share
 * its node; a mark goes inside the formatting, or around it when the whole
 * formatted run is one change (`{++ **closely**++}`); whitespace at the edges
 * of formatting stands outside it, as Markdown needs.
 */
function build(pieces: Piece[], depth: number): PhrasingContent[] {
  const out: PhrasingContent[] = []
  const text = (value: string): void => {
    const last = out[out.length - 1]
    if (last?.type === 'text') last.value += value
    else if (value !== '') out.push({ type: 'text', value })
  }
  const marked = (change: Change, content: PhrasingContent[]): void => {
    const last = out[out.length - 1] as unknown as RedlinePhrasing | undefined
    const target = last?.type === 'redline' && last.change === change ? last : undefined
    if (!target) {
      out.push(redlineNode(change, content))
      return
    }
    for (const node of content) {
      const tail = target.children[target.children.length - 1]
      if (node.type === 'text' && tail?.type === 'text') tail.value += node.value
      else target.children.push(node)
    }
  }
  for (let index = 0; index < pieces.length; ) {
    const first = pieces[index]
    if (first.chain.length > depth) {
      const wrapper = first.chain[depth]
      let end = index
      while (end < pieces.length && pieces[end].chain.length > depth && sameWrapper(pieces[end].chain[depth], wrapper)) end++
      const group = pieces.slice(index, end)
      const change = group.every((each) => each.change === first.change) ? first.change : undefined
      const inner = group.map((each, offset) => ({ ...each, lead: offset === 0 ? '' : each.lead, change: change === undefined ? each.change : undefined }))
      text(first.lead)
      const [before, node, after] = hoist(wrapperNode(wrapper, build(inner, depth + 1)))
      if (change === undefined) {
        text(before)
        out.push(node)
        text(after)
      } else marked(change, [...(before ? [{ type: 'text' as const, value: before }] : []), node, ...(after ? [{ type: 'text' as const, value: after }] : [])])
      index = end
      continue
    }
    text(first.lead)
    const content: PhrasingContent[] = first.atom ? [...(first.text ? [{ type: 'text' as const, value: first.text }] : []), first.atom] : [{ type: 'text', value: first.text }]
    if (first.change === undefined) {
      for (const node of content) node.type === 'text' ? text(node.value) : out.push(node)
    } else marked(first.change, content)
    index++
  }
  return out
}

/** Whitespace at the start and end of a formatted node's text, taken out of it: `** closely**` cannot be written. */
function hoist(node: PhrasingContent): [string, PhrasingContent, string] {
  if (!('children' in node) || node.children.length === 0) return ['', node, '']
  const children = [...node.children] as PhrasingContent[]
  const first = children[0]
  const last = children[children.length - 1]
  let before = ''
  let after = ''
  if (first.type === 'text') {
    before = /^\s*/.exec(first.value)![0]
    children[0] = { ...first, value: first.value.slice(before.length) }
  }
  const tail = children[children.length - 1]
  if (last.type === 'text' && tail.type === 'text') {
    after = /\s*$/.exec(tail.value)![0]
    children[children.length - 1] = { ...tail, value: tail.value.slice(0, tail.value.length - after.length) }
  }
  return [before, { ...node, children: children.filter((child) => child.type !== 'text' || child.value !== '') } as PhrasingContent, after]
}

function wrapperNode(wrapper: Wrapper, children: PhrasingContent[]): PhrasingContent {
  if (wrapper.type === 'link') {
    const url = wrapper.url.startsWith('ref:') ? '' : wrapper.url
    return { type: 'link', url, title: wrapper.title ?? null, children }
  }
  return { type: wrapper.type, children } as PhrasingContent
}
