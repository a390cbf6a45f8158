/** The order people read ids and alternatives in (SPEC §13): numbers as numbers, `order:` first, then dates, then ids. */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { assemble, compareAlternatives } from '../src/assemble/negotiation.js'
import { compareNatural } from '../src/model/outline.js'
import { parseProposal } from '../src/parse/proposal.js'
import { DEFAULT_CONFIG, type Proposal } from '../src/types.js'

function proposal(file: string, fields: string): Proposal {
  const result = parseProposal(`proposals/${file}.md`, `---\ntopic: A\nauthor: Japan\n${fields}---\n\nEach Party shall cooperate.\n`)
  expect(result.diagnostics).toEqual([])
  return result.proposal!
}

describe('compareNatural', () => {
  test('numbers compare as numbers, prefixes first, code points break ties', () => {
    const ids = ['opt10', 'opt2', 'A.10', 'A.2', 'A.1.1', 'A.1', 'opt02', 'b', 'B', 'x9y10', 'x9y9', '18446744073709551617', '18446744073709551616']
    expect([...ids].sort(compareNatural)).toEqual([
      '18446744073709551616',
      '18446744073709551617',
      'A.1',
      'A.1.1',
      'A.2',
      'A.10',
      'B',
      'b',
      'opt02',
      'opt2',
      'opt10',
      'x9y9',
      'x9y10',
    ])
  })

  test('is a total order: antisymmetric, transitive, zero only for equal strings', () => {
    const id = fc.stringMatching(/^[a-c0-9.]{0,6}$/)
    fc.assert(
      fc.property(id, id, id, (a, b, c) => {
        expect(Math.sign(compareNatural(a, b)) + Math.sign(compareNatural(b, a))).toBe(0)
        expect(compareNatural(a, b) === 0).toBe(a === b)
        if (compareNatural(a, b) < 0 && compareNatural(b, c) < 0) expect(compareNatural(a, c)).toBeLessThan(0)
      }),
    )
  })
})

describe('alternatives', () => {
  test('by order (those without last), then submitted (undated last), then id with numbers as numbers', () => {
    const texts = [
      proposal('opt10', ''),
      proposal('opt2', ''),
      proposal('dated', 'submitted: 2024-01-01\n'),
      proposal('last-ordered', 'order: 5\n'),
      proposal('first-ordered', 'order: -1\nsubmitted: 2030-01-01\n'),
    ]
    expect([...texts].sort(compareAlternatives).map((each) => each.id)).toEqual(['first-ordered', 'last-ordered', 'dated', 'opt2', 'opt10'])
    const negotiation = assemble(texts.reverse(), DEFAULT_CONFIG)
    expect(negotiation.topics[0].placements.map((placement) => [placement.proposal.id, placement.alt])).toEqual([
      ['first-ordered', 1],
      ['last-ordered', 2],
      ['dated', 3],
      ['opt2', 4],
      ['opt10', 5],
    ])
  })

  test('`order` must be a whole number', () => {
    const diagnostics = (order: string): string[] =>
      parseProposal('proposals/p.md', `---\ntopic: A\nauthor: Japan\norder: ${order}\n---\n\nText.\n`).diagnostics.map(
        (each) => `${each.line}:${each.column} ${each.rule} ${each.message}`,
      )
    const expected = (got: string): string[] => [
      `4:8 invalid-field \`order\` must be a whole number that places the text among the alternatives of its topic, e.g. \`order: 1\` (lower first); got ${got}`,
    ]
    expect(diagnostics('first')).toEqual(expected('"first"'))
    expect(diagnostics('1.5')).toEqual(expected('the number 1.5'))
    expect(diagnostics('"2"')).toEqual(expected('"2"'))
    expect(diagnostics('[1]')).toEqual(expected('a list'))
    expect(diagnostics('')).toEqual([])
    expect(parseProposal('proposals/p.md', '---\ntopic: A\nauthor: Japan\norder: 3\n---\n\nText.\n').proposal?.order).toBe(3)
  })
})
