/**
 * `consolidate diff`: each folder of test/diff-fixtures holds an `old` and a
 * `new` workspace and the expected JSON and Markdown; the same pair is then
 * committed twice to a temporary repository and compared as git revisions.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { golden } from '../helpers/golden.js'
import { commitAll, git, gitRepository } from '../helpers/git.js'
import { run } from '../helpers/run.js'
import { scratch } from '../helpers/scratch.js'

const fixtures = path.join(import.meta.dirname, '..', 'diff-fixtures')
const scenarios = readdirSync(fixtures)
  .filter((name) => existsSync(path.join(fixtures, name, 'old')))
  .sort()

/** A scenario's expected JSON with the revisions named as another command line names them. */
function expectedJson(scenario: string, from: string, to: string): unknown {
  const report = JSON.parse(readFileSync(path.join(fixtures, scenario, 'expected.json'), 'utf8'))
  return { ...report, from: { ...report.from, ref: from }, to: { ...report.to, ref: to } }
}

/** A repository whose `negotiation/` sub-folder holds `old` at HEAD~1 and `new` at HEAD. */
function twoCommits(scenario: string): string {
  const repository = gitRepository()
  const workspace = path.join(repository, 'negotiation')
  cpSync(path.join(fixtures, scenario, 'old'), workspace, { recursive: true })
  commitAll(repository, 'Rev.3')
  rmSync(workspace, { recursive: true })
  cpSync(path.join(fixtures, scenario, 'new'), workspace, { recursive: true })
  commitAll(repository, 'Rev.4')
  return repository
}

describe.each(scenarios)('diff %s', (scenario) => {
  const folder = path.join(fixtures, scenario)

  test('folders, --format json', async () => {
    const result = await run(['diff', 'old', 'new', '--format', 'json'], { cwd: folder })
    expect(result.code, result.stderr).toBe(0)
    golden(path.join(folder, 'expected.json'), result.stdout)
  })

  test('folders, --format md', async () => {
    const result = await run(['diff', 'old', 'new'], { cwd: folder })
    expect(result.code, result.stderr).toBe(0)
    golden(path.join(folder, 'expected.md'), result.stdout)
  })

  test('git revisions, with --root a sub-folder of the repository', async () => {
    const repository = twoCommits(scenario)
    const json = await run(['diff', 'HEAD~1', 'HEAD', '--root', 'negotiation', '--format', 'json'], { cwd: repository })
    expect(json.code, json.stderr).toBe(0)
    expect(JSON.parse(json.stdout)).toEqual(expectedJson(scenario, 'HEAD~1', 'HEAD'))
    const md = await run(['diff', 'HEAD~1', 'HEAD'], { cwd: path.join(repository, 'negotiation') })
    expect(md.code, md.stderr).toBe(0)
    expect(md.stdout).toBe(readFileSync(path.join(folder, 'expected.md'), 'utf8').replace('`old`', '`HEAD~1`').replace('`new`', '`HEAD`'))
  })
})

