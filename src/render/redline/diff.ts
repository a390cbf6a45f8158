/**
 * Two versions of a tree, compared: blocks aligned (the longest common run of
 * equal keys, then the pairs that correspond in each gap), paired blocks
 * compared word by word, the newer tree rebuilt with every change marked
 * (`mark` nodes around inserted and deleted words, `data.change` on blocks
 * wholly inserted or deleted). Whitespace and re-wrapping are no change. Pure.
 */
import { createHash } from 'node:crypto'
import type { FootnoteDefinition, Heading, List, Nodes, Parent, PhrasingContent, RootContent, Table, TableRow } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { diffWords, tokenize, type Segment } from '../../model/words.js'
import type { Change, Mark, Target, Term } from '../tree.js'

/** How far past its place a block of a gap looks for the block it corresponds to: aligning stays linear whatever the texts. */
const PAIRING_WINDOW = 16

// ---------------------------------------------------------------------------
// Aligning two sequences: the longest common run of equal keys, then in each
// gap the pairs that correspond, the rest deleted then inserted.

export interface Aligner<T> {
  same(was: T, is: T): void
  pairs(was: T, is: T): boolean
  paired(was: T, is: T): void
  deleted(was: T): void
  inserted(is: T): void
}

export function align<T extends { key: string }>(before: T[], after: T[], on: Aligner<T>): void {
  const segments: Segment[] = diffWords(
    before.map((each) => each.key),
    after.map((each) => each.key),
    2000,
  )
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
      for (let at = next; at < Math.min(removed.length, next + PAIRING_WINDOW); at++) {
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

/** The share of their words (Dice's coefficient) two blocks must have in common to be one text changed. */
const SIMILAR = 0.3

/** Two blocks that are one text changed: same kind, and sharing enough words. */
export function pairable(was: RootContent, is: RootContent): boolean {
  if (was.type !== is.type) return false
  if (was.type === 'heading' && is.type === 'heading') return headingKey(was) === headingKey(is)
  if (was.type === 'list' && is.type === 'list' && was.ordered !== is.ordered) return false
  if (was.type === 'footnoteDefinition' && is.type === 'footnoteDefinition') return labelOf(was) === labelOf(is)
  if (was.type === 'code' || was.type === 'html' || was.type === 'thematicBreak' || was.type === 'definition') return false
  return similar(was, is)
}

// What is compared of a block is worked out once for each node: a node's words
// and key are asked for at every level above it and in every gap it stands in,
// and a gap asks again for each block near it.
const headingKeys = new WeakMap<Nodes, string>()
const leafWords = new WeakMap<Nodes, string[]>()
const wordCounts = new WeakMap<Nodes, number>()
const wordHolders = new WeakMap<Nodes, Nodes[]>()
const blockKeys = new WeakMap<Nodes, string>()

/**
 * Headings are matched by their first word (a topic's id: a retitled topic is
 * the same heading), or by their title after a number (`Article 3: Scope`: an
 * article renumbered is the same article).
 */
function headingKey(node: Heading): string {
  let key = headingKeys.get(node)
  if (key === undefined) {
    const tokens = tokenize(toString(node))
    key =
      tokens.length > 1 && /^\d+$/.test(tokens[1].text)
        ? `h:${tokens[0].text}:${tokens
            .slice(2)
            .map((token) => token.text)
            .join(' ')}`
        : `h:${tokens[0]?.text ?? ''}`
    headingKeys.set(node, key)
  }
  return key
}

/** A block is judged by its first words: past these, reading more costs more than it tells. */
const SIMILAR_WORDS = 4096

/**
 * Whether two blocks share enough of their first words, counted with repeats
 * (Dice's coefficient): at most `SIMILAR_WORDS` read of each, none when their
 * lengths alone tell, so that a block nested a hundred deep is not read a hundred times over.
 */
function similar(was: Nodes, is: Nodes): boolean {
  const total = wordCount(was) + wordCount(is)
  if (total === 0) return true
  if ((2 * Math.min(wordCount(was), wordCount(is))) / total < SIMILAR) return false
  const [left, right] = [firstWords(was, SIMILAR_WORDS), firstWords(is, SIMILAR_WORDS)]
  const counts = new Map<string, number>()
  for (const word of left) counts.set(word, (counts.get(word) ?? 0) + 1)
  let shared = 0
  for (const word of right) {
    const count = counts.get(word) ?? 0
    if (count > 0) (shared++, counts.set(word, count - 1))
  }
  return (2 * shared) / (left.length + right.length) >= SIMILAR
}

/** A node's words joined by NUL: what a generated block is matched by. */
export function wordsOf(node: Nodes): string {
  return firstWords(node, Infinity).join('\u0000')
}

/** Nodes whose words are read from their text as a whole (a paragraph, a heading, a cell, a code block); a container's are its children's. */
function isLeaf(node: Nodes): boolean {
  return !('children' in node) || isPhrasingParent(node) || PHRASING.has(node.type)
}

/** The words of a leaf, in order. */
function wordsOfLeaf(node: Nodes): string[] {
  let words = leafWords.get(node)
  if (words === undefined) leafWords.set(node, (words = tokenize(textOf(node)).map((token) => token.text)))
  return words
}

/** How many words a block holds. */
function wordCount(node: Nodes): number {
  let count = wordCounts.get(node)
  if (count === undefined) {
    count = isLeaf(node) ? wordsOfLeaf(node).length : (node as Parent).children.reduce((sum, child) => sum + wordCount(child as Nodes), 0)
    wordCounts.set(node, count)
  }
  return count
}

/** The children of a container that hold words: a walk for words never passes the others again. */
function holders(node: Nodes & Parent): Nodes[] {
  let found = wordHolders.get(node)
  if (found === undefined) wordHolders.set(node, (found = (node.children as Nodes[]).filter((child) => wordCount(child) > 0)))
  return found
}

/** A block's first `limit` words, in order. */
function firstWords(node: Nodes, limit: number): string[] {
  const words: string[] = []
  const walk = (each: Nodes): void => {
    if (!isLeaf(each)) {
      for (const child of holders(each as Nodes & Parent)) if (words.length < limit) walk(child)
      return
    }
    const own = wordsOfLeaf(each)
    for (let index = 0; index < own.length && words.length < limit; index++) words.push(own[index])
  }
  walk(node)
  return words
}

/** A node's words, blocks and cells apart (mdast-util-to-string runs a table's cells together). */
function textOf(node: Nodes): string {
  if ('value' in node) return node.value
  if (!('children' in node)) return ''
  return (node.children as Nodes[]).map(textOf).join(isPhrasingParent(node) || PHRASING.has(node.type) ? '' : ' ')
}

const PHRASING = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference'])

/** The key of a block among its siblings: equal keys are the same block, unchanged. */
export function blockKey(node: RootContent): string {
  let key = blockKeys.get(node)
  if (key === undefined) blockKeys.set(node, (key = keyOf(node)))
  return key
}

function keyOf(node: RootContent): string {
  switch (node.type) {
    case 'code':
      return `code:${node.lang ?? ''}:${node.value}`
    case 'html':
      return `html:${node.value}`
    case 'footnoteDefinition':
      return `fn:${labelOf(node)}:${contentKey(node)}`
    case 'definition':
      return `def:${labelOf(node)}:${node.url}:${node.title ?? ''}`
    default:
      return 'children' in node ? `${node.type}:${contentKey(node)}` : `${node.type}:${toString(node)}`
  }
}

/** Past this length a container's key stands as its digest, so that the keys of all levels together stay as long as the text. */
const DIGEST_PAST = 256

/** A block's content as compared: its tokens with their formatting, whatever the whitespace; a container's, its children's keys. */
function contentKey(node: Parent): string {
  if (isPhrasingParent(node as Nodes))
    return flatten(node.children as PhrasingContent[], new Relabel(), 'new')
      .map((token) => token.key)
      .join('\u0000')
  const kind = `${node.type}${node.type === 'list' ? ((node as List).ordered ? '1' : '-') : ''}`
  const key = `<${kind}>\u0000${node.children.map((child) => blockKey(child as RootContent)).join('\u0000')}\u0000</${kind}>`
  // SHA-256: no author can make two different containers share a key, and so pass a change off as none.
  return key.length > DIGEST_PAST ? `\u0001${createHash('sha256').update(key).digest('base64')}` : key
}

/** Nodes whose children are words: compared word by word. */
const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'label', 'attribution', 'flag', 'line'])

