/**
 * The output folder, the manifest, revision names and git links as an
 * attacker meets them (issue 21, items 1, 5, 6, 7, 12 and 13): every attack
 * is refused or reported with its exit code and message, nothing outside the
 * workspace is touched, and a build replaces its outputs as one set.
 * (Timed and concurrent-process versions: test/slow/hardening.test.ts.)
 */
import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { hostname } from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { acquireLock } from '../src/lock.js'
import { jsonErrorOffset, parseManifest } from '../src/manifest.js'
import { gitSource, repositoryOf } from '../src/read/git.js'
import { scanFolder } from '../src/read/workspace.js'
import { commitAll, git, gitRepository } from './helpers/git.js'
import { run } from './helpers/run.js'
import { scratch, workspace } from './helpers/scratch.js'

const FRONT = '---\ntopic: A.1\nauthor: Japan\n---\n\n'
const GROUPS =
  'outline:\n  - { id: A.1, title: First }\n  - { id: A.2, title: Second }\ngroups:\n  - { name: First group, topics: [A.1] }\n  - { name: Second group, topics: [A.2] }\n'
const MANIFEST = '.consolidate-manifest.json'

/** A workspace with one proposal, built once (default target): `out/` holds its outputs and the manifest. */
async function built(files: Record<string, string> = {}): Promise<{ root: string; out: string }> {
  const root = workspace({ 'proposals/a.md': `${FRONT}Text.\n`, ...files })
  const result = await run(['build'], { cwd: root })
  expect(result.code, result.stderr).toBe(0)
  return { root, out: path.join(root, 'out') }
}

const manifestOf = (out: string): { builds: Array<{ group?: string; languages: string[]; formats: string[]; files: string[] }> } =>
  JSON.parse(readFileSync(path.join(out, MANIFEST), 'utf8'))
const REBUILD = 'run again each build that writes there (e.g. `consolidate build`) so that it records its outputs'

