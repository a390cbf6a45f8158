/** Names and words in the languages of a negotiation: picking a name in a language, every spelling of one, a group by any of its names, a file-name-safe slug. Pure. */
import type { Config, Group, Language, Names, OutlineEntry, Participant } from '../types.js'

/** The name in `language`, else the `en` one, else the first given; `fallback` when none is given per language. */
export function pick(names: Names | undefined, language: Language, fallback?: string): string | undefined {
  if (names === undefined) return fallback
  return names[language] ?? names.en ?? Object.values(names)[0] ?? fallback
}

/** Every spelling of a name given per language, once each, in the order written. */
export function spellingsOf(name: string, names: Names | undefined): string[] {
  return [...new Set([name, ...Object.values(names ?? {})])]
}

/**
 * The configuration as a document in its language shows it: the title, outline
 * titles and participants' names resolved to that language (`names` and
 * `titles` are kept: proposals may use any spelling).
 * Groups keep their `en` name, which names files; `groupTitle` shows them.
 * Idempotent.
 */
export function localise(config: Config): Config {
  const { language } = config
  const entries = (list: OutlineEntry[]): OutlineEntry[] =>
    list.map((entry) => ({ ...entry, title: typography(pick(entry.titles, language, entry.title), language), children: entries(entry.children) }))
  const participant = (each: Participant): Participant => ({ ...each, name: typography(pick(each.names, language, each.name), language) as string })
  return {
    ...config,
    title: typography(pick(config.titles, language, config.title), language),
    participants: config.participants?.map(participant),
    outline: config.outline && entries(config.outline),
  }
}

/** A group's name in `language`. */
export function groupName(group: Group, language: Language): string {
  return typography(pick(group.names, language, group.name), language) as string
}

/** A group whose name in any language is `written` (exactly, or ignoring case and spacing when nothing matches exactly). */
export function findGroup(groups: Group[], written: string): Group | undefined {
  const fold = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase()
  return (
    groups.find((group) => spellingsOf(group.name, group.names).includes(written)) ??
    groups.find((group) => spellingsOf(group.name, group.names).some((spelling) => fold(spelling) === fold(written)))
  )
}

const NBSP = '\u00a0'

/**
 * French typography in a text the configuration gives in French: the ordinary
 * space before `:` `;` `?` `!` and `»`, and after `«`, becomes a no-break space
 * (a narrow one written there is kept). Only spaces already written are changed (so `10:30` and `https://` stay as
 * they are); other languages are left alone.
 */
export function typography<T extends string | undefined>(text: T, language: Language): T {
  if (text === undefined || language !== 'fr') return text
  return text.replace(/ +(?=[:;?!»])/g, NBSP).replace(/« +/g, `«${NBSP}`) as T
}

/** A file-name-safe form of a group's name: lower-case letters and digits (accents dropped) joined by `-`. */
export function groupSlug(name: string): string {
  let slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  // File names are limited (255 bytes on most systems): a long name is cut at a word.
  if (slug.length > SLUG_LENGTH) slug = slug.slice(0, SLUG_LENGTH + 1).replace(/-[^-]*$/, '') || slug.slice(0, SLUG_LENGTH)
  return slug === '' ? 'group' : slug
}

/** The longest slug in a file name: `consolidated-<slug>-redline.fr.docx` stays far below any system's limit. */
const SLUG_LENGTH = 60
