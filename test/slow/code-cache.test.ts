/**
 * V8's code cache of the bundled scripts (src/threads/code-cache.ts, src/launch.ts):
 * a second process compiles nothing; a cache that is damaged, truncated, of
 * another version, of another copy of the script or refused by V8 is ignored
 * and written again; a folder that cannot be written costs only the
 * compilation; CI and folders that are no workspace get no cache. Each run is
 * a fresh process: V8 keeps what it compiled for the life of one.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { codeCacheFolder } from '../../src/launch.js'
import { scratch } from '../helpers/scratch.js'

const HELPERS = path.join(import.meta.dirname, '..', 'helpers')
const DRIVER = path.join(HELPERS, 'code-cache-run.mjs')
const BIN = path.join(import.meta.dirname, '..', '..', 'bin', 'consolidate.js')

/** A copy of the test bundle and its chunk in a new folder, and a cache folder beside them. */
function bundle(): { script: string; chunk: string; cache: string } {
  const folder = scratch('consolidate-code-cache-')
  for (const name of ['cached-script.cjs', 'cached-chunk.cjs']) copyFileSync(path.join(HELPERS, name), path.join(folder, name))
  return { script: path.join(folder, 'cached-script.cjs'), chunk: path.join(folder, 'cached-chunk.cjs'), cache: path.join(folder, 'cache') }
}

/** Load each bundle in one new process through the cache in its folder (none: `undefined`); what each computed and how each script was compiled. */
function loadAll(bundles: Array<{ script: string; cache: string | undefined }>, version = '1.0.0'): Array<{ value: string; loaded: Array<[string, string]> }> {
  const result = spawnSync(process.execPath, [DRIVER, 'run', version, ...bundles.flatMap(({ script, cache }) => [script, cache ?? '-'])], {
    encoding: 'utf8',
    timeout: 20_000,
  })
  expect(result.stderr).toBe('')
  expect(result.status).toBe(0)
  return JSON.parse(result.stdout)
}

const load = (script: string, cache: string | undefined, version?: string): { value: string; loaded: Array<[string, string]> } =>
  loadAll([{ script, cache }], version)[0]

const compiled = (how: string): Array<[string, string]> => [
  ['cached-script.cjs', how],
  ['cached-chunk.cjs', how],
]
const VALUE = 'compiled once'

