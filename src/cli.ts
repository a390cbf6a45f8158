/**
 * The command line: the only module that knows about argv, standard streams
 * and exit codes. Commands load the pipeline lazily so `--help` starts fast.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import { visible } from './diagnostics/format.js'
import { FORMAT_NAMES, FORMATS } from './render/formats/index.js'
import { VIEW_NAMES } from './render/views/index.js'
import { EXIT, UsageError } from './errors.js'
import { processIo, type Io } from './io.js'
import type { ThreadPool } from './threads/pool.js'

interface Common {
  root?: string
  config?: string
  cache?: boolean
}

/**
 * Run the CLI with `args` (without `node` and the script) and return the exit
 * code. `threads`: parser threads to run on (kept open; a test suite shares one
 * pool across its runs); without, the run starts its own and closes them.
 */
export async function main(args: string[], io: Io = processIo(), threadsGiven?: ThreadPool): Promise<number> {
  let code: number = EXIT.ok
  let pool: ThreadPool | undefined
  /** The parser threads, started while the command's modules load: they take a moment to start. */
  const threads = async (): Promise<ThreadPool> => {
    if (threadsGiven) return threadsGiven
    const { ThreadPool } = await import('./threads/pool.js')
    pool ??= new ThreadPool()
    pool.prestart(Number.POSITIVE_INFINITY)
    return pool
  }
  const output = { writeOut: (text: string) => io.stdout.write(text), writeErr: (text: string) => io.stderr.write(text) }
  const program = new Command('consolidate')
    .description('Assemble a consolidated negotiating text from one Markdown file per proposal.')
    .version(await version(), '-V, --version')
    .exitOverride()
    .configureOutput(output)
    .showHelpAfterError('(run consolidate --help for usage)')

  const common = (command: Command): Command =>
    command
      .option('--root <dir>', 'the workspace folder (holding proposals/)', '.')
      .option('--config <file>', 'the configuration file (default: <root>/consolidate.yaml if it exists)')
      .option('--no-cache', 'parse every proposal again instead of reusing the results kept in <root>/.consolidate-cache/')
      .exitOverride()
      .configureOutput(output)

  common(program.command('build'))
    .description(
      'validate, then write the documents: with publish: in consolidate.yaml the whole publication set; else <out>/consolidated.md and <out>/stocktaking.md',
    )
    .option('--out <dir>', 'the output folder (default: <root>/out)')
    .option('--format <list>', `comma-separated output formats: ${FORMAT_NAMES.join(', ')} (default: publish.formats, else md)`)
    .option(
      '--check',
      'write nothing; exit 1 if any output on disk differs from what would be written (without other flags: every output the last builds recorded)',
    )
    .option('--group <name>', 'only the topics of that small group')
    .option('--lang <list>', "language(s) of the documents: en, fr, es, or several, e.g. en,fr,es (default: the configuration's)")
    .option(
      '--view <view>',
      `one of ${VIEW_NAMES.join(', ')}: the bracketed text and its stocktaking report, the Chair's clean text, the stocktaking report as a document (default: publish.views, else consolidated)`,
    )
    .option('--watch', 'rebuild whenever proposals, notes, the config or templates change')
    .option(
      '--since <rev>',
      'also write the redline (<base>-redline.<ext>) against that revision: a git revision (v5, HEAD~1, a hash) or a folder (default: previous: in the config)',
    )
    .action(
      async (
        options: Common & { out?: string; format?: string; check?: boolean; group?: string; lang?: string; view?: string; watch?: boolean; since?: string },
      ) => {
        const parsers = threads()
        const { build } = await import('./commands/build.js')
        code = options.watch
          ? await untilInterrupted(async (signal) => build({ ...options, signal }, io, await parsers))
          : await build(options, io, await parsers)
      },
    )

  common(program.command('check'))
    .description('validate only; print every problem with file, line and column')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
    .action(async (options: Common & { format: 'text' | 'json' | 'github' }) => {
      const parsers = threads()
      const { check } = await import('./commands/check.js')
      code = await check(options, io, await parsers)
    })

  common(program.command('stocktake'))
    .description('print the stocktaking report: proposals with limited or no support')
    .addOption(
      new Option(
        '--format <format>',
        `output format: json or ${FORMATS.filter((format) => format.printed)
          .map((format) => format.name)
          .join(', ')} printed; ${FORMATS.filter((format) => !format.printed)
          .map((format) => format.name)
          .join(', ')} written as <out>/stocktaking.<ext>`,
      )
        .choices(['json', ...FORMAT_NAMES])
        .default('md'),
    )
    .option('--out <dir>', 'for html and docx: the output folder (default: <root>/out)')
    .option('--threshold <n>', 'supporters needed for broad support (overrides the config)', positiveInteger)
    .option('--history', 'add since when each referred proposal has been referred, from the git history of HEAD')
    .action(async (options: Common & { format: string; out?: string; threshold?: number; history?: boolean }) => {
      const parsers = threads()
      const { stocktakeCommand } = await import('./commands/stocktake.js')
      code = await stocktakeCommand(options, io, await parsers)
    })

  common(program.command('stats'))
    .description('print the numbers of the text: proposals by status, topics, brackets, placeholders')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'json']).default('md'))
    .option('--since <rev>', 'also the change of each number since that revision: a git revision (v5, HEAD~1, a hash) or a folder')
    .action(async (options: Common & { format: 'md' | 'json'; since?: string }) => {
      const parsers = threads()
      const { statsCommand } = await import('./commands/stats.js')
      code = await statsCommand(options, io, await parsers)
    })

  common(program.command('diff'))
    .description('what changed between two revisions: each a workspace folder or a git revision (HEAD~1, a tag, a hash)')
    .argument('<old>', 'the older revision')
    .argument('<new>', 'the newer revision')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'json']).default('md'))
    .option('--lang <lang>', 'compare what the documents in that language show: en, fr or es (default: the texts as written, in their original language)')
    .action(async (from: string, to: string, options: Common & { format: 'md' | 'json'; lang?: string }) => {
      const parsers = threads()
      const { diffCommand } = await import('./commands/diff.js')
      code = await diffCommand(from, to, options, io, await parsers)
    })

  common(program.command('new'))
    .description('create a proposal file from templates/proposal.md and print its path')
    .requiredOption('--topic <id>', 'the outline id the proposal is on, e.g. A.1.4')
    .option('--author <name>', 'the participant tabling it (required, unless the workspace keeps no attributions)')
    .option('--title <text>', 'a short title')
    .option('--submitted <date>', 'the day it was tabled, YYYY-MM-DD (default: today); it orders the alternatives')
    .action(async (options: Common & { topic: string; author?: string; title?: string; submitted?: string }) => {
      const parsers = threads()
      const { newCommand } = await import('./commands/new.js')
      code = await newCommand(options, io, await parsers)
    })

  common(program.command('revise'))
    .description('prepare the next revision in consolidate.yaml: symbol …/Rev.N to …/Rev.N+1, date, previous: (comments and layout kept)')
    .option('--date <date>', "the new revision's date, YYYY-MM-DD (default: today)")
    .option('--tag', 'then build the publication set, commit consolidate.yaml and out/, and tag the commit v<N>')
    .action(async (options: Common & { date?: string; tag?: boolean }) => {
      const parsers = threads()
      const { reviseCommand } = await import('./commands/revise.js')
      code = await reviseCommand(options, io, await parsers)
    })

  common(program.command('translate'))
    .description(
      'write <name>.<lang>.md beside a text, to translate (ID --lang L); or record that a translation matches its original as it is now (--stamp FILE)',
    )
    .argument('[id]', "the proposal's, note's or Chair's text's id (a note may be named by its file)")
    .option('--lang <lang>', 'the language to translate into: en, fr or es')
    .option('--stamp <file>', 'the translation to record as current, e.g. proposals/a14-jpn-einvoicing.fr.md')
    .action(async (id: string | undefined, options: Common & { lang?: string; stamp?: string }) => {
      const parsers = threads()
      const { translateCommand } = await import('./commands/translate.js')
      code = await translateCommand(id, options, io, await parsers)
    })

  common(program.command('translations'))
    .description('print the state of the translations per language: current, stale, draft and missing texts, and the words to translate')
    .option('--lang <list>', 'the language(s): en, fr, es, or several, e.g. fr,es (default: those published, else all, that any text is to be translated into)')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'json']).default('md'))
    .action(async (options: Common & { lang?: string; format: 'md' | 'json' }) => {
      const parsers = threads()
      const { translationsCommand } = await import('./commands/translations.js')
      code = await translationsCommand(options, io, await parsers)
    })

  program
    .command('init')
    .description('create a workspace: a configuration, a template, one example proposal, notes/ and a .gitignore')
    .argument('[dir]', 'the folder to create it in (default: --root, else the current folder)')
    .option('--root <dir>', 'the folder to create it in (the same as DIR)')
    .option('--ci', 'also write the CI workflow, .github/workflows/consolidate.yml (in an existing workspace: only that)')
    .exitOverride()
    .configureOutput(output)
    .action(async (dir: string | undefined, options: { root?: string; ci?: boolean }) => {
      if (dir !== undefined && options.root !== undefined && dir !== options.root)
        throw new UsageError(`init was given two folders, ${dir} and --root ${options.root}; give one`)
      const { initCommand } = await import('./commands/init.js')
      code = await initCommand(dir ?? options.root ?? '.', io, { ci: options.ci })
    })

  try {
    await program.parseAsync(args, { from: 'user' })
  } catch (error) {
    code = failure(error, io)
  } finally {
    await pool?.close()
  }
  return code
}

