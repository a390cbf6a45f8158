/**
 * The HTML and Word bodies, prepared on the parser threads: each body's own
 * tree with the brackets inserted (never bracketed text parsed again), within
 * the deadline; a body that overruns, or is past the structural limits, is
 * `too-complex` and the build writes nothing.
 */
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import type { ElementContent } from 'hast'
import { afterAll, describe, expect, test } from 'vitest'
import { assemble } from '../src/assemble/negotiation.js'
import { ThreadPool } from '../src/threads/pool.js'
import { parseProposal } from '../src/parse/proposal.js'
import type { DocxBody } from '../src/render/formats/docx/convert.js'
import { formatNamed } from '../src/render/formats/index.js'
import { textOf, type HtmlBody } from '../src/render/formats/html/convert.js'
import { renderTarget } from '../src/render/outputs.js'
import { bracketsOf } from '../src/render/place.js'
import { runTextJob } from '../src/render/text-job.js'
import { prepareTexts } from '../src/render/texts.js'
import { consolidatedView } from '../src/render/views/consolidated.js'
import { DEFAULT_CONFIG, type Config, type Proposal } from '../src/types.js'
import { run } from './helpers/run.js'
import { scratch, workspace } from './helpers/scratch.js'

const pools: ThreadPool[] = []
afterAll(() => Promise.all(pools.map((pool) => pool.close())))
function pool(options?: ConstructorParameters<typeof ThreadPool>[0]): ThreadPool {
  const created = new ThreadPool({ size: 1, ...options })
  pools.push(created)
  return created
}

function proposal(body: string, status = 'proposed', file = 'proposals/p.md'): Proposal {
  const result = parseProposal(file, `---\ntopic: A.1\nauthor: Japan\nstatus: ${status}\n---\n\n${body}\n`)
  expect(result.diagnostics).toEqual([])
  return result.proposal!
}

/** A proposal's text prepared as a thread prepares it, under an outline entry of `depth`, for `formats`. */
async function prepared(body: Proposal, formats = ['html'], depth = 1): Promise<{ html?: HtmlBody; docx?: DocxBody }> {
  const text = { file: body.file, source: body.body.source, frontMatter: true, brackets: body.status === 'proposed' ? bracketsOf(body.body) : [], depth }
  const result = await runTextJob({ text, fileSize: 262144, formats, context: { namespace: 'p-', backLabel: 'Back', redline: false } })
  return { html: result.results.html as HtmlBody | undefined, docx: result.results.docx as DocxBody | undefined }
}

