/** `consolidate.yaml` text to a Config and its problems. Pure: no file system. */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml'
import { isIsoDate } from './front-matter.js'
import { didYouMean, suggestTopic } from '../diagnostics/suggest.js'
import { groupSlug } from '../model/language.js'
import { spellingsOf } from '../model/language.js'
import {
  BRACKET_POLICIES,
  CHAIR_TEXTS_MODES,
  DEFAULT_CONFIG,
  LANGUAGES,
  OPTION_STYLES,
  RULES,
  type BracketPolicy,
  type ChairTextsMode,
  type OptionStyle,
  type ChairPick,
  type Config,
  type Diagnostic,
  type Disclaimer,
  type Group,
  type Language,
  type Located,
  type Names,
  type OutlineEntry,
  type Place,
  type Rule,
} from '../types.js'
import { describe, isEmpty, MAX_ALIASES, readYaml } from './yaml.js'
import { PUBLISHING_FIELDS, readPublishing } from './config-publish.js'
import { OPTIONS_EXAMPLE, outlineEntries, readOutline } from './outline.js'
import { readParticipants } from './participants.js'
import { readPlaceholders, readRules } from './rules.js'

export const CONFIG_FIELDS = [
  'title',
  'symbol',
  'date',
  'language',
  'stocktaking',
  'participants',
  'outline',
  'groups',
  'limits',
  'disclaimer',
  'chair',
  'previous',
  'secretariat',
  'brackets',
  'options',
  'rules',
  'placeholders',
  'chairTexts',
  'attribution',
  ...PUBLISHING_FIELDS,
] as const

export interface ConfigResult {
  config: Config
  diagnostics: Diagnostic[]
  /**
   * The top-level fields that have an `invalid-config` error: the checks that
   * depend on them do not run, the others do (see `soundParts`). A configuration
   * that cannot be read at all is the defaults, with nothing to depend on.
   */
  broken: ReadonlySet<string>
}

/**
 * Read a workspace configuration. `file` names the diagnostics (relative to
 * the root). Problems are `invalid-config` errors at their place in the file;
 * unknown keys are `unknown-field` warnings. A top-level field left empty is
 * as if it were not written.
 */
