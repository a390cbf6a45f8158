/**
 * A parser thread (see pool.ts): runs the jobs it is sent, one at a time and
 * in order, and answers each with its result. The code that prepares HTML and
 * Word bodies is loaded on the first `body` job: a thread that only parses
 * (every `check`) starts without it.
 */
import { parentPort } from 'node:worker_threads'
import type { Jobs, Request, Response } from './threads/pool.js'
import { parseChairText } from './parse/chair.js'
import { parseNote } from './parse/note.js'
import { parseProposal } from './parse/proposal.js'
import { parseTranslation } from './parse/translation.js'

let renderer: Promise<typeof import('./render/text-job.js')> | undefined

/** What each kind of job does. */
const handlers: { [K in keyof Jobs]: (input: Jobs[K]['input']) => Jobs[K]['output'] | Promise<Jobs[K]['output']> } = {
  parse: (input) => parseProposal(input.name, input.bytes, { fileSize: input.fileSize }),
  note: (input) => parseNote(input.name, input.bytes, { fileSize: input.fileSize }),
  text: async (input) => (await (renderer ??= import('./render/text-job.js'))).runTextJob(input),
  change: async (input) => (await (renderer ??= import('./render/text-job.js'))).runChangeJob(input),
  chair: (input) => parseChairText(input.name, input.bytes, { fileSize: input.fileSize }),
  translation: (input) => parseTranslation(input.name, input.bytes, { fileSize: input.fileSize }),
}

/** Run one job; a stack overflow (thousands of nesting levels) is the job's overrun, never the thread's end. */
export async function runJob(request: Request): Promise<Response> {
  try {
    const handler = handlers[request.kind] as (input: unknown) => unknown
    return { id: request.id, result: await handler(request.input) }
  } catch (error) {
    // The parser and its tree walks recurse once per nesting level: thousands of levels overflow the stack.
    if (error instanceof RangeError && /call stack/i.test(error.message)) return { id: request.id, overrun: 'nesting' }
    return { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }
  }
}

const WARM_UP = '---\ntopic: A.1\nauthor: Japan\n---\n\n1. Each Party [shall] *adopt* measures.[^1]\n\n| a | b |\n| - | - |\n| c | d |\n\n[^1]: A note.\n'

if (parentPort) {
  const port = parentPort
  // One job at a time, answered in the order sent, even when a job waits for its code to load.
  let previous: Promise<void> = Promise.resolve()
  port.on('message', (request: Request) => {
    previous = previous.then(async () => port.postMessage(await runJob(request)))
  })
  // A first parse compiles the parser's hot paths, so that no proposal's deadline pays for it.
  parseProposal('warm-up.md', WARM_UP)
  port.postMessage({ ready: true } satisfies Response)
}
