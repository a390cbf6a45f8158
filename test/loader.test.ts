/**
 * The one loader: a folder, a git revision and a watched folder read the
 * same files under the same rules and give the same diagnostics; templates
 * and the configuration are held to the rules of proposals; nothing is
 * dropped silently; the parse cache only ever saves work.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, test, vi } from 'vitest'
import { build, type Rebuild } from '../src/commands/build.js'
import { ThreadPool } from '../src/threads/pool.js'
import { loadWorkspace, type Workspace } from '../src/load/pipeline.js'
import { DiskCache, MemoryCache, CACHE_FOLDER } from '../src/read/cache.js'
import { folderSource, readBounded } from '../src/read/folder.js'
import { gitSource, repositoryOf } from '../src/read/git.js'
import { loadRevision } from '../src/load/revision.js'
import type { Diagnostic } from '../src/types.js'
import { commitAll, git, gitRepository } from './helpers/git.js'
import { run } from './helpers/run.js'
import { scratch, workspace } from './helpers/scratch.js'

const pool = new ThreadPool({ size: 2 })
afterAll(() => pool.close())

const FRONT = '---\ntopic: A.1\nauthor: Japan\n---\n\n'
const CONFIG = 'title: Test\noutline:\n  - { id: A.1, title: First }\nlimits: { fileSize: 4000 }\n'

/** What a test compares: a diagnostic without the revision's prefix. */
function shown(diagnostics: Diagnostic[], prefix = ''): string[] {
  return diagnostics.map((each) => `${each.file.slice(prefix.length)}:${each.line}:${each.column} ${each.severity} ${each.rule}: ${each.message}`).sort()
}

/** The hostile workspace of the issue: a link out, an oversized file, an in-workspace link, upper-case `.MD`, a README, a stray file. */
function hostile(config = CONFIG): string {
  const root = workspace({
    'consolidate.yaml': config,
    'proposals/good.md': `${FRONT}Each Party shall [endeavour to] act.\n`,
    'proposals/S7-UPPER.MD': `${FRONT}Upper-case extension.\n`,
    'proposals/big.md': `${FRONT}${'Each Party shall act. '.repeat(300)}\n`,
    'proposals/README.md': '# About this folder\n\nOne file per proposal.\n',
    'proposals/notes.txt': 'not a proposal\n',
    'shared/linked.md': `${FRONT}Kept in a shared folder.\n`,
  })
  symlinkSync('../shared/linked.md', path.join(root, 'proposals', 'linked.md'))
  symlinkSync('/etc/passwd', path.join(root, 'proposals', 'secret.md'))
  return root
}

async function viaFolder(root: string): Promise<Workspace> {
  return loadWorkspace(folderSource(root), { pool })
}

async function viaGit(root: string): Promise<Workspace> {
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: root })
  git(root, 'config', 'user.name', 'Secretariat')
  git(root, 'config', 'user.email', 'secretariat@example.org')
  commitAll(root, 'the workspace')
  const revision = await loadRevision('HEAD', { cwd: root, root, pool, cache: { store: new MemoryCache(), version: '' } })
  return revision
}

async function viaWatch(root: string): Promise<Diagnostic[]> {
  const controller = new AbortController()
  let first: Rebuild | undefined
  const io = { cwd: root, env: { NO_COLOR: '1' }, stdout: { write: () => true }, stderr: { write: () => true } }
  await build(
    {
      root,
      out: path.join(root, 'out'),
      watch: true,
      signal: controller.signal,
      debounce: 20,
      onRebuild: (rebuild) => ((first ??= rebuild), controller.abort()),
    },
    io,
    pool,
  )
  return first!.diagnostics
}

