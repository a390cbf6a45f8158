/** The redline: two document trees of a view in, one marked tree out, compiled by the same formats as the view. */
import fc from 'fast-check'
import type { PhrasingContent } from 'mdast'
import { describe, expect, test } from 'vitest'
import { diffPhrasing } from '../src/render/redline/diff.js'
import { neutralise } from '../src/render/formats/markdown/critic.js'
import { compileIn, proposals, redlineBetween } from './helpers/render.js'

/** The Markdown of the redline between two sets of proposals (by id), from the first proposal's marker on. */
async function marked(old: Record<string, string>, next: Record<string, string>, options: Parameters<typeof redlineBetween>[2] = {}): Promise<string> {
  const markdown = String(await compileIn('md', redlineBetween(proposals(old), proposals(next), options)))
  return markdown.slice(markdown.search(/<!-- (deleted: )?proposal: /), markdown.indexOf('## Annex'))
}

/** A proposal's block as the consolidated text writes it (a single stabilized text on its topic). */
const block = (id: string, body: string): string =>
  `<!-- proposal: ${id} -->\n\n${body}\n\nProponent: Japan. Supporters: none.\n\n<!-- /proposal: ${id} -->\n\n`

/** A phrasing list read with every change accepted (`insert`) or rejected (`delete`). */
function reading(nodes: PhrasingContent[], keep: 'insert' | 'delete'): string {
  return nodes
    .map((node) => {
      if (node.type === 'mark') return node.change === keep ? reading(node.children, keep) : ''
      return 'children' in node ? reading(node.children, keep) : 'value' in node ? node.value : ''
    })
    .join('')
}

describe('words', () => {
  test('accepting every change gives the newer text and rejecting every change the older one, one space where each has one', () => {
    const word = fc.constantFrom('Party', 'shall', '[endeavour', 'to]', '(2017).', 'and,', '[', ']', 'e-invoicing', 'Peppol.', ';', 'the')
    const text = fc.array(fc.tuple(word, fc.constantFrom(' ', '  ', '\n', '')), { maxLength: 14 }).map((parts) =>
      parts
        .map(([w, s]) => w + s)
        .join('')
        .trim(),
    )
    fc.assert(
      fc.property(text, text, (a, b) => {
        const nodes = diffPhrasing([{ type: 'text', value: a }], [{ type: 'text', value: b }])
        // Whitespace inside a word (a missing one) is a change of words; any run of whitespace reads as one space.
        const squash = (value: string): string => value.replace(/\s+/g, ' ').trim()
        expect(reading(nodes, 'insert')).toBe(squash(b))
        // Rejected, the older words; their spacing is the newer text's where only the spacing changed (no change).
        const rejected = reading(nodes, 'delete')
        expect(rejected.split(/\s+/).join('')).toBe(a.split(/\s+/).join(''))
        expect(rejected).toBe(squash(rejected))
      }),
      { numRuns: 500, seed: 20261128 },
    )
  })

  test('only what changed is marked: punctuation apart, formatting kept around the marks', async () => {
    expect(await marked({ a: '[Within a period (2017).]' }, { a: '[Within a period (2017) [and 2018].]' })).toBe(
      block('a', '[Within a period (2017){++ [and 2018]++}.]'),
    )
    expect(await marked({ a: 'Each *Party* shall [endeavour to] cooperate.' }, { a: 'Each *Party* shall cooperate **closely**.' })).toBe(
      block('a', 'Each *Party* shall {--[endeavour to] --}cooperate{++ **closely**++}.'),
    )
  })

  test('an attribution that changed is marked word by word', async () => {
    const old = proposals({ a: 'Text.' })
    const next = proposals({ a: 'Text.' })
    next[0].supporters = [{ value: 'Canada', place: { line: 1, column: 1 } }]
    const markdown = String(await compileIn('md', redlineBetween(old, next)))
    expect(markdown).toContain('Proponent: Japan. Supporters: {--none--}{++Canada++}.')
  })
})

