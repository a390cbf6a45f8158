/**
 * The structural limits of `too-complex`: what `check` accepts renders in
 * every format, within the stack and in linear time; what it refuses is
 * reported at the place the limit is passed, with the limit's name and number.
 */
import { describe, expect, test } from 'vitest'
import { parseMarkdown, parseProposal } from '../src/parse/proposal.js'
import { checkStructure, MAX_COLUMNS, MAX_DEPTH, structureLimits } from '../src/parse/structure.js'
import type { Diagnostic } from '../src/types.js'
import { run } from './helpers/run.js'
import { workspace } from './helpers/scratch.js'

const FRONT = '---\ntopic: A.1.4\nauthor: Japan\n---\n\n'
const DEEP =
  'the limit for block quotes, lists, emphasis, links and HTML elements inside one another; flatten the structure, and close every HTML element you open'
const MANY =
  "the text renders to more than 102,400 nodes (paragraphs, list items, emphasis, links, line breaks, HTML elements, table cells, counting a short table row as wide as its table and a footnote's text again at each reference to it), the limit for this limits.fileSize (400 per KiB); split the proposal into several files"

function diagnostics(body: string): Array<Omit<Diagnostic, 'file' | 'severity'>> {
  return parseProposal('proposals/p.md', `${FRONT}${body}\n`).diagnostics.map(({ line, column, rule, message }) => ({ line, column, rule, message }))
}

const tooComplex = (line: number, column: number, message: string): Array<Omit<Diagnostic, 'file' | 'severity'>> => [
  { line, column, rule: 'too-complex', message },
]

describe('nesting', () => {
  test('1,500 nested block quotes are refused at the 101st level', () => {
    expect(diagnostics('> '.repeat(1500) + 'a')).toEqual(tooComplex(6, 201, `the text nests more than 100 levels deep here (101 block quotes), ${DEEP}`))
  })

  test('98 block quotes (a paragraph and its text inside: 100 levels) are accepted, 99 are not', () => {
    expect(diagnostics('> '.repeat(98) + 'a')).toEqual([])
    expect(diagnostics('> '.repeat(99) + 'a')).toEqual(tooComplex(6, 199, `the text nests more than 100 levels deep here (99 block quotes), ${DEEP}`))
  })

  test('49 nested lists are accepted, 50 are not', () => {
    const lists = (levels: number): string => Array.from({ length: levels }, (_, level) => `${'  '.repeat(level)}- item`).join('\n')
    expect(diagnostics(lists(49))).toEqual([])
    expect(diagnostics(lists(50))).toEqual(tooComplex(55, 101, `the text nests more than 100 levels deep here (50 lists), ${DEEP}`))
  })

  // The full-size attacks (<div> × 50,000, <span> × 40,000…) run in test/slow/pathological.test.ts.
  test('raw HTML elements left open nest: <div>, <span>, <b>, <table><tr><td>', () => {
    expect(diagnostics('<div>'.repeat(500))).toEqual(tooComplex(6, 496, `the text nests more than 100 levels deep here (100 <div> left open), ${DEEP}`))
    expect(diagnostics('<span>'.repeat(400))).toEqual(tooComplex(6, 589, `the text nests more than 100 levels deep here (99 <span> left open), ${DEEP}`))
    expect(diagnostics('<b>'.repeat(400))).toEqual(tooComplex(6, 295, `the text nests more than 100 levels deep here (99 <b> left open), ${DEEP}`))
    expect(diagnostics('<table><tr><td>'.repeat(150))).toEqual(
      tooComplex(6, 496, `the text nests more than 100 levels deep here (34 <table>, 33 <td>, 33 <tr> left open), ${DEEP}`),
    )
  })

  test('elements the HTML parser closes by themselves do not nest: a thousand <p> or <li> without end tags, closed <b>', () => {
    expect(diagnostics(`<div>\n${'<p>Paragraph.\n'.repeat(1000)}</div>`)).toEqual([])
    expect(diagnostics(`<ul>\n${'<li>Item.\n'.repeat(1000)}</ul>`)).toEqual([])
    expect(diagnostics('Some <b>bold</b> words. '.repeat(2000))).toEqual([])
  })

  test('markers in comments, quoted attributes and script text are not tags', () => {
    expect(diagnostics(`<!-- ${'<div>'.repeat(500)} -->\n\n<p title="${'<div>'.repeat(500)}">x</p>\n\n<script>${'<div>'.repeat(500)}</script>`)).toEqual([])
  })
})