export function parseConfig(file: string, text: string): ConfigResult {
  const yaml = readYaml(text)
  const diagnostics: Diagnostic[] = yaml.problems.map((problem) => {
    const { line, column } = yaml.place(problem.offset)
    return { file, line, column, severity: RULES['invalid-config'], rule: 'invalid-config', message: problem.message }
  })
  const broken = new Set<string>()
  let part = ''
  const report = (node: unknown, message: string, rule: Rule = 'invalid-config'): void => {
    const { line, column } = yaml.place((node as Node | null)?.range?.[0] ?? 0)
    diagnostics.push({ file, line, column, severity: RULES[rule], rule, message })
    if (rule === 'invalid-config') broken.add(part)
  }
  const config: Config = structuredClone(DEFAULT_CONFIG)
  const document = yaml.document
  if (!document) return { config, diagnostics, broken }
  const root = document.contents
  if (isEmpty(root)) return { config, diagnostics, broken }
  if (!isMap(root)) {
    report(root, `the configuration must be fields written \`name: value\`, one a line, e.g. \`title: Electronic Commerce\`; got ${describe(root)}`)
    return { config, diagnostics, broken }
  }

  const read = new Reader(report, document)
  let chairNode: unknown
  const publishing: Array<[string, unknown]> = []
  for (const pair of root.items as Pair[]) {
    const key = read.key(pair)
    part = key ?? ''
    const value = read.resolve(pair.value)
    if (key === undefined || (isEmpty(value) && (CONFIG_FIELDS as readonly string[]).includes(key))) continue
    switch (key) {
      case 'title': {
        const title = read.names(value, '`title`', '`title: "Electronic Commerce: Consolidated Negotiating Text"`')
        if (title) [config.title, config.titles] = [title.text, title.names]
        break
      }
      case 'symbol':
        config.symbol = read.text(value, '`symbol`', '`symbol: INF/ECOM/62/Rev.4`')
        break
      case 'date': {
        const date = read.text(value, '`date`', '`date: 2026-11-28`')
        if (date !== undefined && !isIsoDate(date))
          report(value, `\`date\` must be an existing date written YYYY-MM-DD, e.g. \`date: 2026-11-28\`; got "${date}"`)
        else config.date = date
        break
      }
      case 'language': {
        const language = read.text(value, '`language`', '`language: en`')
        if (language !== undefined && !(LANGUAGES as readonly string[]).includes(language)) {
          report(
            value,
            `\`language\` must be one of ${LANGUAGES.join(', ')}, e.g. \`language: en\`; got "${language}"${didYouMean(language.toLowerCase(), LANGUAGES)}`,
          )
        } else if (language !== undefined) config.language = language as Language
        break
      }
      case 'stocktaking':
        for (const [, node] of read.fields(value, '`stocktaking`', ['threshold'], [], '`stocktaking: { threshold: 3 }`')) {
          config.threshold = read.number(node, '`stocktaking.threshold`', { integer: true, min: 1 }, '`threshold: 3`') ?? config.threshold
        }
        break
      case 'limits':
        for (const [name, node] of read.fields(value, '`limits`', ['fileSize', 'parseSeconds'], [], '`limits: { fileSize: 262144, parseSeconds: 10 }`')) {
          const limit =
            name === 'fileSize'
              ? read.number(node, '`limits.fileSize`', { integer: true, min: 1 }, '`fileSize: 262144` (bytes)')
              : read.number(node, '`limits.parseSeconds`', { integer: false, min: 0.001 }, '`parseSeconds: 10`')
          if (limit !== undefined) config.limits = { ...config.limits, [name]: limit }
        }
        break
      case 'participants':
        config.participants = readParticipants(value, read, report)
        break
      case 'outline':
        config.outline = readOutline(value, read, report)
        break
      case 'groups':
        config.groups = readGroups(value, read, report)
        break
      case 'disclaimer': {
        const disclaimer = readDisclaimer(value, read, report)
        if (disclaimer !== undefined) config.disclaimer = disclaimer
        else delete config.disclaimer
        break
      }
      case 'chair':
        chairNode = value
        break
      case 'previous':
        config.previous = read.text(value, '`previous`', '`previous: v5` (a tag, a commit, or a folder holding the previous revision)')
        break
      case 'secretariat': {
        const secretariat = readPerLanguage(
          value,
          read,
          report,
          'secretariat',
          '`secretariat: WTO Secretariat` or `secretariat: { en: WTO Secretariat, fr: Secrétariat de l\u2019OMC }`',
        )
        if (secretariat !== undefined) config.secretariat = secretariat
        break
      }
      case 'publish':
      case 'documents':
      case 'masthead':
      case 'pageBreaks':
        publishing.push([key, value])
        break
      case 'brackets': {
        const policy = read.choice(
          value,
          '`brackets`',
          BRACKET_POLICIES,
          "`brackets: as-written` (`enclose`, the default, adds one pair of brackets around each text not agreed; `as-written` shows proposed texts with their authors' brackets only)",
        )
        if (policy !== undefined) config.brackets = policy as BracketPolicy
        break
      }
      case 'options': {
        const style = read.choice(value, '`options`', OPTION_STYLES, OPTIONS_EXAMPLE)
        if (style !== undefined) config.options = style as OptionStyle
        break
      }
      case 'rules':
        config.rules = readRules(value, read, report)
        break
      case 'attribution': {
        const flag = read.resolve(value)
        if (isScalar(flag) && typeof flag.value === 'boolean') config.attribution = flag.value
        else
          report(
            flag,
            `\`attribution\` must be \`true\` (the default: each text is attributed to its proponents and supporters) or \`false\` (texts belong to all participants: no attribution, support or stocktaking), e.g. \`attribution: false\`; got ${describe(flag)}${didYouMean(isScalar(flag) ? String(flag.value) : '', ['true', 'false'])}`,
          )
        break
      }
      case 'chairTexts': {
        const mode = read.choice(
          value,
          '`chairTexts`',
          CHAIR_TEXTS_MODES,
          "`chairTexts: show` (the consolidated text shows the Chair's texts of chair/ first under their topics; `hide`, the default, leaves them to the clean text)",
        )
        if (mode !== undefined) config.chairTexts = mode as ChairTextsMode
        break
      }
      case 'placeholders':
        config.placeholders = readPlaceholders(value, read, report)
        break
      default:
        report(pair.key, `unknown field \`${key}\`; the fields are ${CONFIG_FIELDS.join(', ')}${didYouMean(key, CONFIG_FIELDS)}`, 'unknown-field')
    }
  }
  part = 'attribution'
  if (!config.attribution) {
    // Without attributions there is no support to judge: a threshold would be silently ignored.
    const stocktaking = root.items.find((pair) => isScalar(pair.key) && pair.key.value === 'stocktaking' && !isEmpty(read.resolve(pair.value)))
    if (stocktaking)
      report(
        stocktaking.key,
        '`stocktaking` sets the threshold of support, and this workspace keeps no attributions (`attribution: false`), so nothing is referred to stocktaking; remove `stocktaking`, or the `attribution: false` line',
      )
  }
  part = 'groups'
  if (config.outline) checkGroups(root, config, read, report)
  // Read last: its topics are checked against the outline, wherever `outline` is written.
  part = 'chair'
  if (chairNode !== undefined) {
    const picks = readChair(chairNode, config, read, report, (node) => yaml.place((node as Node | null)?.range?.[0] ?? 0))
    if (picks.length > 0) config.chair = { file, picks }
  }
  // Read last: `publish` names groups and needs `previous:`.
  Object.assign(config, readPublishing(publishing, { config, root, file, read, report, placeOf: (node) => yaml.place((node as Node | null)?.range?.[0] ?? 0) }))
  return { config, diagnostics, broken }
}

