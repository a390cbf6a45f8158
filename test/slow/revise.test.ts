/** `consolidate revise`: the next revision in consolidate.yaml, every other byte kept; `--tag` builds, commits and tags; every refusal changes nothing. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { editConfig, nextSymbol } from '../../src/revisions/revise.js'
import { commitAll, git, gitRepository } from '../helpers/git.js'
import { run } from '../helpers/run.js'
import { workspace } from '../helpers/scratch.js'

const proposal = (text = 'Each Party shall [endeavour to] cooperate.') => `---\ntopic: A.1\nauthor: Japan\n---\n\n${text}\n`

/** A configuration as secretariats write them: comments everywhere, quoting, flow mappings, blank lines. */
const commented = (symbol: string, previous: string, date = '2026-11-28') => `# The negotiation on electronic commerce.
#   Symbols follow the documents service.

title:   "Electronic Commerce: Consolidated Negotiating Text"   # the cover
symbol: '${symbol}'    # ← revise moves this
date: ${date}
language: en

# The redline compares with this revision:
previous:   ${previous}   # a tag

documents:
  clean: { title: "Chair's Text", symbol: INF/ECOM/85/Rev.1 }  # the Chair's
  stocktaking:
    symbol: INF/ECOM/86     # no revision number: left alone
    title: Stocktaking

stocktaking:
  threshold: 3  # fewer supporters = limited
`

/** A repository with Rev.4 (tagged v4), then Rev.5 begun in one commit and continued in another. */
function history(): { root: string; rev5: string } {
  const root = gitRepository()
  mkdirSync(path.join(root, 'proposals'))
  writeFileSync(path.join(root, 'proposals', 'a1-jpn.md'), proposal())
  writeFileSync(path.join(root, 'consolidate.yaml'), commented('INF/ECOM/62/Rev.4', 'v3'))
  commitAll(root, 'Rev.4', '2026-10-01T10:00:00Z')
  git(root, 'tag', 'v4')
  writeFileSync(path.join(root, 'consolidate.yaml'), commented('INF/ECOM/62/Rev.5', 'v4'))
  commitAll(root, 'Rev.5', '2026-11-28T10:00:00Z')
  const rev5 = git(root, 'rev-parse', 'HEAD').trim()
  writeFileSync(path.join(root, 'proposals', 'a1-jpn.md'), proposal('Each Party shall cooperate.'))
  commitAll(root, 'Work towards Rev.6', '2026-12-01T10:00:00Z')
  return { root, rev5 }
}

