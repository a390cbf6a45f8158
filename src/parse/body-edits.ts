/**
 * A proposal's body, read from its syntax tree: where the enclosing brackets
 * go, which headings and labels to rewrite, and whether its own brackets balance.
 * The consolidated text is then the source with these edits applied, so the
 * author's Markdown is kept as written and nothing is parsed or serialised twice.
 */
import type { Root, RootContent } from 'mdast'

/** Any node of a text's tree. */
type Nodes = Root | RootContent
import { toString } from 'mdast-util-to-string'
import type { LineIndex } from '../read/decode.js'
import type { Body, Edit, Located, Place, TextFacts } from '../types.js'

export interface BracketProblem {
  message: string
  place: Place
}

export interface BodyAnalysis {
  body: Body
  hasText: boolean
  brackets: BracketProblem[]
  facts: TextFacts
  /** The offsets of the brackets of `facts.shape`, one each, in reading order. */
  shapeOffsets: number[]
}

/** Blocks that are not part of the text's reading order. */
const NOTES = new Set(['definition', 'footnoteDefinition'])

/** Analyse the body `blocks` of a file whose normalised text is `source`. */
export function analyseBody(blocks: RootContent[], source: string, lines: LineIndex): BodyAnalysis {
  // Notes and HTML comments are not part of the text's reading order.
  const text = blocks.filter((block) => !NOTES.has(block.type) && !(block.type === 'html' && /^\s*<!--/.test(block.value)))
  const hasText = text.some((block) => block.type === 'html' || toString(block).trim() !== '')
  const edits: Array<Edit & { rank: number }> = []

  const first = blocks[0]
  const last = blocks[blocks.length - 1]
  const start = first ? lineStart(source, offsetOf(first, 'start')) : source.length
  const end = last ? offsetOf(last, 'end') : source.length

  if (text.length > 0) {
    const open = firstInline(text[0])
    edits.push(
      open === undefined
        ? { kind: 'bracket', start: offsetOf(text[0], 'start'), end: offsetOf(text[0], 'start'), text: '[\n\n', rank: 1 }
        : { kind: 'bracket', start: open, end: open, text: '[', rank: 1 },
    )
    const lastText = text[text.length - 1]
    const close = lastInline(lastText)
    // A `]` after a trailing backslash would be read as an escaped bracket.
    const closeText = close !== undefined && source[close - 1] === '\\' ? ' ]' : ']'
    const closeAt = close ?? offsetOf(lastText, 'end')
    edits.push({ kind: 'bracket', start: closeAt, end: closeAt, text: close === undefined ? '\n\n]' : closeText, rank: 4 })
  }

  for (const block of blocks) {
    walk(block, (node) => {
      switch (node.type) {
        case 'heading': {
          const at = offsetOf(node, 'start')
          if (source[at] === '#') {
            edits.push({ kind: 'heading', start: at, end: at + node.depth, depth: node.depth, suffix: '', rank: 0 })
          } else if (node.children.length > 0) {
            // A setext heading (underlined): becomes an ATX heading on one line.
            edits.push({ kind: 'heading', start: at, end: at, depth: node.depth, suffix: ' ', rank: 0 })
            const contentEnd = offsetOf(node.children[node.children.length - 1], 'end')
            for (let newline = source.indexOf('\n', at); newline !== -1 && newline < contentEnd; newline = source.indexOf('\n', newline + 1)) {
              let next = newline + 1
              while (next < contentEnd && /[ \t>]/.test(source[next])) next++
              edits.push({ kind: 'text', start: newline, end: next, text: ' ', rank: 5 })
            }
            // A `#` run at the end of the text would read as the ATX heading's closing sequence: close it once more, so it stays text.
            const closing = /(^|[ \t])#+[ \t]*$/.test(source.slice(at, contentEnd)) ? ' #' : ''
            edits.push({ kind: 'text', start: contentEnd, end: offsetOf(node, 'end'), text: closing, rank: 5 })
          }
          break
        }
        case 'footnoteReference':
        case 'footnoteDefinition':
        case 'definition': {
          // The label's real extent: it may span lines (inside a quote or a list item) and hold escapes.
          const open = source.indexOf('[', offsetOf(node, 'start'))
          const close = closingBracket(source, open + 1)
          const space = node.type === 'definition' ? 'link' : 'footnote'
          if (open !== -1 && close !== -1) edits.push({ kind: 'label', start: open, end: close + 1, space, identifier: node.identifier, rank: 2 })
          break
        }
        case 'html':
        case 'code': {
          // A comment that looks like the tool's own markers would make a proposal seem to end
          // (or another begin) inside this one: it is kept, marked as quoted. Parsers see that a
          // line of a code block is code, but a line-based search (`grep '^<!-- proposal: '`)
          // does not: such lines are quoted too.
          const at = offsetOf(node, 'start')
          const written = source.slice(at, offsetOf(node, 'end'))
          const lookAlike =
            node.type === 'html'
              ? /()<!--(?=\s*\/?(?:proposal|note|article|paragraph|chair-text):)/g
              : /^([ \t>]*)<!--(?=\s*\/?(?:proposal|note|article|paragraph|chair-text):)/gm
          for (const match of written.matchAll(lookAlike)) {
            const from = at + match.index + match[1].length
            edits.push({ kind: 'text', start: from, end: from + 4, text: '<!-- quoted:', rank: 5 })
          }
          break
        }
        case 'delete': {
          // An author's strikethrough: its delimiters, so that a redline's Markdown can write them `<s>` and `</s>` without parsing the text again.
          const from = offsetOf(node, 'start')
          const to = offsetOf(node, 'end')
          const width = source.startsWith('~~', from) ? 2 : source.startsWith('~', from) ? 1 : 0
          if (width > 0 && to - from > 2 * width && source.slice(to - width, to) === '~'.repeat(width))
            edits.push(
              { kind: 'strike', start: from, end: from + width, open: true, rank: 1 },
              { kind: 'strike', start: to - width, end: to, open: false, rank: 6 },
            )
          break
        }
        case 'linkReference':
        case 'imageReference': {
          const nodeEnd = offsetOf(node, 'end')
          if (node.referenceType === 'shortcut') {
            // `[text]` becomes `[text][label]`.
            edits.push({ kind: 'label', start: nodeEnd, end: nodeEnd, space: 'link', identifier: node.identifier, rank: 2 })
          } else {
            // `[text][label]` or `[text][]`: the label's `[` is the last one no backslash escapes.
            const open = openingBracket(source, nodeEnd - 1)
            if (open !== -1) edits.push({ kind: 'label', start: open, end: nodeEnd, space: 'link', identifier: node.identifier, rank: 2 })
          }
          break
        }
      }
    })
  }

  if (last) {
    const closer = closerFor(last, source)
    if (closer) edits.push({ kind: 'text', start: end, end, text: closer, rank: 3 })
  }
  edits.sort((a, b) => a.start - b.start || a.rank - b.rank)
  const brackets = checkBrackets(blocks, source, lines)
  const shape = shapeOf(brackets.partner)
  return {
    shapeOffsets: shape.offsets,
    body: { source, start, end, edits: edits.map(({ rank: _rank, ...edit }) => edit as Edit) },
    hasText,
    brackets: brackets.problems,
    facts: {
      brackets: brackets.pairs,
      ...(brackets.first === undefined ? {} : { firstBracket: brackets.first }),
      textRuns: textRuns(blocks),
      oneSpan: brackets.problems.length === 0 && text.length > 0 && isOneSpan(text, source, brackets.partner),
      ...leadingNumberOf(text[0], source, lines),
      shape: shape.shape,
    },
  }
}

