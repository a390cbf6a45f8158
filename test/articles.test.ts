/** Articles, paragraphs and options in the model (SPEC §13): what the renderers get as plain data. */
import { describe, expect, test } from 'vitest'
import { cleanText, partId, titleAfter } from '../src/assemble/clean.js'
import { assemble, letters, optionLabel, roman } from '../src/assemble/negotiation.js'
import { parseConfig } from '../src/parse/config.js'
import { parseProposal } from '../src/parse/proposal.js'
import type { Config, Proposal, TopicNode } from '../src/types.js'

const CONFIG = `
options: option
outline:
  - id: PRE
    title: Preamble
  - id: S2
    title: Article 2 (Purpose)
    article: "2"
  - id: S3
    title: Mitigation
    article: 3bis
    options: roman
    paragraphs:
      - { id: S3.1, number: "1", title: Collective long-term goal }
      - { id: S3.2, number: "2", options: letter }
      - { id: S3.3, number: "3" }
  - id: S4
    title: Adaptation
    article: "4"
    options: alt
    paragraphs:
      - { id: S4.1, number: "1" }
`

function config(yaml = CONFIG): Config {
  const result = parseConfig('consolidate.yaml', yaml)
  expect(result.diagnostics).toEqual([])
  return result.config
}

function text(id: string, topic: string, fields = ''): Proposal {
  const result = parseProposal(`proposals/${id}.md`, `---\ntopic: ${topic}\nauthor: Japan\n${fields}---\n\nParties aim to act.\n`)
  expect(result.diagnostics).toEqual([])
  return result.proposal!
}

function flat(nodes: TopicNode[]): TopicNode[] {
  return nodes.flatMap((node) => [node, ...flat(node.children)])
}

describe('labels', () => {
  test('roman numerals and letters as treaties write them', () => {
    expect([1, 2, 3, 4, 9, 14, 40, 3999, 4000].map(roman)).toEqual(['I', 'II', 'III', 'IV', 'IX', 'XIV', 'XL', 'MMMCMXCIX', '4000'])
    expect([1, 2, 26, 27, 28, 53].map(letters)).toEqual(['a', 'b', 'z', 'aa', 'bb', 'aaa'])
    expect(['alt', 'option', 'roman', 'letter'].map((style) => optionLabel(style as 'alt', 3))).toEqual([
      { word: 'alt', mark: '3' },
      { word: 'option', mark: '3' },
      { word: 'option', mark: 'III' },
      { word: 'option', mark: '(c)' },
    ])
  })

  test('the style is inherited from the configuration and the entries above, unless set', () => {
    const texts = ['a', 'b'].flatMap((suffix) => [
      text(`pre-${suffix}`, 'PRE'),
      text(`s31-${suffix}`, 'S3.1'),
      text(`s32-${suffix}`, 'S3.2'),
      text(`s41-${suffix}`, 'S4.1'),
    ])
    texts.push(text('s33-single', 'S3.3'))
    const nodes = flat(assemble(texts, config()).topics)
    const labels = Object.fromEntries(
      nodes.map((node) => [
        node.id,
        [node.options, ...node.placements.map((placement) => placement.option && `${placement.option.word} ${placement.option.mark}`)],
      ]),
    )
    expect(labels).toEqual({
      PRE: ['option', 'option 1', 'option 2'],
      S2: ['option'],
      S3: ['roman'],
      'S3.1': ['roman', 'option I', 'option II'],
      'S3.2': ['letter', 'option (a)', 'option (b)'],
      'S3.3': ['roman', undefined],
      S4: ['alt'],
      'S4.1': ['alt', 'alt 1', 'alt 2'],
    })
  })

  test('articles and paragraphs carry their numbers', () => {
    const nodes = flat(assemble([], config()).topics)
    expect(nodes.map(({ id, depth, article, paragraph, title }) => ({ id, depth, article, paragraph, title }))).toEqual([
      { id: 'PRE', depth: 1, article: undefined, paragraph: undefined, title: 'Preamble' },
      { id: 'S2', depth: 1, article: '2', paragraph: undefined, title: 'Article 2 (Purpose)' },
      { id: 'S3', depth: 1, article: '3bis', paragraph: undefined, title: 'Mitigation' },
      { id: 'S3.1', depth: 2, article: undefined, paragraph: { number: '1' }, title: 'Collective long-term goal' },
      { id: 'S3.2', depth: 2, article: undefined, paragraph: { number: '2' }, title: undefined },
      { id: 'S3.3', depth: 2, article: undefined, paragraph: { number: '3' }, title: undefined },
      { id: 'S4', depth: 1, article: '4', paragraph: undefined, title: 'Adaptation' },
      { id: 'S4.1', depth: 2, article: undefined, paragraph: { number: '1' }, title: undefined },
    ])
  })
})