describe('one loader for every source', () => {
  test('a folder, a git revision and a watch give the same diagnostics on the same hostile workspace', async () => {
    const folder = await viaFolder(hostile())
    const expected = [
      'proposals/README.md:1:1 error no-front-matter: the file has no front matter; start the file with a line `---`, then fields such as `topic: A.1.4` and `author: Japan`, then a line `---`; if it is not a proposal (a README, notes), rename it `_README.md` (names starting with `_` are skipped) or keep it out of proposals/',
      'proposals/big.md:1:1 error too-large: the file is 6635 bytes, more than the limit of 4000 bytes; split the proposal into several files, or raise the limit in consolidate.yaml, e.g. `limits: { fileSize: 1048576 }`',
      'proposals/notes.txt:1:1 warning ignored-file: this is not a proposal: only files ending in `.md` are read; if it is one, rename it to `notes.md`, else keep it out of proposals/ or rename it `_notes.txt`',
      'proposals/secret.md:1:1 error unreadable-file: this symbolic link leads outside the workspace (/etc/passwd); links that leave the workspace are not followed, so what it leads to is not read: copy the file into proposals/ instead',
    ]
    expect(shown(folder.diagnostics)).toEqual(expected)
    // The in-workspace link is followed, and `.MD` is a proposal.
    expect(folder.proposals.map((proposal) => proposal.id).sort()).toEqual(['S7-UPPER', 'good', 'linked'])

    const history = await viaGit(hostile())
    expect(shown(history.diagnostics, 'HEAD:')).toEqual(expected)
    expect(history.proposals.map((proposal) => proposal.id).sort()).toEqual(['S7-UPPER', 'good', 'linked'])

    expect(shown(await viaWatch(hostile()))).toEqual(expected)
  })

  test('a Latin-1 configuration is an encoding error in every source, never read as mojibake', async () => {
    const latin1 = Buffer.concat([Buffer.from('title: C'), Buffer.from([0xf4]), Buffer.from("te d'Ivoire\n")])
    const make = (): string => {
      const root = workspace({ 'proposals/good.md': `${FRONT}Text.\n` })
      writeFileSync(path.join(root, 'consolidate.yaml'), latin1)
      return root
    }
    const expected = [
      'consolidate.yaml:1:9 error invalid-config: the file is not valid UTF-8: byte 0xf4 here does not start or continue a UTF-8 character (a file saved as Windows-1252 or Latin-1 looks like this); save it again choosing the UTF-8 encoding',
    ]
    expect(shown((await viaFolder(make())).diagnostics)).toEqual(expected)
    expect(shown((await viaGit(make())).diagnostics, 'HEAD:')).toEqual(expected)
    expect(shown(await viaWatch(make()))).toEqual(expected)
  })

  test('a git submodule under proposals/ is reported, in the folder and in history alike', async () => {
    const root = workspace({ 'consolidate.yaml': CONFIG, 'proposals/good.md': `${FRONT}Text.\n` })
    const other = gitRepository()
    writeFileSync(path.join(other, 'x.md'), `${FRONT}From another repository.\n`)
    commitAll(other, 'other')
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: root })
    git(root, 'config', 'user.name', 'Secretariat')
    git(root, 'config', 'user.email', 'secretariat@example.org')
    git(root, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', other, 'proposals/vendor')
    commitAll(root, 'with a submodule')
    const expected = [
      'proposals/vendor:1:1 error unreadable-file: this is a git submodule (another repository): its proposals are not read; copy the files into proposals/ instead',
    ]
    expect(shown((await viaFolder(root)).diagnostics)).toEqual(expected)
    const revision = await loadRevision('HEAD', { cwd: root, root, pool })
    expect(shown(revision.diagnostics, 'HEAD:')).toEqual(expected)
  })

  test('diff follows what build reads: a proposal replaced by an in-workspace link is unchanged, a configuration that became a link is read through it', async () => {
    const root = gitRepository()
    writeFileSync(path.join(root, 'consolidate.yaml'), 'participants:\n  - { name: Japan, code: JPN }\n  - { name: Chile, code: CHL }\n')
    mkdirSync(path.join(root, 'proposals'))
    writeFileSync(path.join(root, 'proposals', 'a.md'), '---\ntopic: A.1\nauthor: JPN\nsupporters: [CHL]\n---\n\nText.\n')
    commitAll(root, 'one')
    mkdirSync(path.join(root, 'shared'))
    writeFileSync(path.join(root, 'shared', 'a.md'), readFileSync(path.join(root, 'proposals', 'a.md')))
    rmSync(path.join(root, 'proposals', 'a.md'))
    symlinkSync('../shared/a.md', path.join(root, 'proposals', 'a.md'))
    writeFileSync(path.join(root, 'config.yaml'), readFileSync(path.join(root, 'consolidate.yaml')))
    rmSync(path.join(root, 'consolidate.yaml'))
    symlinkSync('config.yaml', path.join(root, 'consolidate.yaml'))
    commitAll(root, 'two')
    const result = await run(['diff', 'HEAD~1', 'HEAD', '--root', root, '--format', 'json'])
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout)).toEqual({ from: { ref: 'HEAD~1' }, to: { ref: 'HEAD' }, added: [], removed: [], withdrawn: [], changed: [] })
  })

  test('a configuration linked out of the workspace is an error, never silently the defaults', async () => {
    const outside = scratch()
    writeFileSync(path.join(outside, 'consolidate.yaml'), 'title: Elsewhere\n')
    const root = workspace({ 'proposals/a.md': `${FRONT}Text.\n` })
    symlinkSync(path.join(outside, 'consolidate.yaml'), path.join(root, 'consolidate.yaml'))
    const result = await run(['check', '--root', root, '--format', 'json'])
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout)).toEqual([
      {
        file: 'consolidate.yaml',
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'unreadable-file',
        message: `this symbolic link leads outside the workspace (${path.join(outside, 'consolidate.yaml')}); links that leave the workspace are not followed: copy the file into the workspace instead`,
      },
    ])
  })
})