describe('the manifest fails loudly', () => {
  test('a stray comma: build --check exits 1 saying where, and how to rebuild it', async () => {
    const { root, out } = await built()
    const text = readFileSync(path.join(out, MANIFEST), 'utf8')
    writeFileSync(path.join(out, MANIFEST), text.replace('"stocktaking.md"', '"stocktaking.md",'))
    const result = await run(['build', '--check'], { cwd: root })
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `consolidate: cannot read the manifest out/${MANIFEST}: it is not valid JSON: line 15, column 7: Unexpected token ']'; it lists what the builds wrote into out, so --check cannot tell what to check: fix it, or delete it and ${REBUILD}\n`,
    })
  })

  test('one bad entry among good ones: exit 1 naming the entry, the field and what it may hold', async () => {
    const { root, out } = await built()
    await run(['build', '--view', 'clean'], { cwd: root })
    const manifest = manifestOf(out)
    manifest.builds[1].formats = ['md', 'pdf']
    writeFileSync(path.join(out, MANIFEST), JSON.stringify(manifest))
    const result = await run(['build', '--check'], { cwd: root })
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      `consolidate: cannot read the manifest out/${MANIFEST}: build 2 of "builds" has "formats": ["md","pdf"]; it must list one or more of md, html, docx; it lists what the builds wrote into out, so --check cannot tell what to check: fix it, or delete it and ${REBUILD}\n`,
    )
  })

  test.each([
    ['a file name that leads elsewhere', (manifest: ReturnType<typeof manifestOf>) => manifest.builds[0].files.push('../../victim.md')],
    ['a field no build has', (manifest: ReturnType<typeof manifestOf>) => Object.assign(manifest.builds[0], { publish: true })],
    ['an empty list of languages', (manifest: ReturnType<typeof manifestOf>) => (manifest.builds[0].languages = [])],
  ])('%s is a bad entry too (exit 1)', async (_, spoil) => {
    const { root, out } = await built()
    const manifest = manifestOf(out)
    spoil(manifest)
    writeFileSync(path.join(out, MANIFEST), JSON.stringify(manifest))
    const result = await run(['build', '--check'], { cwd: root })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^consolidate: cannot read the manifest out\/\.consolidate-manifest\.json: build 1 of "builds" has /)
  })

  test('what a manifest quotes never reaches the terminal raw: an escape sequence is shown as \\x1b', async () => {
    const { root, out } = await built()
    writeFileSync(path.join(out, MANIFEST), '{"format": 1, "builds": [\u001b[2J]}')
    const result = await run(['build', '--check'], { cwd: root })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("line 1, column 26: Unexpected token '\\x1b'")
    expect(result.stderr).not.toContain('\u001b')
  })

  test.each([
    ['a link to /dev/zero', (file: string) => symlinkSync('/dev/zero', file), 'it is a symbolic link, which is never followed'],
    ['a folder', (file: string) => mkdirSync(file), 'it is not a regular file (a folder, a FIFO or a device)'],
    ['a FIFO', (file: string) => execFileSync('mkfifo', [file]), 'it is not a regular file (a folder, a FIFO or a device)'],
    ['a sparse 2 GB file', (file: string) => (writeFileSync(file, ''), truncateSync(file, 2 ** 31)), 'it is larger than 1048576 bytes, which no manifest is'],
    ['a merge conflict', (file: string) => writeFileSync(file, '<<<<<<< HEAD\n{}\n'), "it is not valid JSON: line 1, column 1: Unexpected token '<'"],
  ])('%s in place of the manifest: exit 1 at once, never read whole', async (_, spoil, problem) => {
    const { root, out } = await built()
    rmSync(path.join(out, MANIFEST))
    spoil(path.join(out, MANIFEST))
    const result = await run(['build', '--check'], { cwd: root })
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `consolidate: cannot read the manifest out/${MANIFEST}: ${problem}; it lists what the builds wrote into out, so --check cannot tell what to check: fix it, or delete it and ${REBUILD}\n`,
    })
  })

  test('a deleted manifest while outputs are there: exit 1, never "up to date" for consolidated.md alone', async () => {
    const { root, out } = await built()
    await run(['build', '--view', 'clean'], { cwd: root })
    rmSync(path.join(out, MANIFEST))
    expect(await run(['build', '--check'], { cwd: root })).toEqual({
      code: 1,
      stdout: '',
      stderr: `consolidate: the manifest out/${MANIFEST} is missing, yet out holds outputs (clean.md, consolidated.md, stocktaking.md), so --check cannot tell which builds wrote them; ${REBUILD}, then check again\n`,
    })
  })

  test('no manifest and no outputs (a fresh clone): the default build is checked, and found missing', async () => {
    const root = workspace({ 'proposals/a.md': `${FRONT}Text.\n` })
    const result = await run(['build', '--check'], { cwd: root })
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('consolidate: missing (never built): out/consolidated.md, out/stocktaking.md; run `consolidate build`\n')
  })

  test('a build over a damaged manifest says so and writes it anew', async () => {
    const { root, out } = await built()
    writeFileSync(path.join(out, MANIFEST), '{"format": 1, "builds": [}')
    const result = await run(['build', '--view', 'clean'], { cwd: root })
    expect(result.code).toBe(0)
    expect(result.stderr).toContain(
      `consolidate: warning: the manifest out/${MANIFEST} could not be read (it is not valid JSON: line 1, column 26: Unexpected token '}'); it is written anew with this build's outputs only: run again the other builds that write into out, so that build --check checks their outputs too\n`,
    )
    expect(manifestOf(out).builds.map((entry) => entry.files)).toEqual([['clean.md']])
  })
})

