/** The pure core of `diff`: proposals from strings in, differences and Markdown out. */
import { describe, expect, test } from 'vitest'
import { parseConfig } from '../src/parse/config.js'
import { compareSnapshots, diffReport, type Snapshot } from '../src/revisions/compare.js'
import { renderDiff } from '../src/render/diff.js'
import { parseProposal } from '../src/parse/proposal.js'

function snapshot(files: Record<string, string>, config = ''): Snapshot {
  return {
    config: parseConfig('consolidate.yaml', config).config,
    proposals: Object.entries(files).map(([name, text]) => parseProposal(`proposals/${name}`, text).proposal!),
  }
}

const proposal = (fields: string, body = 'Each Party shall [endeavour to] cooperate.'): string => `---\ntopic: A.1\nauthor: Japan\n${fields}\n---\n\n${body}\n`

describe('compareSnapshots', () => {
  test('a reinstated proposal and a stabilized one reopened are status changes; names resolve with each side\'s participants', () => {
    const participants = 'participants:\n  - { name: Japan, code: JPN }\n  - { name: Canada, code: CAN, aliases: [Kanada] }\n'
    const old = snapshot({ 'a.md': proposal('status: withdrawn'), 'b.md': proposal('status: stabilized\nsupporters: [Kanada]') }, participants)
    const next = snapshot({ 'a.md': proposal('status: proposed'), 'b.md': proposal('status: proposed\nsupporters: [CAN, JPN]') }, participants)
    expect(diffReport(compareSnapshots(old, next))).toEqual({
      added: [],
      removed: [],
      withdrawn: [],
      changed: [
        { id: 'a', text: false, status: { from: 'withdrawn', to: 'proposed' } },
        { id: 'b', text: false, status: { from: 'stabilized', to: 'proposed' } },
      ],
    })
    expect(renderDiff(compareSnapshots(old, next), old, next, { names: { old: 'v1', new: 'v2' } })).toBe(
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
    expect(diffReport(compareSnapshots(old, next))).toEqual({ added: [], removed: [], withdrawn: ['a'], changed: [{ id: 'b', text: true }] })
  })

  test('wording shown as written: Markdown in the words does not take effect, a list number at a line start stays text', () => {
    const old = snapshot({ 'a.md': proposal('', '1. Each *Party* shall [endeavour to] use [a link](https://a.example) <b>.') })
    const next = snapshot({ 'a.md': proposal('', '1. Each *Party* shall use [a link](https://b.example) <b>.') })
    expect(renderDiff(compareSnapshots(old, next), old, next, { names: { old: 'v1', new: 'v2' } }).split('\n').at(-2)).toBe(
      '  > 1\\. Each \\*Party\\* shall ~~[endeavour to]~~ use [a ~~link]\\(https\\://a.example)~~ **link]\\(https\\://b.example)** \\<b>.',
    )
  })
})
