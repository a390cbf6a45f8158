/**
 * The thread pool: results in order, one per job; a job that overruns its
 * deadline, nests too deeply or runs its thread out of memory is answered by
 * its own `overrun` and the others still run, on a replacement thread when the
 * overrunning one was terminated. The pool knows no stage: it runs the jobs of
 * any script's handlers (test/helpers/thread-script.cjs), and the parser's
 * (`parse` jobs) like any other.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { parseOnThreads, type ParseInput } from '../src/parse/jobs.js'
import { ThreadPool, type Job, type JobInput, type Overrun, type PoolOptions } from '../src/threads/pool.js'
import { DEFAULT_LIMITS, type ParseResult } from '../src/types.js'

const pools: Array<ThreadPool<TestJobs> | ThreadPool> = []
afterAll(() => Promise.all(pools.map((pool) => pool.close())))

function pool(options: PoolOptions): ThreadPool {
  const created = new ThreadPool(options)
  pools.push(created)
  return created
}

/** The jobs of test/helpers/thread-script.cjs. */
interface TestJobs {
  echo: { input: { text: string }; output: Answer }
  later: { input: { text: string }; output: Answer }
  spin: { input: null; output: Answer }
  deep: { input: null; output: Answer }
  fail: { input: { text: string }; output: Answer }
  hog: { input: null; output: Answer }
}
type Answer = { echoed?: string; thread?: number; overrun?: Overrun }

const SCRIPT = new URL('helpers/thread-script.cjs', import.meta.url)

function testPool(options: PoolOptions = {}): ThreadPool<TestJobs> {
  const created = new ThreadPool<TestJobs>({ script: SCRIPT, ...options })
  pools.push(created)
  return created
}

function job<K extends keyof TestJobs>(kind: K, input: JobInput<K, TestJobs>, seconds = 30): Job<K, TestJobs> {
  return { kind, input, seconds, overrun: (overrun) => ({ overrun }) }
}

describe('ThreadPool', () => {
  test("runs the jobs of any script, in order, across threads, each answer the job's own", async () => {
    const texts = Array.from({ length: 80 }, (_, index) => `job ${index}`)
    const results = await testPool({ size: 2 }).run(texts.map((text, index) => (index % 3 === 0 ? job('later', { text }) : job('echo', { text }))))
    expect(results.map((result) => result.echoed)).toEqual(texts)
    // 80 jobs are enough for a second thread (one per 24 waiting jobs, at most `size`).
    expect(new Set(results.flatMap((result) => (result.thread === undefined ? [] : [result.thread]))).size).toBe(2)
  })

  test('answers a job past its deadline with its overrun and runs the rest on a new thread', async () => {
    const results = await testPool({ size: 1 }).run([
      job('echo', { text: 'before' }),
      job('spin', null, 0.3),
      job('echo', { text: 'after 1' }),
      job('echo', { text: 'after 2' }),
    ])
    expect(results.map((result) => result.echoed ?? result.overrun)).toEqual(['before', { seconds: 0.3 }, 'after 1', 'after 2'])
  })

  test('answers a job that overflows the stack with its overrun, on the same thread', async () => {
    const results = await testPool({ size: 1 }).run([job('echo', { text: 'a' }), job('deep', null), job('echo', { text: 'b' })])
    expect(results.map((result) => result.echoed ?? result.overrun)).toEqual(['a', 'nesting', 'b'])
    expect(results[0].thread).toBe(results[2].thread)
  })

  test('answers a job that runs its thread out of memory with its overrun', async () => {
    const results = await testPool({ size: 1, resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 } }).run([
      job('hog', null),
      job('echo', { text: 'after' }),
    ])
    expect(results.map((result) => result.echoed ?? result.overrun)).toEqual(['memory', 'after'])
  })

  test('rejects a job whose handler throws, with the error, and still runs the others', async () => {
    const used = testPool({ size: 1 })
    await expect(used.run([job('fail', { text: 'this' })])).rejects.toThrow(/^a thread failed: Error: refused this/)
    expect((await used.run([job('echo', { text: 'next' })])).map((result) => result.echoed)).toEqual(['next'])
  })

  test('rejects a job of a kind the script has no handler for', async () => {
    // A kind outside the registry: what a stale bundle would meet.
    const unknown: Job<'echo', TestJobs> = { ...job('echo', { text: 'x' }), kind: 'nonesuch' as 'echo' }
    await expect(testPool({ size: 1 }).run([unknown])).rejects.toThrow('a thread failed: Error: the thread has no handler for jobs of kind nonesuch')
  })

  test('rejects every job when its threads cannot start (a script without handlers)', async () => {
    const broken = testPool({ size: 1, script: new URL('helpers/no-handlers.cjs', import.meta.url) })
    await expect(broken.run([job('echo', { text: 'a' }), job('echo', { text: 'b' })])).rejects.toThrow(/no-handlers\.cjs exports no handlers/)
  })

  test('rejects what is running and what is waiting when closed', async () => {
    const closing = testPool({ size: 1 })
    await closing.run([job('echo', { text: 'ready' })])
    // The thread is ready: the job that spins is sent to it at once, the next one waits behind it.
    const running = closing.run([job('spin', null)])
    const waiting = closing.run([job('echo', { text: 'never' })])
    const rejected = Promise.all([expect(running).rejects.toThrow('the threads were closed'), expect(waiting).rejects.toThrow('the threads were closed')])
    await closing.close()
    await rejected
  })

  test('imports nothing but Node and its own folder: it knows no stage', () => {
    const folder = path.join(import.meta.dirname, '..', 'src', 'threads')
    const imports = readdirSync(folder).flatMap((file) =>
      [...readFileSync(path.join(folder, file), 'utf8').matchAll(/^import .* from '([^']+)'/gm)].map((match) => match[1]),
    )
    expect(imports.filter((specifier) => !specifier.startsWith('node:') && !specifier.startsWith('./'))).toEqual([])
  })
})

