/**
 * The one Markdown writer of every generated document (the consolidated text,
 * the stocktaking report, the change list, the step summary): documents are
 * built as mdast and written by remark-stringify, which does all the escaping.
 * Authors' bodies go in as `html` nodes, which it writes as they are. Pure.
 */
import type { Emphasis, Heading, Html, InlineCode, Paragraph, PhrasingContent, Root, Strong, Text } from 'mdast'
import { defaultHandlers, type ConstructName, type Handle, type Unsafe } from 'mdast-util-to-markdown'
import remarkGfm from 'remark-gfm'
import remarkStringify, { type Options } from 'remark-stringify'
import { unified } from 'unified'
import { visible } from '../diagnostics/format.js'

/** Constructs inside phrasing where brackets and attention mean nothing (the library's own list). */
const SPANS: ConstructName[] = ['autolink', 'destinationLiteral', 'destinationRaw', 'reference', 'titleQuote', 'titleApostrophe']

/**
 * Brackets in generated words are kept (docs/reference.md, The consolidated text): where they could form a link,
 * an image or a definition, the character after `]` (or the `!` before `[`) is
 * escaped instead. The library already escapes `(` after `]` and `!` before
 * `[`; these add `][` and `]:`, and a closing `#` run (a template may put a value in a heading).
 */
const UNSAFE: Unsafe[] = [
  { character: '[', before: '\\]', inConstruct: 'phrasing', notInConstruct: SPANS },
  { character: ':', before: '\\]', inConstruct: 'phrasing', notInConstruct: SPANS },
  { character: '#', before: '[ \\t]', after: '#*(?:[\\r\\n]|$)', inConstruct: 'phrasing' },
]

/** The library's patterns (GFM's included) less those that escape every `[` of a text; it leaves `]` alone. */
const withoutBrackets = new WeakMap<Unsafe[], Unsafe[]>()

/** Text as the library writes it, but with its brackets as written (see `UNSAFE`). */
const text: Handle = (node: Text, parent, state, info) => {
  const unsafe = state.unsafe
  let kept = withoutBrackets.get(unsafe)
  if (!kept) {
    kept = unsafe.filter((pattern) => !(pattern.character === '[' && !pattern.before && (pattern.atBreak || [pattern.inConstruct].flat().includes('phrasing'))))
    withoutBrackets.set(unsafe, kept)
  }
  // Most generated words (names, dates, counts) hold nothing to escape: the library would try each of its patterns on them in vain.
  if (writtenAsIs(node.value, riskOf(kept, state.stack))) return node.value
  state.unsafe = kept
  try {
    return defaultHandlers.text(node, parent, state, info)
  } finally {
    state.unsafe = unsafe
  }
}

/** What may need escaping in a text under a stack of constructs: characters anywhere, and a space or tab at either end. */
export interface Risk {
  characters: RegExp
  edges: boolean
}

const risks = new WeakMap<Unsafe[], Map<string, Risk>>()

/**
 * What the patterns of `unsafe` in scope of `stack` may escape. A pattern
 * for a space or tab beside a line ending can match only at a text's ends (a
 * line ending inside it is itself a character that may be escaped); any
 * other pattern's character may be escaped wherever it stands. Backslashes
 * and line endings always count (the library escapes a backslash before punctuation).
 */
export function riskOf(unsafe: Unsafe[], stack: readonly string[]): Risk {
  let byStack = risks.get(unsafe)
  if (!byStack) risks.set(unsafe, (byStack = new Map()))
  const key = stack.join('\n')
  let risk = byStack.get(key)
  if (risk) return risk
  const characters = new Set(['\\', '\r', '\n'])
  let edges = false
  for (const pattern of unsafe) {
    if (!inScope(stack, pattern.inConstruct, true) || inScope(stack, pattern.notInConstruct, false)) continue
    const besideLineEnding = !pattern.atBreak && (pattern.before === '[\\r\\n]' || pattern.after === '[\\r\\n]')
    if ((pattern.character === ' ' || pattern.character === '\t') && besideLineEnding) edges = true
    else characters.add(pattern.character)
  }
  const escaped = [...characters].map((character) => `\\u{${character.codePointAt(0)!.toString(16)}}`).join('')
  risk = { characters: new RegExp(`[${escaped}]`, 'u'), edges }
  byStack.set(key, risk)
  return risk
}

