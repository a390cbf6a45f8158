/** `consolidate check`: validate only and print every problem. */
import { EXIT } from '../errors.js'
import { baseOf, useColor, widthOf, type Io } from '../io.js'
import { formatGithub, formatJson, hasErrors, type CheckFormat } from '../diagnostics/format.js'
import type { ThreadPool } from '../threads/pool.js'
import { loadRoot, withPool, type CommonOptions } from './load.js'

export async function check(options: CommonOptions & { format: CheckFormat }, io: Io, pool?: ThreadPool): Promise<number> {
  const { root, workspace } = await withPool(pool, (threads) => loadRoot(options, io, threads))
  const { diagnostics } = workspace
  const base = baseOf(io, root)
  if (options.format === 'json') io.stdout.write(formatJson(diagnostics))
  else if (options.format === 'github') io.stdout.write(formatGithub(diagnostics, { base }))
  else if (diagnostics.length > 0) {
    const { formatText } = await import('../diagnostics/report.js')
    io.stdout.write(formatText(diagnostics, { color: useColor(io, io.stdout), base, width: widthOf(io.stdout) }))
  } else {
    const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`
    const counts = [
      count(workspace.files.length, 'proposal file', 'proposal files'),
      ...(workspace.noteFiles.length > 0 ? [count(workspace.noteFiles.length, 'note', 'notes')] : []),
      ...(workspace.chairFiles.length > 0 ? [count(workspace.chairFiles.length, "Chair's text", "Chair's texts")] : []),
      ...(workspace.translationFiles.length > 0 ? [count(workspace.translationFiles.length, 'translation', 'translations')] : []),
    ]
    const listed = counts.length === 1 ? counts[0] : `${counts.slice(0, -1).join(', ')} and ${counts.at(-1)}`
    io.stdout.write(`${listed} checked: no problems\n`)
  }
  return hasErrors(diagnostics) ? EXIT.inputs : EXIT.ok
}
