/** `consolidate diff OLD NEW`: what changed between two revisions of the workspace. */
import { hasErrors } from '../check/diagnostics.js'
import { compareSnapshots, diffReport } from '../revisions/compare.js'
import { renderDiff } from '../render/diff.js'
import { printDiagnostics, type Io } from '../io.js'
import { loadRevision } from '../read/revision.js'
import { resolveRoot } from '../read/workspace.js'
import { EXIT } from '../errors.js'

export interface DiffOptions {
  root?: string
  config?: string
  format: 'md' | 'json'
}

export async function diffCommand(from: string, to: string, options: DiffOptions, io: Io): Promise<number> {
  const root = resolveRoot(io.cwd, options.root)
  const context = { cwd: io.cwd, root, configFile: options.config }
  const old = await loadRevision(from, context)
  const next = await loadRevision(to, context)
  const diagnostics = [...old.diagnostics, ...next.diagnostics]
  await printDiagnostics(diagnostics, io)
  if (hasErrors(diagnostics)) {
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length
    io.stderr.write(`consolidate: ${errors} error${errors === 1 ? '' : 's'} in the inputs; fix them to compare the revisions\n`)
    return EXIT.inputs
  }
  const differences = compareSnapshots(old, next)
  io.stdout.write(
    options.format === 'json' ? `${JSON.stringify(diffReport(differences), null, 2)}\n` : renderDiff(differences, old, next, { names: { old: from, new: to } }),
  )
  return EXIT.ok
}