/**
 * Whether the text is already one bracketed span (SPEC §13): in reading order
 * its first character is a `[` and its last the `]` that closes it (a list
 * number before it and definitions after it aside). Literal brackets (`\[`)
 * and the brackets of link syntax are never that pair.
 */
function isOneSpan(text: RootContent[], source: string, partner: ReadonlyMap<number, number>): boolean {
  const first = edgeLeaf(text[0], 'first')
  const last = edgeLeaf(text[text.length - 1], 'last')
  if (first?.type !== 'text' || last?.type !== 'text') return false
  const open = offsetOf(first, 'start')
  const close = offsetOf(last, 'end') - 1
  return source[open] === '[' && source[close] === ']' && partner.get(open) === close
}

/** The matched bracket pairs in reading order, as their brackets alone (`[[]][]`), and where each stands. Stray brackets are left out (they are reported). */
function shapeOf(partner: ReadonlyMap<number, number>): { shape: string; offsets: number[] } {
  const brackets = [...partner]
    .flatMap(([open, close]): Array<[number, string]> => [
      [open, '['],
      [close, ']'],
    ])
    .sort((a, b) => a[0] - b[0])
  return { shape: brackets.map(([, char]) => char).join(''), offsets: brackets.map(([offset]) => offset) }
}

/** A paragraph number written at the start of a text: `1.`, `3bis.`, `2)`, `(1)`, `1\.` (escaped so as not to start a list). */
const NUMBER = /^(?:\d{1,9}[\p{Ll}]{0,9}\\?[.)]|\(\d{1,9}[\p{Ll}]{0,9}\))(?=[ \t\n]|$)/u

