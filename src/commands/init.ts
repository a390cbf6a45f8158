/** `consolidate init [DIR]`. */
import type { Io } from '../io.js'
import { UsageError } from '../workspace.js'

export async function initCommand(_dir: string, _io: Io): Promise<number> {
  throw new UsageError('init is not available in this version')
}
