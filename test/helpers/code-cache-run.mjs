/**
 * A fresh process for test/code-cache.test.ts (V8 keeps compiled scripts for
 * the life of a process, so a cache is only really read by another one):
 *
 *   node code-cache-run.mjs run VERSION SCRIPT FOLDER [SCRIPT FOLDER …]
 *     load each SCRIPT through the cache in its FOLDER ('-': none), save, print what each computed and how it was compiled
 *   node code-cache-run.mjs plant VERSION SCRIPT DATA FOLDER
 *     store the bytes of DATA as SCRIPT's cache, with a valid header
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { CodeCache, ScriptLoader } from '../../dist/threads/code-cache.js'

const [mode, version, ...rest] = process.argv.slice(2)
if (mode === 'run') {
  const results = []
  for (let index = 0; index < rest.length; index += 2) {
    const [script, folder] = rest.slice(index, index + 2)
    const loader = new ScriptLoader(folder === '-' ? undefined : new CodeCache(folder, version))
    const value = loader.require(script).value()
    loader.saveCompiled()
    results.push({ value, loaded: loader.loaded.map(({ file, cache }) => [path.basename(file), cache]) })
  }
  process.stdout.write(JSON.stringify(results))
} else if (mode === 'plant') {
  const [script, data, folder] = rest
  new CodeCache(folder, version).write(script, readFileSync(data))
}