/**
 * The configuration as far as the checks across files may trust it: a part
 * with an error is left out, with what depends on it, so that the other
 * checks still run (a broken outline no longer hides a duplicate id).
 * Without an outline any topic is accepted, without participants any name.
 */
export function soundParts(config: Config, broken: ReadonlySet<string>): Config {
  const sound: Config = { ...config }
  if (broken.has('outline')) delete sound.outline
  if (broken.has('participants')) delete sound.participants
  if (broken.has('outline') || broken.has('chair')) delete sound.chair
  return sound
}

/** A text, or one text per language (`{en: …, fr: …}`). */
function readPerLanguage(value: unknown, read: Reader, report: Report, name: string, example: string): string | Partial<Record<Language, string>> | undefined {
  if (!isMap(value)) return read.text(value, `\`${name}\``, example)
  const texts: Partial<Record<Language, string>> = {}
  for (const pair of value.items as Pair[]) {
    const key = read.key(pair)
    if (key === undefined) continue
    if (!(LANGUAGES as readonly string[]).includes(key)) {
      report(
        pair.key,
        `\`${name}\` gives one text per language, keyed ${LANGUAGES.join(', ')}, e.g. ${example}; got "${key}"${didYouMean(key.toLowerCase(), LANGUAGES)}`,
      )
      continue
    }
    const text = read.text(pair.value, `\`${name}.${key}\``, example)
    if (text !== undefined) texts[key as Language] = text.replace(/\s+/g, ' ')
  }
  return Object.keys(texts).length > 0 ? texts : undefined
}

/** `disclaimer: default | false | a text | {en: …, fr: …, es: …}`; undefined for the default. */
function readDisclaimer(value: unknown, read: Reader, report: Report): Disclaimer | undefined {
  const example = '`disclaimer: default`, `disclaimer: false`, a text, or one per language, e.g. `disclaimer: { en: "…", fr: "…" }`'
  if (isScalar(value) && typeof value.value === 'boolean') return value.value ? undefined : false
  if (isMap(value)) {
    const texts: Partial<Record<Language, string>> = {}
    for (const pair of value.items as Pair[]) {
      const key = read.key(pair)
      if (key === undefined) continue
      if (!(LANGUAGES as readonly string[]).includes(key)) {
        report(
          pair.key,
          `\`disclaimer\` gives one text per language, keyed ${LANGUAGES.join(', ')}, e.g. \`disclaimer: { en: "…", fr: "…" }\`; got "${key}"${didYouMean(key.toLowerCase(), LANGUAGES)}`,
        )
        continue
      }
      const text = read.text(
        pair.value,
        `\`disclaimer.${key}\``,
        `\`${key}: "This text is without prejudice to the position of any participant on any issue."\``,
      )
      if (text !== undefined) texts[key as Language] = text.replace(/\s+/g, ' ')
    }
    return Object.keys(texts).length > 0 ? texts : undefined
  }
  const text = read.text(value, '`disclaimer`', example)
  if (text === undefined || text === 'default') return undefined
  return text.replace(/\s+/g, ' ')
}

