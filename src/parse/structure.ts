/**
 * The structural limits of SPEC §8 `too-complex`: how deeply a body nests,
 * how many nodes it renders to, how wide its tables are. Measured once on the
 * parsed tree, in one iterative pass (no recursion, whatever the depth), so
 * that whatever `check` accepts renders in every format in linear time and
 * within the stack: the renderers (mdast to hast, parse5, the sanitiser, the
 * HTML writer, the Word walk) recurse once per nesting level and build one
 * node per node counted here.
 */
import type { Nodes, Root } from 'mdast'

export interface StructureLimits {
  /** Nesting levels: Markdown containers (block quotes, lists, emphasis, links…) and raw HTML elements inside one another. */
  depth: number
  /** Nodes as rendered: the tree's, plus raw HTML tags, table cells a short row is padded to, repeated footnotes, repeated link targets. */
  nodes: number
  /** Columns of a table. */
  columns: number
}

/** Nesting levels; a treaty text nests about a dozen (article, paragraph, (a), (i), (A), emphasis, a link). */
export const MAX_DEPTH = 100
/** Table columns; a tariff schedule has about ten. */
export const MAX_COLUMNS = 100
/** Rendered nodes per KiB of `limits.fileSize`: 102,400 for the default 256 KiB; dense treaty text has about 40 per KiB. */
export const NODES_PER_KIB = 400

/** The limits for files of at most `fileSize` bytes. */
export function structureLimits(fileSize: number): StructureLimits {
  return { depth: MAX_DEPTH, nodes: Math.max(NODES_PER_KIB * 256, Math.ceil((fileSize / 1024) * NODES_PER_KIB)), columns: MAX_COLUMNS }
}

export interface StructureProblem {
  /** Offset in the parsed text where the limit is passed. */
  offset: number
  message: string
}

/** What the limits count, for tests and measurements. */
export interface Structure {
  depth: number
  nodes: number
  columns: number
}

/** Elements with no content and no end tag: they never nest. */
const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr'])
/** The HTML parser's formatting elements: left open, each is cloned again into every later block. */
const FORMATTING = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u'])
/** Elements whose content is text up to their end tag, not tags. */
const RAW_TEXT = new Set(['iframe', 'noembed', 'noframes', 'noscript', 'plaintext', 'script', 'style', 'textarea', 'title', 'xmp'])
/** A link target repeated by a reference counts one node per this many characters. */
const CHARS_PER_NODE = 64

const KINDS: Partial<Record<Nodes['type'], string>> = {
  blockquote: 'block quote',
  list: 'list',
  emphasis: 'emphasis',
  strong: 'strong emphasis',
  delete: 'strikethrough',
  link: 'link',
  linkReference: 'link',
  footnoteDefinition: 'footnote',
}

interface Frame {
  node: Nodes
  depth: number
  /** Set once the node's children have been walked: its subtree's size is then known. */
  exit?: true
  /** The node count when the node was entered. */
  entered?: number
}

/**
 * Measure `tree` against `limits`: the first limit passed, with where and why,
 * or the measures when none is. Linear in the size of the tree and of its raw HTML.
 */
export function checkStructure(tree: Root | Nodes, limits: StructureLimits): StructureProblem | Structure {
  let nodes = 0
  let deepest = 0
  let widest = 0
  const html = new OpenElements()
  const path: Nodes[] = []
  const noteSizes = new Map<string, number>()
  const noteUses = new Map<string, { count: number; offset: number }>()
  const targets = new Map<string, number>()
  const targetUses = new Map<string, { count: number; offset: number }>()

  const stack: Frame[] = [{ node: tree, depth: 0 }]
  while (stack.length > 0) {
    const frame = stack.pop()!
    const { node, depth } = frame
    if (frame.exit) {
      path.pop()
      if (node.type === 'footnoteDefinition' && !noteSizes.has(node.identifier)) noteSizes.set(node.identifier, nodes - frame.entered!)
      continue
    }
    // Every node can make the HTML parser reopen the formatting elements left open before it.
    nodes += 1 + html.formatting
    const nesting = depth + html.depth
    deepest = Math.max(deepest, nesting)
    if (nesting > limits.depth) return { offset: offsetOf(node), message: tooDeep([...path, node], html, limits) }

    switch (node.type) {
      case 'html': {
        const peak = html.scan(node.value, limits.depth - depth)
        nodes += peak.tags
        deepest = Math.max(deepest, depth + peak.depth)
        if (depth + peak.depth > limits.depth) return { offset: offsetOf(node) + peak.at, message: tooDeep([...path, node], html, limits) }
        break
      }
      case 'table': {
        let columns = node.align?.length ?? 0
        for (const row of node.children) columns = Math.max(columns, row.children.length)
        widest = Math.max(widest, columns)
        if (columns > limits.columns) {
          return { offset: offsetOf(node), message: `this table has ${count(columns)} columns, more than the limit of ${limits.columns}; split it into several tables, or make some columns rows` }
        }
        // The HTML table pads every short row with empty cells.
        for (const row of node.children) nodes += Math.max(0, (node.align?.length ?? 0) - row.children.length)
        break
      }
      case 'footnoteReference': {
        const use = noteUses.get(node.identifier)
        if (use) use.count++
        else noteUses.set(node.identifier, { count: 1, offset: offsetOf(node) })
        break
      }
      case 'definition':
        if (!targets.has(node.identifier)) targets.set(node.identifier, node.url.length + (node.title?.length ?? 0))
        break
      case 'linkReference':
      case 'imageReference': {
        const use = targetUses.get(node.identifier)
        if (use) use.count++
        else targetUses.set(node.identifier, { count: 1, offset: offsetOf(node) })
        break
      }
    }
    if (nodes > limits.nodes) return { offset: offsetOf(node), message: tooMany(limits) }

    if ('children' in node) {
      path.push(node)
      stack.push({ node, depth, exit: true, entered: nodes })
      for (let index = node.children.length - 1; index >= 0; index--) stack.push({ node: node.children[index], depth: depth + 1 })
    }
  }

  // Word repeats a footnote's text at each reference to it; every link written by reference repeats its target.
  for (const [identifier, use] of noteUses) {
    nodes += (use.count - 1) * (noteSizes.get(identifier) ?? 0)
    if (nodes > limits.nodes) return { offset: use.offset, message: tooMany(limits) }
  }
  for (const [identifier, use] of targetUses) {
    nodes += use.count * Math.floor((targets.get(identifier) ?? 0) / CHARS_PER_NODE)
    if (nodes > limits.nodes) return { offset: use.offset, message: tooMany(limits) }
  }
  return { depth: deepest, nodes, columns: widest }
}

