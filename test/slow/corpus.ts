/**
 * The pathological corpus: Markdown shapes that make parsers and renderers
 * superlinear or recurse once per level. Regenerated here from their published
 * recipes: cmark's test/pathological_tests.py and markdown-it's
 * test/pathological.json (the same families: nested and unmatched emphasis and
 * brackets, block quotes, lists, unclosed links, many references, backticks,
 * `<` autolinks and HTML), then the attacks found against this tool's exports.
 * Bodies over 1,000,000 bytes are cut to fit the suite's `limits.fileSize` (1 MiB).
 */

export interface Case {
  name: string
  /** Where the recipe comes from. */
  source: 'cmark' | 'markdown-it' | 'exports'
  body: string
  /** Besides `too-complex`, the rule that rightly refuses this input, if any (a NUL byte is binary, `[` × 100,000 is unbalanced). */
  refusedAs?: 'invalid-encoding' | 'unbalanced-brackets'
}

const times = (text: string, count: number): string => text.repeat(count)
const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, index) => from + index)
/** The most a body may hold: the workspace's limits.fileSize less room for the front matter. */
export const MAX_BODY = 1_000_000

type Recipe = [name: string, body: string, refusedAs?: Case['refusedAs']]

const cmark: Recipe[] = [
  ['nested strong emph', `${times('*a **a ', 65_000)}b${times(' a** a*', 65_000)}`],
  ['many emph closers with no openers', times('a_ ', 65_000)],
  ['many emph openers with no closers', times('_a ', 65_000)],
  ['many 3-emph openers with no closers', times('a***', 65_000)],
  ['many link closers with no openers', times('a]', 65_000)],
  ['many link openers with no closers', times('[a', 65_000)],
  ['mismatched openers and closers', times('*a_ ', 50_000)],
  ['openers and closers multiple of 3', `a**b${times('c* ', 50_000)}`],
  ['link openers and emph closers', times('[ a_', 50_000)],
  ['pattern [ (]( repeated', times('[ (](', 80_000)],
  ['pattern ![[]() repeated', times('![[]()', 160_000)],
  ['hard link/emph case', '**x [a*b**c*](d)'],
  ['nested brackets', `${times('[', 50_000)}a${times(']', 50_000)}`],
  ['nested block quotes', `${times('> ', 50_000)}a`],
  [
    'deeply nested lists',
    range(0, 1000)
      .map((level) => `${'  '.repeat(level)}* a\n`)
      .join(''),
  ],
  ['U+0000 in input', times('abc\u0000de\u0000', 100_000), 'invalid-encoding'],
  [
    'backticks',
    range(1, 5000)
      .map((count) => `e${'`'.repeat(count)}`)
      .join(''),
  ],
  ['unclosed links A', times('[a](<b', 30_000)],
  ['unclosed links B', times('[a](b', 30_000)],
  ['unclosed <!--', `</${times('<!--', 300_000)}`],
  ['unclosed <?', `a${times('<?', 300_000)}`],
  ['unclosed <!A', `a${times('<!A ', 250_000)}`],
  ['unclosed <![CDATA[', `a${times('<![CDATA[', 100_000)}`],
  [
    'many references',
    `${range(1, 5000 * 16)
      .map((index) => `[${index}]: u\n`)
      .join('')}${times('[0] ', 5000)}`,
  ],
  [
    'reference collisions',
    `${range(0, 20_000)
      .map((index) => `[${'a'.repeat(index % 40)}${index}]: u\n`)
      .join('')}${range(0, 20_000)
      .map((index) => `[${'a'.repeat(index % 40)}${index}] `)
      .join('')}`,
  ],
  ['many link labels in a row', times('[a]', 100_000)],
  ['many table columns', `|${times('a|', 100_000)}\n|${times('-|', 100_000)}\n`],
  ['many table rows', `| a | b |\n| - | - |\n${times('| c | d |\n', 80_000)}`],
]

const markdownIt: Recipe[] = [
  ['nested inline brackets', times('[', 100_000), 'unbalanced-brackets'],
  ['nested inline brackets with text', `${times('[a', 50_000)}${times(']', 50_000)}`],
  ['nested block quotes with text', times('> a\n', 50_000)],
  [
    'nested ordered lists',
    range(0, 1000)
      .map((level) => `${'   '.repeat(level)}1. a\n`)
      .join(''),
  ],
  ['emphasis with many *', `${times('*', 100_000)}a${times('*', 100_000)}`],
  ['emphasis with many _', `${times('_', 100_000)}a`],
  // Text first: a line that starts with `~~~` opens a code fence.
  ['strikethrough with many ~', `x ${times('~', 100_000)}a${times('~', 99_999)}`],
  ['many < autolinks', times('<', 200_000)],
  ['unclosed autolinks', times('<a:', 100_000)],
  ['unclosed html tags', times('<a ', 100_000)],
  ['unclosed html attributes', times('<a b="', 100_000)],
  ['many backtick runs', times('`a``', 100_000)],
  ['linkify emails', times('a@', 100_000)],
  ['linkify www', times('www.', 100_000)],
  ['hard breaks with backslashes', times('a\\\n', 60_000)],
  ['hard breaks with spaces', times('a  \n', 60_000)],
  ['long reference label', `[${times('a', 99_900)}]\n\n[${times('a', 99_900)}]: u`],
  ['many footnote references', times('[^1]', 100_000) + '\n\n[^1]: note'],
]

/** The attacks on the HTML and Word exports (items 1 and 2 of the security review), and the limits' own edges. */
const exportsAttacks: Recipe[] = [
  ['emphasis with enclosing brackets (253 KB)', `x ${times('*a **b ', 37_000)}`],
  ['emails with enclosing brackets', times('a@', 100_000)],
  ['backslash breaks with enclosing brackets', times('a\\\n', 60_000)],
  ['30,000-column table', `|${times(' a |', 30_000)}\n|${times('-|', 30_000)}\n${times('| b |\n', 3000)}`],
  ['1,500 nested block quotes', `${times('> ', 1500)}a`],
  ['<div> × 50,000', times('<div>', 50_000)],
  ['<span> × 40,000', times('<span>', 40_000)],
  ['<b> × 40,000', times('<b>', 40_000)],
  ['<table><tr><td> × 15,000', times('<table><tr><td>', 15_000)],
  [
    'formatting elements reopened in every block',
    `${range(0, 90)
      .map((index) => `<b id=${index}>`)
      .join('')}x\n\n${times('<p>x\n\n', 60_000)}`,
  ],
  ['a footnote repeated at every reference', `Text${times('[^1]', 20_000)}\n\n[^1]: ${times('*a* ', 5000)}`],
  ['a long link target repeated by every reference', `${times('[x] ', 20_000)}\n\n[x]: https://example.org/${times('a', 100_000)}`],
  ['short rows of a wide table', `|${times(' a |', 100)}\n|${times('-|', 100)}\n${times('| b |\n', 60_000)}`],
  ['long runs of spaces', `a${times(' ', 400_000)}b\nc${times(' \n', 100_000)}`],
  ['many bracketed words', times('[*a*] ', 40_000)],
  [
    'nesting at the limit',
    `${times('> ', 98)}a\n\n${range(0, 49)
      .map((level) => `${'  '.repeat(level)}- a\n`)
      .join('')}`,
  ],
]

export const CORPUS: Case[] = [
  ...cmark.map(([name, body, refusedAs]) => ({ name, source: 'cmark' as const, body, refusedAs })),
  ...markdownIt.map(([name, body, refusedAs]) => ({ name, source: 'markdown-it' as const, body, refusedAs })),
  ...exportsAttacks.map(([name, body, refusedAs]) => ({ name, source: 'exports' as const, body, refusedAs })),
].map((entry) => {
  const body = cut(entry.body)
  // Brackets that do not pair are rightly refused as unbalanced, when the parser finishes in time to say so.
  const unbalanced = body.split('[').length !== body.split(']').length
  return { ...entry, body, refusedAs: entry.refusedAs ?? (unbalanced ? ('unbalanced-brackets' as const) : undefined) }
})

/** A body cut to at most MAX_BODY bytes, at a character boundary. */
function cut(body: string): string {
  if (Buffer.byteLength(body) <= MAX_BODY) return body
  let end = MAX_BODY
  while (Buffer.byteLength(body.slice(0, end)) > MAX_BODY) end--
  return body.slice(0, end)
}