/** The number a text starts with, if it starts with one: an ordered list's first number, or a number written before its words. */
function leadingNumberOf(block: RootContent | undefined, source: string, lines: LineIndex): { leadingNumber?: Located } {
  let at: number | undefined
  if (block?.type === 'list' && block.ordered) at = offsetOf(block, 'start')
  else if (block?.type === 'paragraph' && block.children[0]?.type === 'text') at = offsetOf(block.children[0], 'start')
  const match = at === undefined ? null : NUMBER.exec(source.slice(at, at + 32))
  return match && at !== undefined ? { leadingNumber: { value: match[0].replace('\\', ''), place: lines.place(at) } } : {}
}

/** Containers and inline markup a text's first or last character may stand inside; links are syntax, not text. */
const DESCEND = new Set<string>(['paragraph', 'heading', 'list', 'listItem', 'blockquote', 'table', 'tableRow', 'tableCell', 'emphasis', 'strong', 'delete'])

/** The first (or last) leaf of a block in reading order, notes left out: where its text starts (or ends). */
function edgeLeaf(block: Nodes, side: 'first' | 'last'): Nodes | undefined {
  let node: Nodes = block
  while (DESCEND.has(node.type) && 'children' in node) {
    const children = (node.children as Nodes[]).filter((child) => !NOTES.has(child.type))
    if (children.length === 0) return undefined
    node = side === 'first' ? children[0] : children[children.length - 1]
  }
  return node
}

/** The text nodes of `blocks` as offsets, in reading order: `[start, end, start, end …]`. */
function textRuns(blocks: RootContent[]): number[] {
  const runs: number[] = []
  for (const block of blocks) {
    walk(block, (node) => {
      if (node.type === 'text') runs.push(offsetOf(node, 'start'), offsetOf(node, 'end'))
    })
  }
  return runs
}

/** Offset of the first `]` from `from` on that no backslash escapes (labels hold no unescaped brackets), or -1. */
function closingBracket(source: string, from: number): number {
  for (let at = source.indexOf(']', from); at !== -1; at = source.indexOf(']', at + 1)) if (!escaped(source, at)) return at
  return -1
}

/** Offset of the last `[` before `to` that no backslash escapes, or -1. */
function openingBracket(source: string, to: number): number {
  for (let at = source.lastIndexOf('[', to - 1); at !== -1; at = at === 0 ? -1 : source.lastIndexOf('[', at - 1)) if (!escaped(source, at)) return at
  return -1
}

/** Whether the character at `at` follows an odd run of backslashes. */
function escaped(source: string, at: number): boolean {
  let backslashes = 0
  while (at - backslashes - 1 >= 0 && source[at - backslashes - 1] === '\\') backslashes++
  return backslashes % 2 === 1
}

/** Offset where the first character of a block's text stands, if it has inline text. */
function firstInline(node: Nodes): number | undefined {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
    case 'tableCell':
      return node.children.length > 0 ? offsetOf(node.children[0], 'start') : undefined
    case 'list':
    case 'listItem':
    case 'blockquote':
    case 'table':
    case 'tableRow':
      for (const child of node.children) {
        const found = firstInline(child)
        if (found !== undefined) return found
        if (node.type !== 'table' && node.type !== 'tableRow') return undefined
      }
      return undefined
    default:
      return undefined
  }
}

/** Offset just after the last character of a block's text, if it ends in inline text. */
function lastInline(node: Nodes): number | undefined {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
    case 'tableCell':
      return node.children.length > 0 ? offsetOf(node.children[node.children.length - 1], 'end') : undefined
    case 'list':
    case 'listItem':
    case 'blockquote':
    case 'table':
    case 'tableRow': {
      const children = node.children.filter((child) => !NOTES.has(child.type))
      for (let index = children.length - 1; index >= 0; index--) {
        const found = lastInline(children[index])
        if (found !== undefined) return found
        if (node.type !== 'table' && node.type !== 'tableRow') return undefined
      }
      return undefined
    }
    default:
      return undefined
  }
}

/**
 * Text that ends a construct the author left open at the end of the file (a
 * fenced code block, an HTML comment), which would otherwise run on into the
 * proposals that follow it in the consolidated text.
 */