function proposal(name: string, body: string): ParseInput {
  return { name: `proposals/${name}`, bytes: new TextEncoder().encode(`---\ntopic: A.1\nauthor: Japan\n---\n\n${body}\n`) }
}

/** What a test compares: the id parsed, or the rules and messages reported. */
function outcome(result: ParseResult): string | Array<{ rule: string; line: number; column: number; message: string }> {
  if (result.proposal) return result.proposal.id
  return result.diagnostics.map(({ rule, line, column, message }) => ({ rule, line, column, message }))
}

const HINT = 'simplify the Markdown (deeply nested block quotes, lists or emphasis, long runs of `_`, `*` or `~`)'

describe('parse jobs on the pool', () => {
  test('gives one result per file, in the order of the files, across threads', async () => {
    const files = Array.from({ length: 60 }, (_, index) => proposal(`order-${String(index).padStart(2, '0')}.md`, `Text ${index} [shall] apply.`))
    const results = await parseOnThreads(pool({ size: 2 }), files, DEFAULT_LIMITS)
    expect(results.map(outcome)).toEqual(files.map((_, index) => `order-${String(index).padStart(2, '0')}`))
  })

  test('reports a file that overruns limits.parseSeconds and parses the rest on a new thread', async () => {
    const slow = proposal('slow.md', `The Parties ${'_a '.repeat(2000)}${'a_ '.repeat(2000)}`)
    const files = [proposal('before.md', 'Before.'), slow, proposal('after-1.md', 'After [one].'), proposal('after-2.md', 'After two.')]
    const results = await parseOnThreads(pool({ size: 1 }), files, { ...DEFAULT_LIMITS, parseSeconds: 0.5 })
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
    const results = await parseOnThreads(pool({ size: 1, resourceLimits: { stackSizeMb: 0.5 } }), files, { ...DEFAULT_LIMITS, parseSeconds: 60 })
    expect(results.map(outcome)).toEqual([
      [{ rule: 'too-complex', line: 1, column: 1, message: `the file nests Markdown too deeply to be parsed; ${HINT}` }],
      'flat',
    ])
  })

  test('parses bytes given instead of a path (a file of a git revision)', async () => {
    const bytes = new TextEncoder().encode('---\ntopic: A.1\nauthor: Japan\n---\n\nFrom history.\n')
    const slow = new TextEncoder().encode(`---\ntopic: A.1\nauthor: Japan\n---\n\n${'_a '.repeat(2000)}${'a_ '.repeat(2000)}\n`)
    const results = await parseOnThreads(
      pool({ size: 1 }),
      [
        { name: 'proposals/old.md', bytes },
        { name: 'proposals/slow.md', bytes: slow },
      ],
      { ...DEFAULT_LIMITS, parseSeconds: 0.5 },
    )
    expect(results.map(outcome)).toEqual([
      'old',
      [
        {
          rule: 'too-complex',
          line: 1,
          column: 1,
          message: `parsing the file took longer than 0.5 seconds (limits.parseSeconds in consolidate.yaml) and was stopped; ${HINT}, or raise the limit`,
        },
      ],
    ])
  })

  test('is reused across runs, as a watch rebuild reuses it', async () => {
    const reused = pool({ size: 1 })
    expect((await parseOnThreads(reused, [proposal('first.md', 'First.')], DEFAULT_LIMITS)).map(outcome)).toEqual(['first'])
    expect((await parseOnThreads(reused, [], DEFAULT_LIMITS)).map(outcome)).toEqual([])
    expect((await parseOnThreads(reused, [proposal('second.md', 'Second.')], DEFAULT_LIMITS)).map(outcome)).toEqual(['second'])
  })
})

test('the compiled CLI reports too-complex, checks the other files and exits: idle parser threads never hold the process', () => {
  // Runs the compiled CLI: `npm test` compiles before testing.
  const root = path.join(import.meta.dirname, 'fixtures', 'too-complex')
  const result = spawnSync(process.execPath, [path.join(import.meta.dirname, '..', 'bin', 'consolidate.js'), 'check', '--root', root, '--format', 'json'], {
    encoding: 'utf8',
    timeout: 50_000,
  })
  expect(result.signal).toBe(null)
  expect(result.status).toBe(1)
  expect(JSON.parse(result.stdout).map((diagnostic: { file: string; rule: string }) => `${diagnostic.file} ${diagnostic.rule}`)).toEqual([
    'proposals/b-emphasis.md too-complex',
    'proposals/c-no-topic.md missing-topic',
  ])
})