describe('the manifest follows the configuration', () => {
  test("a removed group's entry is forgotten with a warning: --check checks the rest and passes; the next build drops it", async () => {
    const { root, out } = await built({ 'consolidate.yaml': GROUPS, 'proposals/b.md': '---\ntopic: A.2\nauthor: Japan\n---\n\nOther.\n' })
    expect((await run(['build', '--group', 'First group'], { cwd: root })).code).toBe(0)
    expect((await run(['build', '--group', 'Second group'], { cwd: root })).code).toBe(0)
    writeFileSync(path.join(root, 'consolidate.yaml'), GROUPS.replace(/  - \{ name: Second group.*\n/, ''))
    const check = await run(['build', '--check'], { cwd: root })
    expect(check.code, check.stderr).toBe(0)
    expect(check.stderr).toBe(
      'consolidate: warning: the manifest lists a build of the small group "Second group", which the configuration no longer has: it is forgotten, and its files (consolidated-second-group.md, stocktaking-second-group.md) are no longer checked; delete them from out if they are no longer issued\n' +
        'consolidate: up to date: out/consolidated-first-group.md, out/stocktaking-first-group.md, out/consolidated.md, out/stocktaking.md\n',
    )
    const rebuilt = await run(['build'], { cwd: root })
    expect(rebuilt.stderr).toContain('consolidate: warning: the manifest lists a build of the small group "Second group"')
    expect(manifestOf(out).builds.map((entry) => entry.group ?? null)).toEqual(['First group', null])
    expect((await run(['build', '--check'], { cwd: root })).stderr).not.toContain('warning')
  })

  test('duplicate entries (by hand, or --format in another order) are one target, rendered once', async () => {
    const root = workspace({ 'proposals/a.md': `${FRONT}Text.\n` })
    const out = path.join(root, 'out')
    expect((await run(['build', '--format', 'md,html'], { cwd: root })).code).toBe(0)
    const manifest = manifestOf(out)
    const twice = { format: 1, builds: [...manifest.builds, ...manifest.builds, { ...manifest.builds[0], formats: ['html', 'md'] }] }
    writeFileSync(path.join(out, MANIFEST), JSON.stringify(twice))
    expect(parseManifest(JSON.stringify(twice))).toEqual({ manifest: { format: 1, builds: manifest.builds } })
    const check = await run(['build', '--check'], { cwd: root })
    expect(check).toEqual({ code: 0, stdout: '', stderr: 'consolidate: up to date: out/consolidated.md, out/consolidated.html, out/stocktaking.md\n' })
    // The same formats in another order replace the entry, never add one.
    await run(['build', '--format', 'html,md'], { cwd: root })
    expect(manifestOf(out).builds).toHaveLength(1)
  })

  test('builds at once never lose an entry (in one process; several processes: the slow suite)', async () => {
    const { root, out } = await built({ 'consolidate.yaml': GROUPS })
    const targets = [[], ['--view', 'clean'], ['--group', 'First group'], ['--group', 'Second group']]
    for (let round = 0; round < 3; round++) {
      rmSync(path.join(out, MANIFEST))
      const results = await Promise.all(targets.map((flags) => run(['build', ...flags], { cwd: root })))
      expect(
        results.map((result) => result.code),
        results.map((r) => r.stderr).join(''),
      ).toEqual([0, 0, 0, 0])
      expect(manifestOf(out).builds).toHaveLength(targets.length)
    }
  })
})

describe('the output folder', () => {
  test('a committed link out of the workspace (out -> ../victim): build and --check refuse, exit 2, the victim untouched', async () => {
    const parent = scratch('consolidate-parent-')
    const root = path.join(parent, 'ws')
    const victim = path.join(parent, 'victim')
    mkdirSync(path.join(root, 'proposals'), { recursive: true })
    mkdirSync(victim)
    writeFileSync(path.join(root, 'proposals', 'a.md'), `${FRONT}Text.\n`)
    // A file named as a killed build's temporary file: never ours to delete outside the output folder.
    const bait = ['.consolidated.md.999999999.0123456789ab.tmp', 'consolidated.md']
    for (const name of bait) writeFileSync(path.join(victim, name), 'theirs')
    symlinkSync('../victim', path.join(root, 'out'))
    const message =
      'consolidate: the output folder out leads through the symbolic link out (to ../victim) outside the workspace; outputs are never written through such a link: delete the link, or pass --out with the folder it leads to\n'
    expect(await run(['build'], { cwd: root })).toEqual({ code: 2, stdout: '', stderr: message })
    expect(await run(['build', '--check'], { cwd: root })).toEqual({ code: 2, stdout: '', stderr: message })
    expect(readdirSync(victim).sort()).toEqual(bait.sort())
    expect(readFileSync(path.join(victim, 'consolidated.md'), 'utf8')).toBe('theirs')
    // Named on the command line, the same folder is the user's choice.
    expect((await run(['build', '--out', victim], { cwd: root })).code).toBe(0)
  })

  test('a link inside the workspace is followed', async () => {
    const root = workspace({ 'proposals/a.md': `${FRONT}Text.\n`, 'site/keep.txt': 'x' })
    symlinkSync('site', path.join(root, 'out'))
    expect((await run(['build'], { cwd: root })).code).toBe(0)
    expect(readdirSync(path.join(root, 'site')).sort()).toEqual([MANIFEST, 'consolidated.md', 'keep.txt', 'stocktaking.md'])
  })

  test.each([
    ['a link to /dev/zero', (file: string) => symlinkSync('/dev/zero', file), 'a symbolic link'],
    ['a link to /dev/stdin', (file: string) => symlinkSync('/dev/stdin', file), 'a symbolic link'],
    ['a FIFO', (file: string) => execFileSync('mkfifo', [file]), 'something that is not a file'],
    ['a folder', (file: string) => mkdirSync(file), 'a folder'],
  ])('%s in place of an output: --check and build refuse it at once (exit 2), never read it', async (_, spoil, what) => {
    const { root, out } = await built()
    rmSync(path.join(out, 'consolidated.md'))
    spoil(path.join(out, 'consolidated.md'))
    const target = path.join(out, 'consolidated.md')
    expect(await run(['build', '--check'], { cwd: root })).toEqual({
      code: 2,
      stdout: '',
      stderr: `consolidate: cannot check ${target}: ${what} stands in its place; remove it, or choose another --out; outputs are compared only as regular files\n`,
    })
    expect(await run(['build'], { cwd: root })).toEqual({
      code: 2,
      stdout: '',
      stderr: `consolidate: cannot write ${target}: ${what} stands in its place; remove it, or choose another --out; nothing was written\n`,
    })
  })

  test('an output far larger than expected (sparse: never read) is out of date', async () => {
    const { root, out } = await built()
    truncateSync(path.join(out, 'consolidated.md'), 2 ** 33)
    expect(await run(['build', '--check'], { cwd: root })).toEqual({
      code: 1,
      stdout: '',
      stderr: 'consolidate: out of date: out/consolidated.md; run `consolidate build` to update\n',
    })
  })
})

describe('the outputs are replaced as one set', () => {
  test("swapped in whole: other builds' files, links and the folder's mode kept, nothing left beside it", async () => {
    const { root, out } = await built()
    writeFileSync(path.join(out, 'README.txt'), 'Issued texts.\n')
    symlinkSync('consolidated.md', path.join(out, 'latest.md'))
    chmodSync(out, 0o750)
    const before = statSync(out).ino
    writeFileSync(path.join(root, 'proposals', 'a.md'), `${FRONT}New text.\n`)
    expect((await run(['build'], { cwd: root })).code).toBe(0)
    expect(statSync(out).ino).not.toBe(before)
    expect(readdirSync(out).sort()).toEqual([MANIFEST, 'README.txt', 'consolidated.md', 'latest.md', 'stocktaking.md'])
    expect(readFileSync(path.join(out, 'consolidated.md'), 'utf8')).toContain('New text.')
    expect(lstatSync(path.join(out, 'latest.md')).isSymbolicLink()).toBe(true)
    expect(statSync(out).mode & 0o777).toBe(0o750)
    expect(readdirSync(root).sort()).toEqual(['out', 'proposals'])
  })

  test('a folder holding a folder is not swapped: each file is renamed into place, the subfolder kept', async () => {
    const { root, out } = await built()
    mkdirSync(path.join(out, 'assets'))
    writeFileSync(path.join(out, 'assets', 'logo.svg'), '<svg/>')
    const before = statSync(out).ino
    writeFileSync(path.join(root, 'proposals', 'a.md'), `${FRONT}New text.\n`)
    expect((await run(['build'], { cwd: root })).code).toBe(0)
    expect(statSync(out).ino).toBe(before)
    expect(readFileSync(path.join(out, 'consolidated.md'), 'utf8')).toContain('New text.')
    expect(readdirSync(out).sort()).toEqual([MANIFEST, 'assets', 'consolidated.md', 'stocktaking.md'])
    expect(readdirSync(root).sort()).toEqual(['out', 'proposals'])
  })

  test('a swap cut between its two renames (out/ missing) is completed by the next build from the whole new set', async () => {
    const { root, out } = await built()
    writeFileSync(path.join(out, 'other-build.md'), 'kept\n')
    const stem = path.join(root, '.out.999999999.0123456789ab')
    execFileSync('cp', ['-a', out, `${stem}.new`])
    execFileSync('mv', [out, `${stem}.old`])
    rmSync(path.join(`${stem}.old`, 'other-build.md'))
    expect((await run(['build'], { cwd: root })).code).toBe(0)
    expect(readdirSync(out).sort()).toEqual([MANIFEST, 'consolidated.md', 'other-build.md', 'stocktaking.md'])
    expect(readdirSync(root).sort()).toEqual(['out', 'proposals'])
  })

  test("dead builds' staging and broken locks are removed; a live build's, and a folder of that name holding a folder, are left alone", async () => {
    const { root } = await built()
    const dead = `.out.999999999.0123456789ab.new`
    const live = `.out.${process.pid}.0123456789ab.old`
    const notOurs = `.out.999999998.0123456789ab.old`
    for (const name of [dead, live, notOurs]) {
      mkdirSync(path.join(root, name))
      writeFileSync(path.join(root, name, 'consolidated.md'), 'x')
    }
    mkdirSync(path.join(root, notOurs, 'inner'))
    // A lock a killed build was breaking, renamed aside.
    writeFileSync(path.join(root, '.out.consolidate-lock.999999999.0123456789ab.stale'), '1 host token\n')
    expect((await run(['build'], { cwd: root })).code).toBe(0)
    expect(readdirSync(root).sort()).toEqual([live, notOurs, 'out', 'proposals'].sort())
  })
})

describe('revision names', () => {
  test.each([[['build', '--since', '']], [['diff', '', 'HEAD']], [['stats', '--since', ' ']]])('an empty revision is exit 2: %j', async (args) => {
    const root = workspace({ 'proposals/a.md': `${FRONT}Text.\n` })
    expect(await run(args, { cwd: root })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'consolidate: an empty revision names nothing; give a workspace folder, or a git revision such as HEAD~1, a tag or a commit hash\n',
    })
  })

  test('HEAD:../../ names neither a folder nor a commit, even where it would cancel out to the workspace on paper', async () => {
    const repository = gitRepository()
    const root = path.join(repository, 'negotiation')
    mkdirSync(path.join(root, 'proposals', 'x'), { recursive: true })
    writeFileSync(path.join(root, 'proposals', 'a.md'), `${FRONT}Text.\n`)
    commitAll(repository, 'one')
    // From proposals/x/, `HEAD:../../` resolves on paper to the workspace itself: the working tree.
    const result = await run(['build', '--root', '../..', '--since', 'HEAD:../../'], { cwd: path.join(root, 'proposals', 'x') })
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `consolidate: "HEAD:../../" is neither a folder nor a git revision of the repository at ${repository}; give a workspace folder, or a revision such as HEAD~1, a tag or a commit hash\n`,
    })
    expect(existsSync(path.join(root, 'out'))).toBe(false)
  })

  test('previous: a folder outside the repository is refused (exit 2); inside it, read; on the command line, anywhere', async () => {
    const repository = gitRepository()
    const root = path.join(repository, 'negotiation')
    const outside = scratch('consolidate-outside-')
    for (const folder of [root, path.join(repository, 'rev5'), outside]) {
      mkdirSync(path.join(folder, 'proposals'), { recursive: true })
      writeFileSync(path.join(folder, 'proposals', 'a.md'), `${FRONT}Text.\n`)
    }
    writeFileSync(path.join(outside, 'proposals', 'secret.md'), `${FRONT}Confidential.\n`)
    commitAll(repository, 'one')
    writeFileSync(path.join(root, 'consolidate.yaml'), `previous: ${path.relative(root, outside)}\n`)
    expect(await run(['build'], { cwd: root })).toEqual({
      code: 2,
      stdout: '',
      stderr: `consolidate: previous: ${path.relative(root, outside)} in the configuration names a folder outside the repository (${outside}); a configuration may name only a folder inside it, or a git revision, since what it names is read into the redline: give that folder on the command line instead (--since ${outside}), or a git revision in previous:\n`,
    })
    // A link inside the repository that leads out is outside too.
    symlinkSync(outside, path.join(repository, 'elsewhere'))
    writeFileSync(path.join(root, 'consolidate.yaml'), 'previous: ../elsewhere\n')
    expect((await run(['build'], { cwd: root })).code).toBe(2)
    writeFileSync(path.join(root, 'consolidate.yaml'), 'previous: ../rev5\n')
    expect((await run(['build'], { cwd: root })).code).toBe(0)
    writeFileSync(path.join(root, 'consolidate.yaml'), '')
    expect((await run(['build', '--since', outside], { cwd: root })).code).toBe(0)
    expect(readFileSync(path.join(root, 'out', 'consolidated-redline.md'), 'utf8')).toContain('Confidential')
  })

  test('outside git, previous: may name a folder inside the workspace only', async () => {
    const parent = scratch('consolidate-parent-')
    const root = path.join(parent, 'ws')
    for (const folder of [root, path.join(root, 'archive', 'rev5'), path.join(parent, 'rev5')]) {
      mkdirSync(path.join(folder, 'proposals'), { recursive: true })
      writeFileSync(path.join(folder, 'proposals', 'a.md'), `${FRONT}Text.\n`)
    }
    writeFileSync(path.join(root, 'consolidate.yaml'), 'previous: ../rev5\n')
    const refused = await run(['build'], { cwd: root })
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('previous: ../rev5 in the configuration names a folder outside the workspace')
    writeFileSync(path.join(root, 'consolidate.yaml'), 'previous: archive/rev5\n')
    expect((await run(['build'], { cwd: root })).code).toBe(0)
  })
})

