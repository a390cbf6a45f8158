/** `consolidate check`: validate only and print every problem. */
import { EXIT } from '../errors.js'
import { baseOf, useColor, widthOf, type Io } from '../io.js'
import { formatGithub, formatJson, hasErrors, type CheckFormat } from '../diagnostics/format.js'
import type { ParsePool } from '../threads/pool.js'
import { loadRoot, withPool, type CommonOptions } from './load.js'

export async function check(options: CommonOptions & { format: CheckFormat }, io: Io, pool?: ParsePool): Promise<number> {
  const { root, workspace } = await withPool(pool, (threads) => loadRoot(options, io, threads))
  const { diagnostics } = workspace
  const base = baseOf(io, root)
  if (options.format === 'json') io.stdout.write(formatJson(diagnostics))
  else if (options.format === 'github') io.stdout.write(formatGithub(diagnostics, { base }))
  else if (diagnostics.length > 0) {
    const { formatText } = await import('../diagnostics/report.js')
    io.stdout.write(formatText(diagnostics, { color: useColor(io, io.stdout), base, width: widthOf(io.stdout) }))
  } else {
    const files = workspace.files.length
    const notes = workspace.noteFiles.length
    const noteFiles = notes === 0 ? '' : ` and ${notes} note${notes === 1 ? '' : 's'}`
    io.stdout.write(`${files} proposal file${files === 1 ? '' : 's'}${noteFiles} checked: no problems\n`)
  }
  return hasErrors(diagnostics) ? EXIT.inputs : EXIT.ok
}
