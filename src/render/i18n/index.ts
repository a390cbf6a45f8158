/**
 * The words of each language: ICU messages in en.json, fr.json and es.json
 * (docs/translating.md), formatted with the house rules for numbers.
 */
import { IntlMessageFormat, type Formatters } from 'intl-messageformat'
import type { Language } from '../../types.js'
import en from './en.json' with { type: 'json' }
import es from './es.json' with { type: 'json' }
import fr from './fr.json' with { type: 'json' }

/** The name of a message: a key of en.json (test/i18n.test.ts checks that every language has the same keys). */
export type MessageKey = keyof typeof en

/** The values of a message's arguments: numbers for `plural`, `selectordinal` and `number`, words for the rest. */
export type MessageValues = Readonly<Record<string, string | number>>

/** Every message of every language, as written in its file. */
export const MESSAGES: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { en, fr, es }

/** The words of one language. */
export interface Words {
  readonly language: Language
  /** A message with its arguments filled in: `t('record.parkedBecause', { reason: 'scope' })`. */
  t(key: MessageKey, values?: MessageValues): string
  /** A count as the language writes it: `12,345`, `12 345`, `2000` (with no-break spaces). */
  number(count: number): string
  /** An ISO date written out: 2026-11-01 → `1 November 2026`, `1er novembre 2026`, `1 de noviembre de 2026`. */
  date(iso: string): string
  /** A message whose plain arguments stay as `{name}`, for code that fills them in itself. */
  template(key: MessageKey): string
}

/**
 * How each language groups digits. The house rules, not CLDR's (which gives French
 * U+202F and Spanish a full stop): a no-break space in French and Spanish, and
 * Spanish only from five digits (2000, 12 345), as the RAE and the UN write it.
 */
const GROUPING: Record<Language, { separator: string; fromDigits: number }> = {
  en: { separator: ',', fromDigits: 4 },
  fr: { separator: '\u00a0', fromDigits: 4 },
  es: { separator: '\u00a0', fromDigits: 5 },
}

/** The keys of the months' names, January first. */
export const MONTHS = [
  'months.january',
  'months.february',
  'months.march',
  'months.april',
  'months.may',
  'months.june',
  'months.july',
  'months.august',
  'months.september',
  'months.october',
  'months.november',
  'months.december',
] as const satisfies readonly MessageKey[]

/** A plain `{name}` argument, the only kind a template keeps. */
const PLAIN_ARGUMENT = /\{(\w+)\}/g

/** An apostrophe ICU reads as quoting (before `'`, a brace, `#`, `|`, `<` or `>`); any other is text. */
const QUOTING = /'['{}#|<>]/

/** Text the parser would give back unchanged once its plain arguments are filled with themselves. */
function isOwnTemplate(message: string): boolean {
  return !QUOTING.test(message) && !/[{}]/.test(message.replace(PLAIN_ARGUMENT, ''))
}

const cache = new Map<Language, Words>()

/** The words of `language`, made once: each message is compiled on its first use and kept. */
export function wordsFor(language: Language): Words {
  let words = cache.get(language)
  if (words === undefined) {
    words = makeWords(language)
    cache.set(language, words)
  }
  return words
}

type Compiled = (values?: MessageValues) => string

function makeWords(language: Language): Words {
  const number = houseNumber(language)
  const formatters = houseFormatters(language, number)
  const messages = MESSAGES[language]
  const compiled = new Map<MessageKey, Compiled>()

  const compile = (key: MessageKey): Compiled => {
    const source = messages[key]
    // Most messages are plain words: no parser needed, nor its cost at start-up.
    if (!source.includes('{') && isOwnTemplate(source)) return () => source
    // `ignoreTag`: a `<` in a message is text, never a rich-text tag.
    const message = new IntlMessageFormat(source, language, undefined, { formatters, ignoreTag: true, requiresOtherClause: true })
    return (values) =>
      message
        .formatToParts<string>(values)
        .map((part) => part.value)
        .join('')
  }

  const t = (key: MessageKey, values?: MessageValues): string => {
    let format = compiled.get(key)
    if (format === undefined) {
      format = compile(key)
      compiled.set(key, format)
    }
    return format(values)
  }

  const template = (key: MessageKey): string => {
    const source = messages[key]
    if (isOwnTemplate(source)) return source
    const names = [...source.matchAll(PLAIN_ARGUMENT)].map((match) => match[1])
    return t(key, Object.fromEntries(names.map((name) => [name, `{${name}}`])))
  }

  const date = (iso: string): string => {
    const [year, month, day] = iso.split('-').map(Number)
    const monthKey = MONTHS[month - 1]
    if (monthKey === undefined) throw new RangeError(`"${iso}" is not an ISO date (YYYY-MM-DD)`)
    return t('date', { day, month: t(monthKey), year })
  }

  return { language, t, number, date, template }
}

/** A value made on first use: the `Intl` objects load their locale's data when created. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined
  return () => (value ??= make())
}

/**
 * Digits grouped by the house rules: `Intl.NumberFormat` with the locale's group
 * separator (found once, on a number every locale groups) replaced by the house one.
 */
function houseNumber(language: Language): (count: number) => string {
  const { separator, fromDigits } = GROUPING[language]
  const formats = lazy(() => {
    const grouped = new Intl.NumberFormat(language, { useGrouping: true })
    const ungrouped = new Intl.NumberFormat(language, { useGrouping: false })
    const localeSeparator = grouped.formatToParts(12_345_678).find((part) => part.type === 'group')?.value
    return { grouped, ungrouped, localeSeparator }
  })
  return (count) => {
    const { grouped, ungrouped, localeSeparator } = formats()
    if (String(Math.trunc(Math.abs(count))).length < fromDigits || localeSeparator === undefined) return ungrouped.format(count)
    return grouped.format(count).replaceAll(localeSeparator, separator)
  }
}

/** The `Intl` objects a message uses: `#` and `{n, number}` write counts by the house rules. */
function houseFormatters(language: Language, number: (count: number) => string): Formatters {
  const numberFormat = lazy(() => Object.defineProperty(new Intl.NumberFormat(language), 'format', { value: number }))
  const cardinal = lazy(() => new Intl.PluralRules(language, { type: 'cardinal' }))
  const ordinal = lazy(() => new Intl.PluralRules(language, { type: 'ordinal' }))
  return {
    getNumberFormat: numberFormat,
    getPluralRules: (_locales, options) => (options?.type === 'ordinal' ? ordinal() : cardinal()),
    getDateTimeFormat: (...args) => new Intl.DateTimeFormat(...args),
  }
}
