/** The older revision a redline or `stats --since` compares with: read once, through the cache the workspace was read with. */
import { hasErrors } from '../diagnostics/format.js'
import { printDiagnostics, progress, type Io } from '../io.js'
import type { LoadOptions } from '../load/pipeline.js'
import type { ParsePool } from '../threads/pool.js'
import { loadRevision, type Revision } from '../load/revision.js'

export interface SinceContext {
  cwd: string
  /** The workspace root (absolute). */
  root: string
  configFile?: string
  pool: ParsePool
  cache: NonNullable<LoadOptions['cache']>
  /** For a progress line on a terminal while a revision is read. */
  io?: Io
}

/** Where the revision was named: on the command line (relative to the current folder) or by `previous:` (relative to the workspace). */
export type SinceOrigin = 'flag' | 'config'

/** Loads older revisions by name, each once. */
export class Revisions {
  private readonly loaded = new Map<string, Promise<Revision>>()

  constructor(private readonly context: SinceContext) {}

  load(name: string, origin: SinceOrigin): Promise<Revision> {
    const key = `${origin}\0${name}`
    let revision = this.loaded.get(key)
    if (!revision) {
      const { io, ...context } = this.context
      const cwd = origin === 'config' ? context.root : context.cwd
      const shown = io ? progress(io, `consolidate: reading ${name}`) : undefined
      revision = loadRevision(name, { ...context, cwd, confined: origin === 'config', onProgress: shown?.update }).finally(() => shown?.end())
      this.loaded.set(key, revision)
    }
    return revision
  }
}

/**
 * Whether an older revision can be compared with: when it has errors, print
 * them, say so and return false. (Its warnings are history: not printed.)
 */
export async function sinceUsable(revision: Revision, io: Io): Promise<boolean> {
  if (!hasErrors(revision.diagnostics)) return true
  const errors = revision.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
  await printDiagnostics(errors, io)
  io.stderr.write(`consolidate: ${errors.length} error${errors.length === 1 ? '' : 's'} in ${revision.name}, the revision to compare with; fix them there or compare with another revision\n`)
  return false
}
