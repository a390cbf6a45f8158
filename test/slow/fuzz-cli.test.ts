/**
 * The fuzz property through the command line, on real folders: whatever the
 * proposal files hold, check and build agree, never throw, and lose no file.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { hasErrors } from '../../src/diagnostics/format.js'
import { parseProposal } from '../../src/parse/proposal.js'
import type { Diagnostic } from '../../src/types.js'
import { workspace } from '../helpers/fuzz.js'
import { run } from '../helpers/run.js'
import { scratch } from '../helpers/scratch.js'

describe('any proposal files', () => {
  test('never throw, never lose a file (command line, real folders)', async () => {
    const folder = scratch('consolidate-fuzz-')
    try {
      let index = 0
      await fc.assert(
        fc.asyncProperty(workspace, async ({ files, configured }) => {
          const root = path.join(folder, String(index++))
          for (const file of files) {
            mkdirSync(path.dirname(path.join(root, file.name)), { recursive: true })
            writeFileSync(path.join(root, file.name), file.bytes)
          }
          if (configured)
            writeFileSync(
              path.join(root, 'consolidate.yaml'),
              readFileSync(path.join(import.meta.dirname, '..', 'fixtures/rule-unknown-topic/consolidate.yaml')),
            )
          const check = await run(['check', '--root', root, '--format', 'json'])
          const diagnostics = JSON.parse(check.stdout) as Diagnostic[]
          expect(check.code).toBe(hasErrors(diagnostics) ? 1 : 0)
          const out = path.join(root, 'out')
          const build = await run(['build', '--root', root, '--out', out])
          expect(build.code).toBe(check.code)
          if (build.code !== 0) {
            expect(() => readFileSync(path.join(out, 'consolidated.md'))).toThrow()
            for (const file of files) {
              const named = diagnostics.some((diagnostic) => diagnostic.file === file.name)
              if (!named) expect(parseProposal(file.name, readFileSync(path.join(root, file.name))).proposal, file.name).toBeDefined()
            }
            return
          }
          const text = readFileSync(path.join(out, 'consolidated.md'), 'utf8')
          for (const file of files) {
            const proposal = parseProposal(file.name, readFileSync(path.join(root, file.name))).proposal!
            expect(proposal, file.name).toBeDefined()
            // In the text (its marker, or its id in a list), or in the annex of withdrawn or merged proposals (its marker there).
            expect(
              [`<!-- proposal: ${proposal.id} -->`, `\`${proposal.id}\``, `<!-- withdrawn: ${proposal.id} -->`, `<!-- merged: ${proposal.id} -->`].some(
                (mark) => text.includes(mark),
              ),
              file.name,
            ).toBe(true)
          }
        }),
        { numRuns: 60, seed: 4242 },
      )
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })
})