describe('revise', () => {
  test("moves symbol, date, previous and the documents' revision numbers, and nothing else, byte for byte", async () => {
    const { root, rev5 } = history()
    const result = await run(['revise', '--date', '2026-12-05'], { cwd: root })
    expect(result).toEqual({
      code: 0,
      stdout: `consolidate.yaml:\n  symbol                  INF/ECOM/62/Rev.5 \u2192 INF/ECOM/62/Rev.6\n  date                    2026-11-28 \u2192 2026-12-05\n  documents.clean.symbol  INF/ECOM/85/Rev.1 \u2192 INF/ECOM/85/Rev.2\n  previous                v4 \u2192 ${rev5}\n`,
      stderr: 'consolidate: consolidate.yaml now prepares INF/ECOM/62/Rev.6; next: consolidate build\n',
    })
    const expected = commented('INF/ECOM/62/Rev.6', rev5, '2026-12-05').replace('INF/ECOM/85/Rev.1', 'INF/ECOM/85/Rev.2')
    expect(readFileSync(path.join(root, 'consolidate.yaml'), 'utf8')).toBe(expected)
    // The revised configuration is one check accepts, and the redline compares with Rev.5.
    expect(await run(['check', '--root', root, '--format', 'json'])).toEqual({ code: 0, stdout: '[]\n', stderr: '' })
  })

  test('previous: the tag of the revision being replaced when it has one, v<N> first', async () => {
    const { root, rev5 } = history()
    git(root, 'tag', 'issued-rev5', rev5)
    git(root, 'tag', 'v5', rev5)
    await run(['revise', '--date', '2026-12-05'], { cwd: root })
    expect(readFileSync(path.join(root, 'consolidate.yaml'), 'utf8')).toContain('\nprevious:   v5   # a tag\n')
  })

  test('a symbol without a revision number gains /Rev.1; date and previous are added after symbol when missing; CRLF and a byte order mark are kept', async () => {
    const root = gitRepository()
    writeFileSync(path.join(root, 'consolidate.yaml'), '\ufefftitle: T\r\nsymbol: INF/ECOM/62 # first issue\r\nlanguage: en\r\n')
    mkdirSync(path.join(root, 'proposals'))
    writeFileSync(path.join(root, 'proposals', 'a1-jpn.md'), proposal())
    commitAll(root, 'First issue')
    const first = git(root, 'rev-parse', 'HEAD').trim()
    const result = await run(['revise', '--date', '2027-01-15'], { cwd: root })
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toBe(
      `consolidate.yaml:\n  symbol    INF/ECOM/62 \u2192 INF/ECOM/62/Rev.1\n  date      (none) \u2192 2027-01-15\n  previous  (none) \u2192 ${first}\n`,
    )
    expect(readFileSync(path.join(root, 'consolidate.yaml'), 'utf8')).toBe(
      `\ufefftitle: T\r\nsymbol: INF/ECOM/62/Rev.1 # first issue\r\ndate: 2027-01-15\r\nprevious: ${first}\r\nlanguage: en\r\n`,
    )
  })

  test('today by default', async () => {
    const { root } = history()
    const now = new Date()
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
    expect((await run(['revise'], { cwd: root })).code).toBe(0)
    expect(readFileSync(path.join(root, 'consolidate.yaml'), 'utf8')).toContain(`\ndate: ${today}\n`)
  })

  test('outside git: symbol and date move, previous is left as it was, and the user is told', async () => {
    const root = workspace({ 'consolidate.yaml': 'symbol: INF/ECOM/62/Rev.5\ndate: 2026-11-28\nprevious: ../rev4\n', 'proposals/a1-jpn.md': proposal() })
    const result = await run(['revise', '--root', root, '--date', '2026-12-05'])
    expect(result.code).toBe(0)
    expect(readFileSync(path.join(root, 'consolidate.yaml'), 'utf8')).toBe('symbol: INF/ECOM/62/Rev.6\ndate: 2026-12-05\nprevious: ../rev4\n')
    expect(result.stderr).toContain(
      `\`previous\` left as it was: ${path.basename(root)} is not in a git repository; set it to the folder that holds INF/ECOM/62/Rev.5, for the redline`,
    )
  })

  test.each([
    [
      'a corrigendum of a revision',
      'INF/ECOM/62/Rev.5/Corr.1',
      'consolidate: the symbol INF/ECOM/62/Rev.5/Corr.1 ends in `/Corr.1`, which revise cannot carry to the next revision; edit `symbol`, `date` and `previous` in consolidate.yaml by hand, e.g. `symbol: INF/ECOM/62/Rev.6`\n',
    ],
    [
      'a corrigendum',
      'INF/ECOM/62/Corr.2',
      'consolidate: the symbol INF/ECOM/62/Corr.2 ends in `/Corr.2`, which revise cannot carry to the next revision; edit `symbol`, `date` and `previous` in consolidate.yaml by hand, e.g. `symbol: INF/ECOM/62/Rev.1`\n',
    ],
  ])('%s: exit 2 with a hint, nothing changed', async (_, symbol, stderr) => {
    const text = `symbol: ${symbol}\ndate: 2026-11-28\n`
    const root = workspace({ 'consolidate.yaml': text, 'proposals/a1-jpn.md': proposal() })
    expect(await run(['revise', '--root', root])).toEqual({ code: 2, stdout: '', stderr })
    expect(readFileSync(path.join(root, 'consolidate.yaml'), 'utf8')).toBe(text)
  })

  test('without a configuration, or without symbol: exit 2; a bad --date: exit 2', async () => {
    const bare = workspace({ 'proposals/a1-jpn.md': proposal() })
    const none = await run(['revise', '--root', bare])
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/^consolidate: there is no configuration .*consolidate\.yaml, and revise moves its `symbol` to the next revision/)
    expect(existsSync(path.join(bare, 'consolidate.yaml'))).toBe(false)
    const unnamed = workspace({ 'consolidate.yaml': 'title: T\n', 'proposals/a1-jpn.md': proposal() })
    const noSymbol = await run(['revise', '--root', unnamed])
    expect(noSymbol.code).toBe(2)
    expect(noSymbol.stderr).toContain("has no `symbol`, and revise moves it to the next revision; add the current revision's, e.g. `symbol: INF/ECOM/62/Rev.4`")
    expect(readFileSync(path.join(unnamed, 'consolidate.yaml'), 'utf8')).toBe('title: T\n')
    expect(await run(['revise', '--root', unnamed, '--date', '5 December'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'consolidate: --date "5 December" is not a date written YYYY-MM-DD, e.g. --date 2026-12-05\n',
    })
  })

  test('inputs with errors: exit 1, the errors printed, nothing changed', async () => {
    const text = 'symbol: INF/ECOM/62/Rev.5\n'
    const root = workspace({ 'consolidate.yaml': text, 'proposals/a1-jpn.md': '---\ntopic: A.1\n---\n\nText.\n' })
    const result = await run(['revise', '--root', root])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('missing-author')
    expect(result.stderr).toContain('consolidate: 1 error in the inputs; fix them before preparing the next revision; nothing was changed\n')
    expect(readFileSync(path.join(root, 'consolidate.yaml'), 'utf8')).toBe(text)
  })

  test('in git, with the revision being replaced never committed: exit 2, nothing changed', async () => {
    const root = gitRepository()
    writeFileSync(path.join(root, 'consolidate.yaml'), 'symbol: INF/ECOM/62/Rev.5\n')
    mkdirSync(path.join(root, 'proposals'))
    writeFileSync(path.join(root, 'proposals', 'a1-jpn.md'), proposal())
    const result = await run(['revise', '--root', root])
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "consolidate: no commit of this repository's history holds INF/ECOM/62/Rev.5 in its configuration, and `previous:` must name the revision being replaced; commit it first (git add -A && git commit), then run consolidate revise again\n",
    })
    expect(readFileSync(path.join(root, 'consolidate.yaml'), 'utf8')).toBe('symbol: INF/ECOM/62/Rev.5\n')
  })

  test('a configuration that is a link is not written through', async () => {
    const root = workspace({ 'real.yaml': 'symbol: INF/ECOM/62/Rev.5\n', 'proposals/a1-jpn.md': proposal() })
    const { symlinkSync } = await import('node:fs')
    symlinkSync('real.yaml', path.join(root, 'consolidate.yaml'))
    const result = await run(['revise', '--root', root])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('consolidate.yaml is a symbolic link; revise rewrites the file in place and does not write through links')
    expect(readFileSync(path.join(root, 'real.yaml'), 'utf8')).toBe('symbol: INF/ECOM/62/Rev.5\n')
  })
})

