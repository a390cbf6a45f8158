/**
 * The keys of `consolidate.yaml` that say what a revision issues and how its
 * documents present themselves (docs/reference.md, "The documents a
 * secretariat issues"): `publish:`, `documents:`, `masthead:`, `pageBreaks:`.
 * Read after the rest of the file: `publish` names groups and needs
 * `previous:`, wherever they are written. Pure: no file system.
 */
import { isMap, isScalar, isSeq, type Pair, type YAMLMap } from 'yaml'
import { findGroup, spellingsOf } from '../model/language.js'
import { didYouMean } from '../diagnostics/suggest.js'
import {
  DOCUMENT_FORMATS,
  LANGUAGES,
  PUBLISH_VIEWS,
  type Config,
  type DocumentIdentity,
  type Language,
  type Masthead,
  type PerLanguage,
  type Place,
  type Publish,
  type PublishView,
  type Rule,
} from '../types.js'
import { describe } from './yaml.js'

/** The top-level keys this module reads. */
export const PUBLISHING_FIELDS = ['publish', 'documents', 'masthead', 'pageBreaks'] as const

/** What the configuration's reader offers: typed reads of YAML nodes that report what they could not read. */
export interface NodeReader {
  resolve(node: unknown): unknown
  key(pair: Pair): string | undefined
  text(node: unknown, what: string, example: string): string | undefined
  fields(node: unknown, what: string, known: readonly string[], required: readonly string[], example: string): Array<[string, unknown, ...unknown[]]>
}

export type Report = (node: unknown, message: string, rule?: Rule) => void

export interface PublishingContext {
  /** The configuration as read so far (its groups, language and `previous:`). */
  config: Config
  /** The file's top-level mapping: where `symbol:` and `previous:` are written. */
  root: YAMLMap
  /** The configuration's name, relative to the root. */
  file: string
  read: NodeReader
  report: Report
  placeOf(node: unknown): Place
}

type Publishing = Pick<Config, 'publish' | 'documents' | 'masthead' | 'pageBreaks' | 'written'>

/** Read the keys of PUBLISHING_FIELDS written in the file (`[key, value]`, each once), and where `symbol` and `previous` are written. */
export function readPublishing(entries: Array<[string, unknown]>, context: PublishingContext): Publishing {
  const result: Publishing = { written: writtenPlaces(context) }
  for (const [key, value] of entries) {
    switch (key) {
      case 'publish':
        result.publish = readPublish(value, context)
        break
      case 'documents':
        result.documents = readDocuments(value, context)
        break
      case 'masthead':
        result.masthead = readMasthead(value, context)
        break
      case 'pageBreaks':
        result.pageBreaks = readPageBreaks(value, context)
        break
    }
  }
  for (const key of Object.keys(result) as Array<keyof Publishing>) if (result[key] === undefined) delete result[key]
  return result
}

/** Where `symbol:` and `previous:` are written, when either is. */
function writtenPlaces({ root, file, read, placeOf }: PublishingContext): Config['written'] {
  const written: NonNullable<Config['written']> = { file }
  for (const pair of root.items as Pair[]) {
    const key = isScalar(pair.key) ? pair.key.value : undefined
    if (key === 'symbol' || key === 'previous') written[key] = placeOf(read.resolve(pair.value) ?? pair.key)
  }
  return written.symbol || written.previous ? written : undefined
}

const PUBLISH_EXAMPLE = '`publish: { views: [consolidated, clean], formats: [md, html, docx], languages: [en, fr, es], redline: true }`'

/** `publish:`: every part defaults to what a plain build wrote before (the consolidated view, Markdown, the configuration's language). */
function readPublish(value: unknown, { config, read, report }: PublishingContext): Publish | undefined {
  const fields = read.fields(value, '`publish`', ['views', 'formats', 'languages', 'groups', 'redline', 'history'], [], PUBLISH_EXAMPLE)
  if (!isMap(read.resolve(value))) return undefined
  const publish: Publish = { views: ['consolidated'], formats: ['md'], languages: [config.language], groups: [], redline: false, history: false }
  for (const [key, node] of fields) {
    switch (key) {
      case 'views':
        publish.views = choices(node, 'publish.views', PUBLISH_VIEWS, '`views: [consolidated, clean, stocktaking]`', read, report) ?? publish.views
        break
      case 'formats':
        publish.formats = choices(node, 'publish.formats', DOCUMENT_FORMATS, '`formats: [md, html, docx]`', read, report) ?? publish.formats
        break
      case 'languages':
        publish.languages = choices(node, 'publish.languages', LANGUAGES, '`languages: [en, fr, es]`', read, report) ?? publish.languages
        break
      case 'groups':
        publish.groups = readGroupNames(node, config, read, report)
        break
      case 'redline':
      case 'history': {
        const flag = boolean(node, `publish.${key}`, read, report)
        if (flag !== undefined) publish[key] = flag
        if (key === 'redline' && flag === true && config.previous === undefined) {
          report(
            read.resolve(node),
            '`publish.redline: true` compares each document with the previous revision, and the configuration has no `previous:`; add it, e.g. `previous: v5` (a tag, a commit, or a folder holding the previous revision), or write `redline: false`',
          )
        }
        break
      }
    }
  }
  return publish
}