export function isPhrasingParent(node: Nodes): boolean {
  return PHRASING_PARENTS.has(node.type)
}

/** Compare two lists of sibling blocks. */
export function diffChildren(old: RootContent[], next: RootContent[], relabel: Relabel): RootContent[] {
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
export function diffPair(was: RootContent, is: RootContent, relabel: Relabel): RootContent[] {
  if (blockKey(was) === blockKey(is)) return [is]
  if (isPhrasingParent(is) && 'children' in was && 'children' in is)
    return [{ ...is, children: diffPhrasing(was.children as PhrasingContent[], is.children as PhrasingContent[], relabel) } as RootContent]
  switch (is.type) {
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
    pairs: (a, b) => a.node.children.length === b.node.children.length && similar(a.node, b.node),
    paired: (a, b) =>
      rows.push({
        ...b.node,
        children: b.node.children.map((cell, index) => ({ ...cell, children: diffPhrasing(a.node.children[index].children, cell.children, relabel) })),
      }),
    deleted: (a) => rows.push(markBlock(a.node, 'delete')),
    inserted: (b) => rows.push(markBlock(b.node, 'insert')),
  })
  return { ...is, children: rows }
}

/** A block (and everything in it) wholly inserted or deleted: flagged, and its phrasing marked. */
export function markBlock<T extends Nodes>(node: T, change: Change): T {
  const copy = { ...node, data: { ...node.data, change } } as T
  if (isPhrasingParent(node)) {
    const children = (node as Parent).children as PhrasingContent[]
    return children.length === 0 ? copy : ({ ...copy, children: [redlineNode(change, children)] } as T)
  }
  if ('children' in node) return { ...copy, children: (node.children as Nodes[]).map((child) => markBlock(child, change)) } as T
  return copy
}

