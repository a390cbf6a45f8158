/**
 * The structural limits of `too-complex` (docs/reference.md, Limits): how deeply a body nests,
 * how many nodes it renders to, how wide its tables are. Measured once on the
 * parsed tree, in one iterative pass (no recursion, whatever the depth), so
 * that whatever `check` accepts renders in every format in linear time and
 * within the stack: the renderers (mdast to hast, parse5, the sanitiser, the
 * HTML writer, the Word walk) recurse once per nesting level and build one
 * node per node counted here.
 */
import type { Root, RootContent } from 'mdast'

/** Any node of a text's tree. */
type Nodes = Root | RootContent

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
const VOID = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
])
/** The HTML parser's formatting elements: left open, each is cloned again into every later block. */
const FORMATTING = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u'])
/** Elements whose content is text up to their end tag, not tags. */
const RAW_TEXT = new Set(['iframe', 'noembed', 'noframes', 'noscript', 'plaintext', 'script', 'style', 'textarea', 'title', 'xmp'])
/** Inline nodes: the HTML parser reopens formatting elements only at blocks (and at raw tags other than formatting ones). */
const PHRASING = new Set<string>([
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'break',
  'link',
  'image',
  'linkReference',
  'imageReference',
  'footnoteReference',
])
/** Nodes whose children are inline. */
const PHRASING_PARENTS = new Set<string>(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference'])
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
    const inline = path.length > 0 && PHRASING_PARENTS.has(path[path.length - 1].type)
    if (frame.exit) {
      path.pop()
      if (node.type === 'footnoteDefinition' && !noteSizes.has(node.identifier)) noteSizes.set(node.identifier, nodes - frame.entered!)
      continue
    }
    // A block can make the HTML parser reopen (clone) every formatting element left open before it.
    nodes += 1 + (PHRASING.has(node.type) || (node.type === 'html' && inline) ? 0 : html.formatting)
    const nesting = depth + html.depth
    deepest = Math.max(deepest, nesting)
    if (nesting > limits.depth) return { offset: offsetOf(node), message: tooDeep([...path, node], html, limits) }

    switch (node.type) {
      case 'html': {
        const peak = html.scan(node.value, limits.depth - depth)
        // The node itself is gone once parsed as HTML: what stays is an element per start tag.
        nodes += Math.max(0, peak.tags - 1)
        deepest = Math.max(deepest, depth + peak.depth)
        if (depth + peak.depth > limits.depth) return { offset: offsetOf(node) + peak.at, message: tooDeep([...path, node], html, limits) }
        break
      }
      case 'table': {
        let columns = node.align?.length ?? 0
        for (const row of node.children) columns = Math.max(columns, row.children.length)
        widest = Math.max(widest, columns)
        if (columns > limits.columns) {
          return {
            offset: offsetOf(node),
            message: `this table has ${count(columns)} columns, more than the limit of ${limits.columns}; split it into several tables, or make some columns rows`,
          }
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

/**
 * Raw HTML elements left open, followed by a linear scan of the tags: a
 * simplified model of the HTML parser that over-estimates how deeply it
 * nests. Elements whose end tag may be left out (`p`, `li`, `td`, `tr`…) close
 * at their next sibling, as the parser closes them; every element closes at
 * its end tag; formatting elements (`b`, `i`, `a`…) stay active until their
 * end tag, and are reopened in every block after the one that closed them.
 */
class OpenElements {
  private readonly stack: string[] = []
  private formattingOnStack = 0
  private readonly active = new Map<string, number>()
  /** Formatting elements started and not ended. */
  formatting = 0

  /** How deeply the parser may nest here: the open elements, and the formatting elements it would reopen. */
  get depth(): number {
    return this.stack.length + Math.max(0, this.formatting - this.formattingOnStack)
  }

  /** Scan one raw HTML node's tags: its deepest nesting, the elements it adds, and where it stopped once nesting passed `room`. */
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
      // An element per start tag; and a tag other than a formatting one can make the parser reopen every formatting element.
      tags += (closing ? 0 : 1) + (FORMATTING.has(name) ? 0 : this.formatting)
      if (closing) this.end(name)
      else if (!VOID.has(name) && value[end - 1] !== '/') {
        this.start(name)
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

  /** What is open, by kind, for a message. */
  kinds(): string[] {
    const counts = new Map<string, number>()
    for (const name of this.stack) counts.set(name, (counts.get(name) ?? 0) + 1)
    for (const [name, n] of this.active) if (n > 0 && !counts.has(name)) counts.set(name, n)
    return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name, n]) => `${count(n)} <${name}>`)
  }

  private start(name: string): void {
    if (CLOSES_P.has(name)) this.closeSibling(['p'], BUTTON_SCOPE)
    const siblings = SIBLINGS[name]
    if (siblings) this.closeSibling(siblings.names, siblings.scope)
    this.stack.push(name)
    if (FORMATTING.has(name)) {
      this.formattingOnStack++
      this.active.set(name, (this.active.get(name) ?? 0) + 1)
      this.formatting++
    }
  }

  private end(name: string): void {
    const active = this.active.get(name) ?? 0
    if (active > 0) {
      this.active.set(name, active - 1)
      this.formatting--
    }
    const index = this.stack.lastIndexOf(name)
    if (index !== -1) this.popTo(index)
  }

  /** Close the nearest open element of `names`, unless an element of `scope` stands in between. */
  private closeSibling(names: string[], scope: Set<string>): void {
    for (let index = this.stack.length - 1; index >= 0; index--) {
      const open = this.stack[index]
      if (names.includes(open)) {
        this.popTo(index)
        return
      }
      if (scope.has(open)) return
    }
  }

  private popTo(index: number): void {
    while (this.stack.length > index) if (FORMATTING.has(this.stack.pop()!)) this.formattingOnStack--
  }
}

/** Elements whose start tag closes an open `p` (the parser's "close a p element"). */
const CLOSES_P = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'listing',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'search',
  'section',
  'summary',
  'table',
  'ul',
])
const BUTTON_SCOPE = new Set(['applet', 'button', 'caption', 'html', 'marquee', 'object', 'table', 'td', 'template', 'th'])
const TABLE_SCOPE = new Set(['html', 'table', 'template'])
/** Elements whose end tag may be left out: the next sibling closes them. */
const SIBLINGS: Record<string, { names: string[]; scope: Set<string> }> = {
  li: { names: ['li'], scope: new Set([...BUTTON_SCOPE, 'ol', 'ul']) },
  dd: { names: ['dd', 'dt'], scope: new Set([...BUTTON_SCOPE, 'dl']) },
  dt: { names: ['dd', 'dt'], scope: new Set([...BUTTON_SCOPE, 'dl']) },
  option: { names: ['option'], scope: new Set([...BUTTON_SCOPE, 'select', 'datalist']) },
  optgroup: { names: ['optgroup', 'option'], scope: new Set([...BUTTON_SCOPE, 'select']) },
  tr: { names: ['tr', 'td', 'th'], scope: TABLE_SCOPE },
  td: { names: ['td', 'th'], scope: new Set([...TABLE_SCOPE, 'tr']) },
  th: { names: ['td', 'th'], scope: new Set([...TABLE_SCOPE, 'tr']) },
  thead: { names: ['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'], scope: TABLE_SCOPE },
  tbody: { names: ['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'], scope: TABLE_SCOPE },
  tfoot: { names: ['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'], scope: TABLE_SCOPE },
  rb: { names: ['rb', 'rp', 'rt', 'rtc'], scope: new Set(['ruby']) },
  rp: { names: ['rb', 'rp', 'rt'], scope: new Set(['ruby', 'rtc']) },
  rt: { names: ['rb', 'rp', 'rt'], scope: new Set(['ruby', 'rtc']) },
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
  if (elements.length > 0) parts.push(`${elements.slice(0, 3).join(', ')}${elements.length > 3 ? ', …' : ''} left open`)
  const what = parts.length > 0 ? ` (${parts.join('; ')})` : ''
  return `the text nests more than ${limits.depth} levels deep here${what}, the limit for block quotes, lists, emphasis, links and HTML elements inside one another; flatten the structure, and close every HTML element you open`
}

function tooMany(limits: StructureLimits): string {
  return `the text renders to more than ${count(limits.nodes)} nodes (paragraphs, list items, emphasis, links, line breaks, HTML elements, table cells, counting a short table row as wide as its table and a footnote's text again at each reference to it), the limit for this limits.fileSize (${NODES_PER_KIB} per KiB); split the proposal into several files`
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
