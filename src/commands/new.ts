/** `consolidate new`. */
import type { Io } from '../io.js'
import { UsageError } from '../workspace.js'

export async function newCommand(_options: { root?: string; config?: string; topic: string; author: string; title?: string }, _io: Io): Promise<number> {
  throw new UsageError('new is not available in this version')
}
