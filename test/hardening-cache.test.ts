/**
 * The parse cache as an attacker meets it (issue 21, items 4, 5 and 8): a
 * cache made elsewhere, forged, re-keyed or damaged is a miss, never trusted,
 * never a crash, never a dropped proposal; it is read bounded and without
 * following a link; two loads at once lose nothing; killed saves leave
 * nothing behind; a cache folder that is a link out of the workspace is refused.
 * (The same attacks through the compiled CLI, timed: test/slow/hardening.test.ts.)
 */
import { createHmac } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, test } from 'vitest'
import { loadWorkspace, type Workspace } from '../src/load/pipeline.js'
import { CACHE_FOLDER, cacheKey, contentHash, DiskCache } from '../src/read/cache.js'
import { isParseResult } from '../src/read/cache-entry.js'
import { secretFolder } from '../src/read/cache-secret.js'
import { folderSource } from '../src/read/folder.js'
import { parseProposal } from '../src/parse/proposal.js'
import { parseNote } from '../src/parse/note.js'
import { ThreadPool } from '../src/threads/pool.js'
import { DEFAULT_LIMITS, type ParseResult } from '../src/types.js'
import { parseAll, workspace as fuzzWorkspace } from './helpers/fuzz.js'
import { run } from './helpers/run.js'
import { scratch, workspace } from './helpers/scratch.js'

const FRONT = '---\ntopic: A.1\nauthor: Japan\n---\n\n'
const CONFIG = 'title: Test\noutline:\n  - { id: A.1, title: First }\n'
const BROKEN = '---\ntopic: A.9\nauthor: Japan\nsupporters: 7\nstatus: done\n---\n\nEach Party [shall.\n'

const pool = new ThreadPool()
afterAll(() => pool.close())

/** A user's cache folder of its own, never the machine's. */
const userCache = (): Record<string, string> => ({ XDG_CACHE_HOME: scratch('consolidate-keys-') })

async function load(root: string, env: Record<string, string>, version = 'test'): Promise<Workspace> {
  const store = await DiskCache.open(root, { env })
  const workspace = await loadWorkspace(folderSource(root), { pool, cache: { store, version } })
  await store.save()
  return workspace
}

const cacheFile = (root: string): string => path.join(root, CACHE_FOLDER, 'parse.json')
const rules = (workspace: Workspace): string[] => workspace.diagnostics.map((each) => `${each.file} ${each.rule}`).sort()

/** An entry as the cache seals it with the user's key: what only the user's own runs can write. */
function sealed(env: Record<string, string>, key: string, json: string, generation = 1): [string, [string, string, number]] {
  const secret = Buffer.from(readFileSync(path.join(secretFolder(env)!, 'key'), 'utf8').trim(), 'hex')
  const id = createHmac('sha256', secret).update('name\0').update(key).digest('base64url')
  return [id, [createHmac('sha256', secret).update('seal\0').update(id).update('\0').update(json).digest('base64url'), json, generation]]
}

describe('a cache made elsewhere never matches', () => {
  test("another user's cache (another key) is all misses, and is replaced by this user's", async () => {
    const root = workspace({ 'consolidate.yaml': CONFIG, 'proposals/a.md': `${FRONT}Text a.\n`, 'proposals/b.md': `${FRONT}Text b.\n` })
    const alice = userCache()
    const bob = userCache()
    expect((await load(root, alice)).parsed).toBe(2)
    expect((await load(root, alice)).parsed).toBe(0)
    expect((await load(root, bob)).parsed).toBe(2)
    expect((await load(root, bob)).parsed).toBe(0)
    // Bob's save dropped Alice's entries: her key matches nothing any more.
    expect((await load(root, alice)).parsed).toBe(2)
  })

  test('a forged cache (0.2.0 keys, a clean result for a file with errors) leaves the errors reported and the text out', async () => {
    const root = workspace({ 'consolidate.yaml': CONFIG, 'proposals/a.md': BROKEN })
    const forged = { proposal: { ...parseProposal('proposals/a.md', `${FRONT}Text that is in no proposal.\n`).proposal }, diagnostics: [] }
    const key = cacheKey('test', contentHash(new TextEncoder().encode(BROKEN)), 'proposals/a.md', DEFAULT_LIMITS)
    mkdirSync(path.join(root, CACHE_FOLDER))
    writeFileSync(cacheFile(root), JSON.stringify({ format: 1, entries: { [key]: forged } }))
    const env = userCache()
    const loaded = await load(root, env)
    expect(loaded.parsed).toBe(1)
    expect(rules(loaded)).toEqual([
      'proposals/a.md invalid-field',
      'proposals/a.md invalid-status',
      'proposals/a.md unbalanced-brackets',
      'proposals/a.md unknown-topic',
    ])
    expect(JSON.stringify(loaded.proposals)).not.toContain('in no proposal')
  })

  test("an entry of the user's own cache moved onto another file, or with its text changed, is a miss", async () => {
    const root = workspace({ 'consolidate.yaml': CONFIG, 'proposals/a.md': `${FRONT}Clean text.\n`, 'proposals/b.md': BROKEN })
    const env = userCache()
    const first = await load(root, env)
    const data = JSON.parse(readFileSync(cacheFile(root), 'utf8')) as { entries: Record<string, [string, string, number]> }
    const [[idA, entryA], [idB, entryB]] = Object.entries(data.entries).sort(([, x], [, y]) =>
      x[1].includes('Clean text') ? -1 : y[1].includes('Clean text') ? 1 : 0,
    )
    // b.md's entry now holds a.md's clean result; a.md's holds an edited text under its old seal.
    data.entries[idB] = entryA
    data.entries[idA] = [entryA[0], entryA[1].replace('Clean text.', 'Text in no proposal.'), entryA[2]]
    expect(entryB[1]).toContain('unbalanced-brackets')
    writeFileSync(cacheFile(root), JSON.stringify(data))
    const again = await load(root, env)
    expect(again.parsed).toBe(2)
    expect(rules(again)).toEqual(rules(first))
    expect(JSON.stringify(again.proposals)).not.toContain('in no proposal')
  })
})

