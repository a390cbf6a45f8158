/**
 * A fresh process for test/code-cache.test.ts (V8 keeps compiled scripts for
 * the life of a process, so a cache is only really read by another one):
 *
 *   node code-cache-run.mjs run SCRIPT FOLDER VERSION   load SCRIPT through the cache in FOLDER ('-': none), save, print
 *   node code-cache-run.mjs plant SCRIPT DATA FOLDER VERSION   store the bytes of DATA as SCRIPT's cache, with a valid header
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { CodeCache, ScriptLoader } from '../../dist/threads/code-cache.js'

const [mode, script, ...rest] = process.argv.slice(2)
if (mode === 'run') {
  const [folder, version] = rest
  const loader = new ScriptLoader(folder === '-' ? undefined : new CodeCache(folder, version))
  const value = loader.require(script).value()
  loader.saveCompiled()
  process.stdout.write(JSON.stringify({ value, loaded: loader.loaded.map(({ file, cache }) => [path.basename(file), cache]) }))
} else if (mode === 'plant') {
  const [data, folder, version] = rest
  new CodeCache(folder, version).write(script, readFileSync(data))
}