/** Whether the library's escaping leaves `value` as it is, by `risk`. */
export function writtenAsIs(value: string, risk: Risk): boolean {
  if (value === '' || risk.characters.test(value)) return false
  return !(risk.edges && /^[ \t]|[ \t]$/.test(value))
}

/** The library's scope of a pattern (`inConstruct`, `notInConstruct`): whether any construct listed is open; `none` when none is listed. */
function inScope(stack: readonly string[], list: Unsafe['inConstruct'], none: boolean): boolean {
  const constructs = list === undefined || list === null ? [] : typeof list === 'string' ? [list] : list
  return constructs.length === 0 ? none : constructs.some((construct) => stack.includes(construct))
}

/** Today's style: `-` bullets, `*` emphasis, ATX headings, fenced code. */
const OPTIONS: Options = {
  bullet: '-',
  bulletOrdered: '.',
  emphasis: '*',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  ruleRepetition: 3,
  ruleSpaces: false,
  listItemIndent: 'one',
  incrementListMarker: true,
  setext: false,
  closeAtx: false,
  tightDefinitions: true,
  handlers: { text },
  unsafe: UNSAFE,
}

// Table cells are not padded to line the pipes up (a long file name would widen
// every row, and any renamed file would rewrite the table): every cell counts as
// three wide, which also keeps the delimiter row at `---`.
const processor = unified()
  .use(remarkStringify, OPTIONS)
  .use(remarkGfm, { tablePipeAlign: true, stringLength: () => 3 })
  .freeze()

/** Write a generated document. */
export function writeMarkdown(tree: Root): string {
  return processor.stringify(tree)
}

/**
 * Write a generated document that holds nodes of other types (the redline's
 * marks), with their handlers; `escape` post-processes every text node as written.
 */
export function writeMarkdownWith(tree: Root, extra: { handlers: Record<string, Handle>; escape?: (written: string) => string }): string {
  const escaped: Handle = (node, parent, state, info) => {
    const written = text(node, parent, state, info)
    return extra.escape ? extra.escape(written) : written
  }
  return unified()
    .use(remarkStringify, { ...OPTIONS, handlers: { ...OPTIONS.handlers, ...extra.handlers, text: escaped } })
    .use(remarkGfm, { tablePipeAlign: true, stringLength: () => 3 })
    .stringify(tree)
}

/** Phrasing written on its own, escaped as at the start of a paragraph: for values put into a template. */
export function writePhrasing(children: PhrasingContent[]): string {
  return writeMarkdown({ type: 'root', children: [paragraph(...children)] }).replace(/\n$/, '')
}

/**
 * A name or title on one line: runs of whitespace, line breaks included, become one space.
 * No-break spaces inside are kept (French typography puts them before `:` and `;`).
 */
export function oneLine(value: string): string {
  return value.replace(/[^\S\u00a0\u202f\u2007]+/g, ' ').trim()
}

/** Generated words; control characters (a terminal escape in a title) are written out, never sent to a terminal that prints the document. */
export function plain(value: string): Text {
  return { type: 'text', value: visible(value) }
}

/** Inline code. A code span shows a line break as a space: writing the space keeps a table row on one line. */
export function code(value: string): InlineCode {
  return { type: 'inlineCode', value: visible(value.replace(/\r\n?|\n/g, ' ')) }
}

export function strong(...children: PhrasingContent[]): Strong {
  return { type: 'strong', children }
}

export function emphasis(...children: PhrasingContent[]): Emphasis {
  return { type: 'emphasis', children }
}

export function paragraph(...children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children }
}

/** A heading; levels past 6 stay at 6. */
export function heading(depth: number, ...children: PhrasingContent[]): Heading {
  return { type: 'heading', depth: Math.max(1, Math.min(6, depth)) as Heading['depth'], children }
}

/** Markdown written as it is: markers, a template, an author's body. */
export function verbatim(value: string): Html {
  return { type: 'html', value }
}

/** `template` with each `{name}` replaced by its nodes; other text stays text. */
export function fill(template: string, values: Record<string, PhrasingContent>): PhrasingContent[] {
  return template.split(/(\{\w+\})/).flatMap((part): PhrasingContent[] => {
    const value = /^\{(\w+)\}$/.exec(part)?.[1]
    if (value !== undefined && value in values) return [values[value]]
    return part === '' ? [] : [plain(part)]
  })
}