describe("what the user's own cache returns is checked as any input", () => {
  const text = `${FRONT}Each Party shall [act].\n`
  const good = parseProposal('proposals/a.md', text)

  test.each<[string, unknown]>([
    ['"proposal": null', { proposal: null, diagnostics: [] }],
    ['no proposal and no diagnostic (the file would vanish)', { diagnostics: [] }],
    ['diagnostics that are not a list', { diagnostics: 'none' }],
    ['a field the model does not have', { ...good, extra: true }],
    ['a proposal field of the wrong type', { ...good, proposal: { ...good.proposal, status: 7 } }],
    ['a proposal without its body', { ...good, proposal: { ...good.proposal, body: undefined } }],
    [
      'an edit outside its text',
      { ...good, proposal: { ...good.proposal, body: { ...good.proposal!.body, edits: [{ kind: 'bracket', start: 0, end: 1e9, text: '[' }] } } },
    ],
    [
      'an unknown rule',
      { proposal: good.proposal, diagnostics: [{ file: 'proposals/a.md', line: 1, column: 1, severity: 'error', rule: 'made-up', message: 'x' }] },
    ],
    ['a result about another file', { ...good, proposal: { ...good.proposal, file: 'proposals/other.md' } }],
    ['not JSON', undefined],
  ])('%s: a miss, the file parsed again, nothing dropped', async (_, value) => {
    const root = workspace({ 'consolidate.yaml': CONFIG, 'proposals/a.md': text })
    const env = userCache()
    await load(root, env)
    const key = cacheKey('test', contentHash(new TextEncoder().encode(text)), 'proposals/a.md', DEFAULT_LIMITS)
    const [id, entry] = sealed(env, key, value === undefined ? '{"proposal":' : JSON.stringify(value))
    writeFileSync(cacheFile(root), JSON.stringify({ format: 2, generation: 1, entries: { [id]: entry } }))
    const loaded = await load(root, env)
    expect(loaded.parsed).toBe(1)
    expect(loaded.proposals.map((proposal) => proposal.id)).toEqual(['a'])
    expect(loaded.diagnostics).toEqual([])
  })

  test('a sealed, sound entry is a hit (the check above is not what makes them misses)', async () => {
    const root = workspace({ 'consolidate.yaml': CONFIG, 'proposals/a.md': text })
    const env = userCache()
    await load(root, env)
    const key = cacheKey('test', contentHash(new TextEncoder().encode(text)), 'proposals/a.md', DEFAULT_LIMITS)
    writeFileSync(cacheFile(root), JSON.stringify({ format: 2, generation: 1, entries: Object.fromEntries([sealed(env, key, JSON.stringify(good))]) }))
    expect((await load(root, env)).parsed).toBe(0)
  })

  test('every result the parser gives, of any file, passes the check once through JSON', () => {
    fc.assert(
      fc.property(fuzzWorkspace, ({ files }) => {
        for (const result of parseAll(files)) expect(isParseResult(JSON.parse(JSON.stringify(result)))).toBe(true)
      }),
      { numRuns: 40, seed: 2121 },
    )
    const note = parseNote('notes/n.md', '---\ntopic: A.1\nby: Facilitator\n---\n\nA note.\n')
    expect(isParseResult(JSON.parse(JSON.stringify(note)))).toBe(true)
    const results: ParseResult[] = [parseProposal('proposals/x.md', 'no front matter'), parseProposal('proposals/x.md', new Uint8Array([0xff, 0xfe, 0]))]
    for (const result of results) expect(isParseResult(JSON.parse(JSON.stringify(result)))).toBe(true)
  })
})