function closerFor(node: RootContent, source: string): string | undefined {
  const written = source.slice(offsetOf(node, 'start'), offsetOf(node, 'end'))
  if (node.type === 'code') {
    const fence = /^(`{3,}|~{3,})/.exec(written)?.[1]
    if (!fence) return undefined
    const lastLine = written.slice(written.lastIndexOf('\n') + 1).trim()
    const closed = written.includes('\n') && lastLine.length >= fence.length && [...lastLine].every((char) => char === fence[0])
    return closed ? undefined : written.endsWith('\n') ? fence : `\n${fence}`
  }
  if (node.type === 'html') {
    const enders: Array<[RegExp, string, string]> = [
      [/^<!--/, '-->', '-->'],
      [/^<\?/, '?>', '?>'],
      [/^<!\[CDATA\[/, ']]>', ']]>'],
      [/^<![A-Za-z]/, '>', '>'],
      [/^<(script|pre|style|textarea)(\s|>|$)/i, '', ''],
    ]
    for (const [opener, ender, closer] of enders) {
      const match = opener.exec(written)
      if (!match) continue
      if (ender === '') {
        const tag = match[1].toLowerCase()
        return new RegExp(`</${tag}>`, 'i').test(written) ? undefined : written.endsWith('\n') ? `</${tag}>` : `\n</${tag}>`
      }
      return written.includes(ender, match[0].length) ? undefined : written.endsWith('\n') ? closer : `\n${closer}`
    }
  }
  return undefined
}

/** Stray brackets listed one by one in a file; the rest are counted in one more message. */
export const MAX_BRACKET_PROBLEMS = 50

const PAIRS = 'brackets mark text not yet agreed and come in pairs, e.g. `[endeavour to]`'

/**
 * Brackets in the text must balance across the whole body: a `]` with no `[`
 * before it, or a `[` never closed, is reported at the stray bracket.
 * Brackets of Markdown syntax (links, footnotes), in code, escaped (`\[`) or
 * written as entities (`&#91;`) are not negotiating brackets. `partner` maps
 * each matched `[` to its `]` (offsets in the source).
 */
function checkBrackets(
  blocks: RootContent[],
  source: string,
  lines: LineIndex,
): { problems: BracketProblem[]; pairs: number; first?: Place; partner: Map<number, number> } {
  const stray: Array<{ offset: number; char: '[' | ']' }> = []
  const open: number[] = []
  const partner = new Map<number, number>()
  let pairs = 0
  let first: number | undefined
  for (const block of blocks) {
    walk(block, (node) => {
      if (node.type !== 'text') return
      const from = offsetOf(node, 'start')
      const written = source.slice(from, offsetOf(node, 'end'))
      for (let index = written.indexOf('['), close = written.indexOf(']'); index !== -1 || close !== -1;) {
        if (close === -1 || (index !== -1 && index < close)) {
          // `\[` is a literal bracket (SPEC §13): text, not a negotiating bracket.
          if (!escaped(source, from + index)) {
            first ??= from + index
            open.push(from + index)
          }
          index = written.indexOf('[', index + 1)
        } else {
          if (!escaped(source, from + close)) {
            first ??= from + close
            const opening = open.pop()
            if (opening === undefined) stray.push({ offset: from + close, char: ']' })
            else {
              pairs++
              partner.set(opening, from + close)
            }
          }
          close = written.indexOf(']', close + 1)
        }
      }
    })
  }
  for (const offset of open) stray.push({ offset, char: '[' })
  stray.sort((a, b) => a.offset - b.offset)

  const problems = stray.slice(0, MAX_BRACKET_PROBLEMS).map(({ offset, char }) => ({
    message:
      char === ']'
        ? `this \`]\` closes no \`[\` (${near(source, offset)}); ${PAIRS}: add the \`[\` where the bracketed text starts, or remove this \`]\``
        : `this \`[\` is never closed (${near(source, offset)}); ${PAIRS}: add the \`]\` where the bracketed text ends, or remove this \`[\``,
    place: lines.place(offset),
  }))
  if (stray.length > MAX_BRACKET_PROBLEMS) {
    const rest = stray.length - MAX_BRACKET_PROBLEMS
    problems.push({
      message: `${rest} more stray bracket${rest === 1 ? '' : 's'} from here on, not listed one by one; ${PAIRS}`,
      place: lines.place(stray[MAX_BRACKET_PROBLEMS].offset),
    })
  }
  return { problems, pairs, partner, ...(first === undefined ? {} : { first: lines.place(first) }) }
}

/** The words around an offset, on its line, to show which bracket is meant. */
function near(source: string, offset: number): string {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1
  const next = source.indexOf('\n', offset)
  const lineEnd = next === -1 ? source.length : next
  const from = Math.max(lineStart, offset - 24)
  const to = Math.min(lineEnd, offset + 17)
  return `in "${from > lineStart ? '…' : ''}${source.slice(from, to).trim()}${to < lineEnd ? '…' : ''}"`
}

/** Call `visitor` on `node` and every node inside it, in document order (what unist-util-visit does, without its per-node bookkeeping). */
function walk(node: Nodes, visitor: (node: Nodes) => void): void {
  visitor(node)
  if ('children' in node) for (const child of node.children) walk(child, visitor)
}

function offsetOf(node: Nodes, side: 'start' | 'end'): number {
  return node.position?.[side].offset ?? 0
}

function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1
}
