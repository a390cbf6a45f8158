/** Hostile and odd inputs: each is a diagnostic at its place, never a crash, a hang or a mangled text. */
import { symlinkSync } from 'node:fs'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { describe, expect, test } from 'vitest'
import { parseConfig } from '../src/parse/config.js'
import { parseProposal } from '../src/parse/proposal.js'
import { closest, distance, suggestTopic } from '../src/diagnostics/suggest.js'
import { decode } from '../src/read/decode.js'
import { run } from './helpers/run.js'
import { scratch, workspace } from './helpers/scratch.js'

const FRONT = '---\ntopic: A.1.4\nauthor: Japan\n---\n\n'
const rules = (result: { diagnostics: Array<{ rule: string }> }): string[] => result.diagnostics.map((diagnostic) => diagnostic.rule)

describe('YAML', () => {
  test('an alias bomb is rejected at its first alias, without being expanded', () => {
    const lines = ['topic: A.1.4', 'author: Japan', 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]']
    for (let level = 1; level < 40; level++)
      lines.push(
        `a${level}: &a${level} [${Array(10)
          .fill(`*a${level - 1}`)
          .join(', ')}]`,
      )
    const result = parseProposal('proposals/bomb.md', `---\n${lines.join('\n')}\n---\n\nText.\n`)
    expect(result.diagnostics).toEqual([
      {
        file: 'proposals/bomb.md',
        line: 5,
        column: 10,
        severity: 'error',
        rule: 'invalid-yaml',
        message: 'the YAML expands more than 100 aliases (`*name`); write the values out instead of using anchors and aliases',
      },
    ])
    expect(result.proposal).toBeUndefined()
  })

  test('a few aliases are fine', () => {
    const result = parseProposal('proposals/a.md', `---\ntopic: A.1.4\nauthor: &j Japan\nsupporters: [Canada]\ndocument: *j\n---\n\nText.\n`)
    expect(result.diagnostics).toEqual([])
    expect(result.proposal?.document).toBe('Japan')
  })

  test('the same bomb in consolidate.yaml is invalid-config', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]']
    for (let level = 1; level < 20; level++)
      lines.push(
        `a${level}: &a${level} [${Array(10)
          .fill(`*a${level - 1}`)
          .join(', ')}]`,
      )
    expect(parseConfig('consolidate.yaml', lines.join('\n')).diagnostics.map((d) => [d.rule, d.line])).toEqual([['invalid-config', 2]])
  })

  test('YAML 1.2: NO is Norway, yes and on are words, dates stay text', () => {
    const result = parseProposal('proposals/a.md', `---\ntopic: A.1.4\nauthor: NO\nsupporters: [yes, on, Off, n]\nsubmitted: 2022-03-14\n---\n\nText.\n`)
    expect(result.diagnostics).toEqual([])
    expect(result.proposal?.authors.map((author) => author.value)).toEqual(['NO'])
    expect(result.proposal?.supporters.map((supporter) => supporter.value)).toEqual(['yes', 'on', 'Off', 'n'])
    expect(result.proposal?.submitted).toBe('2022-03-14')
  })

  test('numbers keep the way they were written: topic 1.10 is not 1.1', () => {
    expect(parseProposal('proposals/a.md', `---\ntopic: 1.10\nauthor: Japan\n---\n\nText.\n`).proposal?.topic.value).toBe('1.10')
  })
})

describe('encodings', () => {
  test('invalid UTF-8 is reported at its line and column, not decoded into replacement characters', () => {
    const bytes = Buffer.concat([Buffer.from(`${FRONT}Line one.\nCôte d`), Buffer.from([0xe9]), Buffer.from('Ivoire\n')])
    expect(parseProposal('proposals/a.md', bytes).diagnostics).toEqual([expect.objectContaining({ rule: 'invalid-encoding', line: 7, column: 7 })])
  })

  test('an invalid byte at the very start, and CR line endings, are placed right', () => {
    expect(decode(Uint8Array.from([0xff, 0x41]))).toEqual({ problem: expect.stringContaining('0xff'), place: { line: 1, column: 1 } })
    expect(decode(Buffer.concat([Buffer.from('a\rb\r\nc\nd'), Buffer.from([0xc3])]))).toEqual({ problem: expect.any(String), place: { line: 4, column: 2 } })
    expect(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('ab'), Buffer.from([0x80])]))).toEqual({
      problem: expect.any(String),
      place: { line: 1, column: 3 },
    })
  })

  test('overlong and surrogate sequences are invalid', () => {
    expect('problem' in decode(Uint8Array.from([0xc0, 0xaf]))).toBe(true)
    expect('problem' in decode(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(true)
  })

  test('a BOM and CRLF line endings are fine, and positions stay those of the file', () => {
    const result = parseProposal('proposals/a.md', Buffer.from('\ufeff---\r\ntopic: A.1.4\r\nauthor: Japan\r\n---\r\n\r\nText [x.\r\n'))
    expect(result.diagnostics).toEqual([expect.objectContaining({ rule: 'unbalanced-brackets', line: 6, column: 6 })])
  })

  test('binary files and UTF-16 files are reported as such', () => {
    expect(parseProposal('proposals/a.md', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00])).diagnostics).toEqual([
      expect.objectContaining({ rule: 'invalid-encoding', message: expect.stringContaining('binary') }),
    ])
    expect(parseProposal('proposals/a.md', Buffer.from('\ufeff---\n', 'utf16le')).diagnostics).toEqual([
      expect.objectContaining({ rule: 'invalid-encoding', message: expect.stringContaining('UTF-16') }),
    ])
  })
})

