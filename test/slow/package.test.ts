/** What the package ships: the CI workflow `init --ci` copies, the Word writer inside dist/, and no dependency that warns on Node 20. */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'

const repository = path.join(import.meta.dirname, '..', '..')

test('npm pack holds the workflow, the Word writer and what runs, and nothing of the tests or the sample', () => {
  // dist/ is built by the test setup: the file list needs no build of its own.
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repository, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
  ) as Array<{ files: Array<{ path: string }> }>
  const files = packed.files.map((file) => file.path)
  expect(files).toContain('.github/workflows/consolidate.yml')
  expect(files).toContain('templates/init/consolidate.yaml')
  expect(files).toContain('dist/cli.js')
  expect(files).toContain('dist/worker.js')
  expect(files.filter((file) => file.startsWith('dist/node_modules/')).sort()).toEqual([
    'dist/node_modules/docx/LICENSE',
    'dist/node_modules/docx/index.d.ts',
    'dist/node_modules/docx/index.js',
    'dist/node_modules/docx/package.json',
  ])
  expect(files.filter((file) => /^(test|proposals|out|src|bench|notes)\//.test(file) || file === '.github/workflows/test.yml')).toEqual([])
})

test('docx is not a dependency a user installs (its nanoid 6 warns on Node 20); the shipped copy is the version developed with', () => {
  const manifest = JSON.parse(readFileSync(path.join(repository, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>
    devDependencies: Record<string, string>
  }
  expect(manifest.dependencies).not.toHaveProperty('docx')
  const shipped = JSON.parse(readFileSync(path.join(repository, 'dist', 'node_modules', 'docx', 'package.json'), 'utf8')) as { version: string; type: string }
  expect(shipped).toMatchObject({ version: manifest.devDependencies.docx, type: 'module' })
  // One file that imports nothing: it needs no dependency at run time.
  expect(readFileSync(path.join(repository, 'dist', 'node_modules', 'docx', 'index.js'), 'utf8')).not.toMatch(/^\s*import\s.*\sfrom\s/m)
})
