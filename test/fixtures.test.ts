/**
 * Golden fixtures: each folder of test/fixtures is a workspace (or points at
 * one with fixture.json) and holds its expected outputs in expected/.
 * `UPDATE=1 npx vitest run test/fixtures.test.ts` rewrites missing or changed golden files;
 * a golden file changes only in a commit that says why.
 *
 * fixture.json (optional): { "root": "relative/path", "build": ["--lang", "fr"], "stocktake": [...], "stats": [...] }
 * (`stats`, when given, adds `stats --format json` with those arguments: expected/stats.json).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { golden, goldenFolder, withoutStyleSheet } from './helpers/golden.js'
import { run } from './helpers/run.js'
import { scratch } from './helpers/scratch.js'

const fixtures = path.join(import.meta.dirname, 'fixtures')

interface FixtureOptions {
  root?: string
  build?: string[]
  stocktake?: string[]
  stats?: string[]
}

/** Golden files of a fixture that are not outputs of its build. */
const REPORTS = ['check.json', 'stocktake.json', 'stats.json']

describe.each(
  readdirSync(fixtures)
    .filter((name) => ['expected', 'proposals', 'fixture.json'].some((entry) => existsSync(path.join(fixtures, name, entry))))
    .sort(),
)('fixture %s', (name) => {
  const folder = path.join(fixtures, name)
  const options: FixtureOptions = existsSync(path.join(folder, 'fixture.json')) ? JSON.parse(readFileSync(path.join(folder, 'fixture.json'), 'utf8')) : {}
  const root = path.resolve(folder, options.root ?? '.')
  const expected = path.join(folder, 'expected')

  test('check --format json', async () => {
    const result = await run(['check', '--root', root, '--format', 'json'])
    golden(path.join(expected, 'check.json'), result.stdout)
    const diagnostics = JSON.parse(result.stdout) as Array<{ severity: string }>
    expect(result.code).toBe(diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? 1 : 0)
  })

  test('build', async () => {
    const out = scratch('consolidate-fixture-')
    const result = await run(['build', '--root', root, '--out', out, ...(options.build ?? [])])
    const failed = JSON.parse(readFileSync(path.join(expected, 'check.json'), 'utf8')).some((d: { severity: string }) => d.severity === 'error')
    expect(result.code, result.stderr).toBe(failed ? 1 : 0)
    if (failed) expect(readdirSync(out)).toEqual([])
    // The whole folder: an output that stops being written fails, as does one that appears.
    goldenFolder(expected, out, { keep: REPORTS, normalise: withoutStyleSheet })
  })

  test('stocktake --format json', async () => {
    const result = await run(['stocktake', '--root', root, '--format', 'json', ...(options.stocktake ?? [])])
    if (result.code !== 0) return expect(result.stdout).toBe('')
    golden(path.join(expected, 'stocktake.json'), result.stdout)
  })

  test.runIf(options.stats !== undefined)('stats --format json', async () => {
    const result = await run(['stats', '--root', root, '--format', 'json', ...(options.stats ?? [])])
    if (result.code !== 0) return expect(result.stdout).toBe('')
    golden(path.join(expected, 'stats.json'), result.stdout)
  })
})
