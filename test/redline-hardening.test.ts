/**
 * The redline's guards (issue 21, items 2, 3, 9 and 10), in-process and
 * untimed; the attacks through the compiled CLI, timed, are in
 * test/slow/redline-hardening.test.ts. Item 2: the comparison is bounded
 * whatever the texts (words interned, Myers' steps capped, blocks' words and
 * keys worked out once). Item 3: a changed text is parsed and compared on the
 * threads within the deadline. Item 9: nothing an author writes reads as a
 * mark in the Markdown redline. Item 10: control and bidirectional characters
 * are written out, the same in every format.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import fc from 'fast-check'
import type { List, Paragraph, RootContent } from 'mdast'
import { afterAll, describe, expect, test } from 'vitest'
import { assemble } from '../src/assemble/negotiation.js'
import { visible } from '../src/diagnostics/format.js'
import { parseMarkdown } from '../src/parse/proposal.js'
import { formatNamed } from '../src/render/formats/index.js'
import { neutralise, neutraliseCode } from '../src/render/formats/markdown/critic.js'
import { blockKey, diffChildren, Relabel } from '../src/render/redline/diff.js'
import { runChangeJob, type TextInput } from '../src/render/text-job.js'
import { prepareTexts } from '../src/render/texts.js'
import { consolidatedView } from '../src/render/views/consolidated.js'
import { diffWords, type Segment } from '../src/model/words.js'
import { ThreadPool } from '../src/threads/pool.js'
import { DEFAULT_CONFIG } from '../src/types.js'
import { commitAll, gitRepository } from './helpers/git.js'
import { bodyPairs, paragraphsRead } from './helpers/redline-bodies.js'
import { compileIn, inPlace, proposals, redlineBetween } from './helpers/render.js'
import { run } from './helpers/run.js'

const FRONT = '---\ntopic: A.1\nauthor: Japan\nstatus: stabilized\n---\n\n'

/** A body as the change job takes it. */
const textOf = (body: string, file = 'proposals/a.md'): TextInput => ({ file, source: `${FRONT}${body}\n`, frontMatter: true, brackets: [], depth: 1 })

/** The blocks of a body, parsed. */
const blocksOf = (body: string): RootContent[] => parseMarkdown(`${FRONT}${body}\n`).children.filter((node) => node.type !== 'yaml')

/** Both texts rebuilt from the segments: each segment where it says it stands. */
function rebuilt(segments: Segment[]): { before: string[]; after: string[] } {
  const before: string[] = []
  const after: string[] = []
  for (const segment of segments) {
    expect(before.length).toBe(segment.at.before)
    expect(after.length).toBe(segment.at.after)
    if ('same' in segment) (before.push(...segment.same), after.push(...segment.same))
    else (before.push(...segment.removed), after.push(...segment.added))
  }
  return { before, after }
}