describe('files that must never be read, hang, or fill memory', () => {
  const cases: Array<[string, (root: string) => void, string]> = [
    [
      'a template linked to /proc/self/environ',
      (root) => symlinkSync('/proc/self/environ', path.join(root, 'templates', 'cover.md')),
      'templates/cover.md:1:1 error unreadable-file: this symbolic link leads outside the workspace (/proc/self/environ); links that leave the workspace are not followed: copy the file into the workspace instead',
    ],
    [
      'a template linked to /etc/passwd',
      (root) => symlinkSync('/etc/passwd', path.join(root, 'templates', 'cover.md')),
      'templates/cover.md:1:1 error unreadable-file: this symbolic link leads outside the workspace (/etc/passwd); links that leave the workspace are not followed: copy the file into the workspace instead',
    ],
    [
      'a FIFO as the cover template',
      (root) => execFileSync('mkfifo', [path.join(root, 'templates', 'cover.md')]),
      'templates/cover.md:1:1 error unreadable-file: this is not a regular file (it is a FIFO, a socket or a device); templates/cover.md must be a text file saved as UTF-8',
    ],
    [
      'a FIFO as consolidate.yaml',
      (root) => execFileSync('mkfifo', [path.join(root, 'consolidate.yaml')]),
      'consolidate.yaml:1:1 error unreadable-file: this is not a regular file (it is a FIFO, a socket or a device); consolidate.yaml must be a text file saved as UTF-8',
    ],
    [
      'consolidate.yaml linked to /dev/zero',
      (root) => symlinkSync('/dev/zero', path.join(root, 'consolidate.yaml')),
      'consolidate.yaml:1:1 error unreadable-file: this symbolic link leads outside the workspace (/dev/zero); links that leave the workspace are not followed: copy the file into the workspace instead',
    ],
    [
      'a folder as the cover template',
      (root) => mkdirSync(path.join(root, 'templates', 'cover.md')),
      'templates/cover.md:1:1 error unreadable-file: this is a folder, not a file; templates/cover.md must be a text file saved as UTF-8',
    ],
    [
      'the style sheet linked to /dev/zero',
      (root) => symlinkSync('/dev/zero', path.join(root, 'templates', 'consolidated.css')),
      'templates/consolidated.css:1:1 error unreadable-file: this symbolic link leads outside the workspace (/dev/zero); links that leave the workspace are not followed: copy the file into the workspace instead',
    ],
    [
      'an oversized template',
      (root) => writeFileSync(path.join(root, 'templates', 'cover.md'), 'x'.repeat(300_000)),
      'templates/cover.md:1:1 error too-large: the file is 300000 bytes, more than the limit of 262144 bytes; split the template into several files, or raise the limit in consolidate.yaml, e.g. `limits: { fileSize: 1048576 }`',
    ],
    [
      'an oversized configuration',
      (root) => writeFileSync(path.join(root, 'consolidate.yaml'), `# ${'x'.repeat(300_000)}\n`),
      'consolidate.yaml:1:1 error too-large: the file is 300003 bytes, more than the limit of 262144 bytes; the configuration is held to 262144 bytes whatever its limits: move what is not configuration out of it',
    ],
  ]
  test.each(cases)('%s is an error: build writes nothing, exit 1, no hang', async (_name, make, diagnostic) => {
    const root = workspace({ 'proposals/a.md': `${FRONT}Text.\n` })
    mkdirSync(path.join(root, 'templates'), { recursive: true })
    make(root)
    const result = await run(['build', '--root', root, '--format', 'md,html,docx'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(diagnostic.split(' error ')[1].split(':')[0])
    expect(result.stderr).toContain('nothing was written')
    const check = await run(['check', '--root', root, '--format', 'json'])
    expect(shown(JSON.parse(check.stdout))).toEqual([diagnostic])
    expect(() => readFileSync(path.join(root, 'out', 'consolidated.md'))).toThrow()
  })

  test('reading is bounded by the size limit, also for files that say they are empty and never end', async () => {
    expect(await readBounded('/proc/self/maps', 16)).toEqual({ tooLarge: 17 })
    expect(await readBounded('/dev/zero', 16)).toEqual({ unreadable: 'not a regular file' })
  })

  test('a blob over the size limit in git history is never read: its size comes from the listing', async () => {
    const root = gitRepository()
    mkdirSync(path.join(root, 'proposals'))
    writeFileSync(path.join(root, 'consolidate.yaml'), 'limits: { fileSize: 1000 }\n')
    writeFileSync(path.join(root, 'proposals', 'huge.md'), `${FRONT}${'x'.repeat(50_000)}\n`)
    commitAll(root, 'a large file')
    const repository = (await repositoryOf(root))!
    const read = vi.spyOn(repository.blobs, 'read')
    const source = await gitSource(repository, 'HEAD', 'HEAD:')
    const workspace = await loadWorkspace(source, { pool })
    expect(shown(workspace.diagnostics, 'HEAD:')).toEqual([
      'proposals/huge.md:1:1 error too-large: the file is 50035 bytes, more than the limit of 1000 bytes; split the proposal into several files, or raise the limit in consolidate.yaml, e.g. `limits: { fileSize: 1048576 }`',
    ])
    // Only the configuration's blob was read.
    expect(read).toHaveBeenCalledTimes(1)
    repository.blobs.close()
  })
})

describe('a mistyped root never passes as "no problems"', () => {
  test.each([['check'], ['build'], ['stocktake'], ['new', '--topic', 'A.1', '--author', 'Japan']])(
    '%s in a folder with neither proposals/ nor consolidate.yaml: exit 2, one line',
    async (...args) => {
      const root = scratch()
      const result = await run([...args, '--root', root])
      expect(result).toEqual({
        code: 2,
        stdout: '',
        stderr: `consolidate: ${root} holds neither proposals/ nor consolidate.yaml, so it is not a workspace; pass --root DIR with the folder that holds them, or create one with consolidate init\n`,
      })
    },
  )

  test('diff between a workspace and an empty folder: exit 2', async () => {
    const empty = scratch()
    const root = workspace({ 'proposals/a.md': `${FRONT}Text.\n` })
    const result = await run(['diff', root, empty])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      `consolidate: the folder ${empty} holds neither proposals/ nor consolidate.yaml; give a workspace folder, or a git revision such as HEAD~1\n`,
    )
  })

  test('diff against a git revision that has no workspace: exit 2', async () => {
    const root = gitRepository()
    writeFileSync(path.join(root, 'README'), 'nothing yet\n')
    commitAll(root, 'empty')
    mkdirSync(path.join(root, 'proposals'))
    writeFileSync(path.join(root, 'proposals', 'a.md'), `${FRONT}Text.\n`)
    commitAll(root, 'first proposal')
    const result = await run(['diff', 'HEAD~1', 'HEAD', '--root', root])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      'consolidate: HEAD~1 has no workspace at the top of the repository: neither proposals/ nor consolidate.yaml; give a revision where it exists\n',
    )
  })
})