describe('size', () => {
  test('a 5 MB single-line body is too-large under the default limit', () => {
    const result = parseProposal('proposals/a.md', FRONT + 'x'.repeat(5 * 1024 * 1024))
    expect(result.diagnostics).toEqual([
      {
        file: 'proposals/a.md',
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'too-large',
        message:
          'the file is 5242916 bytes, more than the limit of 262144 bytes; split the proposal into several files, or raise the limit in consolidate.yaml, e.g. `limits: { fileSize: 1048576 }`',
      },
    ])
  })

  // A 5 MB single line under a raised limit: test/slow/long-line.test.ts.

  test('a 20 MB file is too-large, and the other files are still checked', async () => {
    const root = workspace({ 'proposals/huge.md': Buffer.alloc(20 * 1024 * 1024, 0x61), 'proposals/b.md': `${FRONT}Text [x.\n` })
    const result = await run(['check', '--root', root, '--format', 'json'])
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout).map((d: { file: string; rule: string }) => `${d.file} ${d.rule}`)).toEqual([
      'proposals/b.md unbalanced-brackets',
      'proposals/huge.md too-large',
    ])
  })

  test('thousands of stray brackets are listed fifty by fifty', () => {
    const result = parseProposal('proposals/a.md', `${FRONT}${']'.repeat(2000)}\n`)
    expect(rules(result)).toEqual(Array(51).fill('unbalanced-brackets'))
    expect(result.diagnostics[50]).toEqual(
      expect.objectContaining({ line: 6, column: 51, message: expect.stringMatching(/^1950 more stray brackets from here on/) }),
    )
  })
})

describe('the file system', () => {
  test('a symbolic link that leaves the workspace is reported, not followed', async () => {
    const outside = workspace({ 'secret.md': `${FRONT}Secret text.\n` })
    const root = workspace({ 'proposals/a.md': `${FRONT}Text.\n` })
    symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'proposals/b.md'))
    const build = await run(['build', '--root', root])
    expect(build.code).toBe(1)
    expect(build.stderr).toContain('unreadable-file')
    expect(build.stderr).not.toContain('Secret text')
  })

  test('a link inside the workspace is followed', async () => {
    const root = workspace({ 'proposals/a.md': `${FRONT}Text.\n`, 'drafts/b.md': '---\ntopic: A.1.1\nauthor: Canada\n---\n\nDraft.\n' })
    symlinkSync(path.join(root, 'drafts/b.md'), path.join(root, 'proposals/b.md'))
    expect(await run(['check', '--root', root, '--format', 'json'])).toEqual({ code: 0, stdout: '[]\n', stderr: '' })
  })

  test('a FIFO named .md is reported instead of blocking the run', async () => {
    const root = workspace({ 'proposals/a.md': `${FRONT}Text.\n` })
    try {
      execFileSync('mkfifo', [path.join(root, 'proposals/pipe.md')])
    } catch {
      return // No mkfifo on this system.
    }
    const result = await run(['check', '--root', root, '--format', 'json'])
    expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ file: 'proposals/pipe.md', rule: 'unreadable-file' })])
  })

  test('files and folders starting with . or _ are skipped', async () => {
    const root = workspace({ 'proposals/.draft.md': 'junk', 'proposals/_old/x.md': 'junk', 'proposals/a.md': `${FRONT}Text.\n` })
    expect((await run(['check', '--root', root])).stdout).toBe('1 proposal file checked: no problems\n')
  })
})

