/**
 * Any document tree to Markdown, through remark-stringify with a handler for
 * each node of our own: the tool's markers around each block, labels and
 * flags in bold, authors' texts written as they are with their edits (the
 * enclosing brackets, headings nested, labels named apart), and a redline's
 * marks as CriticMarkup. Pure.
 */
import type { Delete, Html, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast'
import type { Body } from '../../../types.js'
import type { Handle, Info, State } from 'mdast-util-to-markdown'
import { renderBody } from '../../apply-edits.js'
import { documentLabels, type LabelNamer } from '../../label-names.js'
import type { BodyChange, BodyNode, ChairTextBlock, Concordance, Cover, Document, Mark, NoteBlock, ProposalBlock, Section } from '../../tree.js'
import { changeOf } from '../../tree.js'
import { heading, paragraph, plain, strong, verbatim, writeMarkdownWith } from '../../writer.js'

/** Any node of a document's tree. */
type Nodes = Root | RootContent
import type { Compiler, Prepared } from '../format.js'
import { neutralise, neutraliseMarkdown, neutraliseMarked } from './critic.js'

/** Nodes this format does not show (the table of contents, the support matrix): left out before writing. */
const UNSHOWN = new Set(['contents', 'matrix'])

export const compiler: Compiler = {
  compile: (document, prepared) => compileMarkdown(document, prepared),
}

/** Write `document` as Markdown; `prepared` holds the marked syntax trees of a redline's changed texts. */
export function compileMarkdown(document: Document, prepared?: Prepared): string {
  const redline = document.meta.redline !== undefined
  const tree = shown(document.tree)
  const bodies = bodiesOf(tree)
  // Labels are named once the rest of the text is known: their separator is a character none of it holds.
  const names = documentLabels(bodies.map(labelled), [wordsOf(tree)])
  const namers = new Map<BodyNode | BodyChange, LabelNamer>(bodies.map((node, index) => [node, names.namers[index]]))
  // In a redline nothing an author wrote may read as a mark: texts written unparsed (the redline sends to the threads those that hold anything like one), text as written, and the marked trees.
  const escape = redline ? neutralise : undefined
  const asWritten = (markdown: string): string => (redline ? neutraliseMarkdown(markdown) : markdown)
  const body = (node: BodyNode): string =>
    asWritten(renderBody(node.body, { bracketed: node.enclosed, headingLevel: Math.min(6, node.depth + 1), labels: namers.get(node), strikes: redline }))

  const handlers: Record<string, Handle> = {
    cover: (node: Cover, _, state, info) => {
      const filled = node.text.body.source.trim()
      const blocks: RootContent[] = filled === '' ? [] : [verbatim(asWritten(filled))]
      for (const line of node.children) blocks.push(line.role === 'supersedes' ? paragraph(...bold(flat(line.children))) : paragraph(...flat(line.children)))
      return flow(blocks, state, info)
    },
    section: (node: Section, _, state, info) => {
      const level = Math.min(6, node.depth + 1)
      const blocks: RootContent[] = []
      if (node.kind === 'paragraph') {
        // A paragraph has no heading: its marker, then its number in bold and its title.
        blocks.push(verbatim(`<!-- paragraph: ${node.id} -->`))
        if (node.heading.length > 0) blocks.push(paragraph(...flat(node.heading.map((child) => (child.type === 'term' ? strong(...child.children) : child)))))
        blocks.push(...node.children)
        return flow(blocks, state, info)
      }
      if (node.article !== undefined) blocks.push(verbatim(`<!-- article: ${node.label ?? node.article} topic: ${node.id} -->`))
      blocks.push(heading(level, ...flat(node.heading)), ...node.children)
      return flow(blocks, state, info)
    },
    proposal: (node: ProposalBlock, _, state, info) => flow(blockOf(node, 'proposal'), state, info),
    note: (node: NoteBlock, _, state, info) => flow(blockOf(node, 'note'), state, info),
    chairText: (node: ChairTextBlock, _, state, info) => flow(blockOf(node, 'chair-text'), state, info),
    annex: (node, _, state, info) => flow(node.children, state, info),
    label: (node, _, state, info) => state.handle(paragraph(...bold(flat(node.children))), undefined, state, info),
    attribution: (node, _, state, info) => state.handle(paragraph(...flat(node.children)), undefined, state, info),
    flag: (node, _, state, info) => state.handle(paragraph(...bold(flat(node.children))), undefined, state, info),
    body: (node: BodyNode) => body(node),
    bodyChange: (node: BodyChange, _, state, info) =>
      flow(flagged(neutraliseMarked(relabelled(markedOf(prepared, node), namers.get(node)!)), document.meta.redline), state, info),
    concordance: (node: Concordance, _, state, info) => state.handle(concordanceTable(node), undefined, state, info),
    redlineNote: (node, _, state) => `{>>${neutralise(state.safe(node.value, { before: '>', after: '<' }))}<<}`,
    term: (node, _, state, info) => state.containerPhrasing(node, info),
    reference: (node, _, state, info) => state.containerPhrasing(node, info),
    // An author's strikethrough, in a redline: never `~~`, which reads as a deletion where Markdown is shown, and could close a CriticMarkup delimiter begun beside it.
    ...(redline ? { delete: withPeek('<', (node: Delete, _, state, info) => enclosed('<s>', '</s>', node, state, info)) } : {}),
    mark: withPeek('{', (node: Mark, _, state, info) =>
      node.change === 'insert' ? enclosed('{++', '++}', node, state, info) : enclosed('{--', '--}', node, state, info),
    ),
  }
  return writeMarkdownWith(tree, { handlers, escape })
}

/**
 * A handler that says its first character without writing its node: the
 * writer asks each phrasing node for it, and writing a nested node to learn it
 * would write the nesting again at every level, exponentially.
 */
function withPeek(first: string, handle: Handle): Handle {
  return Object.assign(handle, { peek: () => first })
}

/** Phrasing written between two delimiters. */
function enclosed(open: string, close: string, node: Mark | Delete, state: State, info: Info): string {
  const tracker = state.createTracker(info)
  let value = tracker.move(open)
  value += tracker.move(state.containerPhrasing(node, { ...tracker.current(), before: value, after: close[0] }))
  return value + tracker.move(close)
}

/** A proposal's or note's blocks between its markers: the alternative's label and a parked text's in bold (the others are for formats that show tags). */
function blockOf(node: ProposalBlock | NoteBlock | ChairTextBlock, kind: 'proposal' | 'note' | 'chair-text'): RootContent[] {
  const deleted = changeOf(node) === 'delete'
  const marker = (closing: boolean): Html => verbatim(`<!-- ${closing ? '/' : ''}${deleted ? 'deleted: ' : ''}${kind}: ${node.id} -->`)
  const children = node.children.filter((child) => child.type !== 'label' || ['alt', 'parked', 'note', 'chair', 'pending'].includes(child.role))
  return [marker(false), ...children, marker(true)]
}

/** Blocks written one after another, as the children of a container. */
function flow(blocks: RootContent[], state: State, info: Parameters<Handle>[3]): string {
  return state.containerFlow({ type: 'root', children: blocks }, info)
}

/** The marked blocks of a changed text, as the threads prepared them. */
function markedOf(prepared: Prepared | undefined, node: BodyChange): RootContent[] {
  const marked = prepared?.get(node)
  if (!Array.isArray(marked)) throw new Error('a changed text of the redline was not prepared')
  return marked as RootContent[]
}

/** The tree without what Markdown does not show. */
function shown(tree: Root): Root {
  const keep = (nodes: RootContent[]): RootContent[] =>
    nodes
      .filter((node) => !UNSHOWN.has(node.type))
      .map((node) => (node.type === 'section' || node.type === 'annex' ? { ...node, children: keep(node.children) } : node))
  return { ...tree, children: keep(tree.children) }
}

/** A text's labels as the document names them: a changed text's are those of both its versions. */
function labelled(node: BodyNode | BodyChange): { id: string; body: Body } {
  if (node.type === 'body') return { id: node.owner, body: node.body }
  const sides = [node.old, node.next].filter((side): side is BodyNode => side !== undefined)
  const source = sides.map((side) => side.body.source.slice(side.body.start, side.body.end)).join('\n')
  return {
    id: sides[0].owner,
    body: { source, start: 0, end: source.length, edits: sides.flatMap((side) => side.body.edits.filter((edit) => edit.kind === 'label')) },
  }
}

/**
 * Blocks CriticMarkup cannot enclose (code, raw HTML, a rule, a link
 * definition) are announced by a note before them when wholly inserted or deleted.
 */
function flagged(nodes: RootContent[], words: { inserted: string; deleted: string } | undefined): RootContent[] {
  if (!words) return nodes
  return nodes.flatMap((node): RootContent[] => {
    const change = changeOf(node)
    const inner =
      'children' in node && !['paragraph', 'heading', 'tableCell', 'table', 'tableRow'].includes(node.type)
        ? ({ ...node, children: flagged(node.children as RootContent[], words) } as RootContent)
        : node
    if (change === undefined || !['code', 'html', 'thematicBreak', 'definition'].includes(node.type)) return [inner]
    return [{ type: 'redlineNote', value: change === 'insert' ? words.inserted : words.deleted }, inner]
  })
}

/** A changed text's footnotes under the names the document gives them (its links were made inline on the thread). */
function relabelled(nodes: RootContent[], namer: LabelNamer): RootContent[] {
  const name = (identifier: string): string => {
    try {
      return namer('footnote', identifier)
    } catch {
      // A reference to a note that is not there is written as it stands.
      return identifier
    }
  }
  const visit = (node: Nodes): Nodes => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell')
      return { ...node, children: literal(node.children.map((child) => visit(child) as PhrasingContent)) } as Nodes
    if (node.type === 'footnoteReference' || node.type === 'footnoteDefinition') {
      const renamed = name(node.identifier)
      const copy = { ...node, identifier: renamed, label: renamed }
      return 'children' in copy ? ({ ...copy, children: copy.children.map((child) => visit(child)) } as Nodes) : copy
    }
    return 'children' in node ? ({ ...node, children: (node.children as Nodes[]).map(visit) } as Nodes) : node
  }
  return nodes.map((node) => visit(node) as RootContent)
}

