#!/usr/bin/env node
/**
 * `npm run bench`: how fast consolidate reads a negotiation of 100, 1,000 and
 * 10,000 proposals, against the floor (a bare script that only reads and
 * parses the same files, see floor.js) and pandoc (when installed); and the
 * revisions: the redline of a revision with 50 proposals changed
 * (`build --since HEAD~1`), and `stocktake --history` over 100 commits (up to 1,000 proposals).
 *
 *   npm run bench -- [--sizes 100,1000,10000] [--runs N] [--dir DIR]
 *                    [--only build,first,floor] [--no-pandoc] [--no-watch] [--keep-env]
 *
 * A build reads no parse cache (`--no-cache`) but finds V8's code cache of the
 * tool that the run before it left in the workspace (`.consolidate-cache/code/`):
 * what every build after the first is. The first build (`first`) has neither:
 * its code cache is removed before it runs.
 *
 * Every measured command is a cold process, spawned as a user runs it; within
 * a round the commands alternate, so a busy moment of the machine is shared
 * between them; the table shows medians. Peak RSS comes from /usr/bin/time
 * when it exists, else (Node commands only) from the child's own
 * process.resourceUsage().
 */
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { generate } from './generate.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.dirname(here)
const cli = path.join(repo, 'bin', 'consolidate.js')
const floor = path.join(here, 'floor.js')
const maxrss = path.join(here, 'maxrss.cjs')

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,10000' },
    runs: { type: 'string' },
    dir: { type: 'string', default: path.join(os.tmpdir(), 'consolidate-bench') },
    'no-pandoc': { type: 'boolean', default: false },
    'no-watch': { type: 'boolean', default: false },
    'keep-env': { type: 'boolean', default: false },
    only: { type: 'string' },
  },
})
const sizes = args.sizes.split(',').map((size) => Number(size.trim()))
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) usage('--sizes must be a comma-separated list of whole numbers')
// Small workspaces are quick and noisy: more runs; 10,000 proposals take a while: fewer.
const runsFor = (size) => (args.runs !== undefined ? Number(args.runs) : size >= 10000 ? 3 : size >= 1000 ? 5 : 10)
if (args.runs !== undefined && !(Number(args.runs) >= 1)) usage('--runs must be at least 1')
const COMMANDS = ['build', 'first', 'warm', 'check', 'diff', 'redline', 'history', 'floor', 'pandoc']
const only = args.only === undefined ? COMMANDS : args.only.split(',').map((name) => name.trim())
if (only.some((name) => !COMMANDS.includes(name))) usage(`--only takes a comma-separated list of ${COMMANDS.join(', ')}`)
if (!existsSync(path.join(repo, 'dist', 'cli.js')) || !existsSync(path.join(repo, 'dist', 'worker.js'))) {
  usage('dist/ is missing or incomplete: run `npm ci` (or `npm run build`) first')
}

// The children run with the caller's environment, less what only slows every Node start
// (a CA bundle read at start-up costs ~80 ms on some machines) unless --keep-env.
const env = { ...process.env }
const dropped = args['keep-env'] ? [] : ['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS'].filter((name) => env[name] !== undefined)
for (const name of dropped) delete env[name]
// CI turns the parse cache off; the warm build measures it.
delete env.CI
const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined
const pandoc = args['no-pandoc'] ? undefined : spawnSync('pandoc', ['--version'], { encoding: 'utf8' }).stdout?.split('\n')[0]

function usage(message) {
  process.stderr.write(`bench: ${message}\n`)
  process.exit(2)
}

