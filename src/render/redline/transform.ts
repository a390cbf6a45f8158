/**
 * The redline as a view transform (docs/reference.md, Redline): two revisions of one view's
 * document tree in, one marked tree out, which every format compiles as it
 * compiles the view. The structure is matched by what each node stands for (a
 * section by its outline id, a proposal or note by its id, renamed ones by
 * their older id, an annex by its id); generated words are compared word by
 * word here; a text that changed becomes a `bodyChange`, compared on the
 * parser threads within the deadline. Pure.
 */
import type { PhrasingContent, RootContent, Table, TableCell, TableRow } from 'mdast'
import { visible } from '../../diagnostics/format.js'
import type { BodyChange, BodyNode, Change, Concordance, Cover, Document, Mark, PhrasingParent, RedlineNote } from '../tree.js'
import { align, diffPair, diffPhrasing, markBlock, pairable, Relabel, wordsOf } from './diff.js'

export interface RedlineOptions {
  /** Keys (`proposal:ID`) of the older revision that stand under another key in the newer one (a renamed proposal). */
  renamed?: ReadonlyMap<string, string>
  /** Why a block left the text, by its older key: shown where it stood. */
  why?: ReadonlyMap<string, string>
  /** A note on a block of the newer text (inserted or changed), by its key. */
  notes?: ReadonlyMap<string, string>
  /** Said where a block left its place for another in the text (an alternative reordered), when `why` says nothing. */
  moved?: string
}

/** What the redline's cover adds to the view's: what it supersedes, how much changed, and the legend. */
export interface RedlineCover {
  supersedes: string
  changes: string
  /** The legend, `{inserted}` and `{deleted}` standing for marked examples. */
  legend: string
  inserted: string
  deleted: string
  /** The page title's addition (`Redline`), and the Word legend. */
  title: string
  tracked: string
}

/** Mark every change from `old` to `next`, two documents of the same view; the newer one's cover, with what the redline adds. */
export function redlineDocument(old: Document, next: Document, cover: RedlineCover, options: RedlineOptions = {}): Document {
  const children = new Marker(options).children(old.tree.children.filter(compared), next.tree.children.filter(compared)).map(guarded)
  const coverAt = next.tree.children.findIndex((node) => node.type === 'cover')
  if (coverAt !== -1) children.unshift(redlineCover(next.tree.children[coverAt] as Cover, cover))
  return {
    meta: { ...next.meta, redline: { title: cover.title, legend: cover.legend, inserted: cover.inserted, deleted: cover.deleted, tracked: cover.tracked } },
    tree: { type: 'root', children },
  }
}

/** The cover and the navigation are the newer revision's own, not compared. */
function compared(node: RootContent): boolean {
  return node.type !== 'cover' && node.type !== 'contents' && node.type !== 'matrix'
}

function redlineCover(cover: Cover, words: RedlineCover): Cover {
  const line = (role: PhrasingParent['role'], children: PhrasingContent[]): PhrasingParent => ({ type: 'line', role, children })
  const [before, between, after] = words.legend.split(/\{inserted\}|\{deleted\}/)
  const mark = (change: Change, value: string): Mark => ({ type: 'mark', change, children: [{ type: 'text', value }] })
  return {
    ...cover,
    children: [
      // The older revision's symbol or name is the configuration's, or the command line's.
      line('supersedes', [{ type: 'text', value: visible(words.supersedes) }]),
      line('changes', [{ type: 'text', value: visible(words.changes) }]),
      line(
        'legend',
        (
          [
            { type: 'text', value: before },
            mark('insert', words.inserted),
            { type: 'text', value: between },
            mark('delete', words.deleted),
            { type: 'text', value: after },
          ] satisfies PhrasingContent[]
        ).filter((node) => node.type !== 'text' || node.value !== ''),
      ),
    ],
  }
}

interface Entry {
  key: string
  node: RootContent
}

/** Walks both trees at once, matching what stands for the same thing. */
class Marker {
  constructor(private readonly options: RedlineOptions) {}

