/**
 * The parser threads: results in order, one per file; a file that overruns
 * its deadline or nests too deeply is `too-complex` and the others are still
 * parsed, by a replacement thread when the overrunning one was terminated.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { ParsePool, type ParseInput } from '../src/threads/pool.js'
import { DEFAULT_LIMITS, type ParseResult } from '../src/types.js'

const pools: ParsePool[] = []
afterAll(() => Promise.all(pools.map((pool) => pool.close())))

function pool(options: ConstructorParameters<typeof ParsePool>[0]): ParsePool {
  const created = new ParsePool(options)
  pools.push(created)
  return created
}

function proposal(name: string, body: string): ParseInput {
  return { name: `proposals/${name}`, bytes: new TextEncoder().encode(`---\ntopic: A.1\nauthor: Japan\n---\n\n${body}\n`) }
}

/** What a test compares: the id parsed, or the rules and messages reported. */
function outcome(result: ParseResult): string | Array<{ rule: string; line: number; column: number; message: string }> {
  if (result.proposal) return result.proposal.id
  return result.diagnostics.map(({ rule, line, column, message }) => ({ rule, line, column, message }))
}

const HINT = 'simplify the Markdown (deeply nested block quotes, lists or emphasis, long runs of `_`, `*` or `~`)'

describe('ParsePool', () => {
  test('gives one result per file, in the order of the files, across threads', async () => {
    const files = Array.from({ length: 60 }, (_, index) => proposal(`order-${String(index).padStart(2, '0')}.md`, `Text ${index} [shall] apply.`))
    const results = await pool({ size: 2 }).parse(files, DEFAULT_LIMITS)
    expect(results.map(outcome)).toEqual(files.map((_, index) => `order-${String(index).padStart(2, '0')}`))
  })

  test('reports a file that overruns limits.parseSeconds and parses the rest on a new thread', async () => {
    const slow = proposal('slow.md', `The Parties ${'_a '.repeat(2000)}${'a_ '.repeat(2000)}`)
    const files = [proposal('before.md', 'Before.'), slow, proposal('after-1.md', 'After [one].'), proposal('after-2.md', 'After two.')]
    const results = await pool({ size: 1 }).parse(files, { ...DEFAULT_LIMITS, parseSeconds: 0.5 })
    expect(results.map(outcome)).toEqual([
      'before',
      [
        {
          rule: 'too-complex',
          line: 1,
          column: 1,
          message: `parsing the file took longer than 0.5 seconds (limits.parseSeconds in consolidate.yaml) and was stopped; ${HINT}, or raise the limit`,
        },
      ],
      'after-1',
      'after-2',
    ])
  })

  test('reports a file nested too deeply for the stack', async () => {
    const files = [proposal('deep.md', `${'>'.repeat(3000)} a`), proposal('flat.md', 'Flat.')]
    const results = await pool({ size: 1, resourceLimits: { stackSizeMb: 0.5 } }).parse(files, { ...DEFAULT_LIMITS, parseSeconds: 60 })
    expect(results.map(outcome)).toEqual([[{ rule: 'too-complex', line: 1, column: 1, message: `the file nests Markdown too deeply to be parsed; ${HINT}` }], 'flat'])
  })

  test('parses bytes given instead of a path (a file of a git revision)', async () => {
    const bytes = new TextEncoder().encode('---\ntopic: A.1\nauthor: Japan\n---\n\nFrom history.\n')
    const slow = new TextEncoder().encode(`---\ntopic: A.1\nauthor: Japan\n---\n\n${'_a '.repeat(2000)}${'a_ '.repeat(2000)}\n`)
    const results = await pool({ size: 1 }).parse([{ name: 'proposals/old.md', bytes }, { name: 'proposals/slow.md', bytes: slow }], { ...DEFAULT_LIMITS, parseSeconds: 0.5 })
    expect(results.map(outcome)).toEqual(['old', [{ rule: 'too-complex', line: 1, column: 1, message: `parsing the file took longer than 0.5 seconds (limits.parseSeconds in consolidate.yaml) and was stopped; ${HINT}, or raise the limit` }]])
  })

  test('is reused across runs, as a watch rebuild reuses it', async () => {
    const reused = pool({ size: 1 })
    expect((await reused.parse([proposal('first.md', 'First.')], DEFAULT_LIMITS)).map(outcome)).toEqual(['first'])
    expect((await reused.parse([], DEFAULT_LIMITS)).map(outcome)).toEqual([])
    expect((await reused.parse([proposal('second.md', 'Second.')], DEFAULT_LIMITS)).map(outcome)).toEqual(['second'])
  })
})

test('the compiled CLI reports too-complex, checks the other files and exits: idle parser threads never hold the process', () => {
  // Runs the compiled CLI: `npm test` compiles before testing.
  const root = path.join(import.meta.dirname, 'fixtures', 'too-complex')
  const result = spawnSync(process.execPath, [path.join(import.meta.dirname, '..', 'bin', 'consolidate.js'), 'check', '--root', root, '--format', 'json'], { encoding: 'utf8', timeout: 50_000 })
  expect(result.signal).toBe(null)
  expect(result.status).toBe(1)
  expect(JSON.parse(result.stdout).map((diagnostic: { file: string; rule: string }) => `${diagnostic.file} ${diagnostic.rule}`)).toEqual([
    'proposals/b-emphasis.md too-complex',
    'proposals/c-no-topic.md missing-topic',
  ])
})