/** `chair: { A.1.4: a14-jpn-einvoicing, B.3: [b3-x, b3-y] }`: topics of the outline, each with one id or a list. */
function readChair(value: unknown, config: Config, read: Reader, report: Report, placeOf: (node: unknown) => Place): ChairPick[] {
  const example = '`chair: { A.1.4: a14-jpn-einvoicing }` (a topic, then the id of the proposal the Chair offers, or a list of ids)'
  if (!isMap(value)) {
    report(value, `\`chair\` must map topics to the proposals the Chair offers, e.g. ${example}; got ${describe(value)}`)
    return []
  }
  const entries = outlineEntries(config.outline ?? [])
  const known = new Set(entries.map((entry) => entry.id))
  const picks: ChairPick[] = []
  for (const pair of value.items as Pair[]) {
    const keyNode = read.resolve(pair.key)
    const topic =
      isScalar(keyNode) && (typeof keyNode.value === 'string' || typeof keyNode.value === 'number')
        ? String(typeof keyNode.value === 'number' ? (keyNode.source ?? keyNode.value) : keyNode.value).trim()
        : undefined
    if (topic === undefined || topic === '') {
      report(pair.key, `a key of \`chair\` must be a topic id such as \`A.1.4\`; got ${describe(keyNode, true)}`)
      continue
    }
    const node = read.resolve(pair.value)
    const items = isSeq(node) ? node.items : [pair.value]
    const ids: Located[] = []
    for (const item of items) {
      const resolved = read.resolve(item)
      const id =
        isScalar(resolved) && (typeof resolved.value === 'string' || typeof resolved.value === 'number')
          ? String(typeof resolved.value === 'number' ? (resolved.source ?? resolved.value) : resolved.value).trim()
          : ''
      if (id === '')
        report(
          resolved,
          `the Chair's text for ${topic} must be the id of a proposal on that topic, or a list of ids, e.g. \`${topic}: a14-jpn-einvoicing\`; got ${describe(resolved, true)}`,
        )
      else ids.push({ value: id, place: placeOf(item) })
    }
    if (config.outline && !known.has(topic)) {
      const suggestion = suggestTopic(topic, entries)
      report(
        pair.key,
        `\`chair\` names topic "${topic}", which is not in the outline; ${suggestion ? `did you mean "${suggestion}"?` : 'use an id of `outline`, e.g. `A.1.4`'}`,
      )
    } else if (picks.some((pick) => pick.topic === topic)) {
      report(pair.key, `\`chair\` names topic ${topic} twice; give its texts once, as a list, e.g. \`${topic}: [first-id, second-id]\``)
    } else if (ids.length > 0) picks.push({ topic, place: placeOf(pair.key), ids })
  }
  return picks
}

/** Report a problem at a node of the configuration (`invalid-config` unless another rule is given). */
export type Report = (node: unknown, message: string, rule?: Rule) => void

/** Typed reads of YAML nodes that report what they could not read: what was expected, an example, what was found. */
export class Reader {
  constructor(
    private readonly report: Report,
    private readonly document: Document,
  ) {}

  /** Follow an alias to the node it names (aliases were checked to resolve). */
  resolve(node: unknown): unknown {
    for (let hops = 0; isAlias(node) && hops <= MAX_ALIASES; hops++) node = node.resolve(this.document)
    return node
  }

