/**
 * Golden fixtures: each folder of test/fixtures is a workspace (or points at
 * one with fixture.json) and holds its expected outputs in expected/.
 * `UPDATE=1 npx vitest run test/fixtures.test.ts` rewrites missing or changed golden files;
 * a golden file changes only in a commit that says why.
 *
 * fixture.json (optional): { "root": "relative/path", "build": ["--lang", "fr"], "stocktake": [...] }
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, onTestFinished, test } from 'vitest'
import { run } from './helpers/run.js'

const fixtures = path.join(import.meta.dirname, 'fixtures')
const update = Boolean(process.env.UPDATE)

interface FixtureOptions {
  root?: string
  build?: string[]
  stocktake?: string[]
}

function golden(file: string, actual: string): void {
  if (update || !existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, actual)
  }
  expect(actual, path.relative(fixtures, file)).toBe(readFileSync(file, 'utf8'))
}

describe.each(readdirSync(fixtures).filter((name) => ['expected', 'proposals', 'fixture.json'].some((entry) => existsSync(path.join(fixtures, name, entry)))).sort())('fixture %s', (name) => {
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
    const out = mkdtempSync(path.join(tmpdir(), 'consolidate-fixture-'))
    onTestFinished(() => rmSync(out, { recursive: true, force: true }))
    const result = await run(['build', '--root', root, '--out', out, ...(options.build ?? [])])
    const failed = JSON.parse(readFileSync(path.join(expected, 'check.json'), 'utf8')).some((d: { severity: string }) => d.severity === 'error')
    expect(result.code, result.stderr).toBe(failed ? 1 : 0)
    const written = readdirSync(out).sort()
    if (failed) {
      expect(written).toEqual([])
      return
    }
    for (const file of written) golden(path.join(expected, file), readFileSync(path.join(out, file), 'utf8'))
  })

  test('stocktake --format json', async () => {
    const result = await run(['stocktake', '--root', root, '--format', 'json', ...(options.stocktake ?? [])])
    if (result.code !== 0) return expect(result.stdout).toBe('')
    golden(path.join(expected, 'stocktake.json'), result.stdout)
  })
})
