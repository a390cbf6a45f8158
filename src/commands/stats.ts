/** `consolidate stats`: the numbers of the text (docs/reference.md, Statistics), and with `--since` their changes. */
import { EXIT } from '../errors.js'
import { printDiagnostics, type Io } from '../io.js'
import type { ThreadPool } from '../threads/pool.js'
import { negotiationOf } from '../load/pipeline.js'
import { renderStats } from '../render/views/stats.js'
import { countNegotiation, statsReport } from '../revisions/stats.js'
import { loadRoot, withPool, type CommonOptions } from './load.js'
import { Revisions, sinceUsable } from './since.js'

export async function statsCommand(options: CommonOptions & { format: 'md' | 'json'; since?: string }, io: Io, pool?: ThreadPool): Promise<number> {
  return withPool(pool, async (threads) => {
    const { root, workspace, cache } = await loadRoot(options, io, threads)
    await printDiagnostics(workspace.diagnostics, io, root)
    const negotiation = negotiationOf(workspace)
    if (!negotiation) return EXIT.inputs
    let since: Parameters<typeof statsReport>[2]
    if (options.since !== undefined) {
      const revision = await new Revisions({ cwd: io.cwd, root, configFile: options.config, pool: threads, cache, io }).load(options.since, 'flag')
      if (!(await sinceUsable(revision, io))) return EXIT.inputs
      since = { ref: options.since, symbol: revision.config.symbol, counts: countNegotiation(negotiationOf(revision)!, revision.proposals) }
    }
    const stats = statsReport(countNegotiation(negotiation, workspace.proposals), workspace.config.symbol, since)
    io.stdout.write(options.format === 'json' ? `${JSON.stringify(stats, null, 2)}\n` : renderStats(stats, workspace.config.language))
    return EXIT.ok
  })
}
