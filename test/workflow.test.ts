/** The shipped GitHub Actions workflow runs what the README says it runs. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { parse } from 'yaml'

test('the workflow checks, fails on a stale text, and fetches HEAD~1 for the summary', () => {
  const workflow = parse(readFileSync(path.join(import.meta.dirname, '..', '.github', 'workflows', 'consolidate.yml'), 'utf8'))
  const steps = workflow.jobs.consolidate.steps as Array<{ uses?: string; with?: Record<string, unknown>; run?: string; if?: string }>
  expect(steps.find((step) => step.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(2)
  expect(steps.map((step) => step.run).filter(Boolean)).toEqual([
    'npm ci',
    'npx --no-install consolidate check --format github',
    'npx --no-install consolidate build --check',
  ])
  expect(steps.at(-1)?.if).toBe('${{ !cancelled() }}')
})