describe('marker look-alikes', () => {
  test('a line-based grep of the markers finds each live proposal once, whatever its code and HTML blocks hold', async () => {
    const marker = (id: string) => `<!-- proposal: ${id} -->\n<!-- /proposal: ${id} -->`
    const root = workspace({
      'proposals/a.md': `${FRONT}Each Party shall act.\n\n\`\`\`\n<!-- /proposal: a -->\n${marker('fenced')}\n\`\`\`\n`,
      'proposals/b.md': `${FRONT}Each Party shall act.\n\n~~~ html\n  ${marker('tilde')}\n~~~\n\n    ${marker('indented').replace('\n', '\n    ')}\n\nMore text.\n`,
      'proposals/c.md': `${FRONT}Each Party shall act.\n\n<div>\n${marker('in-html')}\n</div>\n\n- Item.\n\n  \`\`\`\n  ${marker('in-item')}\n  \`\`\`\n`,
      'proposals/d.md': `${FRONT}Each Party shall act.\n\n\`\`\`\n${marker('unclosed')}\n`,
    })
    const out = scratch()
    const result = await run(['build', '--root', root, '--out', out])
    expect(result.code, result.stderr).toBe(0)
    const grep = (pattern: string): string => {
      try {
        return execFileSync('grep', ['-c', pattern, path.join(out, 'consolidated.md')], { encoding: 'utf8' })
      } catch (error) {
        return (error as { stdout: string }).stdout
      }
    }
    expect(grep('^<!-- proposal: ')).toBe('4\n')
    expect(grep('^<!-- /proposal: ')).toBe('4\n')
    expect(grep('<!-- quoted: ')).toBe('13\n')
  })
})

describe('did you mean', () => {
  test('topics: the id written differently, a title, a level left out, a slip of the pen', () => {
    const entries = [{ id: 'A' }, { id: 'A.1' }, { id: 'A.1.4', title: 'Electronic invoicing' }, { id: 'A.1.9' }, { id: 'B.2' }]
    expect(suggestTopic('a-1-4', entries)).toBe('A.1.4')
    expect(suggestTopic('electronic invoicing', entries)).toBe('A.1.4')
    expect(suggestTopic('A.9', entries)).toBe('A.1.9')
    expect(suggestTopic('A.1.5', entries)).toBe('A.1.4')
    expect(suggestTopic('B.3', entries)).toBe('B.2')
    expect(suggestTopic('Z.7', entries)).toBeUndefined()
  })

  test('names: a swap of two letters is one slip', () => {
    expect(distance('SPG', 'SGP')).toBe(1)
    expect(closest('Sinagpore', ['Japan', 'Singapore'])).toBe('Singapore')
    expect(closest('Ruritania', ['Japan', 'Singapore'])).toBeUndefined()
  })
})

describe('terminal escapes are written out, never obeyed', () => {
  test('a title with an escape sequence, printed by stocktake, and a group name in an error', async () => {
    const root = workspace({
      'consolidate.yaml': 'groups:\n  - name: "Trade \\e[2J"\n    topics: [A.1.4]\n',
      'proposals/a.md': '---\ntopic: A.1.4\nauthor: Japan\ntitle: "Clear \\e]0;pwned\\a screen"\n---\n\nText.\n',
    })
    const stocktake = await run(['stocktake', '--root', root])
    expect(stocktake.code).toBe(0)
    expect(stocktake.stdout).toContain('Clear \\x1b]0;pwned\\x07 screen')
    expect(stocktake.stdout).not.toMatch(/[\u0000-\u0008\u001b]/)
    const group = await run(['build', '--root', root, '--group', 'Nope \u001b[2J'])
    expect(group.code).toBe(2)
    expect(group.stderr).toContain('unknown group "Nope \\x1b[2J"')
    expect(group.stderr).not.toMatch(/\u001b/)
  })
})

test('a configured participant with an unquoted comma in its name is the same helpful error as in proposals, never a silent "Korea"', async () => {
  const root = workspace({
    'consolidate.yaml': 'participants:\n  - { name: Korea, Republic of, code: KOR }\n  - { name: Japan }\n',
    'proposals/a.md': '---\ntopic: A.1\nauthor: KOR\n---\n\nText.\n',
  })
  const result = await run(['check', '--root', root, '--format', 'json'])
  expect(result.code).toBe(1)
  expect(JSON.parse(result.stdout)).toEqual([
    {
      file: 'consolidate.yaml',
      line: 2,
      column: 20,
      severity: 'error',
      rule: 'invalid-config',
      message:
        '`name` holds an unquoted comma: `Korea, Republic of` was read as "Korea" and a field "Republic of"; put a name that contains a comma in quotes, e.g. `name: "Korea, Republic of"`',
    },
  ])
})
