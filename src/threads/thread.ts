/**
 * A thread of the pool (see pool.ts): loads its script through V8's code
 * cache, runs the script's warm-up, says it is ready, then runs the jobs it is
 * sent, one at a time and in order, with the script's handlers. It knows no
 * stage: the script (src/worker.ts) exports `handlers` and `warmUp`.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { CodeCache, ScriptLoader } from './code-cache.js'
import type { Request, Response, ThreadData } from './pool.js'

/** What a thread's script exports. */
interface ThreadScript {
  handlers: Record<string, (input: unknown) => unknown>
  warmUp?: () => void
}

function isThreadScript(value: unknown): value is ThreadScript {
  if (typeof value !== 'object' || value === null || !('handlers' in value)) return false
  const { handlers } = value
  return typeof handlers === 'object' && handlers !== null && Object.values(handlers).every((handler) => typeof handler === 'function')
}

/** Run one job; a stack overflow (thousands of nesting levels) is the job's overrun, never the thread's end. */
export async function runJob(script: ThreadScript, request: Request): Promise<Response> {
  try {
    const handler = Object.hasOwn(script.handlers, request.kind) ? script.handlers[request.kind] : undefined
    if (handler === undefined) throw new Error(`the thread has no handler for jobs of kind ${request.kind}`)
    return { id: request.id, result: await handler(request.input) }
  } catch (error) {
    // Parsers and tree walks recurse once per nesting level: thousands of levels overflow the stack.
    if (error instanceof RangeError && /call stack/i.test(error.message)) return { id: request.id, overrun: 'nesting' }
    return { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }
  }
}

if (parentPort) {
  const port = parentPort
  const data = workerData as ThreadData
  const loader = new ScriptLoader(data.codeCache && new CodeCache(data.codeCache.folder, data.codeCache.version))
  const script = loader.require(data.script)
  if (!isThreadScript(script)) throw new Error(`${data.script} exports no handlers`)
  script.warmUp?.()
  // One job at a time, answered in the order sent, even when a job waits for its code to load.
  let previous: Promise<void> = Promise.resolve()
  port.on('message', (request: Request) => {
    previous = previous.then(async () => {
      port.postMessage(await runJob(script, request))
      // After a job, not at start: the cache then holds the code the job compiled too (a chunk loaded for it included).
      loader.saveCompiled()
    })
  })
  port.postMessage({ ready: true } satisfies Response)
}