describe('nodes', () => {
  test('a table of more than 100 columns is refused at the table', () => {
    expect(diagnostics(`|${' a |'.repeat(3000)}\n|${'-|'.repeat(3000)}\n`)).toEqual(
      tooComplex(6, 1, 'this table has 3,000 columns, more than the limit of 100; split it into several tables, or make some columns rows'),
    )
    expect(diagnostics(`|${' a |'.repeat(101)}\n|${'-|'.repeat(101)}\n`)).toEqual(
      tooComplex(6, 1, 'this table has 101 columns, more than the limit of 100; split it into several tables, or make some columns rows'),
    )
  })

  test('a table of 100 columns is accepted; its short rows count as wide as the table', () => {
    const table = (rows: number): string => `|${' a |'.repeat(100)}\n|${'-|'.repeat(100)}\n${'| b |\n'.repeat(rows)}`
    expect(diagnostics(table(100))).toEqual([])
    expect(diagnostics(table(1100))).toEqual(tooComplex(6, 1, MANY))
  })

  test('a footnote repeated at each of its references counts each time (Word repeats it)', () => {
    const body = (references: number): string => `Text${'[^1]'.repeat(references)}\n\n[^1]: ${'*a* '.repeat(60)}`
    expect(diagnostics(body(100))).toEqual([])
    expect(diagnostics(body(1000))).toEqual(tooComplex(6, 5, MANY))
  })

  test('a long link target repeated by many references counts per 64 characters', () => {
    const body = (references: number): string => `${'[x] '.repeat(references)}\n\n[x]: https://example.org/${'a'.repeat(6400)}`
    expect(diagnostics(body(100))).toEqual([])
    expect(diagnostics(body(1100))).toEqual(tooComplex(6, 1, MANY))
  })

  test('the limit grows with limits.fileSize: 400 nodes per KiB', () => {
    expect(structureLimits(262_144)).toEqual({ depth: MAX_DEPTH, nodes: 102_400, columns: MAX_COLUMNS })
    expect(structureLimits(1_048_576)).toEqual({ depth: 100, nodes: 409_600, columns: 100 })
    expect(structureLimits(1024)).toEqual({ depth: 100, nodes: 102_400, columns: 100 })
    const table = `|${' a |'.repeat(100)}\n|${'-|'.repeat(100)}\n${'| b |\n'.repeat(1100)}`
    expect(diagnostics(table)).toEqual(tooComplex(6, 1, MANY))
    expect(parseProposal('proposals/p.md', `${FRONT}${table}\n`, { fileSize: 1_048_576 }).diagnostics).toEqual([])
  })
})

test('real treaty text stays far below every limit: the sample negotiation', async () => {
  const { readdirSync, readFileSync, statSync } = await import('node:fs')
  const path = await import('node:path')
  const root = path.join(import.meta.dirname, '..', 'proposals')
  const files = (folder: string): string[] =>
    readdirSync(folder).flatMap((name) => {
      const full = path.join(folder, name)
      return statSync(full).isDirectory() ? files(full) : [full]
    })
  let deepest = 0
  let densest = 0
  for (const file of files(root)) {
    const text = readFileSync(file, 'utf8')
    const measured = checkStructure(parseMarkdown(text), { depth: Infinity, nodes: Infinity, columns: Infinity })
    if ('message' in measured) throw new Error(measured.message)
    deepest = Math.max(deepest, measured.depth)
    densest = Math.max(densest, measured.nodes / (text.length / 1024))
  }
  expect(deepest).toBeLessThanOrEqual(10)
  expect(densest).toBeLessThan(60)
})

test('check reports the limit with the file, line and column, and the other files are still checked', async () => {
  const root = workspace({
    'proposals/deep.md': `${FRONT}${'> '.repeat(1500)}a\n`,
    'proposals/wide.md': `${FRONT}|${' a |'.repeat(300)}\n|${'-|'.repeat(300)}\n`,
    'proposals/good.md': `${FRONT}Each Party shall [endeavour to] act.\n`,
  })
  const result = await run(['check', '--root', root, '--format', 'json'])
  expect(result.code).toBe(1)
  expect(JSON.parse(result.stdout).map((d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.rule}`)).toEqual([
    'proposals/deep.md:6:201 too-complex',
    'proposals/wide.md:6:1 too-complex',
  ])
})