/** Raw HTML elements left open, counted by a linear scan of the tags (an upper bound of what the HTML parser nests). */
class OpenElements {
  /** Elements open now. */
  depth = 0
  /** Formatting elements open now. */
  formatting = 0
  private readonly open = new Map<string, number>()

  /** Scan one raw HTML node's tags: its deepest nesting, its tags, and where it stopped once nesting passed `room`. */
  scan(value: string, room: number): { depth: number; tags: number; at: number } {
    let peak = this.depth
    let tags = 0
    let stopped = 0
    let lower: string | undefined
    for (let at = value.indexOf('<'); at !== -1 && at < value.length; at = value.indexOf('<', at)) {
      const next = value[at + 1]
      if (next === '!' || next === '?') {
        // A comment, declaration, CDATA section or processing instruction: nothing nests in it.
        const ender = value.startsWith('<!--', at) ? '-->' : value.startsWith('<![CDATA[', at) ? ']]>' : '>'
        const end = value.indexOf(ender, at + 2)
        if (end === -1) break
        at = end + ender.length
        continue
      }
      const closing = next === '/'
      const nameStart = at + (closing ? 2 : 1)
      if (!/[A-Za-z]/.test(value[nameStart] ?? '')) {
        at++
        continue
      }
      let nameEnd = nameStart
      while (nameEnd < value.length && !/[\s/>]/.test(value[nameEnd])) nameEnd++
      // The tag runs to the first `>` outside quotes; a tag never closed holds the rest of the node.
      let end = nameEnd
      let quote = ''
      for (; end < value.length; end++) {
        const char = value[end]
        if (quote !== '') {
          if (char === quote) quote = ''
        } else if (char === '"' || char === "'") quote = char
        else if (char === '>') break
      }
      if (end >= value.length) break
      const name = value.slice(nameStart, nameEnd).toLowerCase()
      tags++
      // Each tag can make the HTML parser reopen the formatting elements left open.
      tags += this.formatting
      if (closing) this.close(name)
      else if (!VOID.has(name) && value[end - 1] !== '/') {
        this.push(name)
        peak = Math.max(peak, this.depth)
        if (peak > room) {
          stopped = at
          break
        }
      }
      at = end + 1
      if (!closing && RAW_TEXT.has(name)) {
        lower ??= value.toLowerCase()
        const close = lower.indexOf(`</${name}`, at)
        if (close === -1) break
        at = close
      }
    }
    return { depth: peak, tags, at: stopped }
  }

  /** Open elements by kind, for a message. */
  kinds(): string[] {
    return [...this.open].filter(([, count]) => count > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name, count]) => `${count} <${name}>`)
  }

  private push(name: string): void {
    this.open.set(name, (this.open.get(name) ?? 0) + 1)
    this.depth++
    if (FORMATTING.has(name)) this.formatting++
  }

  private close(name: string): void {
    const open = this.open.get(name) ?? 0
    if (open === 0) return
    this.open.set(name, open - 1)
    this.depth--
    if (FORMATTING.has(name)) this.formatting--
  }
}

/** Why the text is too deep: how deep, and what is inside what. */
function tooDeep(path: Nodes[], html: OpenElements, limits: StructureLimits): string {
  const counts = new Map<string, number>()
  for (const node of path) {
    const kind = KINDS[node.type]
    if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1)
  }
  const parts = [...counts].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${count(n)} ${n === 1 ? kind : plural(kind)}`)
  const elements = html.kinds()
  if (elements.length > 0) parts.push(`raw HTML elements left open (${elements.slice(0, 3).join(', ')}${elements.length > 3 ? ', …' : ''})`)
  const what = parts.length > 0 ? ` (${parts.join(', ')})` : ''
  return `the text nests more than ${limits.depth} levels deep here${what}, the limit for block quotes, lists, emphasis, links and HTML elements inside one another; flatten the structure, and close every HTML element you open`
}

function tooMany(limits: StructureLimits): string {
  return `the text renders to more than ${count(limits.nodes)} nodes (paragraphs, list items, emphasis, links, line breaks, table cells — short table rows padded to full width —, HTML tags, and a footnote's text again at each reference to it), the limit for files of up to limits.fileSize bytes; split the proposal into several files`
}

function plural(kind: string): string {
  return kind === 'emphasis' || kind === 'strong emphasis' || kind === 'strikethrough' ? kind : `${kind}s`
}

function count(n: number): string {
  return n.toLocaleString('en')
}

function offsetOf(node: Nodes): number {
  return node.position?.start.offset ?? 0
}
