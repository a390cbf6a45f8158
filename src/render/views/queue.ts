/** The translators' queue (`consolidate translations --format md`, the CI step summary): per language, the texts in each state and the words to translate. Pure. */
import type { List, ListItem, RootContent, Table, TableCell, TableRow } from 'mdast'
import type { LanguageQueue } from '../../assemble/translation-queue.js'
import type { Language } from '../../types.js'
import { wordsFor } from '../i18n/index.js'
import { code, heading, paragraph, plain, writeMarkdown } from '../writer.js'

/** Each language's queue, in the order of its keys. */
export type Queue = Partial<Record<Language, LanguageQueue>>

/** The queue as a Markdown document, in `language`: a heading, the table, then each language's texts not current. */
export function renderQueue(queue: Queue, language: Language): string {
  return writeMarkdown({ type: 'root', children: queueSection(queue, language, 1, true) })
}

/** The queue under a heading of `depth`; `texts`: list each language's texts not current (the step summary lists the stale ones only). */
export function queueSection(queue: Queue, language: Language, depth: number, texts: boolean): RootContent[] {
  const words = wordsFor(language)
  const entries = Object.entries(queue) as Array<[Language, LanguageQueue]>
  const children: RootContent[] = [heading(depth, plain(words.t('translation.queueTitle')))]
  if (entries.length === 0) return [...children, paragraph(plain(words.t('translation.none')))]
  children.push(paragraph(plain(words.t('translation.queueIntro'))), queueTable(entries, language))
  for (const [each, entry] of entries) {
    const listed = texts ? entry.texts : entry.texts.filter((text) => text.state === 'stale')
    if (listed.length === 0) continue
    children.push(heading(depth + 1, plain(capitalised(words.t(`language.${each}`), language))), textList(listed, language))
  }
  if (entries.every(([, entry]) => entry.texts.length === 0)) children.push(paragraph(plain(words.t('translation.allCurrent'))))
  return children
}

function queueTable(entries: Array<[Language, LanguageQueue]>, language: Language): Table {
  const words = wordsFor(language)
  const columns = words.t('translation.columns.language')
  const header = [columns, ...(['current', 'stale', 'draft', 'missing', 'words'] as const).map((key) => words.t(`translation.columns.${key}`))]
  const row = (values: string[]): TableRow => ({
    type: 'tableRow',
    children: values.map((value): TableCell => ({ type: 'tableCell', children: [plain(value)] })),
  })
  return {
    type: 'table',
    align: header.map((_, index) => (index === 0 ? null : 'right')),
    children: [
      row(header),
      ...entries.map(([each, entry]) =>
        row([
          capitalised(words.t(`language.${each}`), language),
          ...[entry.current, entry.stale, entry.draft, entry.missing, entry.words].map((count) => words.number(count)),
        ]),
      ),
    ],
  }
}

function textList(texts: LanguageQueue['texts'], language: Language): List {
  const words = wordsFor(language)
  const item = (text: LanguageQueue['texts'][number]): ListItem => ({
    type: 'listItem',
    spread: false,
    children: [paragraph(code(text.id), plain(' \u2014 '), code(text.file), plain(`${words.t('colon')}${words.t(`translation.state.${text.state}`)}`))],
  })
  return { type: 'list', ordered: false, spread: false, children: texts.map(item) }
}

/** A language's name at the start of a line: French and Spanish write it in lower case elsewhere. */
function capitalised(name: string, language: Language): string {
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1)
}