  key(pair: Pair): string | undefined {
    if (isScalar(pair.key) && typeof pair.key.value === 'string') return pair.key.value
    this.report(pair.key, `a field name must be a plain word such as \`title\`; got ${describe(pair.key)}`)
    return undefined
  }

  text(node: unknown, what: string, example: string): string | undefined {
    node = this.resolve(node)
    if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) {
      const text = typeof node.value === 'number' ? (node.source ?? String(node.value)) : node.value.trim()
      if (text !== '') return text
    }
    this.report(node, `${what} must be text, e.g. ${example}; got ${describe(node, true)}`)
    return undefined
  }

  /** One of `choices`, with a "did you mean" for a near miss. */
  choice<T extends string>(node: unknown, what: string, choices: readonly T[], example: string): T | undefined {
    node = this.resolve(node)
    const text = isScalar(node) && typeof node.value === 'string' ? node.value.trim() : undefined
    if (text !== undefined && (choices as readonly string[]).includes(text)) return text as T
    this.report(node, `${what} must be one of ${choices.join(', ')}, e.g. ${example}; got ${describe(node)}${didYouMean(text ?? '', choices)}`)
    return undefined
  }

  number(node: unknown, what: string, { integer, min }: { integer: boolean; min: number }, example: string): number | undefined {
    node = this.resolve(node)
    if (isScalar(node) && typeof node.value === 'number' && node.value >= min && (!integer || Number.isInteger(node.value))) {
      return node.value
    }
    this.report(node, `${what} must be a ${integer ? 'whole ' : ''}number of at least ${min}, e.g. ${example}; got ${describe(node)}`)
    return undefined
  }

  /**
   * A name or title: text, or text per language (`{en: Japan, fr: Japon}`).
   * The text is the `en` one, or the first given; each given name comes with its node.
   */
  names(node: unknown, what: string, example: string): { text: string; names?: Names; nodes: Array<[string, unknown]> } | undefined {
    node = this.resolve(node)
    if (!isMap(node)) {
      const text = this.text(node, what, `${example}, or one per language, e.g. \`{en: Japan, fr: Japon, es: Japón}\``)
      return text === undefined ? undefined : { text, nodes: [[text, node]] }
    }
    const names: Names = {}
    const nodes: Array<[string, unknown]> = []
    for (const pair of node.items as Pair[]) {
      const key = this.key(pair)
      if (key === undefined) continue
      if (!(LANGUAGES as readonly string[]).includes(key)) {
        this.report(
          pair.key,
          `${what} gives its text per language with the keys ${LANGUAGES.join(', ')}, e.g. \`{en: Japan, fr: Japon, es: Japón}\`; got "${key}"${didYouMean(key.toLowerCase(), LANGUAGES)}`,
        )
        continue
      }
      const text = this.text(pair.value, `${what} in \`${key}\``, '`Japon`')
      if (text !== undefined) {
        names[key as Language] = text
        nodes.push([text, this.resolve(pair.value)])
      }
    }
    const text = names.en ?? Object.values(names)[0]
    if (text === undefined) {
      if (node.items.length === 0)
        this.report(node, `${what} must be text, or text per language, e.g. \`{en: Japan, fr: Japon, es: Japón}\`; got an empty mapping`)
      return undefined
    }
    return { text, names, nodes }
  }

  list(node: unknown, what: string, example: string): unknown[] {
    node = this.resolve(node)
    if (isSeq(node)) return node.items.map((item) => this.resolve(item))
    this.report(node, `${what} must be a list, e.g. ${example}; got ${describe(node)}`)
    return []
  }

  /** The fields of a mapping (name, value, and the key's node), reporting unknown and missing ones. */
  fields(node: unknown, what: string, known: readonly string[], required: readonly string[], example: string): Array<[string, unknown, unknown]> {
    node = this.resolve(node)
    if (!isMap(node)) {
      this.report(node, `${what} must be fields written \`name: value\`, e.g. ${example}; got ${describe(node)}`)
      return []
    }
    const result: Array<[string, unknown, unknown]> = []
    let previous: Pair | undefined
    for (const pair of node.items as Pair[]) {
      const key = this.key(pair)
      const after = previous
      previous = pair
      if (key === undefined) continue
      if (known.includes(key)) result.push([key, pair.value, pair.key])
      else if (node.flow && isEmpty(pair.value) && after && isScalar(after.value) && typeof after.value.value === 'string') {
        // `{ name: Korea, Republic of, code: KOR }`: the comma ended the name, and the rest became a field.
        const field = String((after.key as { value?: unknown }).value)
        const whole = `${after.value.value}, ${key}`
        this.report(
          pair.key,
          `\`${field}\` holds an unquoted comma: \`${whole}\` was read as "${after.value.value}" and a field "${key}"; put a ${field} that contains a comma in quotes, e.g. \`${field}: "${whole}"\``,
        )
      } else this.report(pair.key, `unknown field \`${key}\` in ${what}; its fields are ${known.join(', ')}${didYouMean(key, known)}`, 'unknown-field')
    }
    for (const name of required) {
      if (!result.some(([key]) => key === name)) this.report(node, `${what} needs a \`${name}\`, e.g. ${example}`)
    }
    return result
  }
}

