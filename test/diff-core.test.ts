/** The pure core of `diff`: proposals from strings in, differences and Markdown out. */
import { describe, expect, test } from 'vitest'
import { parseConfig } from '../src/parse/config.js'
import { compareSnapshots, diffReport, type Snapshot } from '../src/revisions/compare.js'
import { renderDiff } from '../src/render/views/changes.js'
import { parseProposal } from '../src/parse/proposal.js'

function snapshot(files: Record<string, string>, config = ''): Snapshot {
  return {
    config: parseConfig('consolidate.yaml', config).config,
    proposals: Object.entries(files).map(([name, text]) => parseProposal(`proposals/${name}`, text).proposal!),
  }
}

const proposal = (fields: string, body = 'Each Party shall [endeavour to] cooperate.'): string => `---\ntopic: A.1\nauthor: Japan\n${fields}\n---\n\n${body}\n`
const names = { from: { ref: 'v1' }, to: { ref: 'v2' } }
const md = (old: Snapshot, next: Snapshot): string => renderDiff(compareSnapshots(old, next), old, next, { names: { old: 'v1', new: 'v2' } })

describe('compareSnapshots', () => {
  test("a reinstated proposal and a stabilized one reopened are status changes; names resolve with each side's participants", () => {
    const participants = 'participants:\n  - { name: Japan, code: JPN }\n  - { name: Canada, code: CAN, aliases: [Kanada] }\n'
    const old = snapshot({ 'a.md': proposal('status: withdrawn'), 'b.md': proposal('status: stabilized\nsupporters: [Kanada]') }, participants)
    const next = snapshot({ 'a.md': proposal('status: proposed'), 'b.md': proposal('status: proposed\nsupporters: [CAN, JPN]') }, participants)
    expect(diffReport(compareSnapshots(old, next), names)).toEqual({
      from: { ref: 'v1' },
      to: { ref: 'v2' },
      added: [],
      removed: [],
      withdrawn: [],
      changed: [
        { id: 'a', text: false, status: { from: 'withdrawn', to: 'proposed' } },
        { id: 'b', text: false, status: { from: 'stabilized', to: 'proposed' } },
      ],
    })
    expect(md(old, next)).toBe(
      [
        '# Changes from `v1` to `v2`',
        '',
        'Proposals: 2 changed.',
        '',
        '## A.1',
        '',
        '- **Changed** `a`. Proponent: Japan. Status: withdrawn → proposed.',
        '- **Changed** `b`. Proponent: Japan. Status: stabilized → proposed.',
        '',
      ].join('\n'),
    )
  })

  test('a proposal withdrawn and reworded is only withdrawn; one already withdrawn and reworded is changed', () => {
    const old = snapshot({ 'a.md': proposal(''), 'b.md': proposal('status: withdrawn') })
    const next = snapshot({ 'a.md': proposal('status: withdrawn', 'Other words.'), 'b.md': proposal('status: withdrawn', 'Other words.') })
    expect(diffReport(compareSnapshots(old, next), names)).toEqual({ ...names, added: [], removed: [], withdrawn: ['a'], changed: [{ id: 'b', text: true }] })
  })

  test('every field: topic, title, document, submitted, reason, mergedInto, noText, authors (a supporter become a co-proponent), supporters', () => {
    const participants =
      'participants:\n  - { name: Japan, code: JPN }\n  - { name: Norway, code: NOR }\n  - { name: Canada, code: CAN }\n  - { name: Chile, code: CHL }\n'
    const old = snapshot(
      {
        'a.md': proposal('title: Old title\ndocument: INF/ECOM/1\nsubmitted: 2022-01-01\nsupporters: [Norway, Canada]'),
        'b.md': proposal('status: parked'),
        'c.md': proposal(''),
        'd.md': proposal('', 'Each Party shall cooperate.'),
        'e.md': proposal(''),
      },
      participants,
    )
    const next = snapshot(
      {
        'a.md':
          '---\ntopic: A.2\nauthor: [Japan, NOR]\nsupporters: [Canada, Chile]\ntitle: New title\ndocument: INF/ECOM/1/Rev.1\nsubmitted: 2023-05-01\n---\n\nEach Party shall [endeavour to] cooperate.\n',
        'b.md': proposal('status: parked\nreason: subject to the discussion on scope'),
        'c.md': proposal('status: merged\nmergedInto: d'),
        'd.md': proposal('', 'Each Party shall cooperate.'),
        'e.md': proposal('noText: true', ''),
      },
      participants,
    )
    expect(diffReport(compareSnapshots(old, next), names).changed).toEqual([
      {
        id: 'a',
        text: false,
        topic: { from: 'A.1', to: 'A.2' },
        title: { from: 'Old title', to: 'New title' },
        document: { from: 'INF/ECOM/1', to: 'INF/ECOM/1/Rev.1' },
        submitted: { from: '2022-01-01', to: '2023-05-01' },
        authors: { added: ['Norway'], removed: [] },
        supporters: { added: ['Chile'], removed: ['Norway'] },
      },
      { id: 'b', text: false, reason: { from: null, to: 'subject to the discussion on scope' } },
      { id: 'c', text: false, status: { from: 'proposed', to: 'merged' }, mergedInto: { from: null, to: 'd' } },
      { id: 'e', text: true, noText: { from: false, to: true } },
    ])
    expect(
      md(old, next)
        .split('\n')
        .filter((line) => line.startsWith('- ')),
    ).toEqual([
      '- **Merged** `c`. Proponent: Japan. Merged into `d`.',
      '- **Changed** `b`. Proponent: Japan. Reason: none → subject to the discussion on scope.',
      '- **Changed** `e`. Proponent: Japan. Now a “no text” alternative. Wording changed:',
      '- **Changed** `a` — New title. Proponents: Japan; Norway. Moved from A.1. Title: Old title → New title. Document: INF/ECOM/1 → INF/ECOM/1/Rev.1. Submitted: 2022-01-01 → 2023-05-01. From supporter to proponent: Norway. Support gained: Chile.',
    ])
  })

  test('renamed: a new id with the same topic and wording (whitespace aside), when exactly one candidate matches; never a "no text" one', () => {
    const old = snapshot({
      'a.md': proposal('supporters: [Canada]'),
      'x.md': proposal('', 'Twin text.'),
      'y.md': proposal('', 'Twin text.'),
      'n.md': proposal('noText: true', ''),
    })
    const next = snapshot({
      'a2.md': proposal('supporters: [Canada, Chile]', 'Each Party shall\n[endeavour to]   cooperate.'),
      'z.md': proposal('', 'Twin text.'),
      'n2.md': proposal('noText: true', ''),
    })
    expect(diffReport(compareSnapshots(old, next), names)).toEqual({
      ...names,
      added: ['n2', 'z'],
      removed: ['n', 'x', 'y'],
      renamed: [{ from: 'a', to: 'a2' }],
      withdrawn: [],
      changed: [{ id: 'a2', text: false, supporters: { added: ['Chile'], removed: [] } }],
    })
    const alone = snapshot({ 'b.md': proposal('') })
    expect(diffReport(compareSnapshots(snapshot({ 'a.md': proposal('') }), alone), names)).toEqual({
      ...names,
      added: [],
      removed: [],
      renamed: [{ from: 'a', to: 'b' }],
      withdrawn: [],
      changed: [],
    })
    expect(md(snapshot({ 'a.md': proposal('') }), alone)).toContain(
      'Proposals: 1 renamed.\n\n## A.1\n\n- **Renamed** `b`. Proponent: Japan. Renamed from `a`.\n',
    )
  })

  test('reordered alternatives: the submitted date, with the new Alt number', () => {
    const old = snapshot({ 'a.md': proposal('submitted: 2022-01-01'), 'b.md': proposal('submitted: 2022-02-01') })
    const next = snapshot({ 'a.md': proposal('submitted: 2022-03-01'), 'b.md': proposal('submitted: 2022-02-01') })
    expect(md(old, next)).toContain('- **Changed** `a`. Proponent: Japan. Submitted: 2022-01-01 → 2022-03-01. Now Alt 2 (was Alt 1).\n')
  })
})

