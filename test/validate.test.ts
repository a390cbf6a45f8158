/** Checks across files that need a configuration: names with commas split by YAML's list syntax. */
import { expect, test } from 'vitest'
import { parseConfig } from '../src/parse/config.js'
import { parseProposal } from '../src/parse/proposal.js'
import { validate } from '../src/check/validate.js'

test('an unquoted name holding a comma gets a hint to quote it', () => {
  const { config } = parseConfig(
    'consolidate.yaml',
    'participants:\n  - { name: "Hong Kong, China", code: HKG }\n  - { name: China, code: CHN }\n  - { name: Japan, code: JPN }\n',
  )
  const { proposal } = parseProposal('proposals/x.md', '---\ntopic: A.1\nauthor: [Hong Kong, China]\nsupporters: [Japan]\n---\n\nText.\n')
  expect(validate([proposal!], config)).toEqual([
    {
      file: 'proposals/x.md',
      line: 3,
      column: 10,
      severity: 'error',
      rule: 'unknown-participant',
      message:
        '"Hong Kong" is not a configured participant; the comma in "Hong Kong, China" split it into two names; put a name that holds a comma in quotes, e.g. `["Hong Kong, China"]`',
    },
  ])
})