function readGroups(value: unknown, read: Reader, report: Report): Group[] {
  const groups: Group[] = []
  const example = '`- { name: E-invoicing, topics: [A.1.4] }`'
  for (const item of read.list(value, '`groups`', example)) {
    const group: Group = { name: '', topics: [] }
    for (const [key, node] of read.fields(item, 'a group', ['name', 'topics'], ['name', 'topics'], example)) {
      if (key === 'name') {
        const name = read.names(node, '`name`', '`name: E-invoicing`')
        if (name) group.name = name.text
        if (name?.names) group.names = name.names
      } else group.topics = read.list(node, '`topics`', '`topics: [A.1.4]`').flatMap((topic) => read.text(topic, 'a topic id', '`A.1.4`') ?? [])
    }
    // A name in any language selects a group (`--group`): no two groups may share one.
    const shared = spellingsOf(group.name, group.names).find((name) => name && groups.some((other) => spellingsOf(other.name, other.names).includes(name)))
    if (shared !== undefined) report(item, `there are two groups named "${shared}"; group names must be unique, in every language`)
    // Nor may two groups write the same files: the file names come from the `en` name.
    const clash = shared === undefined && group.name ? groups.find((other) => groupSlug(other.name) === groupSlug(group.name)) : undefined
    if (clash) {
      report(
        item,
        `the groups "${clash.name}" and "${group.name}" would both be written to consolidated-${groupSlug(group.name)}.md (file names keep only letters and digits of a group's name); name them apart, e.g. "${group.name} 2"`,
      )
    }
    if (group.name) groups.push(group)
  }
  return groups
}

/** Every topic a group names must be in the outline, and not a paragraph: groups list articles, whose paragraphs come with them (SPEC §13). */
function checkGroups(root: YAMLMap, config: Config, read: Reader, report: Report): void {
  const entries = outlineEntries(config.outline ?? [])
  const ids = new Set(entries.filter((entry) => !entry.paragraph).map((entry) => entry.id))
  const articleOf = new Map(
    entries.flatMap((entry) => entry.children.filter((child) => child.paragraph).map((child): [string, OutlineEntry] => [child.id, entry])),
  )
  const groupsNode = read.resolve(root.get('groups', true))
  if (!isSeq(groupsNode)) return
  for (const groupNode of groupsNode.items.map((item) => read.resolve(item))) {
    if (!isMap(groupNode)) continue
    const topics = read.resolve(groupNode.get('topics', true))
    if (!isSeq(topics)) continue
    for (const written of topics.items) {
      const topic = read.resolve(written)
      const id = isScalar(topic) ? String(topic.source ?? topic.value) : undefined
      const article = id === undefined ? undefined : articleOf.get(id)
      if (article)
        report(
          topic,
          `group topic "${id}" is a paragraph of article ${article.article ?? article.id}; groups list articles, and their paragraphs come with them: name the article, \`${article.id}\``,
        )
      else if (id !== undefined && !ids.has(id)) report(topic, `group topic "${id}" is not in the outline${didYouMean(id, ids)}`)
    }
  }
}