/** Literal brackets (their stand-ins, from the thread) written back as `\[` `\]`, which no reader takes for negotiating brackets. */
function literal(children: PhrasingContent[]): PhrasingContent[] {
  return children.flatMap((child): PhrasingContent[] => {
    if (child.type === 'mark' || child.type === 'emphasis' || child.type === 'strong' || child.type === 'delete' || child.type === 'link')
      return [{ ...child, children: literal(child.children) } as PhrasingContent]
    if (child.type !== 'text' || !/[\ue05b\ue05d]/.test(child.value)) return [child]
    return child.value
      .split(/([\ue05b\ue05d])/)
      .filter((part) => part !== '')
      .map((part): PhrasingContent =>
        part === '\ue05b' ? { type: 'html', value: '\\[' } : part === '\ue05d' ? { type: 'html', value: '\\]' } : { type: 'text', value: part },
      )
  })
}

/** Every author's text in the order the document shows them (the cover's is written as it is, its labels its own). */
function bodiesOf(tree: Root): Array<BodyNode | BodyChange> {
  const found: Array<BodyNode | BodyChange> = []
  const visit = (nodes: readonly Nodes[]): void => {
    for (const node of nodes) {
      if (node.type === 'body' || node.type === 'bodyChange') found.push(node)
      else if (node.type === 'section' || node.type === 'annex' || node.type === 'proposal' || node.type === 'note' || node.type === 'chairText')
        visit(node.children)
    }
  }
  visit(tree.children)
  return found
}

