/**
 * Labels over generated workspaces: proposals that share footnote and link
 * labels, ids that differ only in case, plain brackets that spell other
 * proposals' labels, definitions in quotes and list items whose label spans
 * lines. Whatever the mix, each proposal reads in the consolidated text as
 * its own body reads alone: the same text, link URLs and footnote texts.
 */
import fc from 'fast-check'
import { expect, test } from 'vitest'
import { assemble } from '../src/assemble/negotiation.js'
import { parseProposal } from '../src/parse/proposal.js'
import { renderBody } from '../src/render/apply-edits.js'
import { SEPARATORS } from '../src/render/label-names.js'
import { renderMarkdown } from './helpers/render.js'
import { DEFAULT_CONFIG, type Placement, type TopicNode } from '../src/types.js'
import { reader, regions } from './helpers/resolve.js'
import { runs } from './helpers/runs.js'

const IDS = ['a1', 'A1', 'b', 'victim', 'straße', 'strasse']

/** One piece of a body: the words it adds to the text, and the definitions it needs (or leaves out on purpose). */
interface Piece {
  text: string
  definitions: readonly string[]
}

function pieces(id: string, others: string[]): fc.Arbitrary<Piece> {
  const other = others.length > 0 ? fc.constantFrom(...others) : fc.constant('victim')
  const defined = fc.boolean()
  return fc.oneof(
    fc.constant({ text: 'Each Party shall act.', definitions: [] }),
    fc.tuple(fc.constantFrom('1', 'Note', 'NOTE', 'note'), defined).map(([label, define]) => ({
      text: `Each Party shall [endeavour to] act.[^${label}]`,
      definitions: define ? [`[^${label.toLowerCase() === 'note' ? 'Note' : label}]: Note ${label} of ${id}.`] : [],
    })),
    fc.tuple(fc.constantFrom('[the site][Site]', '[SITE]', '[site][]', '[Site]'), defined).map(([reference, define]) => ({
      text: `See ${reference}.`,
      definitions: define ? [`[site]: https://${id}.example/site`] : [],
    })),
    // Spelled with the old `:` or any separator the renderer may choose (a body holding one makes it choose the next).
    fc.tuple(other, fc.constantFrom(':', ...SEPARATORS, '\ue000'), fc.constantFrom('1', 'site', 'X', 'note')).map(([name, separator, label]) => ({
      text: `Each Party shall [${name}${separator}${label}] act, and [^${name}${separator}${label}].`,
      definitions: [],
    })),
    fc.tuple(fc.constantFrom('[foo bar]', '[Foo  Bar]', '[see][foo bar]'), fc.constantFrom('none', 'quote', 'item')).map(([reference, where]) => ({
      text: `Each Party shall ${reference} act.`,
      definitions: where === 'quote' ? [`> [foo\n> bar]: https://${id}.example/quote`] : where === 'item' ? [`- [foo\n  bar]: https://${id}.example/item`] : [],
    })),
    fc.constant({ text: 'Each Party shall see [the text][a\\[b].', definitions: [`[a\\[b]: https://${id}.example/escaped`] }),
  )
}

const workspace = fc.uniqueArray(fc.constantFrom(...IDS), { minLength: 2, maxLength: 4 }).chain((ids) =>
  fc.tuple(
    ...ids.map((id) =>
      fc.record({
        id: fc.constant(id),
        topic: fc.constantFrom('A.1', 'A.2'),
        stabilized: fc.boolean(),
        pieces: fc.array(
          pieces(
            id,
            ids.filter((other) => other !== id),
          ),
          { minLength: 1, maxLength: 5 },
        ),
      }),
    ),
  ),
)

type Generated = { id: string; topic: string; stabilized: boolean; pieces: Piece[] }

function fileText(file: Generated, stabilized: boolean): string {
  const text = file.pieces.map((piece) => piece.text).join(' ')
  const definitions = file.pieces.flatMap((piece) => piece.definitions)
  return `---\ntopic: ${file.topic}\nauthor: Japan\nstatus: ${stabilized ? 'stabilized' : 'proposed'}\n---\n\n${[text, ...definitions].join('\n\n')}\n`
}

function placed(topics: TopicNode[]): Array<{ placement: Placement; level: number }> {
  return topics.flatMap((topic) => [...topic.placements.map((placement) => ({ placement, level: Math.min(6, topic.depth + 1) })), ...placed(topic.children)])
}

test('each proposal reads in the consolidated text as its own body reads alone', () => {
  fc.assert(
    fc.property(workspace, (files) => {
      const seenStabilized = new Set<string>()
      const proposals = files.map((file) => {
        const stabilized = file.stabilized && !seenStabilized.has(file.topic)
        if (stabilized) seenStabilized.add(file.topic)
        const result = parseProposal(`proposals/${file.id}.md`, fileText(file, stabilized))
        expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([])
        return result.proposal!
      })
      const negotiation = assemble(proposals, DEFAULT_CONFIG)
      const document = reader(renderMarkdown(negotiation))
      const found = regions(document.tree)
      for (const { placement, level } of placed(negotiation.topics)) {
        const { proposal } = placement
        const blocks = found.get(proposal.id)
        expect(blocks, proposal.id).toHaveLength(1)
        // Without the Alt label before the text, and the attribution and the stocktaking flag after it.
        const text = blocks![0].slice(placement.alt === undefined ? 0 : 1, placement.referred ? -2 : -1)
        const alone = reader(renderBody(proposal.body, { bracketed: proposal.status === 'proposed', headingLevel: level }))
        expect(document.seen(text), proposal.id).toEqual(alone.seen(alone.tree.children))
      }
    }),
    { numRuns: runs(100) },
  )
})
