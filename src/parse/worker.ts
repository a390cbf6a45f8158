/**
 * A parser thread (see pool.ts): runs the jobs it is sent, one at a time and
 * in order, and answers each with its result.
 */
import { parentPort } from 'node:worker_threads'
import type { Jobs, Request, Response } from './pool.js'
import { parseProposal } from './proposal.js'
import { renderBodyJob } from '../render/body-job.js'

/** What each kind of job does. */
const handlers: { [K in keyof Jobs]: (input: Jobs[K]['input']) => Jobs[K]['output'] } = {
  parse: (input) => parseProposal(input.name, input.bytes, { fileSize: input.fileSize }),
  body: renderBodyJob,
}

/** Run one job; a stack overflow (thousands of nesting levels) is the job's overrun, never the thread's end. */
export function runJob(request: Request): Response {
  try {
    const handler = handlers[request.kind] as (input: unknown) => unknown
    return { id: request.id, result: handler(request.input) }
  } catch (error) {
    // The parser and its tree walks recurse once per nesting level: thousands of levels overflow the stack.
    if (error instanceof RangeError && /call stack/i.test(error.message)) return { id: request.id, overrun: 'nesting' }
    return { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }
  }
}

const WARM_UP = '---\ntopic: A.1\nauthor: Japan\n---\n\n1. Each Party [shall] *adopt* measures.[^1]\n\n| a | b |\n| - | - |\n| c | d |\n\n[^1]: A note.\n'

if (parentPort) {
  const port = parentPort
  port.on('message', (request: Request) => port.postMessage(runJob(request)))
  // A first parse compiles the parser's hot paths, so that no proposal's deadline pays for it.
  parseProposal('warm-up.md', WARM_UP)
  port.postMessage({ ready: true } satisfies Response)
}
