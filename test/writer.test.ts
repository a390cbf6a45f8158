/**
 * Generated Markdown (titles, names, symbols, file names) is written by
 * remark-stringify: its brackets stay as written, but nothing it holds turns
 * into a link, an image, a definition or a broken table.
 */
import fc from 'fast-check'
import type { Nodes, RootContent, Text } from 'mdast'
import type { Handle, Info } from 'mdast-util-to-markdown'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import { toString } from 'mdast-util-to-string'
import { describe, expect, test } from 'vitest'
import { assemble } from '../src/assemble/negotiation.js'
import { parseConfig } from '../src/parse/config.js'
import { parseMarkdown, parseProposal } from '../src/parse/proposal.js'
import { renderDiff } from '../src/render/views/changes.js'
import { renderMarkdown, renderStocktake } from './helpers/render.js'
import { renderSummary } from '../src/render/views/summary.js'
import { compareSnapshots, type Snapshot } from '../src/revisions/compare.js'
import type { Proposal } from '../src/types.js'
import { oneLine, riskOf, writtenAsIs, type Risk } from '../src/render/writer.js'
import { runs } from './helpers/runs.js'

const EVIL_IMAGE = 'Old ![img](https://evil.example/t.png)'
const EVIL_LINK = 'Japan [x](https://evil.example)'

function proposal(file: string, front: string, body = 'Each Party shall [endeavour to] act.'): Proposal {
  const result = parseProposal(file, `---\n${front}\n---\n\n${body}\n`)
  expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([])
  return result.proposal!
}

/**
 * Every node that makes a link, an image or a definition, but for a bare URL
 * or address shown as itself: remark links those whatever the escapes (GitHub
 * does not link `https\://` or `www\.`), and a reader sees where it goes.
 */
function live(markdown: string): string[] {
  const found: string[] = []
  const walk = (node: Nodes): void => {
    const bare = node.type === 'link' && [toString(node), `http://${toString(node)}`, `mailto:${toString(node)}`].includes(node.url)
    if (!bare && ['link', 'image', 'linkReference', 'imageReference', 'definition', 'footnoteReference', 'footnoteDefinition'].includes(node.type))
      found.push(`${node.type}: ${toString(node)}`)
    if ('children' in node) node.children.forEach(walk)
  }
  walk(parseMarkdown(markdown))
  return found
}

const config = parseConfig('consolidate.yaml', `title: "${EVIL_IMAGE}"\nsymbol: "S/[a][b] ![c](https://evil.example/c.png)"\n`).config
const proposals = [
  proposal('proposals/a.md', `topic: A.1\nauthor: "${EVIL_LINK}"\ntitle: "${EVIL_IMAGE}"\ndocument: "INF/[d](https://evil.example/d)"`),
  proposal('proposals/w.md', `topic: "A.2 [t](https://evil.example/t)"\nauthor: Canada\ntitle: "${EVIL_IMAGE}"\nstatus: withdrawn`),
  proposal('proposals/a|b.md', 'id: pipe\ntopic: A.1\nauthor: "Chile | Peru"\ntitle: "a | b"'),
  proposal('proposals/x\ny.md', 'id: newline\ntopic: A.1\nauthor: Norway'),
]
const negotiation = assemble(proposals, config)

