/** The command line in-process: exit codes, --check, nothing written on errors, determinism. */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { run } from './helpers/run.js'
import { workspace } from './helpers/scratch.js'

/** The compiled CLI (built from the sources before the tests run). */
const BIN = path.join(import.meta.dirname, '..', 'bin', 'consolidate.js')

const GOOD: Record<string, string> = {
  'consolidate.yaml':
    'title: Test Text\nsymbol: INF/TEST/1\ndate: 2026-01-15\noutline:\n  - id: A\n    title: Section\n    topics:\n      - { id: A.1, title: First }\n      - { id: A.2, title: Second }\n',
  'proposals/one.md': '---\ntopic: A.1\nauthor: Japan\nsupporters: [Chile]\n---\n\nEach Party shall [endeavour to] act.\n',
  'proposals/two.md': '---\ntopic: A.1\nauthor: Chile\nsubmitted: 2020-01-01\n---\n\nEach Party may act.\n',
  'proposals/sub/three.md': '---\ntopic: A.2\nauthor: Kenya\nstatus: stabilized\n---\n\nAgreed text.\n',
}

describe('build', () => {
  test('writes both outputs and exits 0', async () => {
    const root = workspace(GOOD)
    const result = await run(['build', '--root', root])
    expect(result.code).toBe(0)
    expect(readdirSync(path.join(root, 'out')).sort()).toEqual(['.consolidate-manifest.json', 'consolidated.md', 'stocktaking.md'])
    const text = readFileSync(path.join(root, 'out', 'consolidated.md'), 'utf8')
    expect(text).toContain('<!-- proposal: two -->\n\n**Alt 1**\n\n[Each Party may act.]')
    expect(text).toContain('<!-- proposal: one -->\n\n**Alt 2**\n\n[Each Party shall [endeavour to] act.]')
    expect(text).toContain('<!-- proposal: three -->\n\nAgreed text.\n\nProponent: Kenya. Supporters: none.\n\n<!-- /proposal: three -->')
    expect(result.stderr).toBe(
      'consolidate: wrote ' +
        path.relative(process.cwd(), path.join(root, 'out', 'consolidated.md')) +
        ', ' +
        path.relative(process.cwd(), path.join(root, 'out', 'stocktaking.md')) +
        ' (3 proposals in the text, 2 referred to stocktaking, 0 withdrawn)\n',
    )
  })

  test('inputs with errors: diagnostics, exit 1, nothing written, previous output kept', async () => {
    const root = workspace(GOOD)
    expect((await run(['build', '--root', root])).code).toBe(0)
    const before = readFileSync(path.join(root, 'out', 'consolidated.md'), 'utf8')
    writeFileSync(path.join(root, 'proposals', 'bad.md'), '---\ntopic: A.9\nauthor: Japan\n---\n\nText [unclosed.\n')
    const result = await run(['build', '--root', root])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('proposals/bad.md')
    expect(result.stderr).toContain('2:8')
    expect(result.stderr).toContain('unknown-topic')
    expect(result.stderr).toContain('6:6')
    expect(result.stderr).toContain('unbalanced-brackets')
    expect(result.stderr).toContain('nothing was written')
    expect(readFileSync(path.join(root, 'out', 'consolidated.md'), 'utf8')).toBe(before)
    expect(readdirSync(path.join(root, 'out')).sort()).toEqual(['.consolidate-manifest.json', 'consolidated.md', 'stocktaking.md'])
  })

  test('an invalid consolidate.yaml is an input error (exit 1) at its place', async () => {
    const root = workspace({ ...GOOD, 'consolidate.yaml': 'title: x\nstocktaking:\n  threshold: many\n' })
    const result = await run(['build', '--root', root])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('consolidate.yaml')
    expect(result.stderr).toContain('3:14')
    expect(result.stderr).toContain('invalid-config')
    expect(existsSync(path.join(root, 'out'))).toBe(false)
  })

  test('--check: exit 1 when output is missing or stale, 0 when up to date; never writes', async () => {
    const root = workspace(GOOD)
    const missing = await run(['build', '--root', root, '--check'])
    expect(missing.code).toBe(1)
    expect(existsSync(path.join(root, 'out'))).toBe(false)
    expect((await run(['build', '--root', root])).code).toBe(0)
    expect((await run(['build', '--root', root, '--check'])).code).toBe(0)
    writeFileSync(path.join(root, 'proposals', 'two.md'), GOOD['proposals/two.md'].replace('may', 'shall'))
    const stale = await run(['build', '--root', root, '--check'])
    expect(stale.code).toBe(1)
    expect(stale.stderr).toContain('out of date')
    expect(stale.stderr).toContain('consolidated.md')
    expect(stale.stderr).not.toContain('stocktaking.md')
  })

  test('--out elsewhere, and the output never lands in proposals/', async () => {
    const root = workspace(GOOD)
    const out = path.join(root, 'elsewhere')
    expect((await run(['build', '--root', root, '--out', out])).code).toBe(0)
    expect(readdirSync(out).sort()).toEqual(['.consolidate-manifest.json', 'consolidated.md', 'stocktaking.md'])
    const refused = await run(['build', '--root', root, '--out', path.join(root, 'proposals', 'x')])
    expect(refused.code).toBe(2)
    expect(existsSync(path.join(root, 'proposals', 'x'))).toBe(false)
  })

  test('leaves no temporary files behind', async () => {
    const root = workspace(GOOD)
    await run(['build', '--root', root])
    await run(['build', '--root', root])
    expect(readdirSync(path.join(root, 'out')).sort()).toEqual(['.consolidate-manifest.json', 'consolidated.md', 'stocktaking.md'])
  })

  test('same inputs created in another order, another clock, locale and time zone: byte-identical outputs', async () => {
    const first = workspace(GOOD)
    const second = workspace(GOOD, Object.keys(GOOD).reverse())
    await run(['build', '--root', first, '--format', 'md,html,docx'])
    await new Promise((resolve) => setTimeout(resolve, 20))
    // A child process: the locale and time zone are the process's own, not an option.
    const child = spawnSync(process.execPath, [BIN, 'build', '--root', second, '--format', 'md,html,docx'], {
      encoding: 'utf8',
      env: { ...process.env, LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8', TZ: 'Pacific/Kiritimati', CI: '1' },
    })
    expect(child.status, child.stderr).toBe(0)
    for (const name of ['consolidated.md', 'stocktaking.md', 'consolidated.html', 'consolidated.docx', '.consolidate-manifest.json']) {
      expect(readFileSync(path.join(second, 'out', name)).equals(readFileSync(path.join(first, 'out', name))), name).toBe(true)
    }
  })
})

describe('usage errors exit 2', () => {
  test.each([
    [['frobnicate']],
    [['build', '--no-such-flag']],
    [['build', '--format', 'pdf']],
    [['build', '--lang', 'de']],
    [['stocktake', '--threshold', 'zero']],
    [['check', '--format', 'xml']],
    [['diff', 'only-one']],
    [[]],
  ])('%j', async (args) => {
    const root = workspace(GOOD)
    expect((await run(args, { cwd: root })).code).toBe(2)
  })

  test('a root that does not exist', async () => {
    const result = await run(['build', '--root', '/no/such/folder'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('/no/such/folder')
  })

  test('a --config that cannot be read', async () => {
    const root = workspace(GOOD)
    const result = await run(['check', '--root', root, '--config', 'missing.yaml'], { cwd: root })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('missing.yaml')
  })

  test('an unknown --group lists the groups', async () => {
    const root = workspace({ ...GOOD, 'consolidate.yaml': `${GOOD['consolidate.yaml']}groups:\n  - { name: Firsts, topics: [A.1] }\n` })
    const result = await run(['build', '--root', root, '--group', 'Seconds'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('"Firsts"')
  })

  test('--help and --version exit 0', async () => {
    expect((await run(['--help'])).code).toBe(0)
    expect((await run(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
  })
})

describe('stocktake', () => {
  test('json as the reference, The stocktaking report; --threshold overrides the config', async () => {
    const root = workspace(GOOD)
    const result = await run(['stocktake', '--root', root, '--format', 'json'])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({
      threshold: 3,
      proposals: [
        { id: 'two', file: 'proposals/two.md', topic: 'A.1', title: 'First', authors: ['Chile'], supporters: [], support: 0, level: 'none' },
        { id: 'one', file: 'proposals/one.md', topic: 'A.1', title: 'First', authors: ['Japan'], supporters: ['Chile'], support: 1, level: 'limited' },
      ],
    })
    const lower = JSON.parse((await run(['stocktake', '--root', root, '--format', 'json', '--threshold', '1'])).stdout)
    expect(lower.threshold).toBe(1)
    expect(lower.proposals.map((p: { id: string }) => p.id)).toEqual(['two'])
  })

  test('inputs with errors: exit 1, nothing on stdout', async () => {
    const root = workspace({ ...GOOD, 'proposals/bad.md': 'no front matter' })
    const result = await run(['stocktake', '--root', root])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('no-front-matter')
  })
})

test("the sample negotiation's committed text is up to date (what the shipped CI workflow checks)", async () => {
  const result = await run(['build', '--check', '--root', path.join(import.meta.dirname, '..')])
  expect(result.stderr).toContain('up to date')
  expect(result.code).toBe(0)
})

test('the build summary counts in words that agree', async () => {
  const root = workspace({ 'proposals/only.md': '---\ntopic: A.1\nauthor: Japan\n---\n\nText.\n' })
  const result = await run(['build', '--root', root], { cwd: root })
  expect(result.stderr).toBe('consolidate: wrote out/consolidated.md, out/stocktaking.md (1 proposal in the text, 1 referred to stocktaking, 0 withdrawn)\n')
})

test("a publication set says each count once: the stocktaking report's is the text's", async () => {
  const root = workspace({
    'consolidate.yaml': 'outline:\n  - id: A.1\n    title: Scope\npublish:\n  views: [consolidated, clean, stocktaking]\n  formats: [md]\n',
    'proposals/only.md': '---\ntopic: A.1\nauthor: Japan\n---\n\nText.\n',
  })
  const result = await run(['build', '--root', root], { cwd: root })
  expect(result.stderr).toBe(
    'consolidate: wrote out/consolidated.md, out/stocktaking.md, out/clean.md (1 proposal in the text, 1 referred to stocktaking, 0 withdrawn; 0 articles)\n',
  )
})