  children(old: RootContent[], next: RootContent[], oldKeys = (node: RootContent) => this.key(node, true)): RootContent[] {
    const out: RootContent[] = []
    const before = old.map((node): Entry => ({ key: oldKeys(node), node }))
    const after = next.map((node): Entry => ({ key: this.key(node, false), node }))
    const present = new Set(after.map((entry) => entry.key))
    align(before, after, {
      same: (was, is) => out.push(...this.pair(was.node, is.node, is.key)),
      pairs: (was, is) => (structural(was.node) || structural(is.node) ? was.key === is.key : pairable(was.node, is.node)),
      paired: (was, is) => out.push(...this.pair(was.node, is.node, is.key)),
      deleted: (was) => out.push(this.mark(was.node, 'delete', this.options.why?.get(was.key) ?? (present.has(was.key) ? this.options.moved : undefined))),
      inserted: (is) => out.push(this.mark(is.node, 'insert', this.options.notes?.get(is.key))),
    })
    return out
  }

  /** What a node stands for: the same key in both revisions is the same thing. */
  private key(node: RootContent, old: boolean): string {
    switch (node.type) {
      case 'section':
        return `section:${node.kind}:${node.id}`
      case 'proposal':
      case 'note':
      case 'chairText': {
        const key = `${node.type}:${node.id}`
        return old ? (this.options.renamed?.get(key) ?? key) : key
      }
      case 'annex':
        return `annex:${node.id}`
      case 'label':
        return `label:${node.role}`
      case 'attribution':
      case 'flag':
      case 'concordance':
        return node.type
      case 'body':
        return 'text'
      case 'redlineNote':
        return `note:${node.value}`
      default:
        // Generated blocks (an annex's heading, its list) by their words.
        return `${node.type}:${'children' in node || 'value' in node ? wordsOf(node) : ''}`
    }
  }

  /** Two versions of the same thing: the newer with its changes marked. */
  private pair(was: RootContent, is: RootContent, key: string): RootContent[] {
    const note = this.options.notes?.get(key)
    // A section or an annex is not compared whole first: each level of the outline would read everything under it again.
    if (is.type !== 'section' && is.type !== 'annex' && equal(was, is) && note === undefined) return [is]
    switch (is.type) {
      case 'section':
        if (was.type !== 'section') break
        return [
          {
            ...is,
            heading: equal(was.heading, is.heading) ? is.heading : diffPhrasing(was.heading, is.heading),
            children: this.children(was.children, is.children),
          },
        ]
      case 'proposal':
      case 'note':
      case 'chairText': {
        if (was.type !== is.type) break
        const children = this.children(was.children, is.children, (node) => this.key(node, false))
        return [{ ...is, children: [...(note === undefined ? [] : [redlineNote(note)]), ...children] } as RootContent]
      }
      case 'annex':
        if (was.type !== 'annex') break
        return [{ ...is, children: this.children(was.children, is.children) }]
      case 'body':
        if (was.type !== 'body') break
        return [sameText(was, is) ? is : { type: 'bodyChange', old: was, next: is }]
      case 'concordance':
        if (was.type !== 'concordance') break
        return diffPair(concordanceTable(was), concordanceTable(is), new Relabel())
      case 'label':
      case 'attribution':
      case 'flag':
        if (was.type !== is.type) break
        return [{ ...is, children: diffPhrasing(was.children, is.children) }]
    }
    if (structural(was) || structural(is)) return [this.mark(was, 'delete'), this.mark(is, 'insert')]
    return diffPair(was, is, new Relabel())
  }

  /** A node wholly inserted or deleted, everything in it marked; `note` says why. */
  mark(node: RootContent, change: Change, note?: string): RootContent {
    switch (node.type) {
      case 'body':
        return change === 'insert' ? { type: 'bodyChange', next: node } : { type: 'bodyChange', old: node }
      case 'section':
        return {
          ...node,
          heading: [mark(change, node.heading)],
          children: node.children.map((child) => this.mark(child, change)),
          data: { ...node.data, change },
        }
      case 'proposal':
      case 'note':
      case 'chairText':
      case 'annex': {
        const children = node.children.map((child) => this.mark(child, change))
        return { ...node, children: [...(note === undefined ? [] : [redlineNote(note)]), ...children], data: { ...node.data, change } } as RootContent
      }
      case 'concordance':
        return markBlock(concordanceTable(node), change)
      case 'redlineNote':
      case 'cover':
      case 'contents':
      case 'matrix':
      case 'bodyChange':
        return node
      default:
        return markBlock(node, change)
    }
  }
}

