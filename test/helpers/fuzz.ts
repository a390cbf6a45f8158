/** What the fuzz tests generate (proposal files of every kind, damaged ones included) and the property they check. */
import fc from 'fast-check'
import { expect } from 'vitest'
import { assemble } from '../../src/assemble/negotiation.js'
import { parseConfig } from '../../src/parse/config.js'
import { formatGithub, formatJson, sortDiagnostics } from '../../src/diagnostics/format.js'
import { parseProposal } from '../../src/parse/proposal.js'
import { formatText } from '../../src/diagnostics/report.js'
import { renderMarkdown, renderStocktake } from './render.js'
import { RULES, type Config, type Diagnostic, type Proposal } from '../../src/types.js'
import { validate } from '../../src/check/validate.js'

export const CONFIG = parseConfig(
  'consolidate.yaml',
  `participants:
  - { name: Japan, code: JPN }
  - { name: Canada, code: CAN }
  - { name: Norway, code: NOR }
  - { name: European Union, code: EU, aliases: ["European Union and its member States"] }
outline:
  - id: A
    topics:
      - { id: A.1, topics: [{ id: A.1.4 }, { id: A.1.10 }] }
  - { id: B }
`,
)
expect(CONFIG.diagnostics).toEqual([])

// ---- generators ---------------------------------------------------------

const word = fc.constantFrom(
  'Each',
  'Party',
  'shall',
  'endeavour',
  'to',
  'measures',
  'électronique',
  '電子',
  'invoicing',
  '*',
  '_',
  '`',
  '\\',
  '<b>',
  '&amp;',
  '|',
  '#',
  '>',
  '-',
  '1.',
  ':',
  '~~',
)
const bracket = fc.constantFrom('[', ']', '[x]', '[^1]', '[a][b]', '[l](http://e.org)', '![i](x.png)', '\\[', '\\]')
const line = fc.array(fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: bracket }), { maxLength: 12 }).map((words) => words.join(' '))
const block = fc.oneof(
  { weight: 4, arbitrary: line },
  { weight: 1, arbitrary: line.map((text) => `# ${text}`) },
  { weight: 1, arbitrary: fc.array(line, { minLength: 1, maxLength: 3 }).map((items) => items.map((item, index) => `${index + 1}. ${item}`).join('\n')) },
  { weight: 1, arbitrary: line.map((text) => `> ${text}`) },
  { weight: 1, arbitrary: line.map((text) => `[^1]: ${text}`) },
  { weight: 1, arbitrary: line.map((text) => '```\n' + text) },
  { weight: 1, arbitrary: line.map((text) => `| a | b |\n| - | - |\n| ${text} | x |`) },
  { weight: 1, arbitrary: fc.constantFrom('<!-- note -->', '<div>', '---', 'Title\n=====', '    indented [code]', '') },
)
const body = fc.array(block, { maxLength: 5 }).map((blocks) => blocks.join('\n\n'))

const scalar = fc.oneof(
  fc.constantFrom(
    'A.1.4',
    'A.1.10',
    'A',
    'B',
    'A.9',
    'Japan',
    'JPN',
    'NO',
    'Jpan',
    'Canada',
    'European Union and its member States',
    'proposed',
    'stabilized',
    'withdrawn',
    'agreed',
    '2022-03-14',
    '2023-02-29',
    'x',
    '',
  ),
  fc.constantFrom(
    '1.10',
    '~',
    'true',
    '3',
    '"quoted: yes"',
    "'single'",
    '&a Japan',
    '*a',
    '!!str x',
    '[Canada, Norway]',
    '{a: 1}',
    '|\n  block',
    '>-\n  folded',
  ),
)
const frontMatterLine = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.constantFrom('id', 'topic', 'title', 'author', 'supporters', 'status', 'submitted', 'document', 'suporters'), scalar)
      .map(([key, value]) => `${key}: ${value}`),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom('supporters:\n  - Canada\n  - NOR', '\tauthor: Japan', 'topic A', '- a', '? x', '%YAML 1.1', '...') },
)
/** A proposal file that is mostly well formed: the shape authors write. */
const proposalText = fc
  .tuple(
    fc.constantFrom('A.1.4', 'A.1.10', 'B', 'A.9'),
    fc.constantFrom('Japan', 'CAN', '[Japan, Norway]', 'Jpan', 'NO'),
    fc.array(frontMatterLine, { maxLength: 4 }),
    body,
  )
  .map(([topic, author, more, text]) => `---\ntopic: ${topic}\nauthor: ${author}\n${more.join('\n')}${more.length > 0 ? '\n' : ''}---\n\n${text}\n`)

/** A proposal file as a careful author writes it: it should pass, and must then be placed. */
const balanced = fc
  .array(fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: fc.constantFrom('[x]', '[^1]', '[l](http://e.org)', '[[a] b]') }), { maxLength: 12 })
  .map((words) => words.join(' '))
const cleanBody = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: balanced.map((text) => `${text} end.`) },
      { weight: 1, arbitrary: balanced.map((text) => `## ${text} end`) },
      { weight: 1, arbitrary: balanced.map((text) => `1. ${text} end.\n2. [two]`) },
      { weight: 1, arbitrary: fc.constant('[^1]: A note.') },
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((blocks) => `Each Party shall\n\n${blocks.join('\n\n')}`)
const cleanText = fc
  .record({
    topic: fc.constantFrom('A.1.4', 'A.1.10', 'B', 'A'),
    author: fc.constantFrom('Japan', 'CAN', '[Japan, Norway]', 'European Union and its member States'),
    supporters: fc.constantFrom('[]', '[Canada]', '[NOR, EU, Canada]', 'Norway'),
    status: fc.constantFrom('proposed', 'proposed', 'stabilized', 'withdrawn'),
    submitted: fc.constantFrom('', '2022-03-14', '2021-12-01'),
  })
  .chain((fields) =>
    cleanBody.map(
      (text) =>
        `---\ntopic: ${fields.topic}\nauthor: ${fields.author}\nsupporters: ${fields.supporters}\nstatus: ${fields.status}\nsubmitted: ${fields.submitted}\n---\n\n${text}\n`,
    ),
  )