describe('generated words never become links or images', () => {
  test('consolidated.md: cover, headings, attributions and the annex keep their brackets as text', () => {
    const markdown = renderMarkdown(negotiation)
    expect(live(markdown)).toEqual([])
    const lines = markdown.split('\n')
    expect(lines[0]).toBe('# Old \\![img]\\(https\\://evil.example/t.png)')
    expect(lines[2]).toBe('**S/[a]\\[b] \\![c]\\(https\\://evil.example/c.png)**')
    expect(lines).toContain('Proponent: Japan [x]\\(https\\://evil.example). Supporters: none. (INF/[d]\\(https\\://evil.example/d))')
    expect(lines).toContain('- A.2 [t]\\(https\\://evil.example/t): Old \\![img]\\(https\\://evil.example/t.png). Proponent: Canada. <!-- withdrawn: w -->')
    expect(lines).toContain('## A.2 [t]\\(https\\://evil.example/t)')
  })

  test('stocktaking.md: the same words in the table', () => {
    const markdown = renderStocktake(negotiation)
    expect(live(markdown)).toEqual([])
    expect(markdown.split('\n')[2]).toBe('Old \\![img]\\(https\\://evil.example/t.png) · S/[a]\\[b] \\![c]\\(https\\://evil.example/c.png)')
    expect(markdown.split('\n')).toContain(
      '| Old \\![img]\\(https\\://evil.example/t.png) | Japan [x]\\(https\\://evil.example) | none | no support (0) | INF/[d]\\(https\\://evil.example/d) |  |',
    )
  })

  test('stocktaking.md: a title, name or document symbol with a pipe or a line break stays in its cell', () => {
    const cells = assemble([proposals[2], proposals[3]], parseConfig('consolidate.yaml', '').config)
    const markdown = renderStocktake(cells)
    const table = parseMarkdown(markdown).children.find((node) => node.type === 'table')!
    expect(table.type === 'table' && table.children.map((row) => row.children.map((cell) => toString(cell)))).toEqual([
      ['Title', 'Proponents', 'Supporters', 'Support', 'Document', 'Submitted'],
      ['A.1', 'Norway', 'none', 'no support (0)', '', ''],
      ['a | b', 'Chile | Peru', 'none', 'no support (0)', '', ''],
    ])
    expect(markdown.split('\n').slice(-3)).toEqual([
      '| A.1 | Norway | none | no support (0) |  |  |',
      '| a \\| b | Chile \\| Peru | none | no support (0) |  |  |',
      '',
    ])
  })

  test('a cover line that holds only a value cannot define a label', () => {
    const defining = assemble(
      [proposal('proposals/a.md', 'topic: A.1\nauthor: Japan', 'Each Party shall [x] act.')],
      parseConfig('consolidate.yaml', 'title: "[x]: https://evil.example"\n').config,
    )
    const markdown = renderMarkdown(defining, '{{title}}\n')
    expect(live(markdown)).toEqual([])
    expect(markdown.split('\n')[0]).toBe('[x]\\: https\\://evil.example')
  })

  test('the change list and the step summary', () => {
    const old: Snapshot = { config, proposals: [] }
    const next: Snapshot = { config, proposals: [proposals[0]] }
    const diff = renderDiff(compareSnapshots(old, next), old, next, { names: { old: '[o](https://evil.example)', new: 'new' } })
    expect(live(diff)).toEqual([])
    expect(diff.split('\n')).toContain(
      '- **Added** `a` — Old \\![img]\\(https\\://evil.example/t.png). Proponent: Japan [x]\\(https\\://evil.example). Supporters: none.',
    )
    const summary = renderSummary({ outcome: 'written', files: ['out/[f](https://evil.example).md'], errors: 0, warnings: 0, negotiation, changes: '' })
    expect(live(summary)).toEqual([])
    expect(summary.split('\n')[0]).toBe('## consolidate: S/[a]\\[b] \\![c]\\(https\\://evil.example/c.png)')
  })
})

/** Characters and pieces that mean something in Markdown (or in GFM), with plain letters between them. */
const PIECES = [
  ...'abcXYZ 1.[]()!*_~`<>&#:|\\-+=\'"^{}\t\u00a0¦éß',
  '\n',
  'https://x.example',
  'www.x.example',
  'a@b.example',
  '&amp;',
  '&#x5b;',
  '<b>',
  '<!--',
  '-->',
  '![i](u)',
  '[l](u)',
  '[l][r]',
  '[x]:',
  '[^1]',
  '```',
  '~~~',
  '***',
  '1) ',
  '- ',
  '> ',
  '# ',
]
const generated = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 10 })
  .map((parts) => parts.join(''))
  .filter((value) => /[a-zX-Z]/.test(value))

test('any generated words read back as written, on one line, never as a link or an image', () => {
  fc.assert(
    fc.property(fc.record({ title: generated, symbol: generated, topic: generated, author: generated, document: generated, withdrawn: generated }), (words) => {
      const yaml = JSON.stringify
      const config = parseConfig(
        'consolidate.yaml',
        `title: ${yaml(words.title)}\nsymbol: ${yaml(words.symbol)}\noutline:\n  - { id: A.1, title: ${yaml(words.topic)} }\n  - { id: A.2 }\n`,
      )
      expect(config.diagnostics).toEqual([])
      const live_ = proposal('proposals/a.md', `topic: A.1\nauthor: ${yaml(words.author)}\ndocument: ${yaml(words.document)}`)
      const gone = proposal('proposals/w.md', `topic: A.2\nauthor: Canada\ntitle: ${yaml(words.withdrawn)}\nstatus: withdrawn`)
      const negotiation = assemble([live_, gone], config.config)
      const author = negotiation.topics[0].placements[0].authors[0]

      const markdown = renderMarkdown(negotiation, '# {{title}}\n\n{{symbol}}\n\n{{title}}\n')
      expect(live(markdown)).toEqual([])
      const blocks = parseMarkdown(markdown).children
      const text = (node: RootContent | undefined): string => (node ? toString(node) : '')
      expect(blocks.slice(0, 3).map(text)).toEqual([oneLine(words.title), oneLine(words.symbol), oneLine(words.title)])
      expect(blocks.filter((node) => node.type === 'heading').map(text)).toContain(`A.1 ${oneLine(words.topic)}`)
      expect(blocks.map(text)).toContain(`Proponent: ${oneLine(author)}. Supporters: none. (${oneLine(words.document)})`)
      expect(text(blocks.at(-1))).toBe(`A.2: ${oneLine(words.withdrawn)}. Proponent: Canada. <!-- withdrawn: w -->`)

      const report = renderStocktake(negotiation)
      expect(live(report)).toEqual([])
      const table = parseMarkdown(report).children.find((node) => node.type === 'table')
      expect(table?.type === 'table' && table.children.map((row) => row.children.map((cell) => toString(cell)))).toEqual([
        ['Title', 'Proponents', 'Supporters', 'Support', 'Document', 'Submitted'],
        [oneLine(words.topic), oneLine(author), 'none', 'no support (0)', oneLine(words.document), ''],
      ])
    }),
    { numRuns: runs(150) },
  )
})

