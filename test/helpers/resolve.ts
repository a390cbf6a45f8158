/**
 * What a reader of a Markdown document sees, as data: each proposal's blocks
 * between its markers, with every reference resolved against the whole
 * document (a link's URL, a footnote's text) and the label spellings,
 * footnote numbers and positions left out, so a proposal placed in the
 * consolidated text can be compared with its body read alone.
 */
import type { Definition, FootnoteDefinition, Nodes, Root, RootContent } from 'mdast'
import { parseMarkdown } from '../../src/parse/proposal.js'

export type Seen = { type: string; [key: string]: unknown }

/** Read `markdown` as a parser does; `seen` turns any of its nodes into what a reader sees. */
export function reader(markdown: string): { tree: Root; seen: (nodes: RootContent[]) => Seen[] } {
  const tree = parseMarkdown(markdown)
  const definitions = new Map<string, Definition>()
  const notes = new Map<string, FootnoteDefinition>()
  const collect = (node: Nodes): void => {
    // The first definition of a label wins, as in CommonMark.
    if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node)
    if (node.type === 'footnoteDefinition' && !notes.has(node.identifier)) notes.set(node.identifier, node)
    if ('children' in node) for (const child of node.children) collect(child)
  }
  collect(tree)

  const open = new Set<string>()
  const seen = (nodes: Nodes[]): Seen[] => {
    const out: Seen[] = []
    for (const node of nodes) {
      for (const item of one(node)) {
        const last = out[out.length - 1]
        if (item.type === 'text' && last?.type === 'text') last.value = `${last.value as string}${item.value as string}`
        else out.push(item)
      }
    }
    return out
  }
  const one = (node: Nodes): Seen[] => {
    switch (node.type) {
      case 'definition':
      case 'footnoteDefinition':
        return []
      case 'linkReference': {
        const definition = definitions.get(node.identifier)!
        return [{ type: 'link', url: definition.url, title: definition.title ?? null, children: seen(node.children) }]
      }
      case 'imageReference': {
        const definition = definitions.get(node.identifier)!
        return [{ type: 'image', url: definition.url, title: definition.title ?? null, alt: node.alt ?? null }]
      }
      case 'link':
        return [{ type: 'link', url: node.url, title: node.title ?? null, children: seen(node.children) }]
      case 'image':
        return [{ type: 'image', url: node.url, title: node.title ?? null, alt: node.alt ?? null }]
      case 'footnoteReference': {
        const note = notes.get(node.identifier)!
        // A note that refers to itself is shown once.
        if (open.has(node.identifier)) return [{ type: 'footnote', children: 'itself' }]
        open.add(node.identifier)
        const children = seen(note.children)
        open.delete(node.identifier)
        return [{ type: 'footnote', children }]
      }
      default: {
        const { type, position: _position, children, ...rest } = node as Nodes & { children?: Nodes[] }
        const item: Seen = { type, ...rest }
        if (children) item.children = seen(children)
        return [item]
      }
    }
  }
  return { tree, seen }
}

/** The top-level blocks between `<!-- proposal: ID -->` and `<!-- /proposal: ID -->`, for each id, in order. */
export function regions(tree: Root): Map<string, RootContent[][]> {
  const found = new Map<string, RootContent[][]>()
  let current: { id: string; nodes: RootContent[] } | undefined
  for (const node of tree.children) {
    const marker = node.type === 'html' ? /^<!-- (\/?)proposal: (\S+) -->$/.exec(node.value) : null
    if (marker && marker[1] === '' && !current) current = { id: marker[2], nodes: [] }
    else if (marker && marker[1] === '/' && current?.id === marker[2]) {
      found.set(current.id, [...(found.get(current.id) ?? []), current.nodes])
      current = undefined
    } else current?.nodes.push(node)
  }
  return found
}
