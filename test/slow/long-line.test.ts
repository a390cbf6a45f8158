/**
 * A 5 MB single line under a raised limit is read without crashing (moved here
 * from test/hostile.test.ts: parsing it takes a tenth of `npm test`).
 */
import { expect, test } from 'vitest'
import { run } from '../helpers/run.js'
import { workspace } from '../helpers/scratch.js'

const FRONT = '---\ntopic: A.1.4\nauthor: Japan\n---\n\n'

test('a 5 MB single line under a raised limit is read without crashing', async () => {
  const root = workspace({
    'consolidate.yaml': 'limits:\n  fileSize: 10485760\n',
    'proposals/long.md': `${FRONT}${'x'.repeat(5 * 1024 * 1024)}\n`,
    'proposals/b.md': `${FRONT}Text.\n`,
  })
  const result = await run(['check', '--root', root, '--format', 'json'])
  expect([0, 1]).toContain(result.code)
  const diagnostics = JSON.parse(result.stdout) as Array<{ file: string; rule: string }>
  // Only a time limit may stop it; nothing else is wrong with it.
  expect(diagnostics.filter((diagnostic) => diagnostic.rule !== 'too-complex')).toEqual([])
})
