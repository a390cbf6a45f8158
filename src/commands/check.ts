/** `consolidate check`: validate only and print every problem. */
import { baseOf, useColor, type Io } from '../io.js'
import { formatGithub, formatJson, hasErrors, type CheckFormat } from '../check/diagnostics.js'
import { loadWorkspace } from '../pipeline.js'
import { resolveRoot } from '../read/workspace.js'
import { EXIT } from '../errors.js'

export async function check(options: { root?: string; config?: string; format: CheckFormat }, io: Io): Promise<number> {
  const root = resolveRoot(io.cwd, options.root)
  const workspace = await loadWorkspace({ root, cwd: io.cwd, configFile: options.config })
  const { diagnostics } = workspace
  const base = baseOf(io, root)
  if (options.format === 'json') io.stdout.write(formatJson(diagnostics))
  else if (options.format === 'github') io.stdout.write(formatGithub(diagnostics, { base }))
  else if (diagnostics.length > 0) {
    const { formatText } = await import('../check/report.js')
    io.stdout.write(formatText(diagnostics, { color: useColor(io, io.stdout), base }))
  } else {
    const files = workspace.files.length
    io.stdout.write(`${files} proposal file${files === 1 ? '' : 's'} checked: no problems\n`)
  }
  return hasErrors(diagnostics) ? EXIT.inputs : EXIT.ok
}
