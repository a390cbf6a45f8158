/**
 * Property: whatever the proposal files hold (garbage bytes, truncated front
 * matter, random brackets, random YAML), the tool never throws, and no file
 * is lost: each one is in the text between its markers (or in the withdrawn
 * annex), or has an error naming it. Diagnostics are well formed and do not
 * depend on the order files are read in.
 *
 * The pure core runs in-process (parse → validate → assemble → render); the
 * slow suite (test/slow/fuzz-cli.test.ts) runs the CLI on real folders.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { hasErrors } from '../src/diagnostics/format.js'
import { DEFAULT_CONFIG } from '../src/types.js'
import { checkAccounted, CONFIG, parseAll, runCore, workspace } from './helpers/fuzz.js'
import { runs } from './helpers/runs.js'

describe('any proposal files', () => {
  test('never throw, never lose a file (pure core)', () => {
    fc.assert(
      fc.property(workspace, ({ files, configured }) => {
        const config = configured ? CONFIG.config : DEFAULT_CONFIG
        const parsed = parseAll(files)
        const outcome = runCore(parsed, config)
        checkAccounted(files, outcome)
        // The order files are read in changes nothing.
        const reversed = runCore([...parsed].reverse(), config)
        expect(reversed.diagnostics).toEqual(outcome.diagnostics)
        if (!hasErrors(outcome.diagnostics)) expect(reversed.text).toBe(outcome.text)
      }),
      { numRuns: runs(1000), seed: 4242 },
    )
  })
})
