/**
 * A parser thread (see pool.ts): reads and parses the proposal files it is
 * sent, one at a time and in order, and answers each with its ParseResult.
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs'
import { parentPort } from 'node:worker_threads'
import { tooComplex } from './limits.js'
import { parseProposal, tooLarge } from './proposal.js'
import type { ParseRequest, ParseResponse } from './pool.js'
import type { ParseResult } from '../types.js'

/** Read and parse one file; an unreadable file is a diagnostic, never a crash. */
export function readAndParse(request: ParseRequest): ParseResult {
  let bytes: Uint8Array
  try {
    if ('bytes' in request) bytes = request.bytes
    else {
      // A file over the size limit is never read: a 2 GB file must not fill the memory first.
      const descriptor = openSync(request.path, 'r')
      try {
        const size = fstatSync(descriptor).size
        if (size > request.fileSize) return { diagnostics: [tooLarge(request.name, size, request.fileSize)] }
        bytes = readFileSync(descriptor)
      } finally {
        closeSync(descriptor)
      }
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    return {
      diagnostics: [{ file: request.name, line: 1, column: 1, severity: 'error', rule: 'unreadable-file', message: `cannot read the file (${code}); check that it exists and is readable` }],
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
