/**
 * The parse stage's jobs on the thread pool: a proposal file (`parse`) or a
 * note file (`note`), each within `limits.parseSeconds`; one that overruns is
 * `too-complex`. Their handlers are registered in src/worker.ts.
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
    /** A file under notes/ (SPEC §3.1a): its result holds a `note`. */
    note: { input: ParseJobInput; output: ParseResult }
  }
}

/** Parse proposal files, or note files (`kind: 'note'`), on the pool's threads, each within `limits`; results in the same order. */
export function parseOnThreads(pool: ThreadPool, files: ParseInput[], limits: Limits, kind: 'parse' | 'note' = 'parse'): Promise<ParseResult[]> {
  return pool.run(
    files.map((file): Job<'parse' | 'note'> => ({
      kind,
      input: { ...file, fileSize: limits.fileSize },
      seconds: limits.parseSeconds,
      overrun: (cause) => ({ diagnostics: [tooComplex(file.name, cause)] }),
    })),
  )
}
