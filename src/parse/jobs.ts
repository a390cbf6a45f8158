/**
 * The parse stage's jobs on the thread pool: a proposal file (`parse`), a note
 * (`note`), a Chair's text (`chair`) or a translation (`translation`), each
 * within `limits.parseSeconds`; one that overruns is `too-complex`. Their
 * handlers are registered in src/worker.ts.
 */
import { tooComplex } from '../diagnostics/limits.js'
import type { Job, ThreadPool } from '../threads/pool.js'
import type { Limits, ParseResult } from '../types.js'

/** A file to parse: `name` names it in diagnostics. */
export interface ParseInput {
  name: string
  bytes: Uint8Array
}

/** A file to parse, with the size limit its parser checks. */
export type ParseJobInput = ParseInput & { fileSize: number }

declare module '../threads/pool.js' {
  interface Jobs {
    parse: { input: ParseJobInput; output: ParseResult }
    /** A file under notes/ (docs/reference.md, Notes): its result holds a `note`. */
    note: { input: ParseJobInput; output: ParseResult }
    /** A file under chair/ (docs/reference.md, Chair's texts): its result holds a `chairText`. */
    chair: { input: ParseJobInput; output: ParseResult }
    /** A translation, `<name>.<lang>.md` (docs/reference.md, Translations): its result holds a `translation`. */
    translation: { input: ParseJobInput; output: ParseResult }
  }
}

/** The jobs that read one file of the workspace. */
export type ParseKind = 'parse' | 'note' | 'chair' | 'translation'

/** Parse proposal files, or notes, Chair's texts or translations (`kind`), on the pool's threads, each within `limits`; results in the same order. */
export function parseOnThreads(pool: ThreadPool, files: ParseInput[], limits: Limits, kind: ParseKind = 'parse'): Promise<ParseResult[]> {
  return pool.run(
    files.map((file): Job<ParseKind> => ({
      kind,
      input: { ...file, fileSize: limits.fileSize },
      seconds: limits.parseSeconds,
      overrun: (cause) => ({ diagnostics: [tooComplex(file.name, cause)] }),
    })),
  )
}