describe('blocks', () => {
  test('texts unchanged are written as the view writes them; whole blocks in and out; why a block left', async () => {
    expect(await marked({ a: 'Same.', b: 'Gone.' }, { a: 'Same.', c: 'New.' }, { why: new Map([['proposal:b', 'Withdrawn.']]) })).toBe(
      [
        '<!-- proposal: a -->\n\n**Alt 1**\n\nSame.\n\nProponent: Japan. Supporters: none.\n\n<!-- /proposal: a -->',
        '<!-- deleted: proposal: b -->\n\n{>>Withdrawn.<<}\n\n{--**Alt 2**--}\n\n{--Gone.--}\n\n{--Proponent: Japan. Supporters: none.--}\n\n<!-- /deleted: proposal: b -->',
        '<!-- proposal: c -->\n\n{++**Alt 2**++}\n\n{++New.++}\n\n{++Proponent: Japan. Supporters: none.++}\n\n<!-- /proposal: c -->\n\n',
      ].join('\n\n'),
    )
  })

  test('a paragraph added to a list, a table row and a cell, a code block replaced, a footnote reworded', async () => {
    const old = [
      '1. First.',
      '',
      '2. Second.',
      '',
      '| A | B |',
      '| - | - |',
      '| one | two |',
      '',
      '```',
      'code',
      '```',
      '',
      'Text.[^1]',
      '',
      '[^1]: A note.',
    ].join('\n')
    const next = [
      '1. First.',
      '',
      '2. Inserted.',
      '',
      '3. Second.',
      '',
      '| A | B |',
      '| - | - |',
      '| one | three |',
      '| four | five |',
      '',
      '```',
      'other',
      '```',
      '',
      'Text.[^1]',
      '',
      '[^1]: A longer note.',
    ].join('\n')
    expect(await marked({ a: old }, { a: next })).toBe(
      block(
        'a',
        [
          '1. First.',
          '',
          '2. {++Inserted.++}',
          '',
          '3. Second.',
          '',
          '| A | B |',
          '| --- | --- |',
          '| one | {--two--}{++three++} |',
          '| {++four++} | {++five++} |',
          '',
          '{>>deleted text<<}',
          '',
          '```',
          'code',
          '```',
          '',
          '{>>inserted text<<}',
          '',
          '```',
          'other',
          '```',
          '',
          // The footnote takes the name the document gives it, as in the text itself.
          'Text.[^a¦1]',
          '',
          '[^a¦1]: A {++longer ++}note.',
        ].join('\n'),
      ),
    )
  })
})

describe('no author can forge a change', () => {
  test('Markdown: CriticMarkup written in a proposal is broken by a backslash, whether its text changed or not', async () => {
    expect(neutralise('a {++fake++} and {--gone--} {>>note<<}')).toBe('a {\\++fake+\\+} and {\\--gone-\\-} {\\>>note<\\<}')
    expect(neutralise('{~~old~>new~~} {==seen==}')).toBe('{\\~~old~\\>new~\\~} {\\==seen=\\=}')
    const text = await marked({ a: 'Keep {++this++}.', b: 'Old {--x--}.' }, { a: 'Keep {++this++}.', b: 'New {--x--}.' })
    expect(text).toContain('Keep {\\++this+\\+}.')
    expect(text).toContain('{--Old--}{++New++} {\\--x-\\-}.')
  })

  test('Markdown: a strikethrough of a proposal is <s>, as in HTML, never ~~, whether its text changed or not', async () => {
    const text = await marked({ a: 'Keep ~~struck~~.', b: 'Old ~~x~~.' }, { a: 'Keep ~~struck~~.', b: 'New ~~x~~.' })
    expect(text).toContain('Keep <s>struck</s>.')
    expect(text).toContain('{--Old--}{++New++} <s>x</s>.')
    expect(text).not.toContain('~~')
  })

  test('HTML: raw HTML of a proposal is left out, so its own <ins> or <del> never shows as a change; a strikethrough is <s>', async () => {
    const old = { a: 'Keep <ins>forged</ins> and <del>this</del> ~~struck~~.', b: 'Old words.' }
    const next = { a: 'Keep <ins>forged</ins> and <del>this</del> ~~struck~~.', b: 'New words.' }
    const html = String(await compileIn('html', redlineBetween(proposals(old), proposals(next))))
    const main = html.slice(html.indexOf('<main'))
    expect(main).toContain('<p>Keep forged and this <s>struck</s>.</p>')
    expect(main).toContain('<p><del>Old</del><ins>New</ins> words.</p>')
    expect(main.match(/<(ins|del)>/g)).toEqual(['<del>', '<ins>'])
  })
})