describe('revise --tag', () => {
  test('builds, commits consolidate.yaml and out/ only, tags v<N>', async () => {
    const { root, rev5 } = history()
    const result = await run(['revise', '--tag', '--date', '2026-12-05'], { cwd: root })
    expect(result.code, result.stderr).toBe(0)
    const head = git(root, 'rev-parse', '--short=12', 'HEAD').trim()
    expect(result.stderr).toContain(`consolidate: committed INF/ECOM/62/Rev.6 as ${head} and tagged it v6\n`)
    expect(git(root, 'rev-parse', 'v6^{commit}')).toBe(git(root, 'rev-parse', 'HEAD'))
    expect(git(root, 'log', '-1', '--format=%s')).toBe('INF/ECOM/62/Rev.6\n')
    expect(git(root, 'show', '--name-only', '--format=', 'HEAD').split('\n').filter(Boolean).sort()).toEqual([
      'consolidate.yaml',
      'out/.consolidate-manifest.json',
      'out/consolidated-redline.md',
      'out/consolidated.md',
      'out/stocktaking.md',
    ])
    expect(git(root, 'status', '--porcelain')).toBe('')
    expect(readFileSync(path.join(root, 'out', 'consolidated.md'), 'utf8')).toContain('INF/ECOM/62/Rev.6')
    expect(readFileSync(path.join(root, 'consolidate.yaml'), 'utf8')).toContain(`previous:   ${rev5}   # a tag`)
  })

  test('a workspace in a folder of the repository: changes outside it are not its business and stay uncommitted', async () => {
    const top = gitRepository()
    const root = path.join(top, 'negotiation')
    mkdirSync(path.join(root, 'proposals'), { recursive: true })
    writeFileSync(path.join(root, 'proposals', 'a1-jpn.md'), proposal())
    writeFileSync(path.join(root, 'consolidate.yaml'), 'symbol: INF/ECOM/62/Rev.1\ndate: 2026-11-28\n')
    commitAll(top, 'Rev.1')
    writeFileSync(path.join(top, 'notes.txt'), "the secretariat's own notes\n")
    const result = await run(['revise', '--tag', '--root', 'negotiation', '--date', '2026-12-05'], { cwd: top })
    expect(result.code, result.stderr).toBe(0)
    expect(git(top, 'show', '--name-only', '--format=', 'v2^{commit}').split('\n').filter(Boolean).sort()).toEqual([
      'negotiation/consolidate.yaml',
      'negotiation/out/.consolidate-manifest.json',
      'negotiation/out/consolidated-redline.md',
      'negotiation/out/consolidated.md',
      'negotiation/out/stocktaking.md',
    ])
    expect(git(top, 'status', '--porcelain')).toBe('?? notes.txt\n')
  })

  test('refused outside git, with other changes in the workspace, or when the tag exists: exit 2, nothing changed', async () => {
    const outside = workspace({ 'consolidate.yaml': 'symbol: INF/ECOM/62/Rev.5\n', 'proposals/a1-jpn.md': proposal() })
    const notGit = await run(['revise', '--tag', '--root', outside])
    expect(notGit.code).toBe(2)
    expect(notGit.stderr).toBe(
      `consolidate: --tag commits and tags the revision, and ${outside} is not in a git repository; run consolidate revise without --tag, or put the workspace under git\n`,
    )
    expect(readFileSync(path.join(outside, 'consolidate.yaml'), 'utf8')).toBe('symbol: INF/ECOM/62/Rev.5\n')

    const { root } = history()
    const before = readFileSync(path.join(root, 'consolidate.yaml'), 'utf8')
    writeFileSync(path.join(root, 'proposals', 'b1-can.md'), proposal())
    writeFileSync(path.join(root, 'proposals', 'a1-jpn.md'), proposal('Changed.'))
    mkdirSync(path.join(root, 'out'))
    writeFileSync(path.join(root, 'out', 'consolidated.md'), 'old\n')
    const dirty = await run(['revise', '--tag', '--root', root])
    expect(dirty).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'consolidate: --tag commits only consolidate.yaml and out/, and the workspace has other changes (proposals/a1-jpn.md, proposals/b1-can.md); commit them first, then run consolidate revise --tag again; nothing was changed\n',
    })
    commitAll(root, 'More work')
    git(root, 'tag', 'v6')
    const tagged = await run(['revise', '--tag', '--root', root])
    expect(tagged).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'consolidate: the tag v6 exists already; if it names an older attempt at this revision, delete it (git tag -d v6) and run consolidate revise --tag again; nothing was changed\n',
    })
    expect(readFileSync(path.join(root, 'consolidate.yaml'), 'utf8')).toBe(before)
  })

  test('a build that fails puts consolidate.yaml back and commits nothing', async () => {
    const root = gitRepository()
    mkdirSync(path.join(root, 'proposals'))
    // The revision being replaced has an error: the redline cannot compare with it.
    writeFileSync(path.join(root, 'proposals', 'a1-jpn.md'), '---\ntopic: A.1\n---\n\nText.\n')
    writeFileSync(path.join(root, 'consolidate.yaml'), 'symbol: INF/ECOM/62/Rev.5\ndate: 2026-11-28\n')
    commitAll(root, 'Rev.5, broken')
    writeFileSync(path.join(root, 'proposals', 'a1-jpn.md'), proposal())
    commitAll(root, 'Fixed')
    const before = readFileSync(path.join(root, 'consolidate.yaml'), 'utf8')
    const head = git(root, 'rev-parse', 'HEAD')
    const result = await run(['revise', '--tag', '--root', root])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('the revision to compare with')
    expect(result.stderr).toContain('consolidate: the build failed, so consolidate.yaml was put back as it was and nothing was committed\n')
    expect(readFileSync(path.join(root, 'consolidate.yaml'), 'utf8')).toBe(before)
    expect(git(root, 'rev-parse', 'HEAD')).toBe(head)
    expect(git(root, 'tag')).toBe('')
  })
})

