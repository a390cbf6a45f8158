/**
 * Invariants over generated workspaces: every proposal is accounted for
 * exactly once, whatever its status: a live one (proposed, stabilized, parked,
 * "no text" or not) between its markers with its text intact and its brackets
 * balanced, a withdrawn one in the withdrawn annex, a merged one in the merged
 * annex and named by the proposal it went into; the file order changes nothing.
 */
import fc from 'fast-check'
import type { Nodes, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { expect, test } from 'vitest'
import { assemble } from '../src/assemble/negotiation.js'
import { sortDiagnostics } from '../src/diagnostics/format.js'
import { parseMarkdown, parseProposal } from '../src/parse/proposal.js'
import { renderMarkdown } from './helpers/render.js'
import { DEFAULT_CONFIG, type Config, type Proposal } from '../src/types.js'
import { validate } from '../src/check/validate.js'
import { runs } from './helpers/runs.js'

const TOPICS = ['A.1', 'A.2', 'A.10', 'B.1.1', 'B.1.2']
const PARTICIPANTS = ['Japan', 'Singapore', 'Canada', 'Australia', 'Chile', 'Norway', 'Kenya']

const word = fc.constantFrom('each', 'party', 'shall', 'may', 'endeavour', 'to', 'ensure', 'measures', 'data', 'trade', 'electronic', 'paperless')
const words = fc.array(word, { minLength: 1, maxLength: 6 }).map((list) => list.join(' '))

/** Plain words with balanced inner brackets, sometimes nested, sometimes emphasised. */
const phrase: fc.Arbitrary<string> = fc.letrec<{ phrase: string }>((tie) => ({
  phrase: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    words,
    words.map((text) => `*${text}*`),
    fc.tuple(words, tie('phrase')).map(([before, inner]) => `${before} [${inner}]`),
    fc.tuple(tie('phrase'), tie('phrase')).map(([a, b]) => `[[${a}][${b}]]`),
  ),
})).phrase

const sentence = fc.array(phrase, { minLength: 1, maxLength: 3 }).map((parts) => `${parts.join(' ')}.`)

const block = fc.oneof(
  sentence,
  fc.array(sentence, { minLength: 1, maxLength: 3 }).map((items) => items.map((item, index) => `${index + 1}. ${item}`).join('\n')),
  sentence.map((text) => `> ${text}`),
  words.map((text) => `## ${text}`),
)