/**
 * What in an author's text reads as a redline's own markup, or is written
 * otherwise in a redline: CriticMarkup's delimiters (its substitution's `{~~`,
 * `~>` and `~~}` too), HTML's `<ins>` and `<del>`, a comment like the tool's
 * markers. An author's strikethrough needs no tree: the parser recorded its
 * delimiters, which the Markdown writes `<s>` and `</s>` (apply-edits.ts).
 */
const REDLINE_MARKUP = /\{([+\-=>~])\1|([+\-=<~])\2\}|~>|<\/?(?:ins|del)\b|<!--\s*\/?(?:deleted:\s*)?(?:proposal|note|article)\s*:/i

/**
 * A text that holds what reads as a redline's own markup goes to the threads
 * as a changed one (with nothing changed), so that every format writes it from
 * its tree, where code, raw HTML and text are told apart (docs/decisions.md, No forged changes).
 */
function guarded(node: RootContent): RootContent {
  switch (node.type) {
    case 'body':
      return guardedText(node)
    case 'section':
    case 'annex':
      return { ...node, children: node.children.map(guarded) }
    case 'proposal':
      return { ...node, children: node.children.map((child) => (child.type === 'body' ? guardedText(child) : child)) }
    case 'note':
      return { ...node, children: node.children.map((child) => (child.type === 'body' ? guardedText(child) : child)) }
    default:
      return node
  }
}

function guardedText(node: BodyNode): BodyNode | BodyChange {
  return REDLINE_MARKUP.test(node.body.source.slice(node.body.start, node.body.end)) ? { type: 'bodyChange', old: node, next: node } : node
}

/** Nodes matched only by what they stand for, never by their words. */
function structural(node: RootContent): boolean {
  return ['section', 'proposal', 'note', 'chairText', 'annex', 'label', 'attribution', 'flag', 'body', 'concordance', 'redlineNote'].includes(node.type)
}

/** The same text: its words and brackets as placed (whitespace and re-wrapping aside, the text as written). */
function sameText(was: BodyNode, is: BodyNode): boolean {
  const text = (node: BodyNode): string => node.body.source.slice(node.body.start, node.body.end).replace(/\s+/g, ' ').trim()
  return was.enclosed === is.enclosed && was.depth === is.depth && text(was) === text(is)
}

/** Deep equality of two nodes, positions aside. */
function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((each, index) => equal(each, b[index]))
  const left = Object.entries(a).filter(([key]) => key !== 'position')
  const right = Object.entries(b).filter(([key]) => key !== 'position')
  return left.length === right.length && left.every(([key, value]) => equal(value, (b as Record<string, unknown>)[key]))
}

function mark(change: Change, children: PhrasingContent[]): Mark {
  return { type: 'mark', change, children }
}

/** A note of the secretariat: generated words (a topic's title among them), written out as `text()` writes them. */
function redlineNote(value: string): RedlineNote {
  return { type: 'redlineNote', value: visible(value) }
}

/** The concordance as the table every format writes when it is compared. */
export function concordanceTable(node: Concordance): Table {
  const cell = (children: PhrasingContent[]): TableCell => ({ type: 'tableCell', children })
  const row = (cells: PhrasingContent[][]): TableRow => ({ type: 'tableRow', children: cells.map(cell) })
  return {
    type: 'table',
    align: [null, null, null],
    children: [
      row(node.columns.map((column) => [{ type: 'text', value: column }])),
      ...node.rows.map((each) => row([each.heading, [{ type: 'text', value: each.articleLabel }], each.texts])),
    ],
  }
}
