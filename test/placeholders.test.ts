/** The placeholder patterns of SPEC §15: whole words, any case, `…` for any text inside brackets, literal brackets never matching. */
import { describe, expect, test } from 'vitest'
import { findPlaceholders } from '../src/parse/placeholders.js'
import { parseProposal } from '../src/parse/proposal.js'

function found(body: string, patterns?: string[]): string[] {
  const { proposal } = parseProposal('proposals/p.md', `---\ntopic: A\nauthor: Japan\n---\n\n${body}\n`)
  return findPlaceholders(proposal!.body, proposal!.facts, patterns).map(({ value, place }) => `${place.line}:${place.column} ${value}`)
}

describe('the default list', () => {
  test('every default pattern, in any case, and nothing in code, link syntax or literal brackets', () => {
    expect(found('In [x] days, [X], […], [...], [●], [DATE], by 20xx, X PER CENT, [by x date], [Placeholder for sectors] and [Placeholder for].')).toEqual([
      '6:4 [x]',
      '6:14 [X]',
      '6:19 […]',
      '6:24 [...]',
      '6:31 [●]',
      '6:36 [DATE]',
      '6:47 20xx',
      '6:53 X PER CENT',
      '6:65 [by x date]',
      '6:78 [Placeholder for sectors]',
      '6:108 [Placeholder for]',
    ])
    expect(found('`[X]`, [X-ray], 20XXL, X per centum, \\[X\\], \\[X], [link](https://example.org/[X]), [..], [a…]')).toEqual([])
  })

  test('`…` alone inside brackets is the character itself, not "any text"', () => {
    expect(found('[anything] and […]', ['[…]'])).toEqual(['6:16 […]'])
  })
})

describe('a list of its own', () => {
  test('replaces the default list; an empty list finds nothing', () => {
    expect(found('Reduced by [...] and X per cent by 20XX.', ['X per cent'])).toEqual(['6:22 X per cent'])
    expect(found('Reduced by [X] in 20XX.', [])).toEqual([])
  })

  test('a space stands for any spacing, line breaks included; characters that mean something to a regular expression are plain', () => {
    expect(found('About X  per\ncent (a+b)? of $5.', ['X per cent', '(a+b)?', '$5.'])).toEqual(['6:7 X per cent', '7:6 (a+b)?', '7:16 $5.'])
  })
})

describe('found once per text', () => {
  test('a body searched again with the same patterns gives the same list; other patterns search it again', () => {
    const { proposal } = parseProposal('a.md', '---\ntopic: A.1\nauthor: Japan\n---\n\nWithin [X] days of [date].\n')
    const { body, facts } = proposal!
    const first = findPlaceholders(body, facts)
    expect(first.map((each) => each.value)).toEqual(['[X]', '[date]'])
    expect(findPlaceholders(body, facts)).toBe(first)
    expect(findPlaceholders(body, facts, ['days']).map((each) => each.value)).toEqual(['days'])
    expect(findPlaceholders(body, facts, []).map((each) => each.value)).toEqual([])
    expect(findPlaceholders(body, facts).map((each) => each.value)).toEqual(['[X]', '[date]'])
  })
})