const body = fc
  .tuple(fc.array(block, { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([blocks, note]) => (note ? `${blocks.join('\n\n')} See the note.[^1]\n\n[^1]: A note of ${blocks.length} blocks.\n` : `${blocks.join('\n\n')}\n`))

const proposalFile = fc.record({
  topic: fc.constantFrom(...TOPICS),
  authors: fc.uniqueArray(fc.constantFrom(...PARTICIPANTS), { minLength: 1, maxLength: 2 }),
  supporters: fc.array(fc.constantFrom(...PARTICIPANTS), { maxLength: 5 }),
  status: fc.constantFrom('proposed', 'proposed', 'stabilized', 'parked', 'merged', 'withdrawn'),
  /** Which live proposal a merged one went into (an index among them). */
  into: fc.nat(),
  noText: fc.boolean(),
  reason: fc.option(words, { nil: undefined }),
  submitted: fc.option(
    fc.integer({ min: 1, max: 28 }).map((day) => `2024-02-${String(day).padStart(2, '0')}`),
    { nil: undefined },
  ),
  body,
  crlf: fc.boolean(),
  bom: fc.boolean(),
})

type Generated = (typeof proposalFile extends fc.Arbitrary<infer T> ? T : never) & { mergedInto?: string }

function fileText(file: Generated): string {
  const supporters = file.supporters.filter((name) => !file.authors.includes(name))
  const front = [
    `topic: ${file.topic}`,
    `author: [${file.authors.join(', ')}]`,
    `supporters: [${[...new Set(supporters)].join(', ')}]`,
    `status: ${file.status}`,
    ...(file.submitted ? [`submitted: ${file.submitted}`] : []),
    ...(file.status === 'merged' ? [`mergedInto: ${file.mergedInto}`] : []),
    ...(file.status === 'parked' && file.reason ? [`reason: ${file.reason}`] : []),
    ...(file.noText ? ['noText: true'] : []),
  ]
  const text = `---\n${front.join('\n')}\n---\n\n${file.noText ? '' : file.body}`
  return `${file.bom ? '\ufeff' : ''}${file.crlf ? text.replace(/\n/g, '\r\n') : text}`
}

/**
 * What the checks accept: at most one stabilized text per topic (the generator's
 * raw output may have more), and each merged proposal merged into a live one
 * (file `p<index>` has id `p<index>`); with no live proposal, nothing is merged.
 */
function valid(files: Generated[]): Generated[] {
  const seen = new Set<string>()
  const sound = files.map((file): Generated => {
    if (file.status !== 'stabilized') return file
    if (seen.has(file.topic)) return { ...file, status: 'proposed' }
    seen.add(file.topic)
    return file
  })
  const live = sound.flatMap((file, index) => (['proposed', 'stabilized', 'parked'].includes(file.status) ? [index] : []))
  return sound.map((file) => {
    if (file.status !== 'merged') return file
    if (live.length === 0) return { ...file, status: 'withdrawn' }
    return { ...file, mergedInto: `p${live[file.into % live.length]}` }
  })
}

/** The section of the text under `## Annex: <title>`, up to the next annex. */
function annexOf(output: string, title: string): string {
  const start = output.indexOf(`## Annex: ${title}`)
  if (start === -1) return ''
  const next = output.indexOf('## Annex', start + 1)
  return output.slice(start, next === -1 ? undefined : next)
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1
}

const config: Config = { ...DEFAULT_CONFIG }

function build(proposals: Proposal[]): string {
  return renderMarkdown(assemble(proposals, config))
}

/** The top-level nodes between `<!-- proposal: ID -->` and `<!-- /proposal: ID -->`. */
function blocksOf(tree: ReturnType<typeof parseMarkdown>, id: string): RootContent[][] {
  const found: RootContent[][] = []
  let current: RootContent[] | undefined
  for (const node of tree.children) {
    if (node.type === 'html' && node.value === `<!-- proposal: ${id} -->`) current = []
    else if (node.type === 'html' && node.value === `<!-- /proposal: ${id} -->` && current) {
      found.push(current)
      current = undefined
    } else current?.push(node)
  }
  return found
}

function balanced(text: string): boolean {
  let depth = 0
  for (const char of text) {
    if (char === '[') depth++
    else if (char === ']' && --depth < 0) return false
  }
  return depth === 0
}

test('every proposal is accounted for exactly once, intact, balanced, whatever its status and the file order', () => {
  fc.assert(
    fc.property(fc.array(proposalFile, { minLength: 1, maxLength: 10 }).map(valid), fc.infiniteStream(fc.nat()), (files, seeds) => {
      const results = files.map((file, index) => parseProposal(`proposals/p${index}.md`, new TextEncoder().encode(fileText(file))))
      for (const result of results) expect(result.diagnostics).toEqual([])
      const proposals = results.map((result) => result.proposal!)
      expect(validate(proposals, config).filter((d) => d.severity === 'error')).toEqual([])

      const output = build(proposals)
      const tree = parseMarkdown(output)
      const withdrawnAnnex = annexOf(output, 'Withdrawn proposals')
      const mergedAnnex = annexOf(output, 'Merged proposals')
      proposals.forEach((proposal, index) => {
        const blocks = blocksOf(tree, proposal.id)
        // Exactly one place: its block in the text, or one line of one annex (by the marker Markdown keeps there).
        const places =
          blocks.length + occurrences(withdrawnAnnex, `<!-- withdrawn: ${proposal.id} -->`) + occurrences(mergedAnnex, `<!-- merged: ${proposal.id} -->`)
        expect(places, proposal.id).toBe(1)
        if (proposal.status === 'withdrawn') {
          expect(withdrawnAnnex).toMatch(
            new RegExp(`- ${proposal.topic.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:[^\\n]*<!-- withdrawn: ${proposal.id} -->`),
          )
          return
        }
        if (proposal.status === 'merged') {
          expect(mergedAnnex).toMatch(new RegExp(`- ${proposal.topic.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:[^\\n]*<!-- merged: ${proposal.id} -->`))
          expect(mergedAnnex).toContain('Incorporated into the proposal of ')
          // The proposal it went into says, in its attribution, that it incorporates a proposal.
          const receiving = blocksOf(tree, proposal.mergedInto!.value)[0]
            .map((node) => toString(node as Nodes))
            .join('\n')
          expect(receiving).toMatch(/Incorporates the proposal/)
          return
        }
        expect(blocks).toHaveLength(1)
        // The text: without the Alt label, the Parked label, the attribution and the stocktaking flag, and the notes.
        const text = blocks[0].filter((node, position) => {
          if (node.type === 'definition' || node.type === 'footnoteDefinition') return false
          const plain = toString(node)
          if (position === 0 && /^Alt \d+$/.test(plain)) return false
          return !/^(Proponents?: |Referred to the stocktaking small group|Parked[.:])/.test(plain)
        })
        const plain = text.map((node) => toString(node as Nodes)).join('\n')
        if (proposal.noText) {
          expect(plain).toBe(proposal.status === 'stabilized' ? 'No text' : '[No text]')
          return
        }
        expect(balanced(plain)).toBe(true)
        if (proposal.status !== 'stabilized') {
          expect(plain.startsWith('[')).toBe(true)
          expect(plain.endsWith(']')).toBe(true)
        }
        // Every paragraph of the source is there, word for word.
        const source = parseMarkdown(
          fileText(files[index])
            .replace(/^\ufeff/, '')
            .replace(/\r\n/g, '\n'),
        )
        for (const node of source.children.slice(1)) {
          if (node.type === 'footnoteDefinition' || node.type === 'yaml') continue
          for (const line of toString(node).split('\n')) expect(plain).toContain(line)
        }
      })

      // Shuffled input order: byte-identical output and diagnostics.
      const shuffled = [...proposals]
      for (let index = shuffled.length - 1; index > 0; index--) {
        const other = seeds.next().value % (index + 1)
        ;[shuffled[index], shuffled[other]] = [shuffled[other], shuffled[index]]
      }
      expect(build(shuffled)).toBe(output)
      expect(sortDiagnostics(validate(shuffled, config))).toEqual(sortDiagnostics(validate(proposals, config)))
    }),
    { numRuns: runs(200) },
  )
})