/** A list of known words (or one word), in the order given, each once; undefined when any is wrong or the list is empty. */
function choices<T extends string>(node: unknown, what: string, known: readonly T[], example: string, read: NodeReader, report: Report): T[] | undefined {
  node = read.resolve(node)
  const items = isSeq(node) ? node.items.map((item) => read.resolve(item)) : [node]
  if (isSeq(node) && items.length === 0) {
    report(node, `\`${what}\` needs at least one of ${known.join(', ')}, e.g. ${example}`)
    return undefined
  }
  const chosen: T[] = []
  let sound = true
  for (const item of items) {
    const word = isScalar(item) && typeof item.value === 'string' ? item.value.trim() : undefined
    if (word !== undefined && (known as readonly string[]).includes(word)) {
      if (!chosen.includes(word as T)) chosen.push(word as T)
      continue
    }
    sound = false
    const hint = word === undefined ? '' : didYouMean(word.toLowerCase(), known)
    report(item, `\`${what}\` takes ${known.join(', ')}, e.g. ${example}; got ${describe(item)}${hint}`)
  }
  return sound ? chosen : undefined
}

/** `groups: all`, or a list of groups' names in any of their languages: kept as their `en` names. */
function readGroupNames(value: unknown, config: Config, read: NodeReader, report: Report): Publish['groups'] {
  const node = read.resolve(value)
  if (isScalar(node) && node.value === 'all') return 'all'
  const example = '`groups: [E-invoicing]`, or `groups: all`'
  if (!isSeq(node)) {
    report(node, `\`publish.groups\` must be a list of small groups' names, or \`all\`, e.g. ${example}; got ${describe(node)}`)
    return []
  }
  const names: string[] = []
  for (const item of node.items) {
    const written = read.text(item, 'a group in `publish.groups`', '`E-invoicing`')
    if (written === undefined) continue
    const group = findGroup(config.groups, written)
    if (group) {
      if (!names.includes(group.name)) names.push(group.name)
      continue
    }
    const spellings = config.groups.flatMap((each) => spellingsOf(each.name, each.names))
    const listed =
      config.groups.length > 0
        ? `the groups are ${config.groups.map((each) => `"${each.name}"`).join(', ')}${didYouMean(written, spellings)}`
        : 'the configuration defines no `groups`'
    report(read.resolve(item), `\`publish.groups\` names "${written}", which is not a group of \`groups\`; ${listed}`)
  }
  return names
}

function boolean(value: unknown, what: string, read: NodeReader, report: Report): boolean | undefined {
  const node = read.resolve(value)
  if (isScalar(node) && typeof node.value === 'boolean') return node.value
  report(node, `\`${what}\` must be true or false, e.g. \`${what.split('.').pop()}: true\`; got ${describe(node)}`)
  return undefined
}

const DOCUMENTS_EXAMPLE = '`documents: { clean: { title: "Chair\'s Text", symbol: INF/ECOM/85 } }`'

/** `documents:`: per view, its own title, symbol and cover note. */
function readDocuments(value: unknown, { read, report }: PublishingContext): Config['documents'] {
  const documents: NonNullable<Config['documents']> = {}
  for (const [view, node] of read.fields(value, '`documents`', PUBLISH_VIEWS, [], DOCUMENTS_EXAMPLE)) {
    const identity: DocumentIdentity = {}
    for (const [key, field] of read.fields(node, `\`documents.${view}\``, ['title', 'symbol', 'note'], [], DOCUMENTS_EXAMPLE)) {
      const what = `documents.${view}.${key}`
      if (key === 'symbol') {
        const symbol = read.text(field, `\`${what}\``, '`symbol: INF/ECOM/85`')
        if (symbol !== undefined) identity.symbol = symbol
      } else {
        const words = perLanguage(
          field,
          what,
          key === 'note' ? '`note: "This text reflects the discussions of the small groups."`' : '`title: "Chair\'s Text"`',
          read,
          report,
          key === 'note',
        )
        if (words !== undefined) identity[key as 'title' | 'note'] = words
      }
    }
    documents[view as PublishView] = identity
  }
  return Object.keys(documents).length > 0 ? documents : undefined
}