/** Words in bold; words wholly inserted or deleted keep their mark outside the bold (`{--**Alt 1**--}`). */
function bold(children: PhrasingContent[]): PhrasingContent[] {
  const [only] = children
  if (children.length === 1 && only.type === 'mark') return [{ ...only, children: [strong(...only.children)] }]
  return [strong(...children)]
}

/** Generated words as one text: terms and references are only their words here. */
function flat(children: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  const push = (node: PhrasingContent): void => {
    const last = out[out.length - 1]
    if (node.type === 'text' && last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value + node.value }
    else out.push(node)
  }
  for (const child of children) {
    if (child.type === 'term' || child.type === 'reference') for (const inner of flat(child.children)) push(inner)
    else if (child.type === 'mark') out.push({ ...child, children: flat(child.children) })
    else if ('children' in child && child.type !== 'link' && child.type !== 'linkReference')
      out.push({ ...child, children: flat(child.children) } as PhrasingContent)
    else push(child)
  }
  return out
}

/** Every word of a tree but the authors' texts, to choose a label separator none of them holds. */
function wordsOf(tree: Root): string {
  const words: string[] = []
  const visit = (node: unknown): void => {
    if (typeof node === 'string') return void words.push(node)
    if (Array.isArray(node)) return node.forEach(visit)
    if (node === null || typeof node !== 'object') return
    const record = node as Record<string, unknown>
    if ((record.type === 'body' && record.owner !== 'cover') || record.type === 'bodyChange') return
    for (const [key, value] of Object.entries(record)) if (key !== 'position' && key !== 'data') visit(value)
  }
  visit(tree)
  return words.join('\n')
}

/** Topic, article (or "no text"), the texts it took. */
function concordanceTable(node: Concordance): Table {
  const header = node.columns.map((column) => [plain(column)])
  const rows = node.rows.map((row): PhrasingContent[][] => [flat(row.heading), [plain(row.articleLabel)], flat(row.texts)])
  return {
    type: 'table',
    align: [null, null, null],
    children: [header, ...rows].map((cells): TableRow => ({
      type: 'tableRow',
      children: cells.map((children): TableCell => ({ type: 'tableCell', children })),
    })),
  }
}
