/**
 * `outline:` of consolidate.yaml: sections, topics, articles and their
 * paragraphs (SPEC §13), each breach an `invalid-config` at its place. Pure.
 */
import { isEmpty } from './yaml.js'
import type { Reader, Report } from './config.js'
import { OPTION_STYLES, type OptionStyle, type OutlineEntry } from '../types.js'

/** The longest `article:` or paragraph `number:`: a label such as "2bis" or "XXIV", never a sentence. */
export const MAX_NUMBER_LENGTH = 16

const ENTRY_FIELDS = ['id', 'title', 'topics', 'article', 'paragraphs', 'options'] as const
const PARAGRAPH_FIELDS = ['id', 'number', 'title', 'options'] as const
const EXAMPLE = '`- { id: A.1.4, title: Electronic invoicing }`'
const PARAGRAPH_EXAMPLE = '`- { id: S3.1, number: "1", title: Collective long-term goal }`'
export const OPTIONS_EXAMPLE = '`options: option` (`alt`: Alt 1, `option`: Option 1, `roman`: Option I, `letter`: Option (a))'

/** Read the outline; ids are unique across entries and paragraphs, `article:` values across articles. */
export function readOutline(value: unknown, read: Reader, report: Report): OutlineEntry[] {
  const ids = new Set<string>()
  const articles = new Map<string, string>()
  const id = (node: unknown): string | undefined => {
    const text = read.text(node, '`id`', '`id: A.1.4`')
    if (text === undefined) return undefined
    if (ids.has(text)) report(node, `the outline has "${text}" twice; each outline and paragraph id must be unique, e.g. A.1.4 then A.1.5`)
    ids.add(text)
    return text
  }

  const paragraphs = (list: unknown, article: string): OutlineEntry[] => {
    const numbers = new Map<string, string>()
    return read.list(list, '`paragraphs`', PARAGRAPH_EXAMPLE).flatMap((item) => {
      const entry: OutlineEntry = { id: '', paragraph: {}, children: [] }
      for (const [key, node] of read.fields(item, 'a paragraph', PARAGRAPH_FIELDS, ['id'], PARAGRAPH_EXAMPLE)) {
        if (key === 'id') entry.id = id(node) ?? ''
        else if (key === 'title') title(entry, node)
        else if (key === 'options') options(entry, node)
        else if (!isEmpty(read.resolve(node))) {
          const number = label(node, '`number`', '`number: "3bis"`')
          if (number === undefined) continue
          const other = numbers.get(number)
          if (other !== undefined)
            report(node, `article ${article} has two paragraphs numbered "${number}" (${other} and this one); number each paragraph once, e.g. "3" then "3bis"`)
          numbers.set(number, entry.id || '?')
          entry.paragraph = { number }
        }
      }
      return entry.id ? [entry] : []
    })
  }

  const entries = (list: unknown, what: string): OutlineEntry[] =>
    read.list(list, what, EXAMPLE).flatMap((item) => {
      const entry: OutlineEntry = { id: '', children: [] }
      let topics: unknown
      let listed: unknown
      let paragraphsKey: unknown
      // An `article` written but invalid is reported as such: its paragraphs are not "without an article".
      let articleWritten = false
      for (const [key, node, keyNode] of read.fields(item, 'an outline entry', ENTRY_FIELDS, ['id'], EXAMPLE)) {
        if (key === 'id') entry.id = id(node) ?? ''
        else if (key === 'title') title(entry, node)
        else if (key === 'options') options(entry, node)
        else if (key === 'topics') topics = isEmpty(read.resolve(node)) ? undefined : node
        else if (key === 'paragraphs') [listed, paragraphsKey] = isEmpty(read.resolve(node)) ? [undefined, undefined] : [node, keyNode]
        else if (!isEmpty(read.resolve(node))) {
          articleWritten = true
          const article = label(node, '`article`', '`article: "3"` or `article: 2bis`')
          if (article === undefined) continue
          const other = articles.get(article)
          if (other !== undefined)
            report(node, `two outline entries are article "${article}" (${other} and this one); each \`article\` must be unique, e.g. "2" then "2bis"`)
          articles.set(article, entry.id || '?')
          entry.article = article
        }
      }
      if (listed !== undefined && topics !== undefined) {
        report(
          paragraphsKey,
          `an outline entry has either \`topics\` (entries below it) or \`paragraphs\` (the paragraphs of an article), never both; ${entry.id || 'this entry'} has both: move the paragraphs into an article of its own, or make the topics paragraphs`,
        )
      } else if (listed !== undefined && !articleWritten) {
        report(
          paragraphsKey,
          `\`paragraphs\` go only with \`article\`: ${entry.id || 'this entry'} lists paragraphs but is not an article; add its article number, e.g. \`article: "3"\``,
        )
      }
      if (topics !== undefined) entry.children = entries(topics, '`topics`')
      else if (listed !== undefined) entry.children = paragraphs(listed, entry.article ?? entry.id)
      return entry.id ? [entry] : []
    })

  function title(entry: OutlineEntry, node: unknown): void {
    const written = read.names(node, '`title`', '`title: Electronic invoicing`')
    if (written) [entry.title, entry.titles] = [written.text, written.names]
    if (!entry.titles) delete entry.titles
  }

  function options(entry: OutlineEntry, node: unknown): void {
    if (isEmpty(read.resolve(node))) return
    const style = read.choice(node, '`options`', OPTION_STYLES, OPTIONS_EXAMPLE)
    if (style !== undefined) entry.options = style as OptionStyle
  }

  /** An article or paragraph number: short text on one line ("3", "2bis", "A"). */
  function label(node: unknown, what: string, example: string): string | undefined {
    const text = read.text(node, what, example)
    if (text === undefined) return undefined
    if (text.length > MAX_NUMBER_LENGTH || /[\r\n]/.test(text)) {
      report(
        read.resolve(node),
        `${what} is the number shown before the text, at most ${MAX_NUMBER_LENGTH} characters on one line, e.g. ${example}; got "${text.replace(/\s+/g, ' ').slice(0, 40)}${text.length > 40 ? '…' : ''}" (a title goes in \`title\`)`,
      )
      return undefined
    }
    return text
  }

  return entries(value, '`outline`')
}

/** Every outline entry and paragraph, depth first. */
export function outlineEntries(entries: OutlineEntry[]): OutlineEntry[] {
  return entries.flatMap((entry) => [entry, ...outlineEntries(entry.children)])
}
