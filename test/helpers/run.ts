/** Run the CLI in-process with captured output. */
import { main } from '../../src/cli.js'

export interface RunResult {
  code: number
  stdout: string
  stderr: string
}

export async function run(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<RunResult> {
  let stdout = ''
  let stderr = ''
  const code = await main(args, {
    cwd: options.cwd ?? process.cwd(),
    // CI: like a CI run, no parse cache is written into the fixtures.
    env: { NO_COLOR: '1', CI: '1', ...options.env },
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  })
  return { code, stdout, stderr }
}
