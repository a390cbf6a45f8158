/** Chair's texts in the model (SPEC §14): placed, ordered, kept out of alternatives and referrals, in the clean text, stats and diff. */
import { describe, expect, test } from 'vitest'
import { cleanText, partId } from '../src/assemble/clean.js'
import { assemble } from '../src/assemble/negotiation.js'
import { validate } from '../src/check/validate.js'
import { parseChairText } from '../src/parse/chair.js'
import { parseConfig } from '../src/parse/config.js'
import { parseProposal } from '../src/parse/proposal.js'
import { compareSnapshots, diffReport } from '../src/revisions/compare.js'
import { countNegotiation } from '../src/revisions/stats.js'
import type { ChairText, Config, Proposal } from '../src/types.js'

const CONFIG = 'outline:\n  - { id: A, title: Scope }\n  - { id: B, title: Definitions }\n  - { id: C, title: Exceptions }\nchair:\n  A: [a-second, a-jpn]\n'

function config(yaml = CONFIG): Config {
  const result = parseConfig('consolidate.yaml', yaml)
  expect(result.diagnostics).toEqual([])
  return result.config
}

function chair(id: string, topic: string, fields = '', body = 'The Chair [offers] this text.'): ChairText {
  const result = parseChairText(`chair/${id}.md`, `---\ntopic: ${topic}\n${fields}---\n\n${body}\n`)
  expect(result.diagnostics).toEqual([])
  return result.chairText!
}

function proposal(id: string, topic: string, fields = '', body = 'Each Party [shall] act.'): Proposal {
  const result = parseProposal(`proposals/${id}.md`, `---\ntopic: ${topic}\nauthor: Japan\n${fields}---\n\n${body}\n`)
  expect(result.diagnostics).toEqual([])
  return result.proposal!
}

describe('placed under their topics', () => {
  const chairTexts = [
    chair('a-10', 'A'),
    chair('a-2', 'A'),
    chair('a-second', 'A', 'order: 2\n'),
    chair('a-first', 'A', 'order: 1\nby: { en: Co-Chairs, fr: Coprésidents }\n'),
    chair('c-only', 'C'),
  ]
  const proposals = [proposal('a-jpn', 'A'), proposal('a-can', 'A'), proposal('b-agreed', 'B', 'status: stabilized\n', 'Each Party shall act.')]

  test("by order, then id with numbers as numbers; never alternatives; by in the document's language", () => {
    const topics = assemble(proposals, { ...config(), language: 'fr' }, { chairTexts }).topics
    expect(topics[0].chairTexts.map((placed) => [placed.text.id, placed.by])).toEqual([
      ['a-first', 'Coprésidents'],
      ['a-second', undefined],
      ['a-2', undefined],
      ['a-10', undefined],
    ])
    expect(topics[0].placements.map((placement) => [placement.proposal.id, placement.alt])).toEqual([
      ['a-can', 1],
      ['a-jpn', 2],
    ])
    expect(topics[2].chairTexts.map((placed) => placed.text.id)).toEqual(['c-only'])
  })

  test("the clean text: Chair's texts first, then the stabilized text and the picks; a Chair's text named in chair: takes its place there, once", () => {
    const clean = cleanText(assemble(proposals, config(), { chairTexts }))
    expect(clean.entries.map((entry) => [entry.id, entry.article?.parts.map(partId)])).toEqual([
      ['A', ['a-first', 'a-2', 'a-10', 'a-second', 'a-jpn']],
      ['B', ['b-agreed']],
      ['C', ['c-only']],
    ])
  })

  test("stats: counted beside the proposals, their brackets whether shown or not; a topic with only a Chair's text is not withText", () => {
    const counts = countNegotiation(assemble(proposals, config(), { chairTexts }), proposals)
    expect({ chairTexts: counts.chairTexts, brackets: counts.brackets, topics: counts.topics, referred: counts.proposals.referred }).toEqual({
      chairTexts: 5,
      brackets: 7,
      topics: { total: 3, withText: 2, stabilized: 1, withAlternatives: 1 },
      referred: 2,
    })
  })

  test("checks: ids shared with proposals, unknown topics, picks of Chair's texts on other topics; no brackets-in-stabilized on them", () => {
    const texts = [chair('a-jpn', 'A'), chair('z-elsewhere', 'Z'), chair('c-text', 'C')]
    const picks = config(`${CONFIG}  B: [c-text]\n`)
    const diagnostics = validate(proposals, picks, { chairTexts: texts })
      .map((each) => `${each.file}:${each.line}:${each.column} ${each.rule} ${each.message}`)
      .sort()
    expect(diagnostics).toEqual([
      'chair/a-jpn.md:1:1 duplicate-id the id "a-jpn" is also used by proposals/a-jpn.md; ids must be unique among proposals and Chair\'s texts together (a file without an `id` field takes its file name), so give one of them another `id`, e.g. `id: a-jpn-2`',
      'chair/z-elsewhere.md:2:8 unknown-topic topic "Z" is not in the outline; did you mean "A"?',
      'consolidate.yaml:6:7 unknown-chair-text `chair` offers "a-second" for A, but no proposal or Chair\'s text has that id; the texts on A are a-can, a-jpn',
      'consolidate.yaml:7:7 unknown-chair-text `chair` offers "c-text" for B, but c-text (chair/c-text.md) is a Chair\'s text on topic C; move it under `C:`, or the text on B is b-agreed',
      // A proposal picked keeps the check; the Chair's texts, bracketed too, do not get it.
      'proposals/a-jpn.md:1:1 duplicate-id the id "a-jpn" is also used by chair/a-jpn.md; ids must be unique among proposals and Chair\'s texts together (a file without an `id` field takes its file name), so give one of them another `id`, e.g. `id: a-jpn-2`',
      'proposals/a-jpn.md:6:12 brackets-in-stabilized this text is the Chair\'s pick for A (`chair` in the configuration) but still has 1 bracket pair (the first in "Each Party [shall] act."); the clean text shows them as written: resolve them, or offer a text without brackets',
    ])
  })
})

describe('diff', () => {
  test("Chair's texts are compared among themselves; order, brackets and by changes are reported", () => {
    const old = { config: config(), proposals: [proposal('p', 'A'), proposal('q', 'A')], chairTexts: [chair('c', 'A', 'by: Chair\n'), chair('gone', 'B')] }
    const next = {
      config: config(),
      proposals: [proposal('p', 'A', 'order: 1\nbrackets: as-written\n'), proposal('q', 'A')],
      chairTexts: [chair('c', 'A', 'by: Co-Chairs\norder: 3\n', 'The Chair [offers] this new text.'), chair('new', 'C')],
    }
    const differences = compareSnapshots(old, next)
    expect(differences.map((difference) => [difference.kind, difference.chair ?? false])).toEqual([
      ['changed', true],
      ['removed', true],
      ['added', true],
      ['changed', false],
    ])
    expect(diffReport(differences, { from: { ref: 'old' }, to: { ref: 'new' } })).toEqual({
      from: { ref: 'old' },
      to: { ref: 'new' },
      added: ['new'],
      removed: ['gone'],
      withdrawn: [],
      changed: [
        { id: 'c', text: true, order: { from: null, to: 3 }, by: { from: 'Chair', to: 'Co-Chairs' } },
        { id: 'p', text: false, order: { from: null, to: 1 }, brackets: { from: null, to: 'as-written' } },
      ],
    })
  })
})
