/** The command line: each `check` format, colour, exit codes, and what `build` refuses to do. */
import { createHash } from 'node:crypto'
import { cpSync, existsSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { main } from '../src/cli.js'
import { run } from './helpers/run.js'
import { scratch, workspace } from './helpers/scratch.js'

const fixtures = path.join(import.meta.dirname, 'fixtures')

/** A fresh copy of a fixture workspace (without its expected outputs), so a test may write into it. */

function copyOf(name: string): string {
  const root = scratch()
  cpSync(path.join(fixtures, name), root, { recursive: true, filter: (source) => !source.includes(`${path.sep}expected`) })
  return root
}

/** Every file under a folder with a hash of its bytes: to show that nothing changed. */
function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {}
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile()) files[path.relative(root, full)] = createHash('sha256').update(readFileSync(full)).digest('hex')
    }
  }
  walk(root)
  return files
}

/** Run with standard output as a terminal or not, and a chosen environment. */
async function runTerminal(args: string[], env: Record<string, string | undefined>, isTTY: boolean): Promise<string> {
  let stdout = ''
  await main(args, { cwd: process.cwd(), env, stdout: { write: (text: string) => (stdout += text), isTTY }, stderr: { write: () => true, isTTY } })
  return stdout
}

const GOOD = {
  'proposals/a14-jpn.md': '---\ntopic: A.1.4\nauthor: Japan\n---\n\nEach Party shall [endeavour to] accept electronic invoices.\n',
}

describe('check --format text', () => {
  test('prints every problem by file, like remark-cli', async () => {
    const result = await run(['check', '--root', path.join(fixtures, 'rule-invalid-status')], { cwd: fixtures })
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe(
      [
        'rule-invalid-status/proposals/a14-can.md',
        '  4:9  error  invalid-status  `status` must be one of proposed, stabilized, parked, merged, withdrawn, e.g. `status: proposed`; got "agreed"',
        '',
        'rule-invalid-status/proposals/a14-jpn.md',
        '  4:9  error  invalid-status  `status` must be one of proposed, stabilized, parked, merged, withdrawn, e.g. `status: proposed`; got "proposd"; did you mean "proposed"?',
        '',
        '✖ 2 errors',
        '',
      ].join('\n'),
    )
  })

  test('on a terminal, long messages wrap to its width under themselves; the rule id comes first and is never cut', async () => {
    let stdout = ''
    await main(['check', '--root', path.join(fixtures, 'rule-invalid-status')], {
      cwd: fixtures,
      env: { NO_COLOR: '1', CI: '1' },
      stdout: { write: (text: string) => (stdout += text), isTTY: true, columns: 80 },
      stderr: { write: () => true, isTTY: true, columns: 80 },
    })
    expect(stdout.split('\n').slice(0, 4)).toEqual([
      'rule-invalid-status/proposals/a14-can.md',
      '  4:9  error  invalid-status  `status` must be one of proposed, stabilized,',
      '                              parked, merged, withdrawn, e.g. `status:',
      '                              proposed`; got "agreed"',
    ])
    expect(Math.max(...stdout.split('\n').map((line) => line.length))).toBeLessThanOrEqual(80)
  })

  test('warnings alone exit 0', async () => {
    const result = await run(['check', '--root', path.join(fixtures, 'rule-unknown-field')])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('3 warnings')
  })

  test('says so when there is nothing to report', async () => {
    const result = await run(['check', '--root', workspace(GOOD)])
    expect(result).toEqual({ code: 0, stdout: '1 proposal file checked: no problems\n', stderr: '' })
  })

  test('counts every kind of file it checked', async () => {
    const root = workspace({
      ...GOOD,
      'proposals/a14-jpn.fr.md': "---\ntranslationOf: f10c30ffb90b4066\n---\n\nChaque Partie [s'efforcera d'] accepter les factures électroniques.\n",
      'notes/a14-facilitator.md': '---\ntopic: A.1.4\nby: Norway\n---\n\nThe facilitator invites participants to merge the alternatives.\n',
      'notes/a14-secretariat.md': '---\ntopic: A.1.4\nby: Secretariat\nkind: secretariat\n---\n\nThe Secretariat recalls the Model Law.\n',
      'chair/a14-chair.md': '---\ntopic: A.1.4\n---\n\nEach Party shall accept electronic invoices.\n',
    })
    const result = await run(['check', '--root', root])
    expect(result).toEqual({ code: 0, stdout: "1 proposal file, 2 notes, 1 Chair's text and 1 translation checked: no problems\n", stderr: '' })
  })

  test('colour on a terminal only, never with NO_COLOR, and when FORCE_COLOR asks', async () => {
    const args = ['check', '--root', path.join(fixtures, 'rule-invalid-status')]
    const ansi = /\u001b\[/
    expect(await runTerminal(args, {}, true)).toMatch(ansi)
    expect(await runTerminal(args, {}, false)).not.toMatch(ansi)
    expect(await runTerminal(args, { NO_COLOR: '1' }, true)).not.toMatch(ansi)
    expect(await runTerminal(args, { TERM: 'dumb' }, true)).not.toMatch(ansi)
    expect(await runTerminal(args, { FORCE_COLOR: '1' }, false)).toMatch(ansi)
    expect(await runTerminal(args, { FORCE_COLOR: '0' }, true)).not.toMatch(ansi)
    expect(await runTerminal(args, { NO_COLOR: '1', FORCE_COLOR: '1' }, true)).not.toMatch(ansi)
  })
})

describe('check --format json', () => {
  test('is exactly the reference, Diagnostics: an array of file, line, column, severity, rule, message', async () => {
    const result = await run(['check', '--root', path.join(fixtures, 'rule-unknown-topic'), '--format', 'json'], { cwd: '/' })
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout)[1]).toEqual({
      file: 'proposals/a9-jpn.md',
      line: 2,
      column: 8,
      severity: 'error',
      rule: 'unknown-topic',
      message: 'topic "A.9" is not in the outline; did you mean "A.1.9"?',
    })
  })

  test('prints [] when all is well', async () => {
    expect(await run(['check', '--root', workspace(GOOD), '--format', 'json'])).toEqual({ code: 0, stdout: '[]\n', stderr: '' })
  })
})

