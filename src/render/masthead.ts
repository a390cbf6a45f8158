/** The blocks of a cover that only repeat its masthead (title, symbol, date…): every document sets those apart, so its note leaves them out. */
import type { Nodes } from 'mdast'
import { toString } from 'mdast-util-to-string'

/** `blocks` without those whose text, spaces squashed, is one of the masthead's `lines`. */
export function withoutMasthead<T extends Nodes>(blocks: T[], lines: ReadonlyArray<string | undefined>): T[] {
  const masthead = new Set(lines.filter((line): line is string => Boolean(line)).map(squash))
  return masthead.size === 0 ? blocks : blocks.filter((block) => !masthead.has(squash(toString(block))))
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
