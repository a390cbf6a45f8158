/** `consolidate stocktake`: print the stocktaking report. */
import { EXIT } from '../errors.js'
import { printDiagnostics, type Io } from '../io.js'
import type { ParsePool } from '../parse/pool.js'
import { negotiationOf } from '../pipeline.js'
import { renderStocktake, stocktake } from '../render/stocktaking.js'
import { loadRoot, withPool, type CommonOptions } from './load.js'

export async function stocktakeCommand(options: CommonOptions & { format: 'md' | 'json'; threshold?: number }, io: Io, pool?: ParsePool): Promise<number> {
  const overrides = options.threshold === undefined ? {} : { threshold: options.threshold }
  const { root, workspace } = await withPool(pool, (threads) => loadRoot(options, io, threads, overrides))
  await printDiagnostics(workspace.diagnostics, io, root)
  const negotiation = negotiationOf(workspace)
  if (!negotiation) return EXIT.inputs
  io.stdout.write(options.format === 'json' ? `${JSON.stringify(stocktake(negotiation), null, 2)}\n` : renderStocktake(negotiation))
  return EXIT.ok
}