/** The text of HTML nodes, blocks apart. */
function text(nodes: ElementContent[]): string {
  return nodes
    .map((node) => (node.type === 'text' ? node.value : node.type === 'element' ? textOf(node) : ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
}

describe("the brackets go into the body's own tree", () => {
  test('around the text, in the first and last blocks that have text, wherever they stand', async () => {
    const cases: Array<[string, string]> = [
      ['1. Each Party shall [endeavour to] act.\n\n2. Each Party may act.', '[Each Party shall [endeavour to] act. Each Party may act.]'],
      ['# Definitions\n\nText *in italics*', '[Definitions Text in italics]'],
      ['| Term | Meaning |\n| --- | --- |\n| a | b |', '[Term Meaning a b]'],
      ['```\ncode\n```\n\nText.', '[ code Text.]'],
      ['Text.\n\n    indented code', '[Text. indented code ]'],
      ['> Quoted\n> text.', '[Quoted text.]'],
      ['Ends with a backslash\\', '[Ends with a backslash\\ ]'],
    ]
    for (const [body, expected] of cases) expect(text((await prepared(proposal(body))).html!.content), body).toBe(expected)
  })

  test('a text whose brackets would read as Markdown syntax keeps its own structure: the brackets are text, never a link or a footnote', async () => {
    // Parsed as bracketed text, `[^note]` would be a footnote reference and `[text](…)` a link.
    const footnote = (await prepared(proposal('^note\n\n[^note]: A note.'))).html!
    expect(text(footnote.content)).toBe('[^note]')
    expect(footnote.notes).toEqual([])
    const link = (await prepared(proposal('Text\n\n[text]: https://example.org/'))).html!
    expect(JSON.stringify(link.content)).not.toContain('https://example.org/')
  })

  test('a stabilized text is its proposed text without the two brackets', async () => {
    const body = '1. Each Party shall [endeavour to] act.[^1]\n\n[^1]: A note.'
    const proposed = (await prepared(proposal(body))).html!
    const stabilized = (await prepared(proposal(body, 'stabilized'))).html!
    expect(text(proposed.content)).toBe(`[${text(stabilized.content)}]`)
    expect(text(proposed.notes)).toBe(text(stabilized.notes))
    expect(text(proposed.notes)).toBe('A note. ↩')
  })

  test('headings are nested below the topic heading, at most at level 6, in each format', async () => {
    const body = proposal('# One\n\n#### Four\n\nText.')
    const result = await prepared(body, ['docx', 'html'], 2)
    expect(result.html!.content.flatMap((node) => (node.type === 'element' ? [node.tagName] : []))).toEqual(['h4', 'h6', 'p'])
    expect(result.docx!.blocks.map((block) => ('paragraph' in block ? block.paragraph.heading : undefined))).toEqual([3, 6, undefined])
  })
})

describe('limits and deadline', () => {
  test('a body that overruns the deadline is too-complex, named after its file', async () => {
    const slow = proposal(`Each Party shall *act* ${'[promptly] and _fairly_ '.repeat(1000)}`, 'proposed', 'proposals/slow.md')
    const config: Config = { ...DEFAULT_CONFIG, limits: { ...DEFAULT_CONFIG.limits, parseSeconds: 0.001 } }
    const texts = await prepareTexts(consolidatedView(assemble([slow], config)), [formatNamed('html')!, formatNamed('docx')!], config.limits, pool())
    expect(texts.diagnostics).toContainEqual({
      file: 'proposals/slow.md',
      line: 1,
      column: 1,
      severity: 'error',
      rule: 'too-complex',
      message:
        'rendering the file in HTML and Word took longer than 0.003 seconds (limits.parseSeconds in consolidate.yaml, for parsing it again and for each format) and was stopped; simplify the Markdown (deeply nested block quotes, lists or emphasis, long runs of `_`, `*` or `~`), or raise the limit',
    })
    expect(texts.prepared).toBeUndefined()
  })

  test('bodies at the nesting limit render in HTML and Word with half of the default stack', async () => {
    const bodies = [
      '> '.repeat(98) + 'a',
      Array.from({ length: 49 }, (_, level) => `${'  '.repeat(level)}- item`).join('\n'),
      `Text ${'<span>'.repeat(98)}a`,
      `${'*a '.repeat(49)}b${' a*'.repeat(49)}`,
    ]
    const proposals = bodies.map((body, index) => proposal(body, 'proposed', `proposals/deep-${index}.md`))
    const snapshot = { config: DEFAULT_CONFIG, proposals, notes: [] }
    const rendered = await renderTarget({
      snapshot,
      target: { view: 'consolidated', languages: ['en'], formats: ['html', 'docx'] },
      templates: {},
      pool: pool({ resourceLimits: { stackSizeMb: 0.5 } }),
    })
    expect(rendered.diagnostics).toEqual([])
    expect(rendered.outputs.map((output) => output.name)).toEqual(['consolidated.html', 'consolidated.docx', 'stocktaking.md'])
  })

  test('a cover template past the limits stops the build: too-complex, nothing written, exit 1', async () => {
    const root = workspace({
      'proposals/a.md': '---\ntopic: A.1\nauthor: Japan\n---\n\nText.\n',
      'templates/cover.md': `# {{title}}\n\n${'> '.repeat(1500)}Note.\n`,
    })
    const out = path.join(scratch(), 'out')
    const result = await run(['build', '--root', root, '--out', out, '--format', 'md,html,docx'])
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: expect.stringContaining('too-complex') as unknown as string,
    })
    expect(result.stderr).toContain('templates/cover.md')
    expect(result.stderr).toContain('the text nests more than 100 levels deep here (101 block quotes)')
    expect(result.stderr.endsWith('consolidate: 1 error in the inputs; nothing was written\n')).toBe(true)
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([])
  })
})