describe('the wording, token by token', () => {
  const wording = (before: string, after: string): string =>
    md(snapshot({ 'a.md': proposal('', before) }), snapshot({ 'a.md': proposal('', after) }))
      .split('\n')
      .filter((line) => line.startsWith('  >'))
      .join('\n')

  test('punctuation apart from words: only what changed is marked', () => {
    expect(wording('Within a period of time (2017).', 'Within a period of time (2017) [and 2018].')).toBe(
      '  > Within a period of time (2017) <ins>[and 2018]</ins>.',
    )
    expect(wording('international frameworks.', 'relevant international frameworks, such as Peppol.')).toBe(
      '  > <ins>relevant</ins> international frameworks<ins>, such as Peppol</ins>.',
    )
    expect(wording('shall [endeavour to] build', 'shall endeavour to build')).toBe('  > shall <del>[</del>endeavour to<del>]</del> build')
    expect(wording('against misleading practices.', 'against fraudulent practices.')).toBe('  > against <del>misleading</del> <ins>fraudulent</ins> practices.')
  })

  test('the context keeps the number of a numbered paragraph', () => {
    const long =
      'Each Party shall endeavour to ensure that measures related to electronic invoicing are designed to support cross-border interoperability and shall cooperate'
    expect(wording(`1. First.\n\n2. ${long} fully.`, `1. First.\n\n2. ${long} closely.`)).toBe(
      '  > 2\\. … designed to support cross-border interoperability and shall cooperate <del>fully</del> <ins>closely</ins>.',
    )
  })

  test('an inserted sentence is marked whole, full stop included', () => {
    expect(wording('Each Party shall cooperate.', 'Each Party shall cooperate. The Parties shall meet.')).toBe(
      '  > Each Party shall cooperate. <ins>The Parties shall meet.</ins>',
    )
  })

  test('shown as written: Markdown in the words does not take effect, a list number at a line start stays text', () => {
    expect(
      wording('1. Each *Party* shall [endeavour to] use [a link](https://a.example) <b>.', '1. Each *Party* shall use [a link](https://b.example) <b>.'),
    ).toBe('  > 1\\. Each \\*Party\\* shall <del>[endeavour to]</del> use [a link]\\(https\\://<del>a.example</del><ins>b.example</ins>) \\<b>.')
  })

  test('re-wrapping and whitespace are no change', () => {
    const old = snapshot({ 'a.md': proposal('', 'Each Party shall [endeavour to]\ncooperate.') })
    const next = snapshot({ 'a.md': proposal('', 'Each   Party shall\n\t[endeavour to] cooperate.') })
    expect(diffReport(compareSnapshots(old, next), names).changed).toEqual([])
  })
})
