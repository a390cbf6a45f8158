/** `consolidate stocktake`: print the stocktaking report. */
import { printDiagnostics, type Io } from '../io.js'
import { loadWorkspace, negotiationOf } from '../pipeline.js'
import { renderStocktake, stocktake } from '../render/stocktaking.js'
import { resolveRoot } from '../read/workspace.js'
import { EXIT } from '../errors.js'

export async function stocktakeCommand(options: { root?: string; config?: string; format: 'md' | 'json'; threshold?: number }, io: Io): Promise<number> {
  const root = resolveRoot(io.cwd, options.root)
  const overrides = options.threshold === undefined ? {} : { threshold: options.threshold }
  const workspace = await loadWorkspace({ root, cwd: io.cwd, configFile: options.config, overrides })
  await printDiagnostics(workspace.diagnostics, io, root)
  const negotiation = negotiationOf(workspace)
  if (!negotiation) return EXIT.inputs
  io.stdout.write(options.format === 'json' ? `${JSON.stringify(stocktake(negotiation), null, 2)}\n` : renderStocktake(negotiation))
  return EXIT.ok
}