describe('git link objects', () => {
  /** A repository whose HEAD holds a proposal and links of `size` bytes under proposals/ and elsewhere. */
  function withLinks(size: number): { repository: string } {
    const repository = gitRepository()
    mkdirSync(path.join(repository, 'proposals'))
    writeFileSync(path.join(repository, 'proposals', 'a.md'), `${FRONT}Text.\n`)
    commitAll(repository, 'one')
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: repository, input: 'x'.repeat(size), encoding: 'utf8' }).trim()
    execFileSync('git', ['update-index', '--add', '--index-info'], { cwd: repository, input: `120000 ${blob}\tproposals/long.md\n120000 ${blob}\tdocs/long\n` })
    git(repository, 'commit', '-q', '-m', 'links')
    return { repository }
  }

  test('a link longer than any path is never read: a diagnostic where the loader looks, nothing elsewhere', async () => {
    const { repository } = withLinks(5000)
    const repo = (await repositoryOf(repository))!
    const asked: string[] = []
    const read = repo.blobs.read.bind(repo.blobs)
    repo.blobs.read = (oid: string) => (asked.push(oid), read(oid))
    try {
      const source = await gitSource(repo, 'HEAD', 'HEAD:')
      expect(await scanFolder(source, 'proposals')).toEqual({
        files: [{ name: 'proposals/a.md', path: 'proposals/a.md' }],
        diagnostics: [
          {
            file: 'proposals/long.md',
            line: 1,
            column: 1,
            severity: 'error',
            rule: 'unreadable-file',
            message: 'cannot examine this entry (ENAMETOOLONG); it is a symbolic link of 5000 bytes, longer than any path, so it is not followed: remove it',
          },
        ],
      })
      expect(asked).toEqual([])
    } finally {
      repo.blobs.close()
    }
  })

  test("a link of a path's size is read only when the loader looks at it", async () => {
    const { repository } = withLinks(20)
    const repo = (await repositoryOf(repository))!
    const asked: string[] = []
    const read = repo.blobs.read.bind(repo.blobs)
    repo.blobs.read = (oid: string) => (asked.push(oid), read(oid))
    try {
      const source = await gitSource(repo, 'HEAD', 'HEAD:')
      expect(asked).toEqual([])
      expect(await source.entry('proposals/long.md')).toEqual({ type: 'link', target: 'x'.repeat(20) })
      expect(await source.entry('proposals/long.md')).toEqual({ type: 'link', target: 'x'.repeat(20) })
      expect(asked).toHaveLength(1)
    } finally {
      repo.blobs.close()
    }
  })
})

