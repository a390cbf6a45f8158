/** The redline's pure core: two renderings of a view in, a marked document out; and its writers. */
import fc from 'fast-check'
import type { PhrasingContent } from 'mdast'
import { describe, expect, test } from 'vitest'
import { diffPhrasing, redline, type RedlinePhrasing } from '../src/revisions/redline.js'
import { labelsFor } from '../src/render/labels.js'
import { renderRedlineHtml } from '../src/render/redline-html.js'
import { neutralise, renderRedlineMarkdown, type RedlineCover } from '../src/render/redline-markdown.js'

const labels = labelsFor('en')
const cover: RedlineCover = { markdown: '', title: 'T', supersedes: 'Supersedes Rev.1', changes: 'Changes since Rev.1: 1 proposal changed.' }
/** The marked text only, without the cover and legend. */
const marked = (old: string, next: string): string => renderRedlineMarkdown(redline(old, next), cover, labels).split('{--deleted text--}.\n\n')[1]
const group = (id: string, body: string): string => `<!-- proposal: ${id} -->\n\n${body}\n\n<!-- /proposal: ${id} -->`

/** A phrasing list read with every change accepted (`insert`) or rejected (`delete`). */
function reading(nodes: PhrasingContent[], keep: 'insert' | 'delete'): string {
  return nodes
    .map((node) => {
      if ((node.type as string) === 'redline') {
        const mark = node as unknown as RedlinePhrasing
        return mark.change === keep ? reading(mark.children, keep) : ''
      }
      return 'children' in node ? reading(node.children as PhrasingContent[], keep) : 'value' in node ? node.value : ''
    })
    .join('')
}

describe('words', () => {
  test('accepting every change gives the newer text and rejecting every change the older one, one space where each has one', () => {
    const word = fc.constantFrom('Party', 'shall', '[endeavour', 'to]', '(2017).', 'and,', '[', ']', 'e-invoicing', 'Peppol.', ';', 'the')
    const text = fc.array(fc.tuple(word, fc.constantFrom(' ', '  ', '\n', '')), { maxLength: 14 }).map((parts) => parts.map(([w, s]) => w + s).join('').trim())
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

  test('only what changed is marked: punctuation apart, formatting kept around the marks', () => {
    expect(marked(group('a', '[Within a period (2017).]'), group('a', '[Within a period (2017) [and 2018].]'))).toBe(
      `${group('a', '[Within a period (2017){++ [and 2018]++}.]')}\n`,
    )
    expect(marked(group('a', 'Each *Party* shall [endeavour to] cooperate.'), group('a', 'Each *Party* shall cooperate **closely**.'))).toBe(
      `${group('a', 'Each *Party* shall {--[endeavour to] --}cooperate{++ **closely**++}.')}\n`,
    )
  })
})

describe('blocks', () => {
  test('groups unchanged are kept as written; whole groups in and out; why a group left', () => {
    const result = redline(`${group('a', 'Same.')}\n\n${group('b', 'Gone.')}`, `${group('a', 'Same.')}\n\n${group('c', 'New.')}`, { why: new Map([['proposal:b', 'Withdrawn.']]) })
    expect(result.items[0]).toEqual({ kind: 'same', markdown: group('a', 'Same.') })
    expect(renderRedlineMarkdown(result, cover, labels).split('{--deleted text--}.\n\n')[1]).toBe(
      [
        group('a', 'Same.'),
        '<!-- deleted: proposal: b -->\n\n{>>Withdrawn.<<}\n\n{--Gone.--}\n\n<!-- /deleted: proposal: b -->',
        '<!-- proposal: c -->\n\n{++New.++}\n\n<!-- /proposal: c -->\n',
      ].join('\n\n'),
    )
  })

  test('a paragraph added to a list, a table row and a cell, a code block replaced, a footnote reworded', () => {
    const old = group('a', ['1. [First.', '', '2. Second.', '', '| A | B |', '| - | - |', '| one | two |', '', '```', 'code', '```', '', 'Text.[^a¦1]', '', '[^a¦1]: A note.]'].join('\n'))
    const next = group('a', ['1. [First.', '', '2. Inserted.', '', '3. Second.', '', '| A | B |', '| - | - |', '| one | three |', '| four | five |', '', '```', 'other', '```', '', 'Text.[^a¤1]', '', '[^a¤1]: A longer note.]'].join('\n'))
    expect(marked(old, next)).toBe(
      [
        '<!-- proposal: a -->',
        '',
        '1. [First.',
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
        // Another separator in the label is the same footnote.
        'Text.[^a¤1]',
        '',
        '[^a¤1]: A {++longer ++}note.]',
        '',
        '<!-- /proposal: a -->',
        '',
      ].join('\n'),
    )
  })

  test('headings are matched by their id (a retitled topic) or their title after a number (an article renumbered)', () => {
    expect(marked('## A.1 Old title\n\nText.', '## A.1 New title\n\nText.')).toBe('## A.1 {--Old--}{++New++} title\n\nText.\n')
    const old = '<!-- article: 1 topic: A.1 -->\n\n### Article 1: Scope\n\nScope text.'
    const next = '<!-- article: 1 topic: A.0 -->\n\n### Article 1: Definitions\n\nDefinitions text.\n\n<!-- article: 2 topic: A.1 -->\n\n### Article 2: Scope\n\nScope text.'
    expect(marked(old, next)).toBe(
      [
        '<!-- article: 1 topic: A.0 -->',
        '',
        '### {++Article 1: Definitions++}',
        '',
        '{++Definitions text.++}',
        '',
        '<!-- article: 2 topic: A.1 -->',
        '',
        '### Article {--1--}{++2++}: Scope',
        '',
        'Scope text.',
        '',
      ].join('\n'),
    )
  })
})

describe('no author can forge a change', () => {
  test('Markdown: CriticMarkup written in a proposal is broken by a backslash, whether the group changed or not', () => {
    expect(neutralise('a {++fake++} and {--gone--} {>>note<<}')).toBe('a {\\++fake+\\+} and {\\--gone-\\-} {\\>>note<\\<}')
    const text = marked(`${group('a', 'Keep {++this++}.')}\n\n${group('b', 'Old {--x--}.')}`, `${group('a', 'Keep {++this++}.')}\n\n${group('b', 'New {--x--}.')}`)
    expect(text).toContain('Keep {\\++this+\\+}.')
    expect(text).toContain('{--Old--}{++New++} {\\--x-\\-}.')
  })

  test('HTML: raw HTML of a proposal is left out, so its own <ins> or <del> never shows as a change; a strikethrough is <s>', () => {
    const old = `${group('a', 'Keep <ins>forged</ins> and <del>this</del> ~~struck~~.')}\n\n${group('b', 'Old words.')}`
    const next = `${group('a', 'Keep <ins>forged</ins> and <del>this</del> ~~struck~~.')}\n\n${group('b', 'New words.')}`
    const html = renderRedlineHtml(redline(old, next), cover, labels, { language: 'en' })
    const main = html.slice(html.indexOf('<main'))
    expect(main).toContain('<p>Keep forged and this <s>struck</s>.</p>')
    expect(main).toContain('<p><del>Old</del><ins>New</ins> words.</p>')
    expect(main.match(/<(ins|del)>/g)).toEqual(['<del>', '<ins>'])
  })
})
