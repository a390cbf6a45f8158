/** Generated words (titles, names) written safely into Markdown. */

/**
 * Escape what would turn plain words into Markdown syntax. Brackets stay as
 * written: in a negotiating text they are meaning, never markup.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_~<]/g, (char) => `\\${char}`)
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/#+$/, (run) => `\\${run}`)
    .replace(/\s+/g, ' ')
    .trim()
}

/** Escape a table cell's text. */
export function escapeCell(text: string): string {
  return escapeMarkdown(text).replace(/\|/g, '\\|')
}

/** Inline code that holds any text, backticks included. */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}