describe('nothing raw: one line for a refusal of the file system, exit 3 for a bug', () => {
  test.each([
    ['/proc/self/out', 'consolidate: cannot mkdir /proc/self/out: ENOENT (no such file or folder)\n'],
    ['/proc/version/out', 'consolidate: /proc/version is a file, not a folder; choose a folder for the outputs\n'],
  ])('build --out %s', async (out, message) => {
    const root = workspace({ 'proposals/a.md': `${FRONT}Text.\n` })
    const result = await run(['build', '--root', root, '--out', out])
    expect(result).toEqual({ code: 2, stdout: '', stderr: message })
  })

  test('init in a path through a file, in /sys and in /proc: exit 2, one line, nothing spins', async () => {
    const root = scratch()
    writeFileSync(path.join(root, 'afile'), '')
    expect(await run(['init', path.join(root, 'afile', 'sub')])).toEqual({
      code: 2,
      stdout: '',
      stderr: `consolidate: ${path.join(root, 'afile')} is a file, not a folder; run consolidate init with a new or existing folder\n`,
    })
    const sys = await run(['init', '/sys/consolidate-test'])
    expect(sys.code).toBe(2)
    expect(sys.stderr).toMatch(/^consolidate: cannot mkdir \/sys\/consolidate-test: E\w+ \([^)]+\)\n$/)
    const proc = await run(['init', '/proc/consolidate-test'])
    expect(proc).toEqual({ code: 2, stdout: '', stderr: 'consolidate: cannot mkdir /proc/consolidate-test: ENOENT (no such file or folder)\n' })
  })

  test('an internal failure exits 3 with one line asking for a report; the stack only with CONSOLIDATE_DEBUG=1', async () => {
    const root = workspace({ 'proposals/a.md': `${FRONT}Text.\n` })
    const { main } = await import('../src/cli.js')
    const broken = (env: Record<string, string>): Promise<{ code: number; stderr: string }> => {
      let stderr = ''
      const io = {
        cwd: root,
        env: { NO_COLOR: '1', CI: '1', ...env },
        stdout: {
          write: (): never => {
            throw new TypeError('the standard output broke')
          },
        },
        stderr: { write: (text: string) => (stderr += text) },
      }
      return main(['stocktake', '--root', root], io).then((code) => ({ code, stderr }))
    }
    expect(await broken({})).toEqual({
      code: 3,
      stderr:
        'consolidate: internal error: the standard output broke; this is a bug in consolidate, please report it with the command you ran (CONSOLIDATE_DEBUG=1 shows the details)\n',
    })
    const debug = await broken({ CONSOLIDATE_DEBUG: '1' })
    expect(debug.code).toBe(3)
    expect(debug.stderr).toContain('TypeError: the standard output broke\n    at ')
  })
})

