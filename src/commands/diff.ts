/** `consolidate diff OLD NEW`. */
import type { Io } from '../io.js'
import { UsageError } from '../workspace.js'

export async function diffCommand(_from: string, _to: string, _options: { root?: string; config?: string; format: 'md' | 'json' }, _io: Io): Promise<number> {
  throw new UsageError('diff is not available in this version')
}
