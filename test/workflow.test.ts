/** The shipped GitHub Actions workflows run what the README says they run. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { parse } from 'yaml'

const workflows = path.join(import.meta.dirname, '..', '.github', 'workflows')

interface Step {
  id?: string
  uses?: string
  with?: Record<string, unknown>
  run?: string
  if?: string
}

test('the negotiation workflow: Node 22, whole history, once per change, on demand, a workspace that can be elsewhere, no build without the tool', () => {
  const workflow = parse(readFileSync(path.join(workflows, 'consolidate.yml'), 'utf8'))
  expect(Object.keys(workflow.on)).toEqual(['push', 'pull_request', 'workflow_dispatch'])
  expect(workflow.on.workflow_dispatch.inputs.workspace).toMatchObject({ required: false })
  expect(workflow.concurrency['cancel-in-progress']).toBe(true)
  const job = workflow.jobs.consolidate
  // A pull request from this repository's own branch is not checked twice.
  expect(job.if).toBe("github.event_name != 'pull_request' || github.event.pull_request.head.repo.full_name != github.repository")
  expect(job.env.WORKSPACE).toBe("${{ inputs.workspace || vars.CONSOLIDATE_WORKSPACE || '.' }}")
  const steps = job.steps as Step[]
  expect(steps.find((step) => step.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(0)
  // A redline's `previous:` is usually a tag: every tag is fetched.
  expect(steps.find((step) => step.uses?.startsWith('actions/checkout@'))?.with?.['fetch-tags']).toBe(true)
  expect(steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(22)
  expect(steps.map((step) => step.run).filter(Boolean)).toEqual([
    'npm ci',
    'npx --no-install consolidate check --format github --root "$WORKSPACE"',
    'npx --no-install consolidate build --check --root "$WORKSPACE"',
  ])
  expect(steps.find((step) => step.run === 'npm ci')?.id).toBe('install')
  expect(steps.at(-1)?.if).toBe("${{ !cancelled() && steps.install.outcome == 'success' }}")
})

test("the tool's own repository runs its tests on Node 20 and 22", () => {
  const workflow = parse(readFileSync(path.join(workflows, 'test.yml'), 'utf8'))
  expect(workflow.jobs.test.strategy.matrix.node).toEqual([20, 22])
  expect(
    (workflow.jobs.test.steps as Step[])
      .map((step) => step.run)
      .filter(Boolean)
      .slice(-2),
  ).toEqual(['npm ci', 'npm test'])
})
