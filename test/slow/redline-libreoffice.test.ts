/**
 * The Word redline opened by LibreOffice (headless): it converts without
 * error, and keeps the tracked changes it read, one changed region per change,
 * by the secretariat. Without LibreOffice it fails, saying so (.ci/run installs it).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { expect, test } from 'vitest'
import { revisionsRepository } from '../helpers/revisions.js'
import { scratch } from '../helpers/scratch.js'

const cli = path.join(import.meta.dirname, '..', '..', 'bin', 'consolidate.js')

test('LibreOffice opens the Word redline and lists its changes', () => {
  const soffice = ['soffice', 'libreoffice'].find((name) => spawnSync(name, ['--version'], { stdio: 'ignore' }).status === 0)
  expect(soffice, 'LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui').toBeDefined()
  const { root } = revisionsRepository()
  const out = scratch('consolidate-redline-')
  execFileSync(process.execPath, [cli, 'build', '--format', 'docx', '--out', out], { cwd: root, stdio: 'pipe' })
  const profile = `file://${scratch('consolidate-soffice-')}`
  const convert = (to: string): void => {
    const result = spawnSync(
      soffice!,
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', to, '--outdir', out, path.join(out, 'consolidated-redline.docx')],
      { encoding: 'utf8', timeout: 120_000 },
    )
    expect(result.status, result.stderr).toBe(0)
  }
  convert('pdf')
  expect(readFileSync(path.join(out, 'consolidated-redline.pdf')).subarray(0, 5).toString()).toBe('%PDF-')
  // Its own format keeps the tracked changes it read: one changed region per change.
  convert('odt')
  const content = strFromU8(unzipSync(readFileSync(path.join(out, 'consolidated-redline.odt')))['content.xml'])
  expect((content.match(/<text:changed-region /g) ?? []).length).toBeGreaterThan(20)
  expect(content).toContain('<dc:creator>WTO Secretariat</dc:creator>')
})