describe('the cache file is read bounded, never through a link, never from a FIFO', () => {
  test.each([
    ['a link to /dev/zero', (file: string) => symlinkSync('/dev/zero', file)],
    ['a link to /dev/stdin', (file: string) => symlinkSync('/dev/stdin', file)],
    ['a folder', (file: string) => mkdirSync(file)],
  ])('%s in place of parse.json: a miss, and a link is replaced, never written through', async (_, make) => {
    const root = workspace({ 'consolidate.yaml': CONFIG, 'proposals/a.md': `${FRONT}Text.\n` })
    mkdirSync(path.join(root, CACHE_FOLDER))
    make(cacheFile(root))
    const env = userCache()
    expect((await load(root, env)).parsed).toBe(1)
  })

  test.skipIf(process.platform === 'win32')('a FIFO in place of parse.json does not hang the load', async () => {
    const root = workspace({ 'consolidate.yaml': CONFIG, 'proposals/a.md': `${FRONT}Text.\n` })
    mkdirSync(path.join(root, CACHE_FOLDER))
    const { execFileSync } = await import('node:child_process')
    execFileSync('mkfifo', [cacheFile(root)])
    expect((await load(root, userCache())).parsed).toBe(1)
  })

  test('a file over the limit (sparse: it says so without being read) is a miss', async () => {
    const root = workspace({ 'consolidate.yaml': CONFIG, 'proposals/a.md': `${FRONT}Text.\n` })
    mkdirSync(path.join(root, CACHE_FOLDER))
    const { truncateSync } = await import('node:fs')
    writeFileSync(cacheFile(root), '')
    truncateSync(cacheFile(root), 450 * 1024 * 1024)
    const env = userCache()
    expect((await load(root, env)).parsed).toBe(1)
    // Replaced by a cache of this run's size.
    expect(readFileSync(cacheFile(root)).byteLength).toBeLessThan(64 * 1024)
  })
})

describe('saving: locked, merged, cleaned', () => {
  const files = (count: number, from = 0): Record<string, string> =>
    Object.fromEntries(Array.from({ length: count }, (_, index) => [`proposals/p${from + index}.md`, `${FRONT}Each Party shall [act ${from + index}].\n`]))

  test('two loads at once with different tools both keep their results', async () => {
    const root = workspace({ 'consolidate.yaml': CONFIG, ...files(8) })
    const env = userCache()
    const twice = async (): Promise<number[]> => (await Promise.all([load(root, env, 'tool-a'), load(root, env, 'tool-b')])).map((each) => each.parsed)
    expect(await twice()).toEqual([8, 8])
    // Without the lock and the merge, the second save replaced the first one's entries.
    expect(Object.keys((JSON.parse(readFileSync(cacheFile(root), 'utf8')) as { entries: object }).entries)).toHaveLength(16)
    expect(await twice()).toEqual([0, 0])
  })

  test('entries no run used since the file was opened are dropped: the cache does not grow for ever', async () => {
    const root = workspace({ 'consolidate.yaml': CONFIG, ...files(4) })
    const env = userCache()
    await load(root, env, 'old-tool')
    await load(root, env, 'new-tool')
    const entries = Object.keys((JSON.parse(readFileSync(cacheFile(root), 'utf8')) as { entries: object }).entries)
    expect(entries).toHaveLength(4)
  })

  test("dead saves' temporary files and broken locks are removed; a live one's are left alone", async () => {
    const root = workspace({ 'consolidate.yaml': CONFIG, ...files(2) })
    const env = userCache()
    const folder = path.join(root, CACHE_FOLDER)
    mkdirSync(folder)
    const dead = ['parse.json.999999999.0123456789ab.tmp', 'parse.json.lock.999999999.0123456789ab.stale', 'parse.json.0123456789ab.tmp']
    const live = [`parse.json.${process.pid}.0123456789ab.tmp`, 'parse.json.fedcba987654.tmp', 'notes.txt']
    for (const name of [...dead, ...live]) writeFileSync(path.join(folder, name), 'x')
    // 0.2.0's names carry no process id: removed once old.
    utimesSync(path.join(folder, 'parse.json.0123456789ab.tmp'), new Date(0), new Date(0))
    await load(root, env)
    expect(readdirSync(folder).sort()).toEqual(['notes.txt', 'parse.json', ...live.slice(0, 2)].sort())
  })

  test('a stale lock of a dead build is broken; the save goes through', async () => {
    const root = workspace({ 'consolidate.yaml': CONFIG, ...files(2) })
    const env = userCache()
    mkdirSync(path.join(root, CACHE_FOLDER))
    const { hostname } = await import('node:os')
    writeFileSync(path.join(root, CACHE_FOLDER, 'parse.json.lock'), `999999999 ${hostname()} 0123456789abcdef\n`)
    await load(root, env)
    expect(existsSync(cacheFile(root))).toBe(true)
    expect(existsSync(path.join(root, CACHE_FOLDER, 'parse.json.lock'))).toBe(false)
  })
})