describe('the parse cache', () => {
  // The cache's key is kept in the user's cache folder: here a scratch one, never the machine's.
  const keys = { XDG_CACHE_HOME: scratch('consolidate-keys-') }
  const files = (count: number): Record<string, string> =>
    Object.fromEntries(Array.from({ length: count }, (_, index) => [`proposals/p${index}.md`, `${FRONT}Each Party shall [act ${index}].\n`]))
  const load = async (root: string): Promise<Workspace> => {
    const store = await DiskCache.open(root, { env: keys })
    const workspace = await loadWorkspace(folderSource(root), { pool, cache: { store, version: 'test' } })
    await store.save()
    return workspace
  }

  test('a second load of an unchanged workspace parses nothing; an edited file is parsed again, alone', async () => {
    const root = workspace({ 'consolidate.yaml': CONFIG, ...files(12) })
    const cold = await load(root)
    expect(cold.parsed).toBe(12)
    const warm = await load(root)
    expect(warm.parsed).toBe(0)
    expect(warm.proposals).toEqual(cold.proposals)
    expect(warm.diagnostics).toEqual(cold.diagnostics)
    writeFileSync(path.join(root, 'proposals', 'p3.md'), `${FRONT}Each Party shall [act differently].\n`)
    const edited = await load(root)
    expect(edited.parsed).toBe(1)
    expect(edited.proposals.find((proposal) => proposal.id === 'p3')?.body.source).toContain('act differently')
  })

  test('new limits are new keys: the same bytes are parsed again', async () => {
    const root = workspace({ 'consolidate.yaml': CONFIG, ...files(3) })
    await load(root)
    writeFileSync(path.join(root, 'consolidate.yaml'), CONFIG.replace('4000', '5000'))
    expect((await load(root)).parsed).toBe(3)
  })

  test('a corrupt, an unreadable or an unwritable cache only costs a parse', async () => {
    const root = workspace({ 'consolidate.yaml': CONFIG, ...files(3) })
    const first = await load(root)
    const file = path.join(root, CACHE_FOLDER, 'parse.json')
    writeFileSync(file, '{"format":1,"entries":{"x":') // cut short
    expect((await load(root)).proposals).toEqual(first.proposals)
    writeFileSync(file, JSON.stringify({ format: 1, entries: Object.fromEntries([['anything', { diagnostics: 'not a list' }]]) }))
    expect((await load(root)).proposals).toEqual(first.proposals)
    rmSync(path.join(root, CACHE_FOLDER), { recursive: true })
    writeFileSync(path.join(root, CACHE_FOLDER), 'a file where the folder should be')
    const blocked = await load(root)
    expect(blocked.parsed).toBe(3)
    expect(blocked.proposals).toEqual(first.proposals)
  })

  test('two builds at once leave a cache that a third reads whole', async () => {
    const root = workspace({ 'consolidate.yaml': CONFIG, ...files(20) })
    const [a, b] = await Promise.all([load(root), load(root)])
    expect(a.proposals).toEqual(b.proposals)
    expect((await load(root)).parsed).toBe(0)
    expect(JSON.parse(readFileSync(path.join(root, CACHE_FOLDER, 'parse.json'), 'utf8')).format).toBe(2)
  })

  test('--no-cache and CI neither read nor write it; a plain build does', async () => {
    const root = workspace({ 'consolidate.yaml': CONFIG, ...files(2) })
    await run(['build', '--root', root, '--no-cache'], { env: { CI: undefined, ...keys } })
    expect(() => readFileSync(path.join(root, CACHE_FOLDER, 'parse.json'))).toThrow()
    await run(['build', '--root', root], { env: { CI: '1', ...keys } })
    expect(() => readFileSync(path.join(root, CACHE_FOLDER, 'parse.json'))).toThrow()
    await run(['build', '--root', root], { env: { CI: undefined, ...keys } })
    expect(Object.keys(JSON.parse(readFileSync(path.join(root, CACHE_FOLDER, 'parse.json'), 'utf8')).entries)).toHaveLength(2)
  })

  // Root reads every folder: the permission cannot be refused to it.
  test.skipIf(process.getuid?.() === 0)('a proposal folder that cannot be listed is reported, not skipped', async () => {
    const root = workspace({ 'proposals/locked/a.md': `${FRONT}Text.\n` })
    chmodSync(path.join(root, 'proposals', 'locked'), 0o000)
    try {
      expect(shown((await viaFolder(root)).diagnostics)).toEqual([
        'proposals/locked:1:1 error unreadable-file: cannot read this folder (EACCES); the files in it cannot be checked: make it readable',
      ])
    } finally {
      chmodSync(path.join(root, 'proposals', 'locked'), 0o755)
    }
  })
})

test('the compiled CLI exits once a diff of git revisions is printed: the git process it reads blobs through never holds it', () => {
  const root = gitRepository()
  mkdirSync(path.join(root, 'proposals'))
  writeFileSync(path.join(root, 'proposals', 'a.md'), `${FRONT}Text.\n`)
  commitAll(root, 'one')
  writeFileSync(path.join(root, 'proposals', 'a.md'), `${FRONT}Text two.\n`)
  commitAll(root, 'two')
  const started = Date.now()
  const result = spawnSync(
    process.execPath,
    [path.join(import.meta.dirname, '..', 'bin', 'consolidate.js'), 'diff', 'HEAD~1', 'HEAD', '--root', root, '--format', 'json'],
    { encoding: 'utf8', timeout: 20_000 },
  )
  expect(result.signal).toBe(null)
  expect(result.status).toBe(0)
  expect(JSON.parse(result.stdout).changed).toEqual([{ id: 'a', text: true }])
  expect(Date.now() - started).toBeLessThan(15_000)
})
