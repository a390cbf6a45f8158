/** Run the CLI in-process with captured output, on parser threads shared by the runs of a test file. */
import { afterAll } from 'vitest'
import { main } from '../../src/cli.js'
import { ThreadPool } from '../../src/threads/pool.js'

export interface RunResult {
  code: number
  stdout: string
  stderr: string
}

let shared: ThreadPool | undefined
afterAll(async () => {
  await shared?.close()
  shared = undefined
})

export async function run(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<RunResult> {
  let stdout = ''
  let stderr = ''
  // Starting threads for every run would cost most of a test's time: one pool serves the file's runs.
  shared ??= new ThreadPool()
  const code = await main(
    args,
    {
      cwd: options.cwd ?? process.cwd(),
      // CI: like a CI run, no parse cache is written into the fixtures.
      env: { NO_COLOR: '1', CI: '1', ...options.env },
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    },
    shared,
  )
  return { code, stdout, stderr }
}
