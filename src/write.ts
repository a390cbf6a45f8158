/** The output edge: atomic writes, and `--check`'s comparison with what is on disk. */
import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'

export interface Output {
  /** File name inside the output folder. */
  name: string
  content: string | Uint8Array
}

/**
 * Write each output through a temporary file in the same folder and a rename,
 * so an interrupted build leaves the previous output whole.
 */
export async function writeOutputs(folder: string, outputs: Output[]): Promise<string[]> {
  await fs.mkdir(folder, { recursive: true })
  const written: string[] = []
  for (const output of outputs) {
    const target = path.join(folder, output.name)
    const temporary = path.join(folder, `.${output.name}.${randomBytes(6).toString('hex')}.tmp`)
    try {
      await fs.writeFile(temporary, output.content)
      await fs.rename(temporary, target)
    } catch (error) {
      await fs.rm(temporary, { force: true })
      throw error
    }
    written.push(target)
  }
  return written
}

/** The outputs whose file on disk is missing or differs from what would be written. */
export async function staleOutputs(folder: string, outputs: Output[]): Promise<string[]> {
  const stale: string[] = []
  for (const output of outputs) {
    const expected = typeof output.content === 'string' ? Buffer.from(output.content) : Buffer.from(output.content)
    const actual = await fs.readFile(path.join(folder, output.name)).catch(() => undefined)
    if (!actual || !actual.equals(expected)) stale.push(output.name)
  }
  return stale
}
