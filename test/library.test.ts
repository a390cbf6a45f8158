/** The library API: the pure core, strings in and strings out, as the README shows it. */
import { expect, test } from 'vitest'
import { assemble, parseConfig, parseProposal, stocktake, validate, type Proposal } from '../src/index.js'
import { renderMarkdown } from './helpers/render.js'

test('parse, validate, assemble and render without touching the file system', () => {
  const { config, diagnostics: configProblems } = parseConfig(
    'consolidate.yaml',
    'participants:\n  - { name: Japan, code: JPN }\n  - { name: Norway, code: NOR, aliases: [NO] }\n',
  )
  expect(configProblems).toEqual([])
  const files = {
    'proposals/a.md': '---\ntopic: A.1\nauthor: JPN\nsupporters: [NO]\n---\n\nEach Party shall act.\n',
    'proposals/b.md': '---\ntopic: A.1\nauthor: Norway\nstatus: withdrawn\ntitle: Old\n---\n\nText.\n',
  }
  const proposals: Proposal[] = Object.entries(files).map(([file, text]) => {
    const result = parseProposal(file, text)
    expect(result.diagnostics).toEqual([])
    return result.proposal!
  })
  expect(validate(proposals, config)).toEqual([])
  const negotiation = assemble(proposals, config)
  // A cover without {{disclaimer}} gets the disclaimer as its last paragraph.
  expect(renderMarkdown(negotiation, '# {{title}}\n')).toBe(
    '# Consolidated Negotiating Text\n\n*This text is without prejudice to the position of any participant on any issue.*\n\n## A.1\n\n<!-- proposal: a -->\n\n[Each Party shall act.]\n\nProponent: Japan. Supporters: Norway.\n\n' +
      '**Referred to the stocktaking small group: limited support.**\n\n<!-- /proposal: a -->\n\n## Annex: Withdrawn proposals\n\n- A.1: Old. Proponent: Norway. <!-- withdrawn: b -->\n',
  )
  expect(stocktake(negotiation)).toEqual({
    threshold: 3,
    proposals: [{ id: 'a', file: 'proposals/a.md', topic: 'A.1', title: 'A.1', authors: ['Japan'], supporters: ['Norway'], support: 1, level: 'limited' }],
  })
})
