/**
 * The threads' script (see threads/thread.ts), bundled into dist/worker.cjs:
 * the handler of each kind of job the stages send to the thread pool. The
 * code that prepares texts for the formats is loaded on the first `text` or `change` job:
 * a thread that only parses (every `check`) starts without it.
 */
import type { Handlers } from './threads/pool.js'
import { parseChairText } from './parse/chair.js'
import { parseNote } from './parse/note.js'
import { parseProposal } from './parse/proposal.js'
import { parseTranslation } from './parse/translation.js'

let renderer: Promise<typeof import('./render/text-job.js')> | undefined

/** What each kind of job does. */
export const handlers: Handlers = {
  parse: (input) => parseProposal(input.name, input.bytes, { fileSize: input.fileSize }),
  note: (input) => parseNote(input.name, input.bytes, { fileSize: input.fileSize }),
  text: async (input) => (await (renderer ??= import('./render/text-job.js'))).runTextJob(input),
  change: async (input) => (await (renderer ??= import('./render/text-job.js'))).runChangeJob(input),
  chair: (input) => parseChairText(input.name, input.bytes, { fileSize: input.fileSize }),
  translation: (input) => parseTranslation(input.name, input.bytes, { fileSize: input.fileSize }),
}

const WARM_UP = '---\ntopic: A.1\nauthor: Japan\n---\n\n1. Each Party [shall] *adopt* measures.[^1]\n\n| a | b |\n| - | - |\n| c | d |\n\n[^1]: A note.\n'

/** A first parse compiles the parser's hot paths, so that no proposal's deadline pays for it. */
export function warmUp(): void {
  parseProposal('warm-up.md', WARM_UP)
}