describe('words written without the escaping pass', () => {
  // The writer skips the library's escaping for a text no pattern in scope could match (riskOf, writtenAsIs).
  // Checked against the library itself: wherever it writes a text, in the constructs the documents use,
  // a text the shortcut would take must be one the library leaves exactly as it is.
  const alphabet = [...'aZw9 1\t\n.)([]*_#-+!:@|\\<>&~`é’\'"=^{}/%', '  ', 'www.', 'http:', '1.', ' #']
  const words = ['Japan', 'Korea', ', ', ' ', 'of', '2019', 'Côte d’Ivoire']
  const part = fc.oneof({ arbitrary: fc.constantFrom(...alphabet), weight: 1 }, { arbitrary: fc.constantFrom(...words), weight: 3 })
  const value = fc.array(part, { maxLength: 8 }).map((parts) => parts.join(''))
  const phrasing = fc.oneof(
    value.map((text) => ({ type: 'text', value: text })),
    value.map((text) => ({ type: 'strong', children: [{ type: 'text', value: text }] })),
    value.map((text) => ({ type: 'emphasis', children: [{ type: 'text', value: text }] })),
    value.map((text) => ({ type: 'link', url: 'https://example.org', children: [{ type: 'text', value: text }] })),
    value.map((text) => ({ type: 'link', url: text, children: [{ type: 'text', value: text }] })),
    value.map((text) => ({ type: 'inlineCode', value: text })),
  )
  const block = fc.oneof(
    fc.array(phrasing, { minLength: 1, maxLength: 4 }).map((children) => ({ type: 'paragraph', children })),
    fc.array(phrasing, { minLength: 1, maxLength: 4 }).map((children) => ({ type: 'heading', depth: 2, children })),
    fc.array(phrasing, { minLength: 1, maxLength: 3 }).map((children) => ({
      type: 'table',
      children: [{ type: 'tableRow', children: [{ type: 'tableCell', children }] }],
    })),
    fc.array(phrasing, { minLength: 1, maxLength: 3 }).map((children) => ({
      type: 'list',
      children: [{ type: 'listItem', children: [{ type: 'paragraph', children }] }],
    })),
    fc.array(phrasing, { minLength: 1, maxLength: 3 }).map((children) => ({ type: 'blockquote', children: [{ type: 'paragraph', children }] })),
  )

  test('a text the shortcut writes as it is, the library writes as it is too', () => {
    let shortcuts = 0
    const checked: string[] = []
    const probe: Handle = (node: Text, parent, state, info) => {
      const index = state.indexStack[state.indexStack.length - 1]
      const siblings = parent && 'children' in parent ? (parent.children as Nodes[]) : []
      const written = state.safe(node.value, { ...info, beforeNode: siblings[index - 1], afterNode: siblings[index + 1] } as Info)
      if (writtenAsIs(node.value, riskOf(state.unsafe, state.stack))) {
        shortcuts++
        if (written !== node.value) checked.push(`${JSON.stringify(node.value)} in ${state.stack.join(' > ')}: ${JSON.stringify(written)}`)
      }
      return written
    }
    const processor = unified()
      .use(remarkStringify, { handlers: { text: probe } })
      .use(remarkGfm)
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 4 }), (children) => {
        processor.stringify({ type: 'root', children: children as RootContent[] })
      }),
      { numRuns: runs(400), seed: 17 },
    )
    expect(checked).toEqual([])
    // The shortcut is taken (the test checks something): plain words are most of any generated text.
    expect(shortcuts).toBeGreaterThan(runs(400) / 2)
  })

  test('what may need escaping depends on where the text stands', () => {
    const seen: Array<{ stack: string; risk: Risk }> = []
    const record: Handle = (node: Text, _, state) => {
      seen.push({ stack: state.stack.join(' > '), risk: riskOf(state.unsafe, state.stack) })
      return node.value
    }
    unified()
      .use(remarkStringify, { handlers: { text: record } })
      .use(remarkGfm)
      .stringify({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Japan' }] }] })
    const [paragraph] = seen
    expect(paragraph.stack).toBe('paragraph > phrasing')
    expect(writtenAsIs('Korea, Republic of', paragraph.risk)).toBe(true)
    expect(writtenAsIs('11 June 2019', paragraph.risk)).toBe(true)
    // A space at either end may meet a line ending; punctuation may start a construct.
    expect(writtenAsIs(' Japan', paragraph.risk)).toBe(false)
    expect(writtenAsIs('Japan ', paragraph.risk)).toBe(false)
    for (const risky of ['a*b', 'a_b', '1. x', '[x]', 'a\\b', 'a\nb', 'x <b>', 'a|b', 'www.x', 'a:b', 'a@b'])
      expect(writtenAsIs(risky, paragraph.risk)).toBe(false)
  })
})