describe('item 2: the comparison is bounded, and still right', () => {
  test('any two word lists, however repetitive and whatever the edit limit, are rebuilt exactly from their segments', () => {
    const list = fc.array(fc.constantFrom('a', 'b', 'c', 'the', '['), { maxLength: 300 })
    fc.assert(
      fc.property(list, list, fc.constantFrom(1, 5, 1000), (before, after, maxEdits) => {
        expect(rebuilt(diffWords(before, after, maxEdits))).toEqual({ before, after })
      }),
      { numRuns: 300, seed: 21 },
    )
  })

  test('words too alike to follow (long snakes on every diagonal) give up on the middle, not on the answer', () => {
    // `x y` repeated against `x x y` repeated: some 3,000 edits, with snakes on every other diagonal; word by word,
    // Myers would take 50 steps a word. Past 16 a word it gives up, even with the edits allowed.
    const before = Array.from({ length: 10_000 }, (_, index) => (index % 2 === 0 ? 'x' : 'y'))
    const after = Array.from({ length: 9999 }, (_, index) => (index % 3 === 2 ? 'y' : 'x'))
    expect(diffWords(before, after, 100_000)).toEqual([
      { same: ['x'], at: { before: 0, after: 0 } },
      { removed: before.slice(1, -2), added: after.slice(1, -2), at: { before: 1, after: 1 } },
      { same: ['x', 'y'], at: { before: 9998, after: 9997 } },
    ])
    // Past maxEdits too, the middle is one replacement between what the texts share at their ends.
    const older = Array.from({ length: 60_000 }, (_, index) => (index % 10 === 9 ? 'b' : 'a'))
    const newer = Array.from({ length: 60_000 }, (_, index) => (index % 10 === 9 ? 'c' : 'a'))
    expect(diffWords(older, newer)).toEqual([
      { same: older.slice(0, 9), at: { before: 0, after: 0 } },
      { removed: older.slice(9), added: newer.slice(9), at: { before: 9, after: 9 } },
    ])
  })

  test('a long paragraph is judged by its first words: changed at its end, it is still compared word by word', () => {
    const words = Array.from({ length: 6000 }, (_, index) => `w${index}`)
    const older = blocksOf(words.join(' '))
    const newer = blocksOf([...words.slice(0, 4000), ...words.slice(4000).map((word) => `x${word}`)].join(' '))
    const [paragraph, ...rest] = diffChildren(older, newer, new Relabel())
    expect(rest).toEqual([])
    expect(paragraph.data?.change).toBeUndefined()
    const marks = (paragraph as Paragraph).children.filter((node) => node.type === 'mark')
    expect(marks.map((node) => node.change)).toEqual(['delete', 'insert'])
  })

  test('a changed text nested 98 deep in emphasis and strikethrough is written in every format (writing a mark or a strikethrough to learn its first character doubled the work at every level)', async () => {
    const nested = (word: string): string =>
      `${Array.from({ length: 98 }, (_, level) => (level % 2 === 0 ? '*x ' : '~~x ')).join('')}${word}${Array.from({ length: 98 }, (_, level) =>
        level % 2 === 0 ? '*' : '~~',
      )
        .reverse()
        .join('')}`
    const document = redlineBetween(proposals({ a: nested('old') }), proposals({ a: nested('new') }))
    const markdown = String(await compileIn('md', document))
    expect(markdown).toContain('{--old--}{++new++}')
    expect(markdown.match(/<s>/g)).toHaveLength(49)
    for (const format of ['html', 'docx']) expect((await compileIn(format, document)).length).toBeGreaterThan(0)
  })

  test('a container keys by its children: a digest past 256 characters, equal only for equal content', () => {
    const list = (last: string): List => blocksOf(`${Array.from({ length: 40 }, (_, index) => `- item ${index}`).join('\n')}\n- ${last}`)[0] as List
    expect(blockKey(list('same'))).toBe(blockKey(list('same')))
    expect(blockKey(list('same'))).not.toBe(blockKey(list('other')))
    expect(blockKey(list('same')).length).toBeLessThan(100)
    expect(blockKey(blocksOf('- short')[0])).toContain('short')
  })
})

describe('item 3: a changed text is compared on the threads, within the deadline', () => {
  const pools: ThreadPool[] = []
  afterAll(() => Promise.all(pools.map((pool) => pool.close())))

  const slow = `Each Party shall *act* ${'[promptly] and _fairly_ '.repeat(1000)}`
  const redline = (old: string, next: string) => redlineBetween(proposals({ a: old }), proposals({ a: next }))

  test.each([
    ['the older', slow, 'Each Party shall act.'],
    ['the newer', 'Each Party shall act.', slow],
  ])('a text that overruns in %s revision is too-complex, named after its file; the thread is replaced', async (_, old, next) => {
    const pool = new ThreadPool({ size: 1 })
    pools.push(pool)
    const limits = { ...DEFAULT_CONFIG.limits, parseSeconds: 0.001 }
    const texts = await prepareTexts(redline(old, next), [formatNamed('md')!], limits, pool)
    expect(texts).toEqual({
      diagnostics: [
        {
          file: 'proposals/a.md',
          line: 1,
          column: 1,
          severity: 'error',
          rule: 'too-complex',
          message:
            'comparing the file with its older revision for the redline took longer than 0.003 seconds (limits.parseSeconds in consolidate.yaml, for parsing each revision and for each format) and was stopped; simplify the Markdown (deeply nested block quotes, lists or emphasis, long runs of `_`, `*` or `~`), or raise the limit',
        },
      ],
    })
    // The same pool, on a new thread, prepares the next document.
    const again = await prepareTexts(redline('Old words.', 'New words.'), [formatNamed('md')!], DEFAULT_CONFIG.limits, pool)
    expect(again.diagnostics).toEqual([])
  })

  test.each([
    ['older', 'old'],
    ['newer', 'next'],
  ])('a text past the structural limits in the %s revision is too-complex at its place', async (_, side) => {
    const deep = `Text.\n\n${'> '.repeat(150)}deep`
    const texts = { old: textOf('Text.'), next: textOf('Text.'), [side]: textOf(deep, `proposals/${side}.md`) }
    const result = await runChangeJob({ ...texts, fileSize: 262144, formats: ['md'], context: { namespace: 'a-', backLabel: 'Back', redline: true } })
    expect(result.results).toEqual({})
    expect(result.diagnostics.map(({ file, line, rule }) => ({ file, line, rule }))).toEqual([{ file: `proposals/${side}.md`, line: 9, rule: 'too-complex' }])
  })
  // Through the CLI, an older text the newer deadline cannot compare: the slow suite (test/slow/redline-hardening.test.ts).
})