describe('the lock builds take turns with', () => {
  test("a live build's lock is waited on, then reported busy; a dead one's, or one older than any build, is broken", async () => {
    const folder = scratch('consolidate-lock-')
    const file = path.join(folder, 'lock')
    writeFileSync(file, `${process.pid} ${hostname()} 0123456789abcdef\n`)
    const started = Date.now()
    expect(await acquireLock(file, 300)).toEqual({ busy: `process ${process.pid}` })
    expect(Date.now() - started).toBeGreaterThanOrEqual(300)
    writeFileSync(file, '1 another-machine 0123456789abcdef\n')
    expect(await acquireLock(file, 100)).toEqual({ busy: 'process 1 on another-machine' })
    utimesSync(file, new Date(0), new Date(0))
    const taken = await acquireLock(file, 100)
    expect('release' in taken).toBe(true)
    expect(readFileSync(file, 'utf8')).toMatch(new RegExp(`^${process.pid} `))
    if ('release' in taken) await taken.release()
    expect(existsSync(file)).toBe(false)
    mkdirSync(file)
    expect(await acquireLock(file, 100)).toEqual({ blocked: 'not a lock file (a folder, a link or a device stands in its place)' })
  })

  test('a release never removes a lock taken by another build meanwhile', async () => {
    const file = path.join(scratch('consolidate-lock-'), 'lock')
    const first = await acquireLock(file, 100)
    writeFileSync(file, `${process.pid} ${hostname()} fedcba9876543210\n`)
    if ('release' in first) await first.release()
    expect(existsSync(file)).toBe(true)
  })
})

describe('where a JSON text stops being JSON', () => {
  test('valid JSON has no such place; a damaged one has it within the text, where JSON.parse gives one too', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom(',', ']', '}', '<', '"', ':', ''), (json, at, inserted) => {
        expect(jsonErrorOffset(json)).toBeUndefined()
        const cut = at % (json.length + 1)
        const damaged = json.slice(0, cut) + inserted + json.slice(cut + (inserted === '' ? 1 : 0))
        let valid = true
        try {
          JSON.parse(damaged)
        } catch (error) {
          valid = false
          const offset = jsonErrorOffset(damaged)
          expect(offset).toBeGreaterThanOrEqual(0)
          expect(offset).toBeLessThanOrEqual(damaged.length)
        }
        if (valid) expect(jsonErrorOffset(damaged)).toBeUndefined()
      }),
      { numRuns: 300, seed: 21 },
    )
  })
})
