/**
 * The redline is deterministic: the same bytes from two builds of the
 * compiled CLI in two time zones (moved here from test/revisions.test.ts: two
 * builds in every format take a tenth of `npm test`).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { revisionsRepository } from '../helpers/revisions.js'
import { scratch } from '../helpers/scratch.js'

const cli = path.join(import.meta.dirname, '..', '..', 'bin', 'consolidate.js')

test('deterministic: the same bytes from two builds in two time zones (the compiled CLI)', () => {
  const { root } = revisionsRepository()
  const build = (tz: string): Record<string, Buffer> => {
    const out = scratch('consolidate-redline-')
    execFileSync(process.execPath, [cli, 'build', '--format', 'md,html,docx', '--out', out], {
      cwd: root,
      env: { ...process.env, TZ: tz, CI: '1' },
      stdio: 'pipe',
      timeout: 60_000,
    })
    return Object.fromEntries(
      ['consolidated-redline.md', 'consolidated-redline.html', 'consolidated-redline.docx'].map((name) => [name, readFileSync(path.join(out, name))]),
    )
  }
  // Two builds, at UTC and at UTC+14 (the zip dates of a .docx are local times): the same bytes.
  expect(build('Pacific/Kiritimati')).toEqual(build('UTC'))
})
