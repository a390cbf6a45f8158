/**
 * `consolidate stocktake`: print the stocktaking report (Markdown or JSON);
 * with `--history`, since when each proposal has been referred. In HTML or
 * Word it is the build of the report as a document: it writes
 * `<out>/stocktaking.<ext>` and prints the path.
 */
import { EXIT, UsageError } from '../errors.js'
import { printDiagnostics, type Io } from '../io.js'
import { referralHistory } from '../load/history.js'
import { negotiationOf } from '../load/pipeline.js'
import { formatNamed } from '../render/formats/index.js'
import { compileMarkdown } from '../render/formats/markdown/compile.js'
import { stocktake, stocktakingView } from '../render/views/stocktaking.js'
import type { ThreadPool } from '../threads/pool.js'
import { build } from './build.js'
import { loadRoot, withPool, type CommonOptions } from './load.js'

export interface StocktakeOptions extends CommonOptions {
  /** `json`, or a format's name (FORMATS). */
  format: string
  threshold?: number
  history?: boolean
  /** For HTML and Word: the output folder (default: <root>/out). */
  out?: string
}

export async function stocktakeCommand(options: StocktakeOptions, io: Io, pool?: ThreadPool): Promise<number> {
  // JSON and the printed format are printed; a document format is the build of the report as a document.
  if (options.format !== 'json' && !formatNamed(options.format)?.printed) return stocktakeDocument(options, io, pool)
  const overrides = options.threshold === undefined ? {} : { threshold: options.threshold }
  return withPool(pool, async (threads) => {
    const { root, workspace, cache } = await loadRoot(options, io, threads, overrides)
    if (!workspace.config.attribution) throw new UsageError(NO_ATTRIBUTIONS)
    await printDiagnostics(workspace.diagnostics, io, root)
    const negotiation = negotiationOf(workspace)
    if (!negotiation) return EXIT.inputs
    const history = options.history
      ? await referralHistory(workspace, { cwd: io.cwd, root, configFile: options.config, pool: threads, cache, overrides }, io)
      : undefined
    io.stdout.write(
      options.format === 'json' ? `${JSON.stringify(stocktake(negotiation, history), null, 2)}\n` : compileMarkdown(stocktakingView(negotiation, history)),
    )
    return EXIT.ok
  })
}

const NO_ATTRIBUTIONS =
  'this workspace keeps no attributions (`attribution: false` in consolidate.yaml): no text has proponents or supporters, so nothing is referred to stocktaking and there is no stocktaking report'

/** The report as a document: the build of the stocktaking view in that format; the path it wrote on stdout. */
async function stocktakeDocument(options: StocktakeOptions, io: Io, pool?: ThreadPool): Promise<number> {
  if (options.threshold !== undefined)
    throw new UsageError(
      "--threshold changes the report only as printed (md, json): a document is built with the configuration's threshold, as the text it goes with",
    )
  let written: string[] = []
  const code = await build(
    {
      root: options.root,
      config: options.config,
      cache: options.cache,
      out: options.out,
      view: 'stocktaking',
      format: options.format,
      history: options.history,
      onWritten: (files) => (written = files),
    },
    io,
    pool,
  )
  if (code === EXIT.ok) io.stdout.write(written.map((file) => `${file}\n`).join(''))
  return code
}