/** Run one command as a cold process: wall time, CPU time and peak RSS. */
function measure(command, argv, options = {}) {
  const rssFile = path.join(args.dir, `.rss-${process.pid}`)
  rmSync(rssFile, { force: true })
  let file = command
  let list = argv
  const childEnv = { ...env }
  if (timeBinary) {
    file = timeBinary
    list = ['-f', '%M %U %S', '-o', rssFile, command, ...argv]
  } else if (command === process.execPath) {
    list = ['--require', maxrss, ...argv]
    childEnv.BENCH_RSS_FILE = rssFile
  }
  const start = process.hrtime.bigint()
  const result = spawnSync(file, list, { cwd: options.cwd ?? repo, env: childEnv, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'] })
  const wall = Number(process.hrtime.bigint() - start) / 1e6
  if (result.status !== (options.status ?? 0)) {
    throw new Error(`${[command, ...argv.slice(0, 6)].join(' ')} … exited with ${result.status ?? result.signal}:\n${result.stderr.slice(-2000)}`)
  }
  const sample = { wall, rss: undefined, cpu: undefined }
  if (existsSync(rssFile)) {
    const fields = readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number)
    sample.rss = fields[0] / 1024
    if (fields.length === 3) sample.cpu = fields[1] + fields[2]
  }
  return sample
}

const median = (values) => {
  const sorted = values.filter((value) => value !== undefined).sort((a, b) => a - b)
  if (sorted.length === 0) return undefined
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

function summarise(samples) {
  return { wall: median(samples.map((s) => s.wall)), cpu: median(samples.map((s) => s.cpu)), rss: median(samples.map((s) => s.rss)) }
}

/** Wait for a line of `stream` that matches `pattern`, up to `timeout` ms. */
function waitFor(child, pattern, timeout) {
  return new Promise((resolve) => {
    let text = ''
    const done = (value) => {
      clearTimeout(timer)
      child.stderr.off('data', onData)
      child.off('exit', onExit)
      resolve(value)
    }
    const onData = (chunk) => {
      text += chunk
      if (pattern.test(text)) done(true)
    }
    const onExit = () => done(false)
    const timer = setTimeout(() => done(false), timeout)
    child.stderr.on('data', onData)
    child.on('exit', onExit)
  })
}

/**
 * `build --watch` on a workspace: the time from saving an edit of one
 * proposal to the rebuild's report, for `runs` edits. Undefined when the
 * build has no working --watch.
 */
async function measureWatch(root, out, proposal, runs, fullBuild) {
  const child = spawn(process.execPath, [cli, 'build', '--root', root, '--out', out, '--watch'], { cwd: repo, env, stdio: ['ignore', 'ignore', 'pipe'] })
  child.stderr.setEncoding('utf8')
  const original = readFileSync(proposal, 'utf8')
  const times = []
  try {
    if (!(await waitFor(child, /wrote/, 20 * fullBuild + 30000))) return undefined
    await new Promise((resolve) => setTimeout(resolve, 500))
    for (let run = 0; run < runs; run++) {
      const edited = run % 2 === 0 ? original.replace(/\n1\. /, '\n1. [Notwithstanding paragraph 2,] ') : original
      const seen = waitFor(child, /wrote/, 20 * fullBuild + 30000)
      const start = process.hrtime.bigint()
      writeFileSync(proposal, edited)
      if (!(await seen)) return undefined
      times.push(Number(process.hrtime.bigint() - start) / 1e6)
      await new Promise((resolve) => setTimeout(resolve, 300))
    }
  } finally {
    child.kill()
    writeFileSync(proposal, original)
  }
  return median(times)
}

/** Make `root` a repository of two commits: as generated, then with one proposal's wording changed. */
function history(root, proposal) {
  const git = (...argv) => {
    const result = spawnSync('git', argv, {
      cwd: root,
      encoding: 'utf8',
      env: { ...env, GIT_AUTHOR_DATE: '2026-11-28T12:00:00Z', GIT_COMMITTER_DATE: '2026-11-28T12:00:00Z' },
    })
    if (result.status !== 0) throw new Error(`git ${argv.join(' ')}: ${result.stderr}`)
  }
  rmSync(path.join(root, '.git'), { recursive: true, force: true })
  git('init', '-q', '-b', 'main')
  git('-c', 'user.name=Bench', '-c', 'user.email=bench@example.org', 'add', '-A')
  git('-c', 'user.name=Bench', '-c', 'user.email=bench@example.org', 'commit', '-q', '-m', 'Rev.1')
  writeFileSync(proposal, readFileSync(proposal, 'utf8').replace(/\n1\. /, '\n1. [Notwithstanding paragraph 2,] '))
  git('-c', 'user.name=Bench', '-c', 'user.email=bench@example.org', 'commit', '-q', '-am', 'Rev.2')
}

/**
 * A copy of the workspace `source` (without its history) at `target`, in a
 * new repository: the workspace as generated, then `commits` more, commit `k`
 * changing the files `revise(k)` returns (one commit a day, from 2026-01-01).
 */
function repositoryWith(source, target, commits, revise) {
  rmSync(target, { recursive: true, force: true })
  cpSync(source, target, { recursive: true, filter: (file) => !file.split(path.sep).includes('.git') && !file.includes('.consolidate-cache') })
  const day = (k) => new Date(Date.UTC(2026, 0, 1 + k)).toISOString()
  const git = (k, ...argv) => {
    const result = spawnSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.org', ...argv], {
      cwd: target,
      encoding: 'utf8',
      env: { ...env, GIT_AUTHOR_DATE: day(k), GIT_COMMITTER_DATE: day(k) },
    })
    if (result.status !== 0) throw new Error(`git ${argv.join(' ')}: ${result.stderr}`)
  }
  git(0, 'init', '-q', '-b', 'main')
  git(0, 'add', '-A')
  git(0, 'commit', '-q', '-m', 'Rev.0')
  for (let k = 1; k <= commits; k++) {
    for (const [file, edit] of revise(k)) writeFileSync(file, edit(readFileSync(file, 'utf8')))
    git(k, 'commit', '-q', '-am', `Rev.${k}`)
  }
}