const MASTHEAD_EXAMPLE = '`masthead: { organization: World Trade Organization, access: RESTRICTED, jobNumber: "(26-8123)", original: en }`'

/** `masthead:`: what a WTO document carries above its title. */
function readMasthead(value: unknown, { read, report }: PublishingContext): Masthead | undefined {
  const masthead: Masthead = {}
  for (const [key, node] of read.fields(value, '`masthead`', ['organization', 'access', 'jobNumber', 'original'], [], MASTHEAD_EXAMPLE)) {
    if (key === 'original') {
      const language = read.text(node, '`masthead.original`', '`original: en`')
      if (language === undefined) continue
      if ((LANGUAGES as readonly string[]).includes(language)) masthead.original = language as Language
      else
        report(
          read.resolve(node),
          `\`masthead.original\` is the language the text was written in, one of ${LANGUAGES.join(', ')}, e.g. \`original: en\` ("Original: English"); got "${language}"${didYouMean(language.toLowerCase(), LANGUAGES)}`,
        )
    } else {
      const example =
        key === 'organization'
          ? '`organization: { en: World Trade Organization, fr: Organisation mondiale du commerce, es: Organización Mundial del Comercio }`'
          : key === 'access'
            ? '`access: { en: RESTRICTED, fr: RESTREINT, es: RESERVADO }`'
            : '`jobNumber: "(26-8123)"`'
      const words = perLanguage(node, `masthead.${key}`, example, read, report, false)
      if (words !== undefined) masthead[key as 'organization' | 'access' | 'jobNumber'] = words
    }
  }
  return Object.keys(masthead).length > 0 ? masthead : undefined
}

/** `pageBreaks: sections` (each section on a new page) or `none` (the default). */
function readPageBreaks(value: unknown, { read, report }: PublishingContext): Config['pageBreaks'] {
  const choices = ['sections', 'none'] as const
  const written = read.text(value, '`pageBreaks`', '`pageBreaks: sections`')
  if (written === undefined) return undefined
  if ((choices as readonly string[]).includes(written)) return written as (typeof choices)[number]
  report(
    read.resolve(value),
    `\`pageBreaks\` takes ${choices.join(' or ')}: \`pageBreaks: sections\` starts each section on a new page, \`none\` (the default) runs them on; got "${written}"${didYouMean(written, choices)}`,
  )
  return undefined
}

/**
 * Words the same in every language, or one text per language. One line
 * (spaces squashed), or, for a `multiline` Markdown note, as written, trimmed.
 */
function perLanguage(value: unknown, what: string, example: string, read: NodeReader, report: Report, multiline: boolean): PerLanguage | undefined {
  const tidy = (text: string): string => (multiline ? text.replace(/[ \t]+$/gm, '').trim() : text.replace(/\s+/g, ' ').trim())
  const node = read.resolve(value)
  if (!isMap(node)) {
    const text = read.text(node, `\`${what}\``, `${example}, or one per language, e.g. \`{ en: …, fr: …, es: … }\``)
    return text === undefined ? undefined : tidy(text)
  }
  const texts: Partial<Record<Language, string>> = {}
  for (const pair of node.items as Pair[]) {
    const key = read.key(pair)
    if (key === undefined) continue
    if (!(LANGUAGES as readonly string[]).includes(key)) {
      report(
        pair.key,
        `\`${what}\` gives its words per language with the keys ${LANGUAGES.join(', ')}, e.g. ${example}; got "${key}"${didYouMean(key.toLowerCase(), LANGUAGES)}`,
      )
      continue
    }
    const text = read.text(pair.value, `\`${what}.${key}\``, example)
    if (text !== undefined) texts[key as Language] = tidy(text)
  }
  if (Object.keys(texts).length > 0) return texts
  if (node.items.length === 0) report(node, `\`${what}\` must be text, or text per language, e.g. ${example}; got an empty mapping`)
  return undefined
}