describe('diff between git revisions', () => {
  test('a git revision against a folder: the working tree', async () => {
    const repository = twoCommits('every-kind')
    const result = await run(['diff', 'HEAD~1', 'negotiation', '--root', 'negotiation', '--format', 'json'], { cwd: repository })
    expect(result.code, result.stderr).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual(expectedJson('every-kind', 'HEAD~1', 'negotiation'))
  })

  test('reads git objects only: the working tree, its uncommitted edits and the index stay as they are', async () => {
    const repository = twoCommits('every-kind')
    const edited = path.join(repository, 'negotiation', 'proposals', 'c2-can-consumer.md')
    writeFileSync(edited, 'not committed\n')
    writeFileSync(path.join(repository, 'untracked.txt'), 'x\n')
    const status = git(repository, 'status', '--porcelain')
    const index = readFileSync(path.join(repository, '.git', 'index'))
    const result = await run(['diff', 'HEAD~1', 'HEAD', '--format', 'json', '--root', 'negotiation'], { cwd: repository })
    expect(result.code, result.stderr).toBe(0)
    expect(git(repository, 'status', '--porcelain')).toBe(status)
    expect(readFileSync(path.join(repository, '.git', 'index'))).toEqual(index)
    expect(readFileSync(edited, 'utf8')).toBe('not committed\n')
    expect(readdirSync(path.join(repository, 'negotiation', 'proposals')).sort()).toEqual(
      readdirSync(path.join(fixtures, 'every-kind', 'new', 'proposals')).sort(),
    )
  })

  test('a folder wins over a revision of the same name', async () => {
    const repository = twoCommits('every-kind')
    git(repository, 'tag', 'rev3', 'HEAD~1')
    cpSync(path.join(fixtures, 'every-kind', 'new'), path.join(repository, 'rev3'), { recursive: true })
    const result = await run(['diff', 'rev3', 'HEAD', '--root', 'negotiation', '--format', 'json'], { cwd: repository })
    expect(result.code, result.stderr).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({
      from: { ref: 'rev3', symbol: 'INF/ECOM/62/Rev.4' },
      to: { ref: 'HEAD', symbol: 'INF/ECOM/62/Rev.4' },
      added: [],
      removed: [],
      withdrawn: [],
      changed: [],
    })
    const tag = await run(['diff', 'rev3', 'HEAD', '--format', 'json'], { cwd: path.join(repository, 'negotiation') })
    expect(JSON.parse(tag.stdout).added).toEqual(['c2-can-consumer'])
  })

  test('errors in a revision: the diagnostics name the revision and the file, nothing is printed, exit 1', async () => {
    const repository = twoCommits('every-kind')
    writeFileSync(path.join(repository, 'negotiation', 'proposals', 'broken.md'), '---\ntopic: A.1.4\nauthor: Japan\n---\n\nEach Party [shall.\n')
    commitAll(repository, 'broken')
    const result = await run(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], { cwd: path.join(repository, 'negotiation') })
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('HEAD:negotiation/proposals/broken.md\n  6:12  error')
    expect(result.stderr).toContain('unbalanced-brackets')
    expect(result.stderr).toContain('consolidate: 1 error in HEAD; fix them to compare the revisions\n')
  })

  test('warnings are not printed, from either revision; errors are printed once each, under their revision', async () => {
    const repository = twoCommits('every-kind')
    const proposals = path.join(repository, 'negotiation', 'proposals')
    writeFileSync(path.join(proposals, 'warned.md'), '---\ntopic: A.1.4\nauthor: Japan\nextra: 1\n---\n\nEach Party shall [act].\n')
    commitAll(repository, 'a warning')
    writeFileSync(path.join(proposals, 'other.md'), '---\ntopic: A.1.4\nauthor: Japan\ncolour: red\n---\n\nEach Party shall [act].\n')
    commitAll(repository, 'another warning')
    const warned = await run(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], { cwd: path.join(repository, 'negotiation') })
    expect(warned.code).toBe(0)
    expect(warned.stderr).toBe('')
    writeFileSync(path.join(proposals, 'broken.md'), '---\ntopic: A.1.4\nauthor: Japan\n---\n\nEach Party [shall.\n')
    commitAll(repository, 'broken')
    writeFileSync(path.join(proposals, 'also-broken.md'), '---\ntopic: A.1.4\n---\n\nText.\n')
    commitAll(repository, 'also broken')
    const broken = await run(['diff', 'HEAD~1', 'HEAD'], { cwd: path.join(repository, 'negotiation') })
    expect(broken.code).toBe(1)
    expect(broken.stderr.match(/HEAD~1:negotiation\/proposals\/broken\.md/g)).toHaveLength(1)
    expect(broken.stderr.match(/HEAD:negotiation\/proposals\/broken\.md/g)).toHaveLength(1)
    expect(broken.stderr).toContain('HEAD:negotiation/proposals/also-broken.md')
    expect(broken.stderr).not.toContain('unknown-field')
    expect(broken.stderr).toContain('consolidate: 1 error in HEAD~1 and 2 errors in HEAD; fix them to compare the revisions\n')
  })

  test('a shallow clone without the revision: a usage error that says how to fetch it', async () => {
    const repository = twoCommits('every-kind')
    const clone = path.join(repository, '..', `${path.basename(repository)}-shallow`)
    git(path.dirname(repository), 'clone', '-q', '--depth', '1', `file://${repository}`, clone)
    const result = await run(['diff', 'HEAD~1', 'HEAD', '--root', 'negotiation'], { cwd: clone })
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(
      'consolidate: "HEAD~1" is not a folder, nor a revision this shallow clone has; if it is older history, fetch it: ' +
        '`git fetch --deepen=N` (N more commits) or `git fetch --unshallow` (all of it); in GitHub Actions, set `fetch-depth: 2` (for HEAD~1) or `0` on actions/checkout\n',
    )
    git(clone, 'fetch', '-q', '--deepen=1')
    expect((await run(['diff', 'HEAD~1', 'HEAD', '--root', 'negotiation', '--format', 'json'], { cwd: clone })).code).toBe(0)
  })

  test('neither a folder nor a revision: a usage error', async () => {
    const repository = twoCommits('whitespace-only')
    const result = await run(['diff', 'no-such-thing', 'HEAD', '--root', 'negotiation'], { cwd: repository })
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(
      /^consolidate: "no-such-thing" is neither a folder nor a git revision of the repository at .+; give a workspace folder, or a revision such as HEAD~1, a tag or a commit hash\n$/,
    )
  })

  test('outside a git repository, a name that is no folder is a usage error', async () => {
    const outside = scratch('consolidate-no-git-')
    const result = await run(['diff', 'HEAD~1', path.join(fixtures, 'every-kind', 'new'), '--root', outside], { cwd: outside })
    rmSync(outside, { recursive: true })
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^consolidate: "HEAD~1" is neither a folder nor a git revision: .+ is not in a git repository\n$/)
  })
})