/**
 * The exit code of a run that threw: help and version asked for are
 * success; wrong usage and a refusal of the file system (for what the command
 * line names) are one line and 2; anything else is a bug: 3, one line asking
 * for a report, and the stack only under `CONSOLIDATE_DEBUG=1`.
 */
function failure(error: unknown, io: Io): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage
  if (error instanceof UsageError) {
    // The message may quote what the command line or a file holds: never a terminal escape.
    io.stderr.write(`consolidate: ${visible(error.message)}\n`)
    return EXIT.usage
  }
  const debug = io.env.CONSOLIDATE_DEBUG === '1'
  const refusal = error as NodeJS.ErrnoException
  if (typeof refusal?.code === 'string' && typeof refusal.syscall === 'string') {
    io.stderr.write(
      `consolidate: cannot ${refusal.syscall}${refusal.path ? ` ${visible(refusal.path)}` : ''}: ${refusal.code} (${explainCode(refusal.code)})\n`,
    )
    if (debug) io.stderr.write(`${refusal.stack}\n`)
    return EXIT.usage
  }
  io.stderr.write(
    `consolidate: internal error: ${visible(error instanceof Error ? error.message.split('\n')[0] : String(error))}; this is a bug in consolidate, please report it with the command you ran${debug ? '' : ' (CONSOLIDATE_DEBUG=1 shows the details)'}\n`,
  )
  if (debug && error instanceof Error) io.stderr.write(`${error.stack}\n`)
  return EXIT.bug
}

function explainCode(code: string): string {
  const words: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'the file system is read-only',
    ENOENT: 'no such file or folder',
    ENOTDIR: 'a part of the path is not a folder',
    EISDIR: 'it is a folder',
    EEXIST: 'it already exists',
    ENOSPC: 'no space left on the device',
    ENAMETOOLONG: 'the name is too long',
    ELOOP: 'too many symbolic links',
    EMFILE: 'too many open files',
    EBUSY: 'it is busy',
  }
  return words[code] ?? 'the system refused'
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
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('It must be a whole number of at least 1, e.g. --threshold 3.')
  return Number(value)
}

async function version(): Promise<string> {
  // node:fs is loaded with Node itself; fs/promises would load more modules on every start.
  const { readFileSync } = await import('node:fs')
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
  return manifest.version
}
