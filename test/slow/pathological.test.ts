/**
 * The pathological corpus (corpus.ts) through the compiled CLI: `build
 * --format md,html,docx` on a workspace with `limits.parseSeconds: 2` and
 * `limits.fileSize` of 1 MiB. Each input finishes or is refused as
 * `too-complex` within its deadlines (parsing, then rendering: 2 s each for
 * the parse and each format), never crashes (exit 0 or 1, never 3, no stack
 * trace), and, when it builds, writes a Word document of valid XML.
 *
 * `npm run test:slow` (several minutes; not part of `npm test`). Set
 * CONSOLIDATE_BIN to run another build of the CLI (e.g. an older one) against the same corpus.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, describe, expect, test } from 'vitest'
import { CORPUS, type Case } from './corpus.js'

const BIN = process.env.CONSOLIDATE_BIN ?? path.join(import.meta.dirname, '..', '..', 'bin', 'consolidate.js')
const ARTIFACTS = path.join(import.meta.dirname, '..', '..', 'test-artifacts')
const PARSE_SECONDS = 2
/**
 * The longest a build may take: the parse deadline, the render deadline (the
 * parse again and each of two formats), the CLI's start and the assembly of
 * the documents, with room for a shared, loaded machine. Before the exports
 * had deadlines, the worst of these inputs took minutes.
 */
const WALL_SECONDS = PARSE_SECONDS * 4 + 20
const FRONT = '---\ntopic: A.1\nauthor: Japan\n---\n\n'
/** XML 1.0's Char production. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u

const timings: Array<{ name: string; source: string; bytes: number; seconds: number; code: number | null; outcome: string }> = []

/** Why a build was refused, in a word, for the timings. */
function reason(stderr: string): string {
  if (/parsing the file took longer/.test(stderr)) return 'too-complex: parse deadline'
  if (/rendering the file in HTML and Word took longer/.test(stderr)) return 'too-complex: render deadline'
  if (/needed too much memory/.test(stderr)) return 'too-complex: memory'
  if (/nests Markdown too deeply/.test(stderr)) return 'too-complex: stack'
  if (/levels deep here/.test(stderr)) return 'too-complex: nesting limit'
  if (/columns, more than the limit/.test(stderr)) return 'too-complex: columns limit'
  if (/renders to more than/.test(stderr)) return 'too-complex: nodes limit'
  return / error .* ([a-z-]+) consolidate$/m.exec(stderr)?.[1] ?? 'refused'
}
const folders: string[] = []

afterAll(() => {
  mkdirSync(ARTIFACTS, { recursive: true })
  writeFileSync(path.join(ARTIFACTS, 'pathological-timings.json'), `${JSON.stringify(timings, null, 2)}\n`)
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

interface Build {
  code: number | null
  signal: NodeJS.Signals | null
  stderr: string
  seconds: number
  out: string
}

function build(body: string, status = 'proposed', parseSeconds = PARSE_SECONDS): Build {
  const root = mkdtempSync(path.join(tmpdir(), 'consolidate-pathological-'))
  folders.push(root)
  mkdirSync(path.join(root, 'proposals'))
  writeFileSync(path.join(root, 'consolidate.yaml'), `limits:\n  parseSeconds: ${parseSeconds}\n  fileSize: 1048576\n`)
  writeFileSync(path.join(root, 'proposals', 'p.md'), `${FRONT.replace('---\n\n', `status: ${status}\n---\n\n`)}${body}\n`)
  const out = path.join(root, 'out')
  const started = performance.now()
  const result = spawnSync(process.execPath, [BIN, 'build', '--root', root, '--out', out, '--format', 'md,html,docx'], {
    encoding: 'utf8',
    timeout: WALL_SECONDS * 1000 * 3,
    env: { ...process.env, CI: '1', NO_COLOR: '1', CONSOLIDATE_DEBUG: '' },
  })
  return { code: result.status, signal: result.signal, stderr: result.stderr, seconds: (performance.now() - started) / 1000, out }
}

function check(entry: Case): void {
  const result = build(entry.body)
  const refused = result.code === 1
  timings.push({
    name: entry.name,
    source: entry.source,
    bytes: Buffer.byteLength(entry.body),
    seconds: Math.round(result.seconds * 10) / 10,
    code: result.code,
    outcome: refused ? reason(result.stderr) : result.code === 0 ? 'built' : 'crashed',
  })

  expect(result.signal, `${entry.name}: killed after ${result.seconds.toFixed(1)} s`).toBe(null)
  expect([0, 1], `${entry.name}: exit ${result.code}\n${result.stderr.slice(0, 2000)}`).toContain(result.code)
  expect(result.stderr).not.toMatch(/internal error|\n\s+at \S+ \(|RangeError|FATAL ERROR/)
  expect(result.seconds, `${entry.name}: ${result.seconds.toFixed(1)} s`).toBeLessThan(WALL_SECONDS)
  if (refused) {
    // Refused as too-complex (or for what rightly refuses this input), and for nothing else; nothing written.
    const rules = new Set([...result.stderr.matchAll(/^ +\d+:\d+ +error +([a-z-]+) /gm)].map((match) => match[1]))
    expect([...rules], result.stderr.slice(0, 2000)).toEqual([entry.refusedAs && !rules.has('too-complex') ? entry.refusedAs : 'too-complex'])
    expect(readdirSafe(result.out)).toEqual([])
    return
  }
  expect(readdirSafe(result.out)).toEqual(['.consolidate-manifest.json', 'consolidated.docx', 'consolidated.html', 'consolidated.md', 'stocktaking.md'])
  const parts = unzipSync(readFileSync(path.join(result.out, 'consolidated.docx')))
  for (const [name, bytes] of Object.entries(parts))
    if (/\.(xml|rels)$/.test(name)) expect(!NOT_XML_CHAR.test(strFromU8(bytes)), `${entry.name}: ${name}`).toBe(true)
}

function readdirSafe(folder: string): string[] {
  try {
    return readdirSync(folder).sort()
  } catch {
    return []
  }
}

describe.each(['cmark', 'markdown-it', 'exports'] as const)('the %s corpus', (source) => {
  test.each(CORPUS.filter((entry) => entry.source === source).map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => check(entry))
})

test('the enclosing brackets make rendering no slower: a proposed text builds as fast as the same text stabilized', () => {
  const body = `x ${'*a **b '.repeat(20_000)}`
  // Without a deadline in the way: what is compared is how long each takes.
  const stabilized = build(body, 'stabilized', 60)
  const proposed = build(body, 'proposed', 60)
  expect([stabilized.code, proposed.code]).toEqual([0, 0])
  timings.push({
    name: 'emphasis at 20,000, stabilized',
    source: 'exports',
    bytes: body.length,
    seconds: stabilized.seconds,
    code: stabilized.code,
    outcome: 'built',
  })
  timings.push({
    name: 'emphasis at 20,000, proposed',
    source: 'exports',
    bytes: body.length,
    seconds: proposed.seconds,
    code: proposed.code,
    outcome: 'built',
  })
  expect(proposed.seconds, `proposed ${proposed.seconds.toFixed(1)} s, stabilized ${stabilized.seconds.toFixed(1)} s`).toBeLessThan(
    stabilized.seconds * 1.5 + 2,
  )
})
