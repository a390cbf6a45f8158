/**
 * The real public text of test/fixtures/paris-draft-2015 (UNFCCC ADP.2015.11.InformalNote,
 * Articles 2, 2bis and 3, with the President's Article 2 as a Chair's text) in the model:
 * what the renderers get, before any format is written.
 */
import path from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { cleanText, partId } from '../src/assemble/clean.js'
import { negotiationOf, type Workspace } from '../src/load/pipeline.js'
import type { Negotiation, TopicNode } from '../src/types.js'
import { loadFolder } from './helpers/load.js'

let workspace: Workspace
let negotiation: Negotiation

beforeAll(async () => {
  workspace = await loadFolder(path.join(import.meta.dirname, 'fixtures', 'paris-draft-2015'))
  negotiation = negotiationOf(workspace)!
})

function flat(nodes: TopicNode[]): TopicNode[] {
  return nodes.flatMap((node) => [node, ...flat(node.children)])
}

describe('the consolidated text', () => {
  test('articles, paragraphs and option labels as in the source; no bracket added; nothing referred', () => {
    const places = flat(negotiation.topics).map((node) => ({
      id: node.id,
      article: node.article,
      paragraph: node.paragraph?.number,
      title: node.title,
      options: node.placements.map(
        (placement) =>
          `${placement.option ? `Option ${placement.option.mark}` : '-'}: ${placement.proposal.id}${placement.enclosed ? ' enclosed' : ''}${placement.referred ? ' referred' : ''}`,
      ),
    }))
    expect(places).toEqual([
      { id: 'A2', article: '2', paragraph: undefined, title: 'purpose', options: ['Option 1: a2-opt1', 'Option 2: a2-opt2 enclosed'] },
      { id: 'A2bis', article: '2bis', paragraph: undefined, title: 'general', options: ['Option 1: a2bis-opt1', 'Option 2: a2bis-opt2 enclosed'] },
      { id: 'A3', article: '3', paragraph: undefined, title: 'mitigation', options: [] },
      {
        id: 'A3.1',
        article: undefined,
        paragraph: '1',
        title: 'Collective long-term goal',
        options: ['Option 1: a31-opt1', 'Option 2: a31-opt2', 'Option 3: a31-opt3'],
      },
      { id: 'A3.2', article: undefined, paragraph: '2', title: 'Individual efforts', options: ['Option 1: a32-opt1', 'Option 2: a32-opt2'] },
      {
        id: 'A3.3',
        article: undefined,
        paragraph: '3',
        title: 'Differentiated efforts',
        options: ['Option 1: a33-opt1', 'Option 2: a33-opt2', 'Option 3: a33-opt3', 'Option 4: a33-opt4'],
      },
      { id: 'A3.4', article: undefined, paragraph: '4', title: 'Progression', options: ['-: a34'] },
    ])
  })

  test("the President's text is the article's Chair's text, never an option; the two texts with a lost bracket allow it, and the build says so", () => {
    const article = negotiation.topics[0]
    expect(article.chairTexts.map((placed) => [placed.text.id, placed.by, placed.brackets])).toEqual([['a2-president', 'President', 0]])
    expect(workspace.allowances).toEqual([
      { file: 'proposals/a2-opt1.md', rules: ['unbalanced-brackets'] },
      { file: 'proposals/a31-opt3.md', rules: ['unbalanced-brackets'] },
    ])
  })
})

describe('the clean text', () => {
  test("Article 2 from the President's text, under the source's number; the articles without an agreed text are left out", () => {
    const clean = cleanText(negotiation)
    expect(
      clean.entries.map(({ id, article }) => ({
        id,
        label: article?.label,
        title: article?.title,
        parts: article?.parts.map(partId),
        paragraphs: article?.paragraphs,
      })),
    ).toEqual([{ id: 'A2', label: '2', title: 'purpose', parts: ['a2-president'], paragraphs: [] }])
    const body = clean.entries[0].article!.parts[0]
    expect(body.kind === 'chair' && body.text.text.body.source.slice(body.text.text.body.start, body.text.text.body.start + 40)).toBe(
      '1. This Agreement, in enhancing the impl',
    )
    expect(clean.concordance.map((row) => [row.id, row.label ?? null, row.paragraph ?? null, row.ids])).toEqual([
      ['A2', '2', null, ['a2-president']],
      ['A2bis', null, null, []],
      ['A3', null, null, []],
      ['A3.1', null, null, []],
      ['A3.2', null, null, []],
      ['A3.3', null, null, []],
      ['A3.4', null, null, []],
    ])
  })
})
