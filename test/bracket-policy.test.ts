/** The bracket policy of SPEC §13, decided in the model: which texts are one bracketed span, which get the tool's pair, what stats counts. */
import { describe, expect, test } from 'vitest'
import { countedBrackets, encloses } from '../src/assemble/negotiation.js'
import { parseProposal } from '../src/parse/proposal.js'
import type { Proposal } from '../src/types.js'

function parsed(body: string, fields = ''): Proposal {
  const result = parseProposal('proposals/p.md', `---\ntopic: A\nauthor: Japan\n${fields}---\n\n${body}\n`)
  return result.proposal!
}

describe('one bracketed span', () => {
  test.each([
    ['[Each Party shall cooperate.]', true],
    ['1. [Each Party shall cooperate.]', true],
    ['- [Each Party shall cooperate.]', true],
    ['[[Each Party shall] cooperate.]', true],
    ['[Each Party shall cooperate.\n\nIt shall also report.]', true],
    ['*[Each Party shall cooperate.]*', true],
    ['[Each Party shall cooperate.][^1]\n\n[^1]: A note.', false],
    ['[Each Party shall cooperate.]\n\n[^1]: A note defined after the text.', true],
    ['[Each Party shall cooperate.]\n\n[link]: https://example.org', true],
    ['[a] and [b]', false],
    ['1. [a]\n2. [b]', false],
    ['Each Party [shall] cooperate.', false],
    ['\\[Each Party shall cooperate.\\]', false],
    ['\\[Each Party shall cooperate.]', false],
    ['&#91;Each Party shall cooperate.&#93;', false],
    ['[Each Party](https://example.org) shall cooperate.', false],
    ['`[code]`', false],
    ['[unclosed [span]', false],
  ])('%j: %s', (body, oneSpan) => {
    expect(parsed(body).facts.oneSpan).toBe(oneSpan)
  })
})

describe('literal brackets', () => {
  test('escaped brackets and entities are neither counted nor reported', () => {
    const proposal = parseProposal('proposals/p.md', '---\ntopic: A\nauthor: Japan\n---\n\nEach Party \\[sic\\] shall \\] cooperate &#91; [shall].\n')
    expect(proposal.diagnostics).toEqual([])
    expect(proposal.proposal?.facts.brackets).toBe(1)
    expect(proposal.proposal?.facts.firstBracket).toEqual({ line: 6, column: 45 })
  })

  test('an escaped backslash leaves the bracket after it a negotiating one', () => {
    const { diagnostics } = parseProposal('proposals/p.md', '---\ntopic: A\nauthor: Japan\n---\n\nEach Party \\\\[shall cooperate.\n')
    expect(diagnostics.map((each) => `${each.line}:${each.column} ${each.rule}`)).toEqual(['6:14 unbalanced-brackets'])
  })
})

describe('enclosing pair', () => {
  const cases: Array<[string, string, string, boolean, number]> = [
    ['proposed', 'Each Party [shall] cooperate.', 'enclose', true, 1],
    ['proposed', '[Each Party [shall] cooperate.]', 'enclose', false, 1],
    ['proposed', 'Each Party [shall] cooperate.', 'as-written', false, 1],
    ['proposed', '[Each Party shall cooperate.]', 'as-written', false, 0],
    ['parked', 'Each Party shall cooperate.', 'as-written', true, 0],
    ['parked', '[Each Party shall cooperate.]', 'enclose', false, 0],
    ['stabilized', '[Each Party shall cooperate.]', 'enclose', false, 1],
    ['stabilized', 'Each Party shall cooperate.', 'enclose', false, 0],
  ]
  test.each(cases)('%s %j under %s: enclosed %s, %i counted', (status, body, policy, enclosed, counted) => {
    const proposal = parsed(body, `status: ${status}\n`)
    expect(encloses(proposal, policy as 'enclose' | 'as-written')).toBe(enclosed)
    expect(countedBrackets(proposal)).toBe(counted)
  })

  test("the text's own policy wins over the configuration's", () => {
    expect(encloses(parsed('Each Party shall cooperate.', 'brackets: as-written\n'), 'enclose')).toBe(false)
    expect(encloses(parsed('Each Party shall cooperate.', 'brackets: enclose\n'), 'as-written')).toBe(true)
  })

  test('[No text] keeps its brackets under any policy until agreed, and counts none', () => {
    const noText = (status: string): Proposal =>
      parseProposal('proposals/p.md', `---\ntopic: A\nauthor: Japan\nnoText: true\nstatus: ${status}\n---\n`).proposal!
    expect(encloses(noText('proposed'), 'as-written')).toBe(true)
    expect(encloses(noText('stabilized'), 'enclose')).toBe(false)
    expect(countedBrackets(noText('proposed'))).toBe(0)
  })

  test('`brackets` takes enclose or as-written only', () => {
    const { diagnostics } = parseProposal('proposals/p.md', '---\ntopic: A\nauthor: Japan\nbrackets: as-writen\n---\n\nText.\n')
    expect(diagnostics.map((each) => `${each.line}:${each.column} ${each.rule} ${each.message}`)).toEqual([
      '4:11 invalid-field `brackets` must be enclose or as-written: `enclose` adds one pair of brackets around the text while it is not agreed, `as-written` shows the text with its authors\' brackets only, e.g. `brackets: as-written`; got "as-writen"; did you mean "as-written"?',
    ])
  })
})
