/** The standard streams and exit codes: what commands use to talk to the user. */
import type { Diagnostic } from './types.js'

/** Where a run reads and writes: the real process, or a test's buffers. */
export interface Io {
  cwd: string
  env: Record<string, string | undefined>
  stdout: { write(text: string): unknown; isTTY?: boolean }
  stderr: { write(text: string): unknown; isTTY?: boolean }
}

/** Exit codes (SPEC §4). */
export const EXIT = { ok: 0, inputs: 1, usage: 2 } as const

export function processIo(): Io {
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr }
}

/** Colour on a terminal only, and never when NO_COLOR is set. */
export function useColor(io: Io, stream: { isTTY?: boolean } = io.stderr): boolean {
  return Boolean(stream.isTTY) && !io.env.NO_COLOR && io.env.TERM !== 'dumb'
}

/** Print diagnostics in the text format to standard error. */
export async function printDiagnostics(diagnostics: Diagnostic[], io: Io): Promise<void> {
  if (diagnostics.length === 0) return
  const { formatText } = await import('./report.js')
  io.stderr.write(formatText(diagnostics, { color: useColor(io) }))
}