describe('the key', () => {
  test('made on first use in the user cache folder, readable by the user only', async () => {
    const env = userCache()
    await load(workspace({ 'proposals/a.md': `${FRONT}Text.\n` }), env)
    const key = path.join(env.XDG_CACHE_HOME, 'consolidate', 'key')
    expect(readFileSync(key, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/)
    if (process.platform !== 'win32') expect(((await import('node:fs')).statSync(key).mode & 0o777).toString(8)).toBe('600')
  })

  test.each([
    ['the user cache folder is a file', (env: Record<string, string>) => writeFileSync(path.join(env.XDG_CACHE_HOME, 'consolidate'), 'x')],
    [
      'the key may be rewritten by others',
      (env: Record<string, string>) => (
        mkdirSync(path.join(env.XDG_CACHE_HOME, 'consolidate')),
        writeFileSync(path.join(env.XDG_CACHE_HOME, 'consolidate', 'key'), `${'0'.repeat(64)}\n`, { mode: 0o666 }),
        chmodSync(path.join(env.XDG_CACHE_HOME, 'consolidate', 'key'), 0o666)
      ),
    ],
    [
      'the key is a link',
      (env: Record<string, string>) => (
        mkdirSync(path.join(env.XDG_CACHE_HOME, 'consolidate')),
        symlinkSync('/dev/zero', path.join(env.XDG_CACHE_HOME, 'consolidate', 'key'))
      ),
    ],
  ])('without a key it can trust (%s), the cache is kept in memory only: nothing written, the load whole', async (_, spoil) => {
    const root = workspace({ 'proposals/a.md': `${FRONT}Text.\n` })
    const env = userCache()
    spoil(env)
    const loaded = await load(root, env)
    expect(loaded.proposals.map((proposal) => proposal.id)).toEqual(['a'])
    expect(existsSync(path.join(root, CACHE_FOLDER))).toBe(false)
  })

  test('a key kept inside the workspace (a committed one) is never used', async () => {
    const root = workspace({ 'proposals/a.md': `${FRONT}Text.\n` })
    await load(root, { XDG_CACHE_HOME: path.join(root, '.cache') })
    expect(existsSync(path.join(root, '.cache'))).toBe(false)
    expect(existsSync(path.join(root, CACHE_FOLDER))).toBe(false)
  })
})

describe('the cache folder', () => {
  test('a link leaving the workspace: check refuses (exit 2, one line) and writes nothing there; --no-cache and CI do not care', async () => {
    const root = workspace({ 'proposals/a.md': `${FRONT}Text.\n` })
    const elsewhere = scratch('consolidate-elsewhere-')
    symlinkSync(elsewhere, path.join(root, CACHE_FOLDER))
    const env = { CI: undefined, ...userCache() }
    expect(await run(['check', '--root', root], { env })).toEqual({
      code: 2,
      stdout: '',
      stderr: `consolidate: the parse cache .consolidate-cache is a symbolic link that leads outside the workspace (${elsewhere}); the cache is never written through such a link: delete the link (the cache is made again), or run with --no-cache\n`,
    })
    expect((await run(['check', '--root', root, '--no-cache'], { env })).code).toBe(0)
    expect((await run(['check', '--root', root])).code).toBe(0)
    expect(readdirSync(elsewhere)).toEqual([])
  })

  test('a relative link out (../x) and a link into proposals/ are refused too; a link inside the workspace is followed', async () => {
    const root = workspace({ 'proposals/a.md': `${FRONT}Text.\n`, 'build/keep.txt': 'x' })
    const env = { CI: undefined, ...userCache() }
    symlinkSync('../x', path.join(root, CACHE_FOLDER))
    expect((await run(['check', '--root', root], { env })).code).toBe(2)
    ;(await import('node:fs')).rmSync(path.join(root, CACHE_FOLDER))
    symlinkSync('proposals', path.join(root, CACHE_FOLDER))
    expect((await run(['check', '--root', root], { env })).stderr).toContain("leads into the workspace's own files (proposals)")
    ;(await import('node:fs')).rmSync(path.join(root, CACHE_FOLDER))
    symlinkSync('build', path.join(root, CACHE_FOLDER))
    expect((await run(['check', '--root', root], { env })).code).toBe(0)
    expect(readdirSync(path.join(root, 'build')).sort()).toEqual(['keep.txt', 'parse.json'])
  })
})