describe('property: the redline of any two bodies', () => {
  test('accepting every change reads as the newer text, rejecting every change as the older; every format compiles', async () => {
    const squash = (value: string): string => value.replace(/\s+/g, ' ').trim()
    const plain = (value: string): string => value.replace(/\s+/g, '')
    await fc.assert(
      fc.asyncProperty(bodyPairs(1500, 12), async ([older, newer]) => {
        const job = await runChangeJob({
          old: textOf(older),
          next: textOf(newer),
          fileSize: 262144,
          formats: ['md'],
          context: { namespace: 'a-', backLabel: 'Back', redline: true },
        })
        expect(job.diagnostics).toEqual([])
        const marked = job.results.md as RootContent[]
        expect(paragraphsRead(marked, 'insert').map(squash)).toEqual(paragraphsRead(blocksOf(newer)).map(squash))
        // Rejected, the older words; where only the spacing changed (no change), the newer spacing stands.
        expect(paragraphsRead(marked, 'delete').map(plain)).toEqual(paragraphsRead(blocksOf(older)).map(plain))
        const document = redlineBetween(proposals({ a: older }), proposals({ a: newer }))
        for (const format of ['md', 'html', 'docx']) expect((await compileIn(format, document)).length).toBeGreaterThan(0)
      }),
      // A few here; the slow suite tries 25 pairs of up to 50 KB on the threads.
      { numRuns: 5, seed: 2021 },
    )
  })
})

/** What a CriticMarkup processor reads as marks (a stricter reader than most: marks may span lines). */
function criticMarks(markdown: string): string[] {
  return [...markdown.matchAll(/\{\+\+[\s\S]*?\+\+\}|\{--[\s\S]*?--\}|\{~~[\s\S]*?~>[\s\S]*?~~\}|\{==[\s\S]*?==\}|\{>>[\s\S]*?<<\}/g)].map((match) => match[0])
}

