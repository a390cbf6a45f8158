/** `build --watch`, in-process: edits are rebuilt, errors keep the last good output, and it stops when asked. */
import { spawn } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { build, type Rebuild } from '../src/commands/build.js'
import { run } from './helpers/run.js'
import { scratch } from './helpers/scratch.js'

const sample = path.join(import.meta.dirname, 'diff-fixtures', 'every-kind', 'new')

function workspace(): { root: string; out: string } {
  const root = scratch('consolidate-watch-')
  cpSync(sample, root, { recursive: true })
  return { root, out: path.join(root, 'out') }
}

/** Rebuilds as a queue the test can wait on, one at a time. */
function rebuilds(): { onRebuild: (rebuild: Rebuild) => void; next: () => Promise<Rebuild> } {
  const done: Rebuild[] = []
  const waiting: Array<(rebuild: Rebuild) => void> = []
  return {
    onRebuild: (rebuild) => (waiting.length > 0 ? waiting.shift()!(rebuild) : done.push(rebuild)),
    next: () => (done.length > 0 ? Promise.resolve(done.shift()!) : new Promise((resolve) => waiting.push(resolve))),
  }
}

test('build --watch rebuilds what changed, keeps the last good output on errors, and stops on abort', async () => {
  const { root, out } = workspace()
  const consolidated = (): string => readFileSync(path.join(out, 'consolidated.md'), 'utf8')
  const proposal = (name: string): string => path.join(root, 'proposals', name)
  const controller = new AbortController()
  const { onRebuild, next } = rebuilds()
  let stderr = ''
  const io = { cwd: root, env: { NO_COLOR: '1' }, stdout: { write: () => true }, stderr: { write: (text: string) => (stderr += text) } }
  const watching = build({ root, out, format: 'md', watch: true, signal: controller.signal, onRebuild, debounce: 100 }, io)

  // The first build parses every file.
  expect(await next()).toMatchObject({ outcome: 'written', parsed: 7 })
  expect(consolidated()).toContain('[fraudulent and deceptive]')

  // One edited proposal: only it is parsed again.
  writeFileSync(proposal('c2-can-consumer.md'), readFileSync(proposal('c2-can-consumer.md'), 'utf8').replace('[fraudulent and deceptive]', '[misleading]'))
  expect(await next()).toMatchObject({ outcome: 'written', parsed: 1 })
  expect(consolidated()).toContain('[misleading]')

  // A burst of changes is one rebuild.
  writeFileSync(proposal('a14-sgp-standards.md'), readFileSync(proposal('a14-sgp-standards.md'), 'utf8').replace('Korea]', 'Korea, Canada, Norway]'))
  writeFileSync(
    proposal('c3-gbr-cybersecurity.md'),
    readFileSync(proposal('c3-gbr-cybersecurity.md'), 'utf8').replace('incident response', 'incident response teams'),
  )
  rmSync(proposal('c2-kor-consumer.md'))
  expect(await next()).toMatchObject({ outcome: 'written', parsed: 2 })
  const good = consolidated()
  expect(good).toContain('incident response teams')
  expect(good).not.toContain('c2-kor-consumer')

  // An error: diagnostics are printed and the last good output stays.
  stderr = ''
  writeFileSync(proposal('broken.md'), '---\ntopic: C.3\nauthor: Norway\n---\n\nEach Party [shall.\n')
  const failed = await next()
  expect(failed).toMatchObject({ outcome: 'errors', parsed: 1 })
  expect(failed.diagnostics.map((diagnostic) => `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.rule}`)).toContain(
    'proposals/broken.md:6:12 unbalanced-brackets',
  )
  expect(stderr).toContain('unbalanced-brackets')
  // Each of the tool's lines carries the time, so two rebuilds' lines can be told apart.
  expect(stderr).toMatch(/^\d\d:\d\d:\d\d consolidate: 1 error in the inputs; nothing was written$/m)
  expect(consolidated()).toBe(good)

  // Fixed: written again. The configuration and the templates are watched too, and parse nothing again.
  writeFileSync(proposal('broken.md'), '---\ntopic: C.3\nauthor: Norway\n---\n\nEach Party [shall].\n')
  expect(await next()).toMatchObject({ outcome: 'written', parsed: 1 })
  expect(consolidated()).toContain('<!-- proposal: broken -->')
  writeFileSync(path.join(root, 'consolidate.yaml'), readFileSync(path.join(root, 'consolidate.yaml'), 'utf8').replace('Rev.4', 'Rev.5'))
  expect(await next()).toMatchObject({ outcome: 'written', parsed: 0 })
  expect(consolidated()).toContain('**INF/ECOM/62/Rev.5**')
  mkdirSync(path.join(root, 'templates'))
  writeFileSync(path.join(root, 'templates', 'cover.md'), '# {{symbol}}\n\nDraft for the plenary.\n')
  expect(await next()).toMatchObject({ outcome: 'written', parsed: 0 })
  expect(consolidated()).toMatch(/^# INF\/ECOM\/62\/Rev\.5\n\nDraft for the plenary\.\n/)

  controller.abort()
  expect(await watching).toBe(0)
})

test('build --watch stops cleanly on Ctrl-C (SIGINT)', async () => {
  // Runs the compiled CLI: `npm test` compiles before testing.
  const { root, out } = workspace()
  const child = spawn(process.execPath, [path.join(import.meta.dirname, '..', 'bin', 'consolidate.js'), 'build', '--watch', '--root', root, '--out', out], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  const exited = new Promise<number | null>((resolve) => child.on('exit', (exit) => resolve(exit)))
  await new Promise<void>((resolve) => {
    void exited.then(() => resolve())
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8')
      if (stderr.includes('consolidate: wrote')) resolve()
    })
  })
  expect(stderr).toContain('consolidate: wrote')
  child.kill('SIGINT')
  expect(await exited, stderr).toBe(0)
})

test('--watch with --check is a usage error', async () => {
  const result = await run(['build', '--watch', '--check', '--root', sample])
  expect(result).toEqual({ code: 2, stdout: '', stderr: 'consolidate: --watch and --check cannot be used together: --check compares once and exits\n' })
})
