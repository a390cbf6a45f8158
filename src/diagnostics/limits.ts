/** The limits of docs/reference.md, Limits: `too-large` (a file over the size limit) and `too-complex` (a file the parser could not finish within its limits). */
import type { Overrun } from '../threads/pool.js'
import { RULES, type Diagnostic } from '../types.js'

/** Why parsing was given up: the deadline passed, the nesting overflowed the stack, or memory ran out. */
export type { Overrun }

const HINT = 'simplify the Markdown (deeply nested block quotes, lists or emphasis, long runs of `_`, `*` or `~`)'

/** The diagnostic for a file whose parsing (or rendering, for the HTML and Word documents, or comparing, for a redline) overran, at 1:1. */
export function tooComplex(file: string, overrun: Overrun, stage: 'parsing' | 'rendering' | 'comparing' = 'parsing'): Diagnostic {
  let message: string
  const what =
    stage === 'parsing'
      ? 'parsing the file'
      : stage === 'rendering'
        ? 'rendering the file in HTML and Word'
        : 'comparing the file with its older revision for the redline'
  if (overrun === 'nesting') message = `the file nests Markdown too deeply to be ${stage === 'parsing' ? 'parsed' : 'rendered'}; ${HINT}`
  else if (overrun === 'memory') message = `${what} needed too much memory and was stopped; ${HINT}`
  else {
    const limit = `${overrun.seconds} second${overrun.seconds === 1 ? '' : 's'}`
    const setting =
      stage === 'parsing'
        ? 'limits.parseSeconds in consolidate.yaml'
        : `limits.parseSeconds in consolidate.yaml, for parsing ${stage === 'rendering' ? 'it again' : 'each revision'} and for each format`
    message = `${what} took longer than ${limit} (${setting}) and was stopped; ${HINT}, or raise the limit`
  }
  return { file, line: 1, column: 1, severity: RULES['too-complex'], rule: 'too-complex', message }
}

/** `too-large`: a file of `size` bytes over the `limit`; `what` it is, to say how to make it smaller. */
export function tooLarge(file: string, size: number, limit: number, what = 'the proposal'): Diagnostic {
  return {
    file,
    line: 1,
    column: 1,
    severity: RULES['too-large'],
    rule: 'too-large',
    message: `the file is ${size} bytes, more than the limit of ${limit} bytes; split ${what} into several files, or raise the limit in consolidate.yaml, e.g. \`limits: { fileSize: ${Math.max(2 * limit, 1048576)} }\``,
  }
}