describe('ScriptLoader and CodeCache', () => {
  test('the first process compiles and writes a cache per script, the next ones use it', () => {
    const { script, cache } = bundle()
    expect(load(script, cache)).toEqual({ value: VALUE, loaded: compiled('none') })
    expect(readdirSync(cache).sort()).toEqual(['cached-chunk.cjs.v8', 'cached-script.cjs.v8'])
    expect(readFileSync(path.join(cache, 'cached-script.cjs.v8'), 'latin1').split('\n')[0].split('\t').slice(0, 2)).toEqual([
      'consolidate-code-cache/1',
      '1.0.0',
    ])
    const written = statSync(path.join(cache, 'cached-script.cjs.v8')).mtimeMs
    expect(load(script, cache)).toEqual({ value: VALUE, loaded: compiled('used') })
    // A used cache is not written again.
    expect(statSync(path.join(cache, 'cached-script.cjs.v8')).mtimeMs).toBe(written)
  })

  test('without a cache, nothing is read or written', () => {
    const { script, cache } = bundle()
    expect(load(script, undefined)).toEqual({ value: VALUE, loaded: compiled('off') })
    expect(existsSync(cache)).toBe(false)
  })

  const damages: Record<string, (file: string) => void> = {
    'garbage bytes': (file) => writeFileSync(file, Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256))),
    'an empty file': (file) => writeFileSync(file, ''),
    'a truncated file': (file) => writeFileSync(file, readFileSync(file).subarray(0, Math.floor(statSync(file).size / 2))),
    'a header without a line end': (file) => writeFileSync(file, 'consolidate-code-cache/1'.repeat(100)),
    // V8 checks no sum of its own: given these, it could run damaged code.
    'one byte of the code changed': (file) => {
      const bytes = readFileSync(file)
      bytes[bytes.length - 40] ^= 0xff
      writeFileSync(file, bytes)
    },
    'bytes added at the end': (file) => writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from('more')])),
  }
  test(`a damaged cache file is ignored and written again: ${Object.keys(damages).join(', ')}`, () => {
    const bundles = Object.keys(damages).map(() => bundle())
    loadAll(bundles)
    Object.values(damages).forEach((damage, index) => {
      for (const file of readdirSync(bundles[index].cache)) damage(path.join(bundles[index].cache, file))
    })
    expect(loadAll(bundles)).toEqual(bundles.map(() => ({ value: VALUE, loaded: compiled('none') })))
    expect(loadAll(bundles)).toEqual(bundles.map(() => ({ value: VALUE, loaded: compiled('used') })))
  })

  test('a cache of another version of the tool is ignored and written again', () => {
    const { script, cache } = bundle()
    load(script, cache, '1.0.0')
    expect(load(script, cache, '1.1.0')).toEqual({ value: VALUE, loaded: compiled('none') })
    expect(load(script, cache, '1.1.0')).toEqual({ value: VALUE, loaded: compiled('used') })
    expect(load(script, cache, '1.0.0')).toEqual({ value: VALUE, loaded: compiled('none') })
  })

  test('a cache of another copy of the script, or of this one before it was rewritten, is ignored: a cache planted from elsewhere never runs', () => {
    const first = bundle()
    load(first.script, first.cache)
    // The same bytes at another place, with the first copy's cache files beside them (as a repository could carry them).
    const second = bundle()
    cpSync(first.cache, second.cache, { recursive: true })
    expect(load(second.script, second.cache)).toEqual({ value: VALUE, loaded: compiled('none') })
    // Rewritten in place (a rebuild): its times change.
    writeFileSync(second.chunk, readFileSync(second.chunk))
    utimesSync(second.chunk, new Date('2030-01-01'), new Date('2030-01-01'))
    expect(load(second.script, second.cache).loaded).toEqual([
      ['cached-script.cjs', 'used'],
      ['cached-chunk.cjs', 'none'],
    ])
  })

  test('a cache V8 refuses (the code of another script under a valid header) is ignored and written again', () => {
    const { script, cache } = bundle()
    load(script, cache)
    const stored = readFileSync(path.join(cache, 'cached-chunk.cjs.v8'))
    const data = path.join(path.dirname(script), 'chunk-code.bin')
    writeFileSync(data, stored.subarray(stored.indexOf(0x0a) + 1))
    const planted = spawnSync(process.execPath, [DRIVER, 'plant', '1.0.0', script, data, cache], { encoding: 'utf8' })
    expect(planted.status).toBe(0)
    expect(load(script, cache).loaded).toEqual([
      ['cached-script.cjs', 'refused'],
      ['cached-chunk.cjs', 'used'],
    ])
    expect(load(script, cache)).toEqual({ value: VALUE, loaded: compiled('used') })
  })

  test('a cache folder that cannot be created (a file stands in its place) costs the compilation, nothing else', () => {
    const { script, cache } = bundle()
    writeFileSync(cache, 'a file where the folder would be')
    expect(load(script, cache)).toEqual({ value: VALUE, loaded: compiled('none') })
    expect(load(script, cache)).toEqual({ value: VALUE, loaded: compiled('none') })
    expect(readFileSync(cache, 'utf8')).toBe('a file where the folder would be')
  })

  // Root writes into a read-only folder anyway; the case above covers an unwritable folder for root.
  test.skipIf(process.getuid?.() === 0)('a read-only cache folder costs the compilation, nothing else', () => {
    const { script, cache } = bundle()
    mkdirSync(cache)
    chmodSync(cache, 0o500)
    try {
      expect(load(script, cache)).toEqual({ value: VALUE, loaded: compiled('none') })
      expect(readdirSync(cache)).toEqual([])
    } finally {
      chmodSync(cache, 0o700)
    }
  })
})

