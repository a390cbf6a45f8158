/**
 * The command line: the only module that knows about argv, standard streams
 * and exit codes. Commands load the pipeline lazily so `--help` starts fast.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import { processIo, type Io } from './io.js'
import { EXIT, UsageError } from './errors.js'

interface Common {
  root?: string
  config?: string
}

/** Run the CLI with `args` (without `node` and the script) and return the exit code. */
export async function main(args: string[], io: Io = processIo()): Promise<number> {
  let code: number = EXIT.ok
  const program = new Command('consolidate')
    .description('Assemble a consolidated negotiating text from one Markdown file per proposal.')
    .version(await version(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError('(run consolidate --help for usage)')

  const common = (command: Command): Command =>
    command
      .option('--root <dir>', 'the workspace folder (holding proposals/)', '.')
      .option('--config <file>', 'the configuration file (default: <root>/consolidate.yaml if it exists)')
      .exitOverride()
      .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })

  common(program.command('build'))
    .description('validate, then write <out>/consolidated.md and <out>/stocktaking.md')
    .option('--out <dir>', 'the output folder (default: <root>/out)')
    .option('--format <list>', 'comma-separated output formats: md, html, docx', 'md')
    .option('--check', 'write nothing; exit 1 if any output on disk differs from what would be written')
    .option('--group <name>', 'only the topics of that small group')
    .addOption(new Option('--lang <language>', 'language of generated labels (overrides the config)').choices(['en', 'fr', 'es']))
    .option('--watch', 'rebuild whenever proposals, the config or templates change')
    .action(async (options: Common & { out?: string; format: string; check?: boolean; group?: string; lang?: 'en' | 'fr' | 'es'; watch?: boolean }) => {
      startParsers()
      const { build } = await import('./commands/build.js')
      code = options.watch ? await untilInterrupted((signal) => build({ ...options, signal }, io)) : await build(options, io)
    })

  common(program.command('check'))
    .description('validate only; print every problem with file, line and column')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
    .action(async (options: Common & { format: 'text' | 'json' | 'github' }) => {
      startParsers()
      const { check } = await import('./commands/check.js')
      code = await check(options, io)
    })

  common(program.command('stocktake'))
    .description('print the stocktaking report: proposals with limited or no support')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'json']).default('md'))
    .option('--threshold <n>', 'supporters needed for broad support (overrides the config)', positiveInteger)
    .action(async (options: Common & { format: 'md' | 'json'; threshold?: number }) => {
      startParsers()
      const { stocktakeCommand } = await import('./commands/stocktake.js')
      code = await stocktakeCommand(options, io)
    })

  common(program.command('diff'))
    .description('what changed between two revisions: each a workspace folder or a git revision (HEAD~1, a tag, a hash)')
    .argument('<old>', 'the older revision')
    .argument('<new>', 'the newer revision')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'json']).default('md'))
    .action(async (from: string, to: string, options: Common & { format: 'md' | 'json' }) => {
      const { diffCommand } = await import('./commands/diff.js')
      code = await diffCommand(from, to, options, io)
    })

  common(program.command('new'))
    .description('create a proposal file from templates/proposal.md and print its path')
    .requiredOption('--topic <id>', 'the outline id the proposal is on, e.g. A.1.4')
    .requiredOption('--author <name>', 'the participant tabling it')
    .option('--title <text>', 'a short title')
    .action(async (options: Common & { topic: string; author: string; title?: string }) => {
      const { newCommand } = await import('./commands/new.js')
      code = await newCommand(options, io)
    })

  program
    .command('init')
    .description('create a workspace: a configuration, a template and one example proposal')
    .argument('[dir]', 'the folder to create it in', '.')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .action(async (dir: string) => {
      const { initCommand } = await import('./commands/init.js')
      code = await initCommand(dir, io)
    })

  try {
    await program.parseAsync(args, { from: 'user' })
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help or version asked for: success. Anything else commander rejects is wrong usage.
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? EXIT.ok : EXIT.usage
    }
    if (error instanceof UsageError) {
      io.stderr.write(`consolidate: ${error.message}\n`)
      return EXIT.usage
    }
    throw error
  }
  return code
}

/** Parser threads take a moment to start: start them while the command's modules load. */
function startParsers(): void {
  // A failure here (a missing thread module) is reported by the parse that needs the thread.
  import('./parse/pool.js').then(({ sharedPool }) => sharedPool().prestart(Number.POSITIVE_INFINITY), () => undefined).catch(() => undefined)
}

/** Run `task` with a signal that Ctrl-C (SIGINT) or SIGTERM aborts: how a watch stops cleanly. */
async function untilInterrupted<T>(task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController()
  const stop = (): void => controller.abort()
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  try {
    return await task(controller.signal)
  } finally {
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
  }
}

function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('must be a whole number of at least 1.')
  return Number(value)
}

async function version(): Promise<string> {
  // node:fs is loaded with Node itself; fs/promises would load more modules on every start.
  const { readFileSync } = await import('node:fs')
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
  return manifest.version
}