describe('the next revision, as data', () => {
  test.each([
    ['INF/ECOM/62/Rev.5', { symbol: 'INF/ECOM/62/Rev.6', number: 6 }],
    ['INF/ECOM/62/Rev.9', { symbol: 'INF/ECOM/62/Rev.10', number: 10 }],
    ['INF/ECOM/62', { symbol: 'INF/ECOM/62/Rev.1', number: 1 }],
    ['JOB/GC/200/REV.2', { symbol: 'JOB/GC/200/REV.3', number: 3 }],
    ['WT/L/1130/Add.1', { symbol: 'WT/L/1130/Add.1/Rev.1', number: 1 }],
  ])('%s', (symbol, next) => expect(nextSymbol(symbol)).toEqual(next))

  test('a value in a nested flow mapping, quoting kept; a value that would read as a number is quoted', () => {
    expect(
      editConfig('a: { b: "x" } # c\nprevious: ~\n', [
        { path: ['a', 'b'], value: 'y' },
        { path: ['previous'], value: '123e4' },
      ]),
    ).toEqual({
      text: 'a: { b: "y" } # c\nprevious: "123e4"\n',
      changes: [
        { field: 'a.b', from: 'x', to: 'y' },
        { field: 'previous', to: '123e4' },
      ],
    })
  })

  test('a file that is not a mapping, a value that is a list', () => {
    expect(editConfig('- a\n', [{ path: ['symbol'], value: 'x' }])).toEqual({
      problem: 'consolidate.yaml is not a mapping of fields (`name: value`, one a line); revise edits such a file only',
    })
    expect(editConfig('symbol: [a]\n', [{ path: ['symbol'], value: 'x' }])).toEqual({
      problem: '`symbol` in consolidate.yaml is not a single value; write it as one (e.g. `symbol: x`), or edit it by hand',
    })
  })
})
