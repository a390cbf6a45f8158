/**
 * Some tests run the compiled CLI (bin/consolidate.js → dist/), and proposals
 * are parsed on worker threads, which run plain JavaScript: build dist/ and
 * the bundles from the current sources before the tests run (and the Word
 * writer shipped inside dist/), so they never test a stale build. A build
 * newer than every source (as `npm ci` leaves it: `prepare` builds) is kept.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** What the build reads, and what it writes (the first file each step of it writes, and the last). */
const SOURCES = ['src', 'scripts', 'tsconfig.json', 'package.json', 'package-lock.json']
const OUTPUTS = ['dist/cli.js', 'dist/worker.js', 'dist/cli.cjs', 'dist/worker.cjs', 'dist/launch.cjs', 'dist/thread.cjs', 'dist/node_modules/docx/index.js']

function newest(entry: string): number {
  const stat = statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newest(path.join(entry, name))))
}

function upToDate(): boolean {
  try {
    const built = Math.min(...OUTPUTS.map((file) => statSync(path.join(root, file)).mtimeMs))
    return SOURCES.every((source) => newest(path.join(root, source)) < built)
  } catch {
    return false
  }
}

export default function setup(): void {
  if (upToDate()) return
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' })
  execFileSync(process.execPath, [path.join(root, 'scripts', 'bundle.js')], { cwd: root, stdio: 'inherit' })
  execFileSync(process.execPath, [path.join(root, 'scripts', 'vendor-docx.js')], { cwd: root, stdio: 'inherit' })
}
