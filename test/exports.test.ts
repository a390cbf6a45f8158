/** HTML and Word outputs beyond the golden fixtures: workspace templates, small groups, no configuration. */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import mammoth from 'mammoth'
import { describe, expect, test } from 'vitest'
import { run } from './helpers/run.js'
import { scratch } from './helpers/scratch.js'

const FIXTURES = path.join(import.meta.dirname, 'fixtures')

function workspace(fixture: string): string {
  const root = scratch('consolidate-exports-')
  cpSync(path.join(FIXTURES, fixture), root, { recursive: true })
  return root
}

async function build(root: string, ...args: string[]): Promise<string> {
  const out = path.join(root, 'out')
  const result = await run(['build', '--root', root, '--out', out, ...args])
  expect(result.code, result.stderr).toBe(0)
  return out
}

describe('HTML and Word outputs', () => {
  test("a workspace's templates replace the built-in style sheet and cover note", async () => {
    const root = workspace('exports')
    mkdirSync(path.join(root, 'templates'))
    writeFileSync(path.join(root, 'templates', 'consolidated.css'), '/* our house style */\nbody { color: #123456; }\n')
    writeFileSync(
      path.join(root, 'templates', 'cover.md'),
      '# {{title}}\n\n**{{symbol}}**\n\n{{date}}\n\nPrepared by the co-convenors under their own responsibility.\n\n{{summary}}\n',
    )
    const out = await build(root, '--format', 'html,docx')

    const html = readFileSync(path.join(out, 'consolidated.html'), 'utf8')
    expect(html).toContain('<style>\n/* our house style */\nbody { color: #123456; }\n</style>')
    expect(html).not.toContain('--bracket-inner')
    expect(html).toContain(
      '<div class="cover-note"><p>Prepared by the co-convenors under their own responsibility.</p>\n<p>This text consolidates 12 proposals on 10 topics.',
    )
    // The title, symbol and date stand once, in the masthead, not again in the note.
    expect(html.match(/INF\/ECOM\/62\/Rev\.4</g)).toHaveLength(1)

    const { value: text } = await mammoth.extractRawText({ path: path.join(out, 'consolidated.docx') })
    expect(text.split('\n').filter(Boolean).slice(0, 5)).toEqual([
      'INF/ECOM/62/Rev.4',
      '1 November 2026',
      'Electronic Commerce: Consolidated Negotiating Text',
      'Prepared by the co-convenors under their own responsibility.',
      'This text consolidates 12 proposals on 10 topics. 5 proposals are referred to the stocktaking small group; 2 proposals have been withdrawn. Bracket pairs: 16; placeholders: 0. Topics with text: 10 of 11; stabilized: 1; with alternatives: 2.',
    ])
  })

  test("a small group's build has only its topics, in the text and in the support matrix", async () => {
    const out = await build(workspace('exports'), '--format', 'html,docx', '--group', 'Trust')
    // A group's extract is written beside the full text, under the group's name.
    expect(readdirSync(out).sort()).toEqual(['.consolidate-manifest.json', 'consolidated-trust.docx', 'consolidated-trust.html', 'stocktaking-trust.md'])
    const html = readFileSync(path.join(out, 'consolidated-trust.html'), 'utf8')
    expect(
      [...html.matchAll(/<tr class="level-\w+[^"]*"><th class="row" scope="row" title="[^"]*"><a href="#proposal-([\w-]+)"/g)].map((match) => match[1]),
    ).toEqual(['c1-aus-consumers', 'c3-bra-privacy', 'c4-sgp-cyber'])
    expect(html).not.toContain('id="proposal-a11-nor-frameworks"')
    const { value: text } = await mammoth.extractRawText({ path: path.join(out, 'consolidated-trust.docx') })
    expect(text).toContain('C.4\u2003Cybersecurity')
    expect(text).not.toContain('A.1.1\u2003Electronic transactions frameworks')
  })

  test('without a configuration, the matrix has a column per name that appears, alphabetically', async () => {
    const out = await build(workspace('no-config'), '--format', 'html')
    const html = readFileSync(path.join(out, 'consolidated.html'), 'utf8')
    expect([...html.matchAll(/<th class="participant" scope="col" title="([^"]+)">/g)].map((match) => match[1])).toEqual([
      'Australia',
      'Canada',
      'Chile',
      'Japan',
      'NO',
      'Singapore',
    ])
    expect(html).toContain('<title>Consolidated Negotiating Text</title>')
  })

  test('a style sheet cannot end its <style> element, whatever the case of `</style`', async () => {
    const root = workspace('exports')
    mkdirSync(path.join(root, 'templates'))
    const css =
      'body { color: #123456; }\n</style><meta http-equiv="refresh" content="0;url=http://evil.example/x"><style>\n</STYLE\t><script>alert(1)</script>\n</sTyLe/>\na::after { content: "</style>"; }\n'
    writeFileSync(path.join(root, 'templates', 'consolidated.css'), css)
    const out = await build(root, '--format', 'html')
    const html = readFileSync(path.join(out, 'consolidated.html'), 'utf8')
    const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'))
    expect(head).toContain(
      '<style>\nbody { color: #123456; }\n<\\/style><meta http-equiv="refresh" content="0;url=http://evil.example/x"><style>\n<\\/STYLE\t><script>alert(1)</script>\n<\\/sTyLe/>\na::after { content: "<\\/style>"; }\n</style>',
    )
    // Only the page's own two style elements end (its style sheet's, and the running head's): test/browser.test.ts opens it.
    expect(head.match(/<\/style/gi)).toHaveLength(2)
  })
})
