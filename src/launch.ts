/**
 * The CLI's process entry (bin/consolidate.js, bundled into dist/launch.cjs):
 * runs the bundled CLI (dist/cli.cjs, see scripts/bundle.js) through V8's code cache, kept in the
 * workspace beside the parse cache (`.consolidate-cache/code/`), and gives
 * the same cache to the parser threads: a run after the first compiles
 * (almost) nothing.
 *
 * The cache holds no result, only compiled code of this very copy of the
 * tool, so `--no-cache` (parse every proposal again) keeps it. In CI there is
 * none: a clean clone has nothing to reuse, and a CI run trusts no cache.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import v8 from 'node:v8'
import { CACHE_FOLDER } from './read/cache.js'
import { CodeCache, ScriptLoader } from './threads/code-cache.js'
import type { CodeCacheOptions } from './threads/pool.js'

/**
 * V8 optimises a function once it has run a budget of bytecode (67,584 bytes
 * by default), tuned for pages that run for minutes. A build is a few seconds
 * in which every thread runs the same parser: optimising it early makes each
 * thread compile most of the parser again, on the cores the parsing needs.
 * Six times the budget leaves the compiler only the hottest code (a cold
 * build of 1,000 proposals about 13% faster on 2 cores, bench/README.md).
 * Set before the CLI is loaded and any thread starts: the flag is the
 * process's, and the code cache is keyed by the flags it was made with.
 */
const TIER_UP = '--interrupt-budget=400000'

/** What the CLI bundle exports. */
interface Cli {
  main: (args: string[]) => Promise<number>
  useCodeCache: (cache: CodeCacheOptions | undefined) => void
}

function isCli(value: unknown): value is Cli {
  return (
    typeof value === 'object' &&
    value !== null &&
    'main' in value &&
    typeof value.main === 'function' &&
    'useCodeCache' in value &&
    typeof value.useCodeCache === 'function'
  )
}

/** Run the CLI with `args` (without `node` and the script) and return the exit code. */
export async function launch(args: string[], cwd = process.cwd(), env: Record<string, string | undefined> = process.env): Promise<number> {
  v8.setFlagsFromString(TIER_UP)
  const folder = codeCacheFolder(args, cwd, env)
  const cache = folder === undefined ? undefined : { folder, version: toolVersion() }
  const loader = new ScriptLoader(cache && new CodeCache(cache.folder, cache.version))
  const cli = loader.require(fileURLToPath(new URL('../dist/cli.cjs', import.meta.url)))
  if (!isCli(cli)) throw new Error('dist/cli.cjs is not the CLI bundle; run `npm run build`')
  cli.useCodeCache(cache)
  try {
    return await cli.main(args)
  } finally {
    loader.saveCompiled()
  }
}

/**
 * The code cache's folder for a run with `args`: in the workspace it reads
 * (`--root`, else the current folder), if that is one (it holds proposals/ or
 * consolidate.yaml: a run outside a workspace, e.g. `init` of a new one, leaves no cache
 * folder behind); none in CI (`CI` set, as for the parse cache).
 */
export function codeCacheFolder(args: string[], cwd: string, env: Record<string, string | undefined>): string | undefined {
  if (env.CI) return undefined
  let root = '.'
  for (let index = 0; index < args.length && args[index] !== '--'; index++) {
    if (args[index] === '--root' && index + 1 < args.length) root = args[++index]
    else if (args[index].startsWith('--root=')) root = args[index].slice('--root='.length)
  }
  const absolute = path.resolve(cwd, root)
  if (!existsSync(path.join(absolute, 'proposals')) && !existsSync(path.join(absolute, 'consolidate.yaml'))) return undefined
  return path.join(absolute, CACHE_FOLDER, 'code')
}

/** The package's version: part of every cache file's key. */
function toolVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  return typeof manifest === 'object' && manifest !== null && 'version' in manifest && typeof manifest.version === 'string' ? manifest.version : '0'
}
