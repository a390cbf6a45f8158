/**
 * The package a user installs: `npm pack`, installed from the tarball into
 * an empty folder, then `consolidate init --ci` and `consolidate build` there,
 * as a secretariat would start. Slow (it installs from the registry).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { scratch } from '../helpers/scratch.js'

const repository = path.join(import.meta.dirname, '..', '..')

test('npm pack, install the tarball in an empty folder with no engine warning, then init --ci and build there', () => {
  const packed = scratch('consolidate-pack-')
  const manifest = JSON.parse(readFileSync(path.join(repository, 'package.json'), 'utf8')) as {
    name: string
    bin: Record<string, string>
    engines: { node: string }
  }
  // Not the unrelated `consolidate` of the registry: the command is consolidate, the package is ours.
  expect(manifest.name).toBe('consolidate-negotiation')
  expect(Object.keys(manifest.bin)).toEqual(['consolidate'])
  expect(manifest.engines.node).toBe('>=20.17')

  execFileSync('npm', ['pack', '--pack-destination', packed, '--silent'], { cwd: repository, stdio: ['ignore', 'pipe', 'pipe'] })
  const [tarball] = readdirSync(packed).filter((name) => name.endsWith('.tgz'))
  expect(tarball).toMatch(/^consolidate-negotiation-\d+\.\d+\.\d+\.tgz$/)

  const user = scratch('consolidate-install-')
  writeFileSync(path.join(user, 'package.json'), '{ "name": "negotiation", "private": true }\n')
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', path.join(packed, tarball)], { cwd: user, encoding: 'utf8' })
  expect(install.status, install.stderr).toBe(0)
  // docx's nanoid 6 declares Node 22 and later: the package must not bring it (overrides do not reach a user's install).
  expect(`${install.stdout}${install.stderr}`).not.toMatch(/EBADENGINE|Unsupported engine|nanoid/)
  expect(existsSync(path.join(user, 'node_modules', 'nanoid'))).toBe(false)
  expect(existsSync(path.join(user, 'node_modules', 'docx'))).toBe(false)

  const npx = (...args: string[]): ReturnType<typeof spawnSync> =>
    spawnSync('npx', ['--no-install', 'consolidate', ...args], { cwd: user, encoding: 'utf8', env: { ...process.env, CI: '1' } })
  const version = npx('--version')
  expect(version.status).toBe(0)
  const init = npx('init', '--ci')
  expect(init.status, String(init.stderr)).toBe(0)
  // The workflow the package ships, and a .gitignore that keeps the installed tool out of git.
  expect(readFileSync(path.join(user, '.github', 'workflows', 'consolidate.yml'), 'utf8')).toBe(
    readFileSync(path.join(repository, '.github', 'workflows', 'consolidate.yml'), 'utf8'),
  )
  expect(readFileSync(path.join(user, '.gitignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['node_modules/', '.consolidate-cache/']))
  expect(existsSync(path.join(user, 'notes'))).toBe(true)
  const build = npx('build', '--format', 'md,html,docx')
  expect(build.status, String(build.stderr)).toBe(0)
  for (const name of ['consolidated.md', 'consolidated.html', 'consolidated.docx', 'stocktaking.md'])
    expect(existsSync(path.join(user, 'out', name)), name).toBe(true)
  expect(readFileSync(path.join(user, 'out', 'consolidated.md'), 'utf8')).toContain('<!-- proposal: a14-jpn-einvoicing -->')
  // The Word document was written by the copy of docx inside the package.
  expect(
    readFileSync(path.join(user, 'out', 'consolidated.docx'))
      .subarray(0, 2)
      .toString('latin1'),
  ).toBe('PK')
  // Outside CI, a build leaves the code cache of the installed bundles beside the parse cache, and the next one uses it.
  const local = (...args: string[]): ReturnType<typeof spawnSync> =>
    spawnSync('npx', ['--no-install', 'consolidate', ...args], { cwd: user, encoding: 'utf8', env: { ...process.env, CI: '' } })
  expect(local('build').status).toBe(0)
  expect(readdirSync(path.join(user, '.consolidate-cache', 'code'))).toEqual(expect.arrayContaining(['cli.cjs.v8', 'worker.cjs.v8', 'worker-proposal.cjs.v8']))
  expect(local('build').status).toBe(0)
  // The package ships what it runs, and no test or sample.
  for (const name of ['launch.cjs', 'cli.cjs', 'thread.cjs', 'worker.cjs'])
    expect(existsSync(path.join(user, 'node_modules', 'consolidate-negotiation', 'dist', name)), name).toBe(true)
  expect(existsSync(path.join(user, 'node_modules', 'consolidate-negotiation', 'test'))).toBe(false)
  expect(existsSync(path.join(user, 'node_modules', 'consolidate-negotiation', 'proposals'))).toBe(false)
})
