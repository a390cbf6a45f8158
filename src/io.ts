/** The standard streams and exit codes: what commands use to talk to the user. */
import path from 'node:path'
import type { Diagnostic } from './types.js'

/** An output stream; a terminal has `isTTY` and its width in `columns`. */
export interface Stream {
  write(text: string): unknown
  isTTY?: boolean
  columns?: number
}

/** Where a run reads and writes: the real process, or a test's buffers. */
export interface Io {
  cwd: string
  env: Record<string, string | undefined>
  stdout: Stream
  stderr: Stream
}

export function processIo(): Io {
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr }
}

/**
 * Colour on a terminal only, never when NO_COLOR is set (no-color.org);
 * FORCE_COLOR (other than `0`) asks for it anywhere, e.g. in a CI log.
 */
export function useColor(io: Io, stream: { isTTY?: boolean } = io.stderr): boolean {
  if (io.env.NO_COLOR) return false
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '') return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false'
  return Boolean(stream.isTTY) && io.env.TERM !== 'dumb'
}

/** Print diagnostics in the text format to standard error; `root` (absolute) makes file names openable from the current folder. */
export async function printDiagnostics(diagnostics: Diagnostic[], io: Io, root?: string): Promise<void> {
  if (diagnostics.length === 0) return
  const { formatText } = await import('./diagnostics/report.js')
  io.stderr.write(formatText(diagnostics, { color: useColor(io), base: root === undefined ? '' : baseOf(io, root), width: widthOf(io.stderr) }))
}

/** The width to wrap text to: a terminal's, else none (a log or a pipe keeps whole lines). */
export function widthOf(stream: Stream): number | undefined {
  return stream.isTTY && stream.columns ? stream.columns : undefined
}

/** The workspace root relative to the current folder, `/` separators (`''` when they are the same). */
export function baseOf(io: Io, root: string): string {
  return path.relative(io.cwd, root).split(path.sep).join('/')
}

/** A progress line on standard error, for work that may take more than a moment. */
export interface Progress {
  update(done: number, total: number): void
  end(): void
}

/**
 * A progress line that appears only on a terminal (never in a CI log or a
 * pipe), and only once the work has lasted `after` milliseconds.
 */
export function progress(io: Io, what: string, after = 1000): Progress {
  if (!io.stderr.isTTY || io.env.CI || io.env.TERM === 'dumb') return { update: () => undefined, end: () => undefined }
  const started = Date.now()
  let shown = false
  let last = 0
  return {
    update(done, total) {
      const now = Date.now()
      if (now - started < after || (now - last < 100 && done < total)) return
      last = now
      shown = true
      io.stderr.write(`\r\x1b[2K${what} ${done}/${total}`)
    },
    end() {
      if (shown) io.stderr.write('\r\x1b[2K')
    },
  }
}
