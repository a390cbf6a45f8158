/**
 * A redline in Markdown marks changes with CriticMarkup (`{++ ++}`, `{-- --}`,
 * `{>> <<}`) between the tool's comments (`<!-- proposal: ID -->`,
 * `<!-- deleted: proposal: ID -->`): nothing an author wrote may read as
 * either, nor as HTML's own marks (`<ins>`, `<del>`). In text a CriticMarkup
 * delimiter is broken by a backslash escape, which Markdown shows as the
 * character itself; in code, where a backslash would show, by a word joiner
 * (U+2060, invisible) (docs/decisions.md, No forged changes). Pure.
 */
import type { Root, RootContent } from 'mdast'
import { visit } from 'unist-util-visit'

/** The first character of each CriticMarkup delimiter (`{++`, `++}`, `{~~`, `~>` …): a break after it undoes the delimiter. */
const DELIMITER = /\{(?=([+\-~=>])\1)|([+\-~=<])(?=\2\})|~(?=>)/g
/** Comments that read as the tool's markers, deletions included. */
const MARKER = /<!--(?=\s*\/?(?:deleted:\s*)?(?:proposal|note|article)\s*:)/g
/** A line of code that reads as a marker. */
const CODE_MARKER = /^([ \t]*)<!--(?=\s*\/?(?:deleted:\s*)?(?:proposal|note|article)\s*:)/gm
/** HTML's insertion and deletion tags. */
const CHANGE_TAG = /<(?=\/?(?:ins|del)\b)/gi
/** Invisible, and no delimiter of CriticMarkup: what breaks one where a backslash would show. */
const WORD_JOINER = '\u2060'

/** Text as written by remark-stringify, with every CriticMarkup delimiter broken by a backslash escape. */
export function neutralise(written: string): string {
  return written.replace(DELIMITER, (char) => `${char}\\`)
}

/**
 * Markdown written as it is (the cover, a text that is written unparsed):
 * CriticMarkup broken by backslashes, `<ins>` and `<del>` as text (`&lt;ins>`),
 * comments like the tool's markers quoted (`<!-- quoted: proposal: … -->`).
 */
export function neutraliseMarkdown(markdown: string): string {
  return neutralise(markdown).replace(CHANGE_TAG, '&lt;').replace(MARKER, '<!-- quoted:')
}

/** Code or raw HTML: CriticMarkup broken by a word joiner, which shows nothing where a backslash would show. */
export function neutraliseCode(code: string): string {
  return code.replace(DELIMITER, (char) => `${char}${WORD_JOINER}`)
}

/**
 * A changed text's marked blocks (a copy) with nothing of the author's reading
 * as a mark: code and its info string, raw HTML (its `<ins>`, `<del>` and
 * marker comments made text), titles, alternative texts and labels broken by
 * word joiners; addresses percent-encoded. Text nodes are left to
 * `neutralise`, applied as they are written.
 */
export function neutraliseMarked(nodes: RootContent[]): RootContent[] {
  const root: Root = { type: 'root', children: structuredClone(nodes) }
  visit(root, (node) => {
    if (node.type === 'inlineCode') node.value = neutraliseCode(node.value)
    // Each line of code that reads as a marker is quoted too: `grep '^<!-- proposal: '` does not know it is code.
    if (node.type === 'code') node.value = neutraliseCode(node.value.replace(CODE_MARKER, '$1<!-- quoted:'))
    if (node.type === 'code' && node.lang) node.lang = neutraliseCode(node.lang)
    if (node.type === 'code' && node.meta) node.meta = neutraliseCode(node.meta)
    if (node.type === 'html') node.value = neutraliseCode(node.value.replace(CHANGE_TAG, '&lt;').replace(MARKER, '<!-- quoted:'))
    if ('url' in node) node.url = node.url.replace(/[{}<>]/g, (char) => encodeURIComponent(char))
    if ('title' in node && node.title) node.title = neutraliseCode(node.title)
    if ('alt' in node && node.alt) node.alt = neutraliseCode(node.alt)
    if ('identifier' in node) node.identifier = neutraliseCode(node.identifier)
    if ('label' in node && node.label) node.label = neutraliseCode(node.label)
  })
  return root.children
}
