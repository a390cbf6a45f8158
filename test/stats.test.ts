/** The numbers of docs/reference.md, Statistics, from strings: which brackets count, which topics, and their changes. */
import { describe, expect, test } from 'vitest'
import { assemble } from '../src/assemble/negotiation.js'
import { parseConfig } from '../src/parse/config.js'
import { parseProposal } from '../src/parse/proposal.js'
import { labelsFor } from '../src/render/labels.js'
import { renderStats } from '../src/render/views/stats.js'
import { countNegotiation, statsReport } from '../src/revisions/stats.js'

const config = parseConfig('consolidate.yaml', 'outline:\n  - id: A\n    topics:\n      - { id: A.1 }\n      - { id: A.2 }\n  - { id: B }\n').config
const proposal = (name: string, fields: string, body: string): ReturnType<typeof parseProposal>['proposal'] & object =>
  parseProposal(`proposals/${name}.md`, `---\n${fields}\nauthor: Japan\n---\n\n${body}\n`).proposal!

describe('brackets', () => {
  test('the pairs of the text, footnotes included; not code, link syntax, footnote references or task-list markers; not the enclosing pair', () => {
    const body = [
      '- [ ] a task, then [one] pair',
      '- [x] done',
      '',
      'A [link](https://example.org) and a [reference][r], `[code]`, a note.[^1]',
      '',
      '```',
      '[fenced]',
      '```',
      '',
      '[^1]: The note has [two] pairs [here].',
      '',
      '[r]: https://example.org',
    ].join('\n')
    const proposals = [proposal('a', 'topic: A.1', body)]
    expect(countNegotiation(assemble(proposals, config), proposals).brackets).toBe(3)
  })

  test('live texts only; a "no text" alternative counts 0; placeholders are counted one by one', () => {
    const proposals = [
      proposal('a', 'topic: A.1', 'Each Party shall [endeavour to] act within [X] days of 20XX.'),
      proposal('b', 'topic: A.1\nstatus: withdrawn', 'Each Party [shall] [not].'),
      proposal('c', 'topic: A.2\nnoText: true', ''),
      proposal('d', 'topic: B\nstatus: parked', 'The Parties [shall] cooperate.'),
    ]
    const counts = countNegotiation(assemble(proposals, config), proposals)
    expect({ brackets: counts.brackets, placeholders: counts.placeholders }).toEqual({ brackets: 3, placeholders: 2 })
    expect(counts.topics).toEqual({ total: 3, withText: 2, stabilized: 0, withAlternatives: 0 })
    expect(counts.proposals).toEqual({ live: 3, proposed: 2, stabilized: 0, parked: 1, merged: 0, withdrawn: 1, referred: 2 })
  })
})

test("since: every number with its change, zeros included, in the same nesting; the Markdown in the document's language", () => {
  const old = [proposal('a', 'topic: A.1', 'Each Party [shall] act.')]
  const next = [proposal('a', 'topic: A.1\nstatus: stabilized', 'Each Party shall act.'), proposal('b', 'topic: A.1', 'Each Party [may] act.')]
  const report = statsReport(countNegotiation(assemble(next, config), next), 'Rev.2', { ref: 'v1', counts: countNegotiation(assemble(old, config), old) })
  expect(report).toEqual({
    symbol: 'Rev.2',
    proposals: { live: 2, proposed: 1, stabilized: 1, parked: 0, merged: 0, withdrawn: 0, referred: 1 },
    chairTexts: 0,
    topics: { total: 3, withText: 1, stabilized: 1, withAlternatives: 1 },
    brackets: 1,
    placeholders: 0,
    since: {
      ref: 'v1',
      proposals: { live: 1, proposed: 0, stabilized: 1, parked: 0, merged: 0, withdrawn: 0, referred: 0 },
      chairTexts: 0,
      topics: { total: 0, withText: 0, stabilized: 1, withAlternatives: 1 },
      brackets: 0,
      placeholders: 0,
    },
  })
  expect(renderStats(report, 'fr').split('\n').slice(0, 6)).toEqual([
    '# Statistiques\u00a0: Rev.2',
    '',
    '| Mesure | Nombre | Depuis v1 |',
    '| --- | --: | --: |',
    '| Propositions figurant dans le texte | 2 | +1 |',
    '| – proposées | 1 | ±0 |',
  ])
  expect(
    labelsFor('en').revision.stats.line(
      { brackets: 1234, placeholders: 0, topics: 3, withText: 1, stabilized: 1, withAlternatives: 1 },
      { brackets: -37, placeholders: 0, topics: 0, withText: 1, stabilized: 0, withAlternatives: 0 },
    ),
  ).toBe('Bracket pairs: 1,234 (\u221237); placeholders: 0 (±0). Topics with text: 1 (+1) of 3 (±0); stabilized: 1 (±0); with alternatives: 1 (±0).')
})