describe('item 9: nothing an author writes reads as a mark in the Markdown redline', () => {
  const FORGED = [
    'Text {++forged++} and {--gone--}, {~~old~>new~~}, {==seen==}{>>said<<}; a ~> b.',
    'Code `{++in code++}` and `x ~> y`.',
    '```{++lang\n{--in a block--} {~~p~>q~~}\n<!-- deleted: proposal: b -->\n```',
    'Raw <ins>inserted</ins> and <DEL>deleted</DEL>.',
    '<div>\n<ins>a block</ins> {++x++}\n</div>',
    '<!-- deleted: proposal: b -->',
    '<!-- proposal: c -->',
    '[a {++link++}](https://example.org/{++x++} "title {++x++}") and ![alt {--x--}](https://example.org/i.png)',
  ].join('\n\n')

  /** The redline's Markdown from the first block on (the cover's legend is the tool's own marks). */
  async function markdownOf(old: Record<string, string>, next: Record<string, string>, options: Parameters<typeof redlineBetween>[2] = {}): Promise<string> {
    const markdown = String(await compileIn('md', redlineBetween(proposals(old), proposals(next), options)))
    return markdown.slice(markdown.search(/<!-- (deleted: )?proposal: /))
  }

  test("in a changed text and an unchanged one: only the tool's marks, markers and notes read as such", async () => {
    const markdown = await markdownOf(
      { a: `Old words.\n\n${FORGED}`, b: FORGED, d: 'Gone.' },
      { a: `New words.\n\n${FORGED}`, b: FORGED },
      { why: new Map([['proposal:d', 'Withdrawn {++x++} <<} here.']]) },
    )
    expect(criticMarks(markdown)).toEqual([
      '{--Old--}',
      '{++New++}',
      '{>>Withdrawn {\\++x+\\+} <\\<} here.<<}',
      '{--**Alt 3**--}',
      '{--Gone.--}',
      '{--Proponent: Japan. Supporters: none.--}',
    ])
    expect(markdown).not.toMatch(/<\/?(ins|del)\b/i)
    expect(markdown.match(/^<!-- \/?(deleted: )?proposal: .*$/gm)).toEqual([
      '<!-- proposal: a -->',
      '<!-- /proposal: a -->',
      '<!-- proposal: b -->',
      '<!-- /proposal: b -->',
      '<!-- deleted: proposal: d -->',
      '<!-- /deleted: proposal: d -->',
    ])
  })

  test('text keeps a backslash that shows nothing; code and raw HTML a word joiner, so that they read as written', async () => {
    const markdown = await markdownOf({ a: `Old words.\n\n${FORGED}` }, { a: `New words.\n\n${FORGED}` })
    // An author's strikethrough is `<s>`: `~~` could close a delimiter begun beside it.
    expect(markdown).toContain('Text {\\++forged+\\+} and {\\--gone-\\-}, {<s>old\\~\\>new</s>}, {\\==seen=\\=}{\\>>said<\\<}; a \\~\\> b.')
    const shown = markdown.replaceAll('\u2060', '')
    expect(shown).toContain('Code `{++in code++}` and `x ~> y`.')
    expect(shown).toContain('```{++lang\n{--in a block--} {~~p~>q~~}\n<!-- quoted: deleted: proposal: b -->\n```')
    expect(shown).toContain('Raw &lt;ins>inserted&lt;/ins> and &lt;DEL>deleted&lt;/DEL>.')
    expect(shown).toContain('<!-- quoted: proposal: c -->')
    expect(shown).toContain('(https://example.org/%7B++x++%7D "title {++x++}")')
  })

  test("an unchanged text's strikethrough is <s> without a parse on the threads; the text itself keeps ~~, code keeps its tildes", async () => {
    const struck = 'Each Party shall ~~endeavour to~~ [adopt] ~x~ measures of ~50 per cent.\n\n~~~\n~~kept~~\n~~~'
    const document = redlineBetween(proposals({ a: struck, b: 'Old.' }), proposals({ a: struck, b: 'New.' }))
    // Only the changed text goes to the threads: the struck one is written from its source and the edits its parse recorded.
    const sent: string[] = []
    const runner = { run: async (jobs: Array<{ kind: string; input: unknown }>) => (sent.push(...jobs.map((job) => job.kind)), inPlace.run(jobs as never)) }
    const texts = await prepareTexts(document, [formatNamed('md')!], DEFAULT_CONFIG.limits, runner)
    expect(sent).toEqual(['change'])
    const markdown = String(await (await formatNamed('md')!.compiler()).compile(document, texts.prepared!.get('md')!, {}))
    expect(markdown).toContain('Each Party shall <s>endeavour to</s> [adopt] <s>x</s> measures of ~50 per cent.\n\n~~~\n~~kept~~\n~~~')
    expect(markdown).not.toMatch(/~~endeavour/)
    // The text itself, outside a redline, as its author wrote it.
    expect(String(await compileIn('md', consolidatedView(assemble(proposals({ a: struck }), DEFAULT_CONFIG))))).toContain(
      'Each Party shall ~~endeavour to~~ [adopt] ~x~ measures',
    )
  })

  test('a proposed text that starts and ends struck, a footnote struck inside: the brackets stand outside <s>, the label is renamed inside', async () => {
    const struck = '~~Each Party shall~~ adopt measures ~~at once[^1]~~\n\n[^1]: A note.'
    const document = redlineBetween(proposals({ a: struck, b: 'Old.' }, 'proposed'), proposals({ a: struck, b: 'New.' }, 'proposed'))
    const markdown = String(await compileIn('md', document))
    expect(markdown).toContain('[<s>Each Party shall</s> adopt measures <s>at once[^a¦1]</s>]')
    expect(markdown).not.toContain('~~')
  })

  test('any text: neutralised, it holds no delimiter, and reads as written once its breaks are taken out', () => {
    const text = fc.string({ unit: fc.constantFrom('{', '}', '+', '-', '~', '=', '>', '<', 'a', ' ', '\\'), maxLength: 40 })
    fc.assert(
      fc.property(text, (written) => {
        for (const [broken, mark] of [
          [neutralise(written), '\\'],
          [neutraliseCode(written), '\u2060'],
        ]) {
          expect(criticMarks(broken)).toEqual([])
          expect(broken).not.toMatch(/\{([+\-~=>])\1|([+\-~=<])\2\}|~>/)
          expect(
            written
              .split('')
              .filter((char) => char !== mark)
              .join(''),
          ).toBe(
            broken
              .split('')
              .filter((char) => char !== mark)
              .join(''),
          )
        }
      }),
      { numRuns: 2000, seed: 9 },
    )
  })
})