/** A proposal's first paragraph with one more bracketed phrase: a change of wording. */
const reworded = (k) => (text) => text.replace(/\n1\. /, `\n1. [Notwithstanding paragraph ${k + 1},] `)
/** One more supporter, or one less: support that comes and goes, so referrals begin and end. */
const resupported = (k) => (text) =>
  k % 2 === 1 ? text.replace(/supporters: \[/, 'supporters: ["Albania", ') : text.replace(/supporters: \["Albania", /, 'supporters: [')

const fmt = (value, digits = 0) => (value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits))

mkdirSync(args.dir, { recursive: true })
const cpus = os.cpus()
process.stderr.write(`bench: ${cpus.length} cores (${cpus[0]?.model.trim()}), node ${process.version}${pandoc ? `, ${pandoc}` : ''}\n`)
if (dropped.length > 0) process.stderr.write(`bench: children run without ${dropped.join(', ')} (pass --keep-env to keep)\n`)

const rows = []
const ratios = []
const results = new Map()
let watchResult
const loadBefore = os.loadavg()[0]

for (const size of sizes) {
  const root = path.join(args.dir, `w${size}`)
  const out = path.join(args.dir, `out${size}`)
  process.stderr.write(`bench: generating ${size} proposals in ${root} … `)
  const { files, bytes } = generate(root, size)
  const megabytes = bytes / 1e6
  process.stderr.write(`${megabytes.toFixed(2)} MB\n`)
  const relative = files.map((file) => path.relative(root, file))

  // A git history of two commits, one proposal changed between them, for `diff HEAD~1 HEAD`.
  history(root, files[Math.floor(files.length / 3)])
  // The redline: a revision with 50 proposals changed (5%), against the previous commit.
  const redlineRoot = path.join(args.dir, `w${size}-redline`)
  const changed = Math.min(50, files.length)
  const step = Math.max(1, Math.floor(files.length / changed))
  if (only.includes('redline'))
    repositoryWith(root, redlineRoot, 1, () => Array.from({ length: changed }, (_, i) => [path.join(redlineRoot, relative[i * step]), reworded(i)]))
  // The history: 100 commits, each changing the wording of 5 proposals and the support of 5 others.
  const historyRoot = size <= 1000 && only.includes('history') ? path.join(args.dir, `w${size}-history`) : undefined
  if (historyRoot) {
    process.stderr.write(`bench: ${size} proposals, a history of 100 commits … `)
    repositoryWith(root, historyRoot, 100, (k) => [
      ...Array.from({ length: 5 }, (_, i) => [path.join(historyRoot, relative[(k * 5 + i) % relative.length]), reworded(k)]),
      ...Array.from({ length: 5 }, (_, i) => [path.join(historyRoot, relative[(i * 37 + 11) % relative.length]), resupported(k)]),
    ])
    process.stderr.write('done\n')
  }

  // "A build" is cold: no parse cache (the code cache the run before it left, see above). The warm build runs on the parse cache the run before it left, the workspace unchanged.
  const codeCache = path.join(root, '.consolidate-cache', 'code')
  const commands = [
    ['build', () => measure(process.execPath, [cli, 'build', '--root', root, '--out', out, '--no-cache'])],
    [
      'first',
      () => (rmSync(codeCache, { recursive: true, force: true }), measure(process.execPath, [cli, 'build', '--root', root, '--out', out, '--no-cache'])),
    ],
    [
      'warm',
      () => (measure(process.execPath, [cli, 'build', '--root', root, '--out', out]), measure(process.execPath, [cli, 'build', '--root', root, '--out', out])),
    ],
    ['check', () => measure(process.execPath, [cli, 'check', '--root', root, '--no-cache'])],
    ['diff', () => measure(process.execPath, [cli, 'diff', 'HEAD~1', 'HEAD', '--root', root])],
    ['redline', () => measure(process.execPath, [cli, 'build', '--root', redlineRoot, '--out', `${out}-redline`, '--no-cache', '--since', 'HEAD~1'])],
    ...(historyRoot
      ? [['history', () => measure(process.execPath, [cli, 'stocktake', '--history', '--format', 'json', '--root', historyRoot, '--no-cache'])]]
      : []),
    ['floor', () => measure(process.execPath, [floor, root])],
  ]
  if (pandoc)
    commands.push([
      'pandoc',
      () => measure('pandoc', ['--quiet', '-f', 'gfm', '-t', 'gfm', '-o', path.join(args.dir, `pandoc${size}.md`), ...relative], { cwd: root }),
    ])
  commands.splice(0, commands.length, ...commands.filter(([name]) => only.includes(name)))
  // The first build of the first round would find no code cache: one build beforehand leaves it.
  if (only.includes('build')) measure(process.execPath, [cli, 'build', '--root', root, '--out', out, '--no-cache'])

  const samples = new Map(commands.map(([name]) => [name, []]))
  const runs = runsFor(size)
  // The files were just written: they are in the page cache for every command alike.
  for (let round = 1; round <= runs; round++) {
    for (const [name, run] of commands) {
      process.stderr.write(`\rbench: ${size} proposals, round ${round}/${runs}, ${name}      `)
      samples.get(name).push(run())
    }
  }
  process.stderr.write('\n')
  const measured = new Map([...samples].map(([name, list]) => [name, summarise(list)]))
  results.set(size, measured)
  for (const [name, result] of measured) {
    rows.push(
      `| ${size.toLocaleString('en')} | ${name} | ${fmt(result.wall)} | ${fmt(result.wall / size, 2)} | ${fmt(megabytes / (result.wall / 1000), 2)} | ${fmt(result.cpu, 2)} | ${fmt(result.rss)} |`,
    )
  }
  const of = (name) => measured.get(name)?.wall
  const build = of('build')
  ratios.push(
    `| ${size.toLocaleString('en')} | ${fmt(build / of('floor'), 2)} | ${fmt(of('first') / of('floor'), 2)} | ${fmt(of('warm') / build, 2)} | ${fmt(of('diff') / build, 2)} | ${fmt(of('redline') / build, 2)} | ${fmt(of('history') / build, 2)} | ${fmt(of('check') / build, 2)} | ${fmt(build / of('pandoc'), 2)} |`,
  )

  if (!args['no-watch'] && build !== undefined && (size === 1000 || (size === sizes[sizes.length - 1] && !sizes.includes(1000)))) {
    process.stderr.write(`bench: ${size} proposals, build --watch, ${runs} edits\n`)
    watchResult = { size, rebuild: await measureWatch(root, out, files[Math.floor(files.length / 2)], runs, build), build }
  }
}

// Cold start: the CLI's --help against a Node process that does nothing.
const starts = { help: [], node: [] }
for (let round = 0; round <= 10; round++) {
  const help = measure(process.execPath, [cli, '--help'])
  const node = measure(process.execPath, ['-e', '0'])
  if (round > 0) (starts.help.push(help), starts.node.push(node))
}
const help = summarise(starts.help)
const node = summarise(starts.node)

const loadAfter = os.loadavg()[0]

/** One target: what it asks, what was measured, whether it holds. */
const targets = []
const target = (name, value, limit, unit = '×') => {
  if (value === undefined || Number.isNaN(value)) return
  const shown = unit === '×' ? `${value.toFixed(2)}×` : `${value.toFixed(0)} ${unit}`
  const over = unit === '×' ? `${((value / limit - 1) * 100).toFixed(0)}%` : `${(value - limit).toFixed(0)} ${unit}`
  targets.push(`- ${name}: ${shown} (target ≤ ${limit}${unit === '×' ? '×' : ` ${unit}`}): ${value <= limit ? 'holds' : `misses by ${over}`}`)
}
const wall = (size, name) => results.get(size)?.get(name)?.wall
target('build(1,000) / floor(1,000)', wall(1000, 'build') / wall(1000, 'floor'), 0.85)
target('build(1,000) / floor(1,000), the code cache warm (issue 17)', wall(1000, 'build') / wall(1000, 'floor'), 1.0)
for (const size of sizes)
  target(`warm build(${size.toLocaleString('en')}) / build(${size.toLocaleString('en')})`, wall(size, 'warm') / wall(size, 'build'), 0.3)
for (const size of sizes) target(`diff HEAD~1 HEAD (${size.toLocaleString('en')}, one proposal changed) / build`, wall(size, 'diff') / wall(size, 'build'), 1.3)
for (const size of sizes)
  target(
    `build --since HEAD~1 (${size.toLocaleString('en')}, ${Math.min(50, size)} proposals changed: the redline) / build`,
    wall(size, 'redline') / wall(size, 'build'),
    1.5,
  )
for (const size of sizes)
  target(`stocktake --history (${size.toLocaleString('en')} proposals, 100 commits) / build`, wall(size, 'history') / wall(size, 'build'), 5)
target('build(10,000) / build(1,000)', wall(10000, 'build') / wall(1000, 'build'), 11)
for (const name of ['build', 'check']) target(`peak RSS of ${name}(10,000)`, results.get(10000)?.get(name)?.rss, 500, 'MB')
for (const size of sizes) target(`check(${size.toLocaleString('en')}) / build(${size.toLocaleString('en')})`, wall(size, 'check') / wall(size, 'build'), 1.0)
target('`consolidate --help`', help.wall, 150, 'ms')
if (watchResult?.rebuild !== undefined) target(`watch rebuild / build(${watchResult.size.toLocaleString('en')})`, watchResult.rebuild / watchResult.build, 0.1)

const lines = [
  `Machine: ${cpus.length} cores (${cpus[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.type()} ${os.release()}; Node ${process.version}${pandoc ? `; ${pandoc}` : ''}.`,
  `Command: \`npm run bench -- --sizes ${sizes.join(',')}${args.runs ? ` --runs ${args.runs}` : ''}${args.only ? ` --only ${args.only}` : ''}\`; median of ${sizes.map(runsFor).join('/')} runs${dropped.length ? `; children without ${dropped.join(', ')}` : ''}; load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after.`,
  '',
  '| proposals | command | wall ms | ms/proposal | MB/s | CPU s | peak RSS MB |',
  '| ---: | --- | ---: | ---: | ---: | ---: | ---: |',
  ...rows,
  '',
  '| proposals | build/floor | first/floor | warm/build | diff/build | redline/build | history/build | check/build | build/pandoc |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...ratios,
  '',
]
lines.push(`Cold start: \`consolidate --help\` ${fmt(help.wall)} ms (\`node -e 0\` ${fmt(node.wall)} ms).`)
if (watchResult) {
  lines.push(
    watchResult.rebuild === undefined
      ? `Watch: \`build --watch\` did not report a rebuild (not available in this build).`
      : `Watch: rebuild after editing one proposal of ${watchResult.size.toLocaleString('en')}: ${fmt(watchResult.rebuild)} ms, ${fmt((100 * watchResult.rebuild) / watchResult.build)}% of a full build.`,
  )
}
lines.push('', 'Targets:', ...targets)
process.stdout.write(`${lines.join('\n')}\n`)
