#!/usr/bin/env node
/**
 * Where a build spends its time: runs one cold `consolidate build` (or the
 * floor) on a generated workspace under `node --cpu-prof` and prints, for the
 * main thread and each parser thread, the self time by package and by function.
 *
 *   node bench/profile.js [--size 1000] [--floor] [--top 15]
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { generate } from './generate.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: '1000' },
    floor: { type: 'boolean', default: false },
    top: { type: 'string', default: '15' },
    dir: { type: 'string', default: path.join(os.tmpdir(), 'consolidate-bench') },
  },
})
const size = Number(args.size)
const top = Number(args.top)
const root = path.join(args.dir, `w${size}`)
generate(root, size)
const profiles = mkdtempSync(path.join(os.tmpdir(), 'consolidate-profile-'))
const env = { ...process.env }
delete env.NODE_EXTRA_CA_CERTS
delete env.NODE_OPTIONS
const script = args.floor
  ? [path.join(here, 'floor.js'), root]
  : [path.join(here, '..', 'bin', 'consolidate.js'), 'build', '--root', root, '--out', path.join(args.dir, `out${size}`), '--no-cache']
const result = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profiles}`, ...script], { env, stdio: ['ignore', 'ignore', 'inherit'] })
if (result.status !== 0) process.exit(result.status ?? 1)

/** Self time per key, in ms, from a V8 .cpuprofile. */
function selfTimes(profile, keyOf) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  const times = new Map()
  profile.samples.forEach((id, index) => {
    const key = keyOf(nodes.get(id).callFrame)
    times.set(key, (times.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000)
  })
  return times
}

/** Where each module starts in a bundle of dist/ (rolldown marks it with a `// node_modules/…` or `// src/…` line): [line, module][]. */
const bundles = new Map()
function modulesOf(file) {
  if (!bundles.has(file)) {
    let starts = []
    try {
      starts = readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => (/^\/\/ (node_modules|src)\//.test(line) ? [[index, line.slice(3)]] : []))
    } catch {
      // Not a file (a script of Node's own): no modules.
    }
    bundles.set(file, starts)
  }
  return bundles.get(file)
}

function packageOf(frame) {
  const url = frame.url.replace(/^file:\/\//, '')
  // In a bundle, the module the line belongs to.
  if (url.endsWith('.cjs')) {
    const starts = modulesOf(url)
    let module
    for (const [line, name] of starts) {
      if (line > frame.lineNumber) break
      module = name
    }
    if (module) return packageOf({ url: module.startsWith('src/') ? `/dist/${module}` : module, functionName: frame.functionName })
  }
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (match) return match[1]
  if (url.includes('/dist/')) return `dist/${url.split('/dist/')[1]}`
  if (url.startsWith('node:')) return 'node internals'
  return url || frame.functionName || '(native)'
}

const show = (times, total) =>
  [...times]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, ms]) => `  ${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${key}`)
    .join('\n')

for (const [index, file] of readdirSync(profiles).sort().entries()) {
  const profile = JSON.parse(readFileSync(path.join(profiles, file), 'utf8'))
  const byPackage = selfTimes(profile, packageOf)
  const total = [...byPackage.values()].reduce((sum, ms) => sum + ms, 0)
  const idle = byPackage.get('(idle)') ?? 0
  const byFunction = selfTimes(profile, (frame) => `${frame.functionName || '(anonymous)'} ${packageOf(frame)}:${frame.lineNumber + 1}`)
  process.stdout.write(`\n${index === 0 ? 'main thread' : `parser thread ${index}`}: ${total.toFixed(0)} ms sampled, ${(total - idle).toFixed(0)} ms busy\n`)
  process.stdout.write(`by package:\n${show(byPackage, total)}\nby function:\n${show(byFunction, total)}\n`)
}
process.stdout.write(`\nprofiles: ${profiles}\n`)
