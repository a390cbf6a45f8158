/** Who is behind a text (SPEC §15): workspaces without attributions, groups and observers in support. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { assemble, supportOf } from '../src/assemble/negotiation.js'
import { Participants } from '../src/model/participants.js'
import { parseConfig } from '../src/parse/config.js'
import { parseProposal } from '../src/parse/proposal.js'
import { run } from './helpers/run.js'
import { workspace } from './helpers/scratch.js'

const UNATTRIBUTED = 'title: Draft agreement\nattribution: false\noutline:\n  - { id: S3, title: Mitigation }\n'

describe('attribution: false', () => {
  test('new takes no --author, and writes no author line', async () => {
    const root = workspace({ 'consolidate.yaml': UNATTRIBUTED })
    const created = await run(['new', '--root', root, '--topic', 'S3', '--submitted', '2015-02-12'])
    expect(created).toEqual({ code: 0, stdout: `${path.relative(process.cwd(), path.join(root, 'proposals', 's3.md'))}\n`, stderr: '' })
    expect(readFileSync(path.join(root, 'proposals', 's3.md'), 'utf8')).not.toMatch(/^author:/m)
    expect(await run(['check', '--root', root, '--format', 'json'])).toMatchObject({ code: 0 })
    expect(await run(['new', '--root', root, '--topic', 'S3', '--author', 'Brazil'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'consolidate: this workspace keeps no attributions (`attribution: false` in consolidate.yaml): a proposal has no author, so leave out --author\n',
    })
  })

  test('a workspace with attributions still needs --author', async () => {
    const root = workspace({ 'consolidate.yaml': 'title: Text\n' })
    expect(await run(['new', '--root', root, '--topic', 'S3'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "consolidate: required option '--author <name>' not specified: the participant tabling the proposal, e.g. --author Japan\n",
    })
  })

  test('stocktake says there is no report, exit 2', async () => {
    const root = workspace({ 'consolidate.yaml': UNATTRIBUTED, 'proposals/s3.md': '---\ntopic: S3\n---\n\nParties aim to act.\n' })
    expect(await run(['stocktake', '--root', root])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'consolidate: this workspace keeps no attributions (`attribution: false` in consolidate.yaml): no text has proponents or supporters, so nothing is referred to stocktaking and there is no stocktaking report\n',
    })
  })

  test('nothing is referred; an author given is kept', () => {
    const { config } = parseConfig('consolidate.yaml', UNATTRIBUTED)
    const proposals = ['', 'author: Brazil\n'].map(
      (author, index) => parseProposal(`proposals/p${index}.md`, `---\ntopic: S3\n${author}---\n\nParties aim to act.\n`).proposal!,
    )
    const placed = assemble(proposals, config).topics[0].placements
    expect(placed.map((placement) => [placement.proposal.id, placement.authors, placement.referred])).toEqual([
      ['p0', [], false],
      ['p1', ['Brazil'], false],
    ])
  })
})

describe('support', () => {
  const { config } = parseConfig(
    'consolidate.yaml',
    'participants:\n  - { name: African Group, code: AFG, members: [EGY, KEN, NGA] }\n  - { name: ACP Group, code: ACP, members: [] }\n  - { name: Egypt, code: EGY }\n  - { name: Kenya, code: KEN }\n  - { name: Nigeria, code: NGA }\n  - { name: Japan, code: JPN }\n  - { name: IUCN, observer: true }\n',
  )
  const participants = new Participants(config.participants)
  const support = (authors: string[], supporters: string[]): number =>
    supportOf(
      {
        authors: authors.map((value) => ({ value, place: { line: 1, column: 1 } })),
        supporters: supporters.map((value) => ({ value, place: { line: 1, column: 1 } })),
      },
      participants,
    )

  test.each([
    [['Japan'], [], 0],
    [['Japan', 'Kenya'], ['Egypt'], 2],
    [['AFG'], [], 2],
    [['AFG'], ['Kenya', 'KEN'], 2],
    [['Kenya'], ['AFG'], 2],
    [['ACP'], [], 0],
    [['ACP'], ['Japan'], 1],
    [['IUCN'], ['Japan'], 1],
    [['IUCN'], [], 0],
    [['Japan'], ['IUCN'], 0],
    [[], ['Japan', 'Kenya'], 2],
  ])('%j supported by %j: %i', (authors, supporters, expected) => {
    expect(support(authors, supporters)).toBe(expected)
  })
})
