/**
 * The threads' script (see threads/thread.ts), bundled into dist/worker.cjs:
 * the handler of each kind of job the stages send to the thread pool. The
 * code that prepares HTML and Word bodies is loaded on the first `body` job:
 * a thread that only parses (every `check`) starts without it.
 */
import type { Handlers } from './threads/pool.js'
import { parseNote } from './parse/note.js'
import { parseProposal } from './parse/proposal.js'
import type { BodyJob, BodyJobResult } from './render/body-job.js'

declare module './threads/pool.js' {
  interface Jobs {
    /** A body for the HTML and Word documents: parsed, placed and converted (see render/body-job.ts). */
    body: { input: BodyJob; output: BodyJobResult }
  }
}

let renderer: Promise<typeof import('./render/body-job.js')> | undefined

/** What each kind of job does. */
export const handlers: Handlers = {
  parse: (input) => parseProposal(input.name, input.bytes, { fileSize: input.fileSize }),
  note: (input) => parseNote(input.name, input.bytes, { fileSize: input.fileSize }),
  body: async (input) => (await (renderer ??= import('./render/body-job.js'))).renderBodyJob(input),
}

const WARM_UP = '---\ntopic: A.1\nauthor: Japan\n---\n\n1. Each Party [shall] *adopt* measures.[^1]\n\n| a | b |\n| - | - |\n| c | d |\n\n[^1]: A note.\n'

/** A first parse compiles the parser's hot paths, so that no proposal's deadline pays for it. */
export function warmUp(): void {
  parseProposal('warm-up.md', WARM_UP)
}
