/**
 * A parser thread (see pool.ts): reads and parses the proposal files it is
 * sent, one at a time and in order, and answers each with its ParseResult.
 */
import { readFileSync } from 'node:fs'
import { parentPort } from 'node:worker_threads'
import { tooComplex } from './limits.js'
import { parseProposal } from './parse.js'
import type { ParseRequest, ParseResponse } from './pool.js'
import type { ParseResult } from './types.js'

/** Read and parse one file; an unreadable file is a diagnostic, never a crash. */
export function readAndParse(request: ParseRequest): ParseResult {
  let bytes: Uint8Array
  try {
    bytes = 'bytes' in request ? request.bytes : readFileSync(request.path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    return {
      diagnostics: [{ file: request.name, line: 1, column: 1, severity: 'error', rule: 'invalid-encoding', message: `cannot read the file (${code}); check that it exists and is readable` }],
    }
  }
  try {
    return parseProposal(request.name, bytes, { fileSize: request.fileSize })
  } catch (error) {
    // The parser and its tree walks recurse once per nesting level: thousands of levels overflow the stack.
    if (error instanceof RangeError && /call stack/i.test(error.message)) return { diagnostics: [tooComplex(request.name, 'nesting')] }
    throw error
  }
}

const WARM_UP = '---\ntopic: A.1\nauthor: Japan\n---\n\n1. Each Party [shall] *adopt* measures.[^1]\n\n| a | b |\n| - | - |\n| c | d |\n\n[^1]: A note.\n'

if (parentPort) {
  const port = parentPort
  port.on('message', (request: ParseRequest) => {
    let response: ParseResponse
    try {
      response = { id: request.id, result: readAndParse(request) }
    } catch (error) {
      response = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }
    }
    port.postMessage(response)
  })
  // A first parse compiles the parser's hot paths, so that no proposal's deadline pays for it.
  parseProposal('warm-up.md', WARM_UP)
  port.postMessage({ ready: true } satisfies ParseResponse)
}
