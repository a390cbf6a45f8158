/**
 * Some tests run the compiled CLI (bin/consolidate.js → dist/), and proposals
 * are parsed on worker threads, which run plain JavaScript: build dist/ and
 * the parser thread's bundle from the current sources before the tests run
 * (and the Word writer shipped inside dist/), so they never test a stale build.
 */
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url))
  execFileSync(process.execPath, [fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url)), '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' })
  execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/bundle.js', import.meta.url))], { cwd: root, stdio: 'inherit' })
  execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/vendor-docx.js', import.meta.url))], { cwd: root, stdio: 'inherit' })
}