const encoder = new TextEncoder()
/** Damage done to a file's bytes. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({
    kind: fc.constant('brackets' as const),
    at: fc.nat(),
    text: fc.array(fc.constantFrom('[', ']'), { minLength: 1, maxLength: 5 }).map((chars) => chars.join('')),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('crlf' as const) }),
  fc.record({ kind: fc.constant('bom' as const) }),
)
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never

function mutate(bytes: Uint8Array, change: Mutation): Uint8Array {
  const at = 'at' in change ? change.at % (bytes.length + 1) : 0
  switch (change.kind) {
    case 'truncate':
      return bytes.slice(0, at)
    case 'insert':
      return Uint8Array.from([...bytes.slice(0, at), ...change.bytes, ...bytes.slice(at)])
    case 'brackets':
      return Uint8Array.from([...bytes.slice(0, at), ...encoder.encode(change.text), ...bytes.slice(at)])
    case 'delete':
      return Uint8Array.from([...bytes.slice(0, at), ...bytes.slice(at + change.length)])
    case 'crlf':
      return encoder.encode(new TextDecoder().decode(bytes).replace(/\n/g, '\r\n'))
    case 'bom':
      return Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes])
  }
}

/** Random YAML-looking text between the fences. */
const randomYaml = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '-',
        ':',
        ' ',
        '\n',
        '[',
        ']',
        '{',
        '}',
        '&a',
        '*a',
        '!',
        '|',
        '>',
        "'",
        '"',
        '#',
        '%',
        '@',
        '`',
        '?',
        ',',
        '\t',
        'topic',
        'author',
        'A.1.4',
        'Japan',
        '  ',
      ),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => `---\n${parts.join('')}\n---\n\nText [x].\n`)

const fileContent = fc.oneof(
  { weight: 8, arbitrary: cleanText.map((text) => encoder.encode(text)) },
  { weight: 5, arbitrary: fc.tuple(proposalText, fc.array(mutation, { maxLength: 2 })).map(([text, changes]) => changes.reduce(mutate, encoder.encode(text))) },
  { weight: 1, arbitrary: randomYaml.map((text) => encoder.encode(text)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((text) => encoder.encode(text)) },
)
const NAMES = ['proposals/a14-jpn.md', 'proposals/sub/a14-jpn.md', 'proposals/b.md', 'proposals/x y.md', 'proposals/2023/c.md', 'proposals/Élan.md']
export const workspace = fc.record({
  files: fc
    .uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 4 })
    .chain((names) => fc.tuple(...names.map((name) => fileContent.map((bytes) => ({ name, bytes }))))),
  configured: fc.boolean(),
})

// ---- the property -----------------------------------------------------------

export interface Outcome {
  diagnostics: Diagnostic[]
  proposals: Proposal[]
  text: string
}

export function parseAll(files: Array<{ name: string; bytes: Uint8Array }>): Array<{ diagnostics: Diagnostic[]; proposal?: Proposal }> {
  return files.map((file) => parseProposal(file.name, file.bytes))
}

export function runCore(parsed: Array<{ diagnostics: Diagnostic[]; proposal?: Proposal }>, config: Config): Outcome {
  const diagnostics = parsed.flatMap((result) => result.diagnostics)
  const proposals = parsed.flatMap((result) => (result.proposal ? [result.proposal] : []))
  diagnostics.push(...validate(proposals, config))
  // Rendered whatever the errors, to see which files it would place.
  const negotiation = assemble(proposals, config)
  const text = renderMarkdown(negotiation)
  renderStocktake(negotiation)
  formatText(diagnostics, { color: true })
  formatJson(diagnostics)
  formatGithub(diagnostics)
  return { diagnostics: sortDiagnostics(diagnostics), proposals, text }
}

function count(text: string, part: string): number {
  return text.split(part).length - 1
}

export function checkAccounted(files: Array<{ name: string }>, outcome: Outcome): void {
  for (const diagnostic of outcome.diagnostics) {
    expect(RULES[diagnostic.rule], diagnostic.rule).toBe(diagnostic.severity)
    expect(diagnostic.line).toBeGreaterThanOrEqual(1)
    expect(diagnostic.column).toBeGreaterThanOrEqual(1)
    expect(
      files.some((file) => file.name === diagnostic.file),
      diagnostic.file,
    ).toBe(true)
    expect(diagnostic.message.length).toBeGreaterThan(10)
  }
  const annex = outcome.text.slice(outcome.text.lastIndexOf('\n## '))
  for (const file of files) {
    if (outcome.diagnostics.some((diagnostic) => diagnostic.file === file.name && diagnostic.severity === 'error')) continue
    const proposal = outcome.proposals.find((each) => each.file === file.name)
    expect(proposal, `${file.name} has no error, so it must be read`).toBeDefined()
    if (proposal!.status === 'withdrawn') {
      expect(annex, `${file.name} is withdrawn: in the annex`).toContain(`<!-- withdrawn: ${proposal!.id} -->`)
    } else {
      expect(count(outcome.text, `<!-- proposal: ${proposal!.id} -->\n`), `${file.name} opens once`).toBe(1)
      expect(count(outcome.text, `<!-- /proposal: ${proposal!.id} -->`), `${file.name} closes once`).toBe(1)
    }
  }
}