describe('the CLI through the code cache', () => {
  const FIXTURE = path.join(import.meta.dirname, '..', 'fixtures', 'exports')

  /** A copy of a fixture's workspace (its proposals and configuration, not its expected outputs). */
  function sampleWorkspace(): string {
    const root = scratch('consolidate-code-cache-ws-')
    for (const name of ['consolidate.yaml', 'proposals']) cpSync(path.join(FIXTURE, name), path.join(root, name), { recursive: true })
    return root
  }

  function build(root: string, out: string, env: Record<string, string | undefined> = {}): void {
    const childEnv: Record<string, string | undefined> = { ...process.env, CI: undefined, ...env }
    const result = spawnSync(process.execPath, [BIN, 'build', '--root', root, '--out', out, '--format', 'md,html', '--no-cache'], {
      encoding: 'utf8',
      env: childEnv,
      timeout: 50_000,
    })
    expect(result.stderr).toMatch(/^consolidate: wrote /)
    expect(result.status).toBe(0)
  }

  const files = (folder: string): Record<string, string> =>
    Object.fromEntries(
      readdirSync(folder)
        .sort()
        .map((name) => [name, readFileSync(path.join(folder, name), 'latin1')]),
    )
  const stamps = (folder: string): Record<string, number> =>
    Object.fromEntries(
      readdirSync(folder)
        .sort()
        .map((name) => [name, statSync(path.join(folder, name)).mtimeMs]),
    )

  test('none in CI; elsewhere the first build (even --no-cache) leaves it, the next compiles nothing, a damaged one is repaired; the same bytes every time', () => {
    const root = sampleWorkspace()
    const code = path.join(root, '.consolidate-cache', 'code')
    build(root, path.join(root, 'out-ci'), { CI: 'true' })
    expect(existsSync(path.join(root, '.consolidate-cache'))).toBe(false)

    build(root, path.join(root, 'out-1'))
    expect(readdirSync(code)).toEqual(
      expect.arrayContaining(['cli.cjs.v8', 'cli-build.cjs.v8', 'worker.cjs.v8', 'worker-proposal.cjs.v8', 'worker-text-job.cjs.v8']),
    )
    const written = stamps(code)
    build(root, path.join(root, 'out-2'))
    // Every script came from the cache: none was compiled, so none was written again.
    expect(stamps(code)).toEqual(written)

    for (const file of readdirSync(code)) writeFileSync(path.join(code, file), 'not a cache\n')
    build(root, path.join(root, 'out-3'))
    expect(Object.values(files(code)).filter((bytes) => bytes === 'not a cache\n')).toEqual([])
    for (const out of ['out-1', 'out-2', 'out-3']) expect(files(path.join(root, out)), out).toEqual(files(path.join(root, 'out-ci')))
  })

  test('never written through a link: a cache folder or its code folder linked elsewhere is left alone', () => {
    for (const linked of ['.consolidate-cache', path.join('.consolidate-cache', 'code')]) {
      const root = sampleWorkspace()
      const elsewhere = scratch('consolidate-code-cache-elsewhere-')
      mkdirSync(path.dirname(path.join(root, linked)), { recursive: true })
      symlinkSync(elsewhere, path.join(root, linked))
      // The parse cache refuses such a link (exit 2); --no-cache reads nothing of it, and the code cache writes nothing there.
      build(root, path.join(root, 'out'))
      expect(readdirSync(elsewhere), linked).toEqual([])
    }
  })

  test('a cache file that is a link (to /dev/zero), a FIFO or 100 MB is not read: the build goes on and writes a file of its own', () => {
    const root = sampleWorkspace()
    const code = path.join(root, '.consolidate-cache', 'code')
    mkdirSync(code, { recursive: true })
    symlinkSync('/dev/zero', path.join(code, 'cli.cjs.v8'))
    execFileSync('mkfifo', [path.join(code, 'worker.cjs.v8')])
    writeFileSync(path.join(code, 'cli-build.cjs.v8'), '')
    truncateSync(path.join(code, 'cli-build.cjs.v8'), 100 * 1024 * 1024)
    build(root, path.join(root, 'out'))
    for (const name of ['cli.cjs.v8', 'worker.cjs.v8', 'cli-build.cjs.v8']) {
      const stat = lstatSync(path.join(code, name))
      expect(stat.isFile() && stat.size < 64 * 1024 * 1024, name).toBe(true)
    }
  })
})

test('the bundles of dist/ hold no import(): vm.Script, which runs them, has no loader for it', () => {
  const dist = path.join(import.meta.dirname, '..', '..', 'dist')
  const bundles = readdirSync(dist).filter((name) => name.endsWith('.cjs'))
  expect(bundles).toEqual(expect.arrayContaining(['launch.cjs', 'cli.cjs', 'thread.cjs', 'worker.cjs']))
  const imports = bundles.flatMap((name) =>
    readFileSync(path.join(dist, name), 'utf8')
      .split('\n')
      // Not in comments (JSDoc types say import('mdast')).
      .filter((line) => /(^|[^\w$.])import\(/.test(line) && !/^\s*(\*|\/\/)/.test(line))
      .map((line) => `${name}: ${line.trim()}`),
  )
  expect(imports).toEqual([])
})

describe('codeCacheFolder', () => {
  const root = (): string => {
    const folder = scratch('consolidate-code-cache-root-')
    mkdirSync(path.join(folder, 'ws', 'proposals'), { recursive: true })
    return folder
  }

  test('is in the workspace the command reads: --root DIR, --root=DIR, else the current folder', () => {
    const cwd = root()
    const inside = path.join(cwd, 'ws', '.consolidate-cache', 'code')
    expect(codeCacheFolder(['build', '--root', 'ws'], cwd, {})).toBe(inside)
    expect(codeCacheFolder(['check', '--root=ws', '--format', 'json'], cwd, {})).toBe(inside)
    expect(codeCacheFolder(['build'], path.join(cwd, 'ws'), {})).toBe(inside)
    expect(codeCacheFolder(['build', '--root', 'elsewhere', '--root', 'ws'], cwd, {})).toBe(inside)
  })

  test('is none in CI, and none outside a workspace (a run leaves no folder where it was not asked to read)', () => {
    const cwd = root()
    expect(codeCacheFolder(['build', '--root', 'ws'], cwd, { CI: 'true' })).toBeUndefined()
    expect(codeCacheFolder(['build'], cwd, {})).toBeUndefined()
    expect(codeCacheFolder(['init', 'new-one'], cwd, {})).toBeUndefined()
    expect(codeCacheFolder(['build', '--root', 'missing'], cwd, {})).toBeUndefined()
    expect(codeCacheFolder(['diff', '--', '--root', 'ws'], cwd, {})).toBeUndefined()
  })
})