describe('check --format github', () => {
  test('prints workflow commands, escaped, with paths from the current folder', async () => {
    const root = workspace({
      'proposals/a,b:c%.md': '---\ntopic: A.1.4\nauthor: Japan\n---\n\nText.\n',
      'proposals/d.md': '---\ntopic: A.1.4\nauthor: Japan\nextra: 1\n---\n\nText.\n',
    })
    const result = await run(['check', '--root', 'ws', '--format', 'github'], { cwd: path.dirname(root) })
    expect(result.code).toBe(2)
    const real = await run(['check', '--root', path.basename(root), '--format', 'github'], { cwd: path.dirname(root) })
    expect(real.code).toBe(1)
    const base = path.basename(root)
    expect(real.stdout).toBe(
      `::error file=${base}/proposals/a%2Cb%3Ac%25.md,line=1,col=1::the id "a,b:c%25", taken from the file name, must be letters, digits, '.', '_' and '-' only, starting with a letter or digit; rename the file or add an \`id\` field, e.g. \`id: a-b-c\` (invalid-field)\n` +
        `::warning file=${base}/proposals/d.md,line=4,col=1::unknown field \`extra\`; the fields are id, topic, title, author, supporters, status, submitted, order, document, reason, mergedInto, noText, brackets, allow, language (unknown-field)\n`,
    )
  })

  test('escapes line breaks in messages', async () => {
    const { formatGithub } = await import('../src/diagnostics/format.js')
    expect(formatGithub([{ file: 'proposals/x.md', line: 3, column: 9, severity: 'error', rule: 'invalid-yaml', message: 'one\r\ntwo 100%' }])).toBe(
      '::error file=proposals/x.md,line=3,col=9::one%0D%0Atwo 100%25 (invalid-yaml)\n',
    )
  })
})

describe('exit codes', () => {
  const root = path.join(fixtures, 'no-config')
  test.each([
    ['an unknown command', ['frobnicate'], 2],
    ['an unknown flag', ['check', '--root', root, '--verbose'], 2],
    ['an unknown format', ['check', '--root', root, '--format', 'xml'], 2],
    ['a root that does not exist', ['check', '--root', path.join(root, 'nowhere')], 2],
    ['a config file that cannot be read', ['check', '--root', root, '--config', path.join(root, 'nowhere.yaml')], 2],
    ['a missing argument', ['new', '--root', root, '--topic', 'A.1.4'], 2],
    ['inputs with errors', ['check', '--root', path.join(fixtures, 'all-at-once')], 1],
    ['an invalid consolidate.yaml', ['check', '--root', path.join(fixtures, 'rule-invalid-config')], 1],
    ['warnings only', ['check', '--root', path.join(fixtures, 'rule-duplicate-supporter')], 0],
    ['help', ['--help'], 0],
    ['help as a command', ['help'], 0],
    ['help of a command', ['help', 'build'], 0],
  ])('%s', async (_, args, code) => {
    expect((await run(args as string[])).code).toBe(code)
  })

  test('help prints the help and exits 0, as `help`, `help build` and `build --help`', async () => {
    for (const args of [['help'], ['help', 'build'], ['build', '--help']]) {
      const result = await run(args)
      expect(result.code, args.join(' ')).toBe(0)
      expect(result.stdout, args.join(' ')).toContain('Usage: consolidate')
    }
  })

  test('a missing --config says there is no such file, never a raw ENOENT', async () => {
    const result = await run(['check', '--root', root, '--config', 'nowhere.yaml'], { cwd: root })
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'consolidate: cannot read the configuration nowhere.yaml: there is no such file; pass --config FILE with a readable file, or leave --config out to use <root>/consolidate.yaml\n',
    })
  })

  test('a bad --threshold reads as one sentence', async () => {
    const result = await run(['stocktake', '--root', root, '--threshold', 'zero'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(
      "error: option '--threshold <n>' argument 'zero' is invalid. It must be a whole number of at least 1, e.g. --threshold 3.\n",
    )
  })

  test('init takes --root like every command', async () => {
    const parent = scratch()
    const result = await run(['init', '--root', path.join(parent, 'negotiation')])
    expect(result.code, result.stderr).toBe(0)
    expect(readdirSync(path.join(parent, 'negotiation')).sort()).toEqual(['.gitignore', 'consolidate.yaml', 'notes', 'proposals', 'templates'])
    expect((await run(['init', path.join(parent, 'a'), '--root', path.join(parent, 'b')])).code).toBe(2)
  })

  test('a configuration that is not UTF-8 is invalid-config', async () => {
    const root = workspace({ ...GOOD, 'consolidate.yaml': 'title: Caf\xe9\n' })
    writeFileSync(path.join(root, 'consolidate.yaml'), Buffer.from('title: Caf\xe9\n', 'latin1'))
    const result = await run(['check', '--root', root, '--format', 'json'])
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ file: 'consolidate.yaml', line: 1, column: 11, rule: 'invalid-config' })])
  })
})