function redlineNode(change: Change, children: PhrasingContent[]): PhrasingContent {
  return { type: 'mark', change, children } satisfies Mark
}

// ---------------------------------------------------------------------------
// Footnote labels: `[^a14-jpn¦1]` names the footnote `1` of a14-jpn in a
// document whose separator is `¦`; another revision may have chosen another
// separator, so labels are compared by their own part.

const SEPARATORS = /^.*?[\u00a6\u00a4\u2021\u2042\u203b\p{Co}]/u

export function labelOf(node: { identifier: string }): string {
  return node.identifier.replace(SEPARATORS, '')
}

/** Maps the footnote labels of an older group to those of the newer one, where the footnote is the same. */
export class Relabel {
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
type Wrapper =
  | { type: 'emphasis' | 'strong' | 'delete' }
  | { type: 'link'; url: string; title?: string | null }
  | { type: 'term'; role: Term['role'] }
  | { type: 'reference'; target: Target }

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
  // `prefix` is the chain's key, made once for each wrapper rather than once for each token inside it.
  const walk = (list: PhrasingContent[], chain: Wrapper[], prefix: string): void => {
    const within = (children: PhrasingContent[], wrapper: Wrapper): void =>
      walk(children, [...chain, wrapper], prefix === '' ? wrapperKey(wrapper) : `${prefix}>${wrapperKey(wrapper)}`)
    for (const node of list) {
      switch (node.type) {
        case 'text': {
          const found = tokenize(node.value)
          found.forEach((token, index) =>
            tokens.push({ key: `${prefix}|${token.text}`, text: token.text, space: token.space || (index === 0 && spaced), chain }),
          )
          spaced = found.length === 0 ? spaced || /\s/.test(node.value) : /\s$/.test(node.value)
          break
        }
        case 'emphasis':
        case 'strong':
        case 'delete':
          within(node.children, { type: node.type })
          break
        case 'link':
          within(node.children, { type: 'link', url: node.url, title: node.title })
          break
        case 'term':
          within(node.children, { type: 'term', role: node.role })
          break
        case 'reference':
          within(node.children, { type: 'reference', target: node.target })
          break
        case 'linkReference':
          // Its definition may be in another group or revision: the words count, not the label.
          within(node.children, { type: 'link', url: `ref:${labelOf(node)}` })
          break
        default: {
          const atom =
            side === 'old' && node.type === 'footnoteReference'
              ? { ...node, identifier: relabel.of(node.identifier), label: relabel.of(node.identifier) }
              : node
          tokens.push({ key: `${prefix}|${atomKey(node)}`, text: '', space: spaced, chain, atom })
          spaced = false
        }
      }
    }
  }
  walk(nodes, [], '')
  return tokens
}

function wrapperKey(wrapper: Wrapper): string {
  switch (wrapper.type) {
    case 'link':
      return `a(${wrapper.url})`
    case 'term':
      return `term(${wrapper.role})`
    case 'reference':
      return `ref(${JSON.stringify(wrapper.target)})`
    default:
      return wrapper.type
  }
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
  const segments = diffWords(
    before.map((token) => token.key),
    after.map((token) => token.key),
  )
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
    const outsideAfter =
      removed.length > 0 && added.length > 0
        ? oldAfter && newAfter
        : removed.length > 0
          ? !outsideBefore && next !== undefined && next.new.space
          : !outsideBefore && next !== undefined && next.old.space && next.new.space
    const space = (flag: boolean): string => (flag ? ' ' : '')
    const run = (tokens: InlineToken[], change: Change, open: boolean, close: boolean): void => {
      tokens.forEach((token, offset) => {
        const inner = offset === 0 ? space(open) : space(token.space)
        pieces.push({
          lead: '',
          text: `${inner}${token.text}${offset === tokens.length - 1 ? space(close) : ''}`,
          chain: token.chain,
          change,
          atom: token.atom,
        })
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
  if (a.type === 'link') return b.type === 'link' && a.url === b.url
  if (a.type === 'term') return b.type === 'term' && a.role === b.role
  if (a.type === 'reference') return b.type === 'reference' && JSON.stringify(a.target) === JSON.stringify(b.target)
  return a.type === b.type
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
    const last = out[out.length - 1]
    const target = last?.type === 'mark' && last.change === change ? last : undefined
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
  for (let index = 0; index < pieces.length;) {
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
    const content: PhrasingContent[] = first.atom
      ? [...(first.text ? [{ type: 'text' as const, value: first.text }] : []), first.atom]
      : [{ type: 'text', value: first.text }]
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
  switch (wrapper.type) {
    case 'link':
      return { type: 'link', url: wrapper.url.startsWith('ref:') ? '' : wrapper.url, title: wrapper.title ?? null, children }
    case 'term':
      return { type: 'term', role: wrapper.role, children }
    case 'reference':
      return { type: 'reference', target: wrapper.target, children }
    default:
      return { type: wrapper.type, children }
  }
}
