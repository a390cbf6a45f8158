/**
 * Each document's identity (docs/reference.md, The documents a secretariat
 * issues): its own title, symbol and cover note (`documents:`), what a WTO
 * document carries above its title (`masthead:`), in the document's language.
 * Pure.
 */
import { formatDate, labelsFor } from '../labels.js'
import { wordsFor } from '../i18n/index.js'
import type { Config, Language, PerLanguage, PublishView } from '../../types.js'
import type { DocumentMeta } from '../tree.js'
import { disclaimerOf, oneLine, type CoverValues } from './parts.js'

/** What a document says it is, in its language. */
export interface Identity {
  title: string
  /** Under the title: the view's name, unless the document has a title of its own. */
  subtitle?: string
  symbol?: string
  /** As printed. */
  date?: string
  /** The cover note (Markdown): `{{note}}` in the cover template. */
  note?: string
  masthead: MastheadLines
  disclaimer?: string
}

/** The masthead as printed, each line in the document's language; absent lines are not configured. */
export interface MastheadLines {
  organization?: string
  access?: string
  jobNumber?: string
  /** `Original: English`. */
  original?: string
}

/**
 * The identity of `view`'s document in `config.language`; `subtitle`, the
 * view's name when it has no title of its own; `since`, a redline's older
 * revision, which its title says the changes are since.
 */
export function identityOf(config: Config, view: PublishView, subtitle?: string, since?: string): Identity {
  const language = config.language
  const labels = labelsFor(language)
  const own = config.documents?.[view]
  const title = inLanguage(own?.title, language)
  const note = inLanguage(own?.note, language)
  const changes = since === undefined ? '' : ` \u2014 ${wordsFor(language).t('revision.redline.since', { old: oneLine(since) })}`
  return {
    title: oneLine(title ?? config.title ?? labels.documentTitle) + changes,
    ...(title === undefined && subtitle !== undefined ? { subtitle } : {}),
    ...((own?.symbol ?? config.symbol) === undefined ? {} : { symbol: oneLine((own?.symbol ?? config.symbol)!) }),
    ...(config.date === undefined ? {} : { date: formatDate(config.date, language) }),
    ...(note === undefined ? {} : { note }),
    masthead: mastheadOf(config),
    ...(disclaimerOf(config, labels) === undefined ? {} : { disclaimer: disclaimerOf(config, labels) }),
  }
}

/** What a document is, beside its tree. */
export function metaOf(config: Config, view: PublishView, identity: Identity): DocumentMeta {
  return {
    language: config.language,
    view,
    title: identity.title,
    ...(identity.subtitle === undefined ? {} : { subtitle: identity.subtitle }),
    ...(identity.symbol === undefined ? {} : { symbol: identity.symbol }),
    ...(identity.date === undefined ? {} : { date: identity.date }),
    ...(config.date === undefined ? {} : { isoDate: config.date }),
    author: secretariatOf(config),
    ...(config.pageBreaks === 'sections' ? { pageBreaks: 'sections' as const } : {}),
  }
}

/** The secretariat, the author of every Word document and of a redline's tracked changes: `secretariat:` in the document's language, else "Secretariat". */
export function secretariatOf(config: Config): string {
  const fallback = labelsFor(config.language).revision.redline.secretariat
  return inLanguage(config.secretariat, config.language) ?? fallback
}

/** The cover values of an identity, with the document's summary. */
export function coverValuesOf(identity: Identity, summary: string): CoverValues {
  return {
    title: identity.title,
    ...(identity.symbol === undefined ? {} : { symbol: identity.symbol }),
    ...(identity.date === undefined ? {} : { date: identity.date }),
    summary,
    ...(identity.disclaimer === undefined ? {} : { disclaimer: identity.disclaimer }),
    ...(identity.note === undefined ? {} : { note: identity.note }),
    masthead: identity.masthead,
  }
}

/** The masthead's lines in `config.language`; none without `masthead:` in the configuration. */
function mastheadOf(config: Config): MastheadLines {
  const masthead = config.masthead
  if (!masthead) return {}
  const language = config.language
  const words = wordsFor(language)
  const organization = inLanguage(masthead.organization, language)
  const access = inLanguage(masthead.access, language)
  const jobNumber = inLanguage(masthead.jobNumber, language)
  const original = masthead.original ?? config.language
  return {
    ...(organization === undefined ? {} : { organization: oneLine(organization) }),
    ...(access === undefined ? {} : { access: oneLine(access) }),
    ...(jobNumber === undefined ? {} : { jobNumber: oneLine(jobNumber) }),
    original: words.t('document.original', { language: words.t(`language.${original}`) }),
  }
}

/** Words given for every language or per language: the document's, else `en`, else the first given. */
export function inLanguage(value: PerLanguage | undefined, language: Language): string | undefined {
  if (value === undefined || typeof value === 'string') return value
  return value[language] ?? value.en ?? Object.values(value)[0]
}

/** The masthead's lines in the order a WTO document prints them. */
export function mastheadLines(masthead: MastheadLines | undefined): string[] {
  if (!masthead) return []
  return [masthead.organization, masthead.access, masthead.jobNumber, masthead.original].filter((line): line is string => line !== undefined)
}
