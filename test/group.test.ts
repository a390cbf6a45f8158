import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { groupSlug } from '../src/model/language.js'
import { run } from './helpers/run.js'
import { workspace as scratchWorkspace } from './helpers/scratch.js'
import { scratch } from './helpers/scratch.js'

const workspace = path.join(import.meta.dirname, 'diff-fixtures', 'every-kind', 'new')
const noConfig = path.join(import.meta.dirname, 'fixtures', 'no-config')
const temporary = (): string => scratch('consolidate-group-')

describe('build --group', () => {
  test('an unknown group is a usage error that lists the groups (exit 2), and nothing is written', async () => {
    const out = temporary()
    const result = await run(['build', '--root', workspace, '--out', out, '--group', 'E-invoice'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      'consolidate: unknown group "E-invoice" for --group; the groups are "E-invoicing", "Trust and digital trade"; did you mean "E-invoicing"?\n',
    )
    expect(readdirSync(out)).toEqual([])
  })

  test('without any groups configured, the error says so', async () => {
    const result = await run(['build', '--root', noConfig, '--out', temporary(), '--group', 'E-invoicing'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('consolidate: unknown group "E-invoicing" for --group; consolidate.yaml defines no `groups`\n')
  })

  test("a group's extract is written next to the full text, never over it; --check compares the extract", async () => {
    const out = temporary()
    expect((await run(['build', '--root', workspace, '--out', out])).code).toBe(0)
    const full = readFileSync(path.join(out, 'consolidated.md'), 'utf8')
    const group = await run(['build', '--root', workspace, '--out', out, '--group', 'E-invoicing'], { cwd: out })
    expect(group.code, group.stderr).toBe(0)
    expect(group.stderr).toContain(
      'consolidate: wrote consolidated-e-invoicing.md, stocktaking-e-invoicing.md (2 proposals in the text, 1 referred to stocktaking, 0 withdrawn)\n',
    )
    expect(readdirSync(out).sort()).toEqual([
      '.consolidate-manifest.json',
      'consolidated-e-invoicing.md',
      'consolidated.md',
      'stocktaking-e-invoicing.md',
      'stocktaking.md',
    ])
    expect(readFileSync(path.join(out, 'consolidated.md'), 'utf8')).toBe(full)
    const check = await run(['build', '--root', workspace, '--out', out, '--group', 'E-invoicing', '--check'], { cwd: out })
    expect(check).toEqual({
      code: 0,
      stdout: '',
      stderr: expect.stringContaining('consolidate: up to date: consolidated-e-invoicing.md, stocktaking-e-invoicing.md\n'),
    })
    const other = await run(['build', '--root', workspace, '--out', out, '--group', 'Trust and digital trade', '--check'], { cwd: out })
    expect(other.code).toBe(1)
    expect(other.stderr).toContain(
      `consolidate: missing (never built): consolidated-trust-and-digital-trade.md, stocktaking-trust-and-digital-trade.md; run \`consolidate build --root ${workspace} --out ${out} --group 'Trust and digital trade'\`\n`,
    )
    // Without flags, --check checks every build the manifest records: the full text and the group's extract.
    const all = await run(['build', '--root', workspace, '--out', out, '--check'], { cwd: out })
    expect(all).toEqual({
      code: 0,
      stdout: '',
      stderr: expect.stringContaining('consolidate: up to date: consolidated-e-invoicing.md, stocktaking-e-invoicing.md, consolidated.md, stocktaking.md\n'),
    })
    writeFileSync(path.join(out, 'consolidated-e-invoicing.md'), 'edited by hand\n')
    const stale = await run(['build', '--root', workspace, '--out', out, '--check'], { cwd: out })
    expect(stale.code).toBe(1)
    expect(stale.stderr).toContain(
      `consolidate: out of date: consolidated-e-invoicing.md; run \`consolidate build --root ${workspace} --out ${out} --group E-invoicing\` to update\n`,
    )
  })
})

test('groupSlug', () => {
  expect(['E-invoicing', 'Trust and digital trade', 'Données & vie privée', '  ', '电子商务'].map(groupSlug)).toEqual([
    'e-invoicing',
    'trust-and-digital-trade',
    'donnees-vie-privee',
    'group',
    '电子商务',
  ])
})

describe('group names that would write the same files, or files too long to write', () => {
  test('"Trade facilitation" and "trade-facilitation!" are an error in check, not one extract silently over the other', async () => {
    const root = scratchWorkspace({
      'consolidate.yaml':
        'outline:\n  - { id: A.1 }\ngroups:\n  - { name: Trade facilitation, topics: [A.1] }\n  - { name: "trade-facilitation!", topics: [A.1] }\n',
      'proposals/a.md': '---\ntopic: A.1\nauthor: Japan\n---\n\nText.\n',
    })
    const result = await run(['check', '--root', root, '--format', 'json'])
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout)).toEqual([
      {
        file: 'consolidate.yaml',
        line: 5,
        column: 5,
        severity: 'error',
        rule: 'invalid-config',
        message:
          'the groups "Trade facilitation" and "trade-facilitation!" would both be written to consolidated-trade-facilitation.md (file names keep only letters and digits of a group\'s name); name them apart, e.g. "trade-facilitation! 2"',
      },
    ])
  })

  test('a 240-character group name builds, its file name cut at a word', async () => {
    const name = `${'Electronic transactions and '.repeat(8)}paperless trading`
    const root = scratchWorkspace({
      'consolidate.yaml': `outline:\n  - { id: A.1 }\ngroups:\n  - { name: "${name}", topics: [A.1] }\n`,
      'proposals/a.md': '---\ntopic: A.1\nauthor: Japan\n---\n\nText.\n',
    })
    const result = await run(['build', '--root', root, '--group', name])
    expect(result.code, result.stderr).toBe(0)
    expect(readdirSync(path.join(root, 'out')).sort()).toEqual([
      '.consolidate-manifest.json',
      'consolidated-electronic-transactions-and-electronic-transactions-and.md',
      'stocktaking-electronic-transactions-and-electronic-transactions-and.md',
    ])
  })
})
