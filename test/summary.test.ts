/** The step summary `build` appends to the file GITHUB_STEP_SUMMARY names. */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { golden } from './helpers/golden.js'
import { commitAll, git, gitRepository } from './helpers/git.js'
import { run } from './helpers/run.js'
import { scratch } from './helpers/scratch.js'

const fixtures = path.join(import.meta.dirname, 'diff-fixtures', 'every-kind')
const expected = path.join(import.meta.dirname, 'step-summary')

/** A repository whose `negotiation/` holds Rev.3 at HEAD~1 and Rev.4 at HEAD, and a summary file with an earlier step's text. */
function repository(): { repository: string; summary: string } {
  const repository = gitRepository()
  cpSync(path.join(fixtures, 'old'), path.join(repository, 'negotiation'), { recursive: true })
  commitAll(repository, 'Rev.3')
  rmSync(path.join(repository, 'negotiation'), { recursive: true })
  cpSync(path.join(fixtures, 'new'), path.join(repository, 'negotiation'), { recursive: true })
  commitAll(repository, 'Rev.4')
  const summary = path.join(scratch('consolidate-summary-'), 'step-summary.md')
  writeFileSync(summary, '# An earlier step\n\n')
  return { repository, summary }
}

test('build appends counts, referred proposals and the changes since the previous commit', async () => {
  const { repository: cwd, summary } = repository()
  const result = await run(['build', '--root', 'negotiation'], { cwd, env: { GITHUB_STEP_SUMMARY: summary } })
  expect(result.code, result.stderr).toBe(0)
  const text = readFileSync(summary, 'utf8')
  expect(
    text.startsWith(
      '# An earlier step\n\n## consolidate: INF/ECOM/62/Rev.4\n\nWrote `negotiation/out/consolidated.md`, `negotiation/out/stocktaking.md`. The inputs have 1 warning; `consolidate check` lists them.\n',
    ),
  ).toBe(true)
  golden(path.join(expected, 'written.md'), text)
})

test('build --check: up to date, or stale (exit 1 all the same)', async () => {
  const { repository: cwd, summary } = repository()
  expect((await run(['build', '--root', 'negotiation'], { cwd })).code).toBe(0)
  const fresh = await run(['build', '--root', 'negotiation', '--check'], { cwd, env: { GITHUB_STEP_SUMMARY: summary } })
  expect(fresh.code).toBe(0)
  expect(readFileSync(summary, 'utf8')).toContain(
    '\n\nThe committed text is up to date: `negotiation/out/consolidated.md`, `negotiation/out/stocktaking.md`. The inputs have 1 warning; `consolidate check` lists them.\n\n',
  )

  writeFileSync(path.join(cwd, 'negotiation', 'out', 'stocktaking.md'), 'edited by hand\n')
  writeFileSync(summary, '')
  const stale = await run(['build', '--root', 'negotiation', '--check'], { cwd, env: { GITHUB_STEP_SUMMARY: summary } })
  expect(stale.code).toBe(1)
  golden(path.join(expected, 'stale.md'), readFileSync(summary, 'utf8'))
})

test('inputs with errors: the summary says so, and the exit code stays 1', async () => {
  const { repository: cwd, summary } = repository()
  writeFileSync(path.join(cwd, 'negotiation', 'proposals', 'broken.md'), '---\ntopic: C.3\nauthor: Norway\n---\n\nEach Party [shall.\n')
  writeFileSync(summary, '')
  const result = await run(['build', '--root', 'negotiation'], { cwd, env: { GITHUB_STEP_SUMMARY: summary } })
  expect(result.code).toBe(1)
  expect(readFileSync(summary, 'utf8')).toBe('## consolidate\n\n**The inputs have 1 error**: nothing was built. Run `consolidate check` to list them.\n')
})

test('without a previous commit the summary says why the changes are not shown', async () => {
  const cwd = gitRepository()
  cpSync(path.join(fixtures, 'new'), cwd, { recursive: true })
  commitAll(cwd, 'Rev.4')
  const summary = path.join(cwd, 'summary.md')
  const result = await run(['build'], { cwd, env: { GITHUB_STEP_SUMMARY: summary } })
  expect(result.code).toBe(0)
  const text = readFileSync(summary, 'utf8')
  // The reason is the usage error's sentence, written as Markdown text (`~` escaped, so GitHub strikes nothing through).
  expect(text).toMatch(/\n### Changes since the previous commit\n\nNot shown: "HEAD\\~1" is neither a folder nor a git revision of the repository at .+\.\n$/)
})

test('no GITHUB_STEP_SUMMARY, no summary', async () => {
  const { repository: cwd, summary } = repository()
  expect((await run(['build', '--root', 'negotiation'], { cwd })).code).toBe(0)
  expect(readFileSync(summary, 'utf8')).toBe('# An earlier step\n\n')
})

test('a push of several commits: the summary covers the whole push, from the commit before it (GitHub event); a new branch falls back to HEAD~1', async () => {
  const { repository: cwd, summary } = repository()
  const before = git(cwd, 'rev-parse', 'HEAD~1').trim()
  // A third commit in the same push adds a proposal.
  writeFileSync(path.join(cwd, 'negotiation', 'proposals', 'z9-new.md'), '---\ntopic: C.3\nauthor: Norway\n---\n\nEach Party shall cooperate.\n')
  commitAll(cwd, 'Rev.4, one more proposal')
  const event = path.join(scratch('consolidate-event-'), 'event.json')
  writeFileSync(event, JSON.stringify({ before, after: git(cwd, 'rev-parse', 'HEAD').trim() }))
  writeFileSync(summary, '')
  const push = await run(['build', '--root', 'negotiation'], {
    cwd,
    env: { GITHUB_STEP_SUMMARY: summary, GITHUB_EVENT_PATH: event, GITHUB_EVENT_NAME: 'push' },
  })
  expect(push.code, push.stderr).toBe(0)
  const whole = readFileSync(summary, 'utf8')
  // Both the second commit's changes (Rev.3 → Rev.4) and the third's (z9-new) are there.
  expect(whole).toContain('`z9-new`')
  expect(whole).toContain('### Changes from INF/ECOM/62/Rev.3 to INF/ECOM/62/Rev.4')

  writeFileSync(event, JSON.stringify({ before: '0'.repeat(40) }))
  writeFileSync(summary, '')
  await run(['build', '--root', 'negotiation'], { cwd, env: { GITHUB_STEP_SUMMARY: summary, GITHUB_EVENT_PATH: event, GITHUB_EVENT_NAME: 'push' } })
  const last = readFileSync(summary, 'utf8')
  expect(last).toContain('`z9-new`')
  expect(last).not.toContain('Rev.3')
})

test('more problems than GitHub shows as annotations: the summary gives the count', async () => {
  const { repository: cwd, summary } = repository()
  for (let index = 0; index < 11; index++)
    writeFileSync(path.join(cwd, 'negotiation', 'proposals', `broken-${index}.md`), '---\ntopic: C.3\nauthor: Norway\n---\n\nEach Party [shall.\n')
  writeFileSync(summary, '')
  expect((await run(['build', '--root', 'negotiation'], { cwd, env: { GITHUB_STEP_SUMMARY: summary } })).code).toBe(1)
  expect(readFileSync(summary, 'utf8')).toBe(
    '## consolidate\n\n**The inputs have 11 errors**: nothing was built. Run `consolidate check` to list them.\n\n' +
      'There are 12 problems in all (11 errors, 1 warning); the run shows only the first annotations on the files. Run `consolidate check` to list them all.\n',
  )
})