describe('item 10: control and bidirectional characters are written out, the same in every format', () => {
  const MARKS = '\x1b[31m\x07\x00\u202e\u2066'
  const SHOWN = '\\x1b[31m\\x07\\x00\\u202e\\u2066'
  /** Raw controls (C0 but tab and line ends, C1) and bidirectional controls. */
  const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/

  test('visible writes out every bidirectional control', () => {
    expect(visible('a\u202eb\u2066c\u2069\u200e\u200f\u061c\u202a')).toBe('a\\u202eb\\u2066c\\u2069\\u200e\\u200f\\u061c\\u202a')
    expect(visible(visible(`x${MARKS}`))).toBe(`x${SHOWN}`)
  })

  test("in titles, names and symbols of the text and its redline, in Markdown, HTML and Word alike; an author's changed text shows its own", async () => {
    const repository = gitRepository()
    const json = JSON.stringify
    const config = (symbol: string): string =>
      [
        `title: ${json(`Title ${MARKS} end`)}`,
        `symbol: ${json(symbol)}`,
        `secretariat: ${json(`Secretariat${MARKS}`)}`,
        'participants:',
        `  - { name: ${json(`Japan${MARKS}`)}, code: JPN }`,
        `  - { name: ${json(`Chile${MARKS}`)}, code: CHL }`,
        `outline:\n  - { id: A, title: ${json(`Section${MARKS}`)}, topics: [ { id: A.1, title: ${json(`Topic${MARKS}`)} } ] }`,
      ].join('\n')
    const proposal = (status: string, text: string): string =>
      `---\ntopic: A.1\nauthor: JPN\nsupporters: [CHL]\nstatus: ${status}\ntitle: ${json(`Proposal${MARKS}`)}\ndocument: ${json(`DOC${MARKS}`)}\n---\n\n${text}\n`
    mkdirSync(path.join(repository, 'proposals'))
    writeFileSync(path.join(repository, 'consolidate.yaml'), config(`INF/1${MARKS}`))
    writeFileSync(path.join(repository, 'proposals', 'a.md'), proposal('proposed', 'Each Party shall \u202epay 10\u202c to the other.'))
    writeFileSync(path.join(repository, 'proposals', 'b.md'), proposal('proposed', 'Withdrawn later.'))
    commitAll(repository, 'r1')
    writeFileSync(path.join(repository, 'consolidate.yaml'), config(`INF/1/Rev.1${MARKS}`))
    writeFileSync(path.join(repository, 'proposals', 'a.md'), proposal('stabilized', 'Each Party shall \u202epay 20\u202c to the other.'))
    writeFileSync(path.join(repository, 'proposals', 'b.md'), proposal('withdrawn', 'Withdrawn later.'))
    const result = await run(['build', '--since', 'HEAD', '--root', repository, '--format', 'md,html,docx'])
    expect(result.code, result.stderr).toBe(0)
    const out = path.join(repository, 'out')
    const texts = new Map<string, string>()
    for (const name of readdirSync(out).filter((each) => !each.startsWith('.'))) {
      const bytes = readFileSync(path.join(out, name))
      if (!name.endsWith('.docx')) texts.set(name, bytes.toString('utf8'))
      else for (const [part, content] of Object.entries(unzipSync(bytes))) if (part.endsWith('.xml')) texts.set(`${name}:${part}`, strFromU8(content))
    }
    // The authors' text keeps its own in the text; in the redline it is written out, as it changed.
    const text = (name: string): string => texts.get(name)!.replaceAll('\u202epay 20\u202c', '')
    for (const [name, content] of texts) expect(RAW.exec(name.startsWith('consolidated.') ? text(name) : content)?.[0], name).toBeUndefined()
    for (const name of [
      'consolidated.md',
      'consolidated.html',
      'consolidated.docx:word/document.xml',
      'consolidated-redline.md',
      'consolidated-redline.html',
      'consolidated-redline.docx:word/document.xml',
    ]) {
      expect(texts.get(name), name).toContain(`Title ${SHOWN} end`)
      expect(texts.get(name), name).toContain(`Japan${SHOWN}`)
      expect(texts.get(name), name).toContain(`Topic${SHOWN}`)
    }
    expect(texts.get('consolidated.html')).toContain(`<title>INF/1/Rev.1${SHOWN} \u2013 Title ${SHOWN} end</title>`)
    expect(texts.get('consolidated-redline.md')).toContain(`Supersedes INF/1${SHOWN}`)
    expect(texts.get('consolidated-redline.docx:docProps/core.xml')).toContain(`<dc:creator>Secretariat${SHOWN}</dc:creator>`)
    for (const name of ['consolidated-redline.md', 'consolidated-redline.html', 'consolidated-redline.docx:word/document.xml'])
      expect(texts.get(name), name).toContain('\\u202epay')
  })
})
