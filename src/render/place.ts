/**
 * A body placed in a document, on its syntax tree: the enclosing brackets
 * inserted as text where its `bracket` edits put them, its headings nested
 * below the topic heading. The tree is the body's own (parsed without the
 * brackets): bracketed text is never parsed, so brackets cannot make the
 * parser look for link labels across the whole text, nor form links.
 */
import type { Heading, Nodes, Paragraph, Parent, Root, RootContent } from 'mdast'
import type { Body } from '../types.js'

/** Where an enclosing bracket goes: its offset in the body's source and its text (`[`, `]`, ` ]`; on a line of its own when it holds a line break). */
export interface Bracket {
  at: number
  text: string
}

/** The enclosing brackets of a body (its `bracket` edits). */
export function bracketsOf(body: Body): Bracket[] {
  return body.edits.flatMap((edit) => (edit.kind === 'bracket' ? [{ at: edit.start, text: edit.text }] : []))
}

/** Nodes whose children are phrasing content: a bracket in the text goes among them. */
const PHRASING = new Set(['paragraph', 'heading', 'tableCell'])
/** Nodes whose children are blocks (or rows, cells): a bracket goes further in. */
const CONTAINERS = new Set(['root', 'blockquote', 'list', 'listItem', 'table', 'tableRow', 'footnoteDefinition'])

/** Insert each bracket into `tree` (the tree of the text the offsets index). */
export function placeBrackets(tree: Root, brackets: Bracket[]): void {
  for (const bracket of brackets) {
    const text = bracket.text.replace(/\n/g, '')
    if (bracket.text.includes('\n') || !insertInline(tree, bracket.at, text)) insertBlock(tree, bracket.at, text)
  }
}

/** Put `text` among the phrasing content at `at`: an opening bracket before what starts there, a closing one after what ends there. */
function insertInline(tree: Root, at: number, text: string): boolean {
  const opening = text.trim() === '['
  let parent: Parent = tree
  for (;;) {
    const child = pick(parent.children as Nodes[], at, opening)
    if (child === undefined || !('children' in child)) return false
    if (PHRASING.has(child.type)) {
      const children = child.children as Nodes[]
      let index: number
      if (opening) {
        index = children.findIndex((node) => start(node) >= at)
        if (index === -1) index = children.length
      } else {
        index = findLastIndexFrom(children, (node) => end(node) <= at) + 1
      }
      children.splice(index, 0, { type: 'text', value: text })
      return true
    }
    if (!CONTAINERS.has(child.type)) return false
    parent = child
  }
}

/** Put `text` in a paragraph of its own, before the top-level block that starts at `at` or after the one that ends there. */
function insertBlock(tree: Root, at: number, text: string): void {
  const paragraph: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: text }] }
  const blocks = tree.children
  if (text.trim() === '[') {
    const index = blocks.findIndex((node) => node.type !== 'yaml' && start(node) >= at)
    blocks.splice(index === -1 ? blocks.length : index, 0, paragraph)
  } else {
    blocks.splice(findLastIndexFrom(blocks, (node) => node.type !== 'yaml' && end(node) <= at) + 1, 0, paragraph)
  }
}

/** The child that holds `at`: the first that does for an opening bracket, the last for a closing one. */
function pick(children: Nodes[], at: number, first: boolean): Nodes | undefined {
  let found: Nodes | undefined
  for (const child of children) {
    if (child.type === 'yaml' || start(child) > at || end(child) < at) continue
    if (first) return child
    found = child
  }
  return found
}

/** Nest every heading of the body `level` levels below where it was written (at most 6). */
export function relevel(headings: Array<{ node: Heading; depth: Heading['depth'] }>, level: number): void {
  for (const { node, depth } of headings) node.depth = Math.min(6, level + depth) as Heading['depth']
}

/** The tree's headings with the depth each was written at; iterative, whatever the nesting. */
export function headingsOf(tree: Root): Array<{ node: Heading; depth: Heading['depth'] }> {
  const headings: Array<{ node: Heading; depth: Heading['depth'] }> = []
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'heading') headings.push({ node, depth: node.depth })
    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index])
  }
  return headings
}

function findLastIndexFrom<T>(items: T[], test: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index--) if (test(items[index])) return index
  return -1
}

function start(node: Nodes | RootContent): number {
  return node.position?.start.offset ?? 0
}

function end(node: Nodes | RootContent): number {
  return node.position?.end.offset ?? 0
}
