/**
 * Proposals are parsed on worker threads, which run plain JavaScript: bundle
 * the parser thread from the current sources before the tests run, so they
 * never test a stale dist/worker.js.
 */
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export default function setup(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/bundle-worker.js', import.meta.url))], { stdio: 'inherit' })
}