describe('clean text', () => {
  test('numbered by the outline; an article keeps its paragraphs, an empty one left out; a row per paragraph', () => {
    const agreed = 'status: stabilized\n'
    const texts = [text('pre', 'PRE', agreed), text('s2', 'S2', agreed), text('s31', 'S3.1', agreed), text('s33', 'S3.3', agreed), text('s32-open', 'S3.2')]
    const clean = cleanText(assemble(texts, config()))
    const articles = clean.entries.map(
      ({ id, article }) =>
        article && {
          id,
          number: article.number,
          label: article.label,
          title: article.title,
          parts: article.parts.map(partId),
          paragraphs: article.paragraphs.map((paragraph) => [paragraph.number, paragraph.title, paragraph.parts.map(partId)]),
          texts: article.texts.map((placement) => placement.proposal.id),
        },
    )
    expect(articles).toEqual([
      { id: 'PRE', number: 1, label: undefined, title: 'Preamble', parts: ['pre'], paragraphs: [], texts: ['pre'] },
      { id: 'S2', number: 2, label: '2', title: 'Purpose', parts: ['s2'], paragraphs: [], texts: ['s2'] },
      {
        id: 'S3',
        number: 3,
        label: '3bis',
        title: 'Mitigation',
        parts: [],
        paragraphs: [
          ['1', 'Collective long-term goal', ['s31']],
          ['3', undefined, ['s33']],
        ],
        texts: ['s31', 's33'],
      },
    ])
    expect(clean.articles).toBe(3)
    expect(clean.concordance).toEqual([
      { id: 'PRE', title: 'Preamble', article: 1, ids: ['pre'] },
      { id: 'S2', title: 'Article 2 (Purpose)', article: 2, label: '2', ids: ['s2'] },
      { id: 'S3', title: 'Mitigation', article: 3, label: '3bis', ids: [] },
      { id: 'S3.1', title: 'Collective long-term goal', article: 3, label: '3bis', paragraph: '1', ids: ['s31'] },
      { id: 'S3.2', title: undefined, ids: [] },
      { id: 'S3.3', title: undefined, article: 3, label: '3bis', paragraph: '3', ids: ['s33'] },
      { id: 'S4', title: 'Adaptation', ids: [] },
      { id: 'S4.1', title: undefined, ids: [] },
    ])
  })

  test('without any article: counted 1, 2, 3 in outline order', () => {
    const plain = config('outline:\n  - { id: A, title: Scope }\n  - { id: B, title: Definitions }\n  - { id: C, title: Article 3 - Exceptions }\n')
    const agreed = 'status: stabilized\n'
    const clean = cleanText(assemble([text('a', 'A', agreed), text('c', 'C', agreed)], plain))
    expect(clean.entries.map((entry) => [entry.article?.label, entry.article?.title])).toEqual([
      ['1', 'Scope'],
      ['2', 'Article 3 - Exceptions'],
    ])
  })

  test('a title never repeats its article number', () => {
    expect(titleAfter('Article 1 (Definitions)', '1')).toBe('Definitions')
    expect(titleAfter('ARTICLE 2bis: Scope', '2bis')).toBe('Scope')
    expect(titleAfter('Artículo 3 — Ámbito', '3')).toBe('Ámbito')
    expect(titleAfter('Article 1', '1')).toBeUndefined()
    expect(titleAfter('Article 10 (Definitions)', '1')).toBe('Article 10 (Definitions)')
    expect(titleAfter('Articles of association', '1')).toBe('Articles of association')
    expect(titleAfter(undefined, '1')).toBeUndefined()
  })
})

describe('groups', () => {
  test('a group lists an article and gets its paragraphs with it', async () => {
    const { selectGroup } = await import('../src/assemble/group.js')
    const grouped = config(`${CONFIG}groups:\n  - { name: Mitigation, topics: [S3] }\n`)
    expect([...selectGroup(grouped, 'Mitigation').topics]).toEqual(['S3', 'S3.1', 'S3.2', 'S3.3'])
  })
})