describe('build', () => {
  test('writes nothing and changes no input when there are errors', async () => {
    const root = copyOf('all-at-once')
    const before = snapshot(root)
    const result = await run(['build', '--root', root])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('nothing was written')
    expect(existsSync(path.join(root, 'out'))).toBe(false)
    expect(snapshot(root)).toEqual(before)
  })

  test('changes no input when it succeeds', async () => {
    const root = copyOf('no-config')
    const before = snapshot(root)
    expect((await run(['build', '--root', root])).code).toBe(0)
    const after = snapshot(root)
    expect(Object.keys(after).filter((name) => !name.startsWith(`out${path.sep}`))).toEqual(Object.keys(before))
    for (const name of Object.keys(before)) expect(after[name]).toBe(before[name])
  })

  test.each([
    ['proposals/', 'proposals'],
    ['a folder inside proposals/', 'proposals/out'],
    ['templates/', 'templates'],
  ])('refuses --out in %s (usage error, nothing written)', async (_, out) => {
    const root = workspace({ ...GOOD, 'templates/cover.md': '# {{title}}\n' })
    const before = snapshot(root)
    const result = await run(['build', '--root', root, '--out', path.join(root, out)])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/where inputs live/)
    expect(snapshot(root)).toEqual(before)
  })

  test('refuses --out at an input file', async () => {
    const root = workspace({ ...GOOD, 'consolidate.yaml': 'title: T\n' })
    const result = await run(['build', '--root', root, '--out', path.join(root, 'consolidate.yaml')])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/is a file, not a folder/)
    expect(readFileSync(path.join(root, 'consolidate.yaml'), 'utf8')).toBe('title: T\n')
  })

  test('refuses --out through a link into proposals/', async () => {
    const root = workspace(GOOD)
    symlinkSync(path.join(root, 'proposals'), path.join(root, 'elsewhere'))
    const result = await run(['build', '--root', root, '--out', path.join(root, 'elsewhere')])
    expect(result.code).toBe(2)
    expect(readdirSync(path.join(root, 'proposals'))).toEqual(['a14-jpn.md'])
  })

  test('refuses to write an output over an input file, whatever links lead there', async () => {
    const root = workspace({ ...GOOD, 'consolidated.md': 'title: precious\n' })
    const result = await run(['build', '--root', root, '--out', root, '--config', path.join(root, 'consolidated.md')])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/over an input file/)
    expect(readFileSync(path.join(root, 'consolidated.md'), 'utf8')).toBe('title: precious\n')
  })

  test('prints diagnostics with paths from the current folder', async () => {
    const root = copyOf('rule-invalid-status')
    const result = await run(['build', '--root', path.basename(root)], { cwd: path.dirname(root) })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`${path.basename(root)}/proposals/a14-can.md\n  4:9  error`)
    expect(statSync(root).isDirectory()).toBe(true)
  })
})

describe('what files hold is shown, never obeyed', () => {
  test('control characters in names and quoted text are written out, in text and github formats', async () => {
    const { formatGithub } = await import('../src/diagnostics/format.js')
    const { formatText } = await import('../src/diagnostics/report.js')
    const diagnostics = [
      {
        file: 'proposals/a\u001b[31m.md',
        line: 1,
        column: 1,
        severity: 'error' as const,
        rule: 'invalid-status' as const,
        message: 'got "\u001b]0;title\u0007"',
      },
    ]
    expect(formatGithub(diagnostics)).toBe('::error file=proposals/a\\x1b[31m.md,line=1,col=1::got "\\x1b]0;title\\x07" (invalid-status)\n')
    expect(formatText(diagnostics, { color: false })).not.toMatch(/[\u0000-\u0008\u001b]/)
  })
})
