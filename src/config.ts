/** `consolidate.yaml` text to a Config and its problems. Pure: no file system. */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml'
import { isIsoDate, MAX_ALIASES } from './frontmatter.js'
import { didYouMean } from './suggest.js'
import { DEFAULT_CONFIG, LANGUAGES, RULES, type Config, type Diagnostic, type Group, type Language, type OutlineEntry, type Participant, type Rule } from './types.js'

export const CONFIG_FIELDS = ['title', 'symbol', 'date', 'language', 'stocktaking', 'participants', 'outline', 'groups', 'limits'] as const

export interface ConfigResult {
  config: Config
  diagnostics: Diagnostic[]
}

/**
 * Read a workspace configuration. `file` names the diagnostics (relative to
 * the root). Problems are `invalid-config` errors at their place in the file;
 * unknown keys are `unknown-field` warnings.
 */
export function parseConfig(file: string, text: string): ConfigResult {
  const lines = new LineCounter()
  const diagnostics: Diagnostic[] = []
  const report = (node: unknown, message: string, rule: Rule = 'invalid-config'): void => {
    const offset = (node as Node | null)?.range?.[0] ?? 0
    const { line, col } = lines.linePos(offset)
    diagnostics.push({ file, line, column: col, severity: RULES[rule], rule, message })
  }
  const config: Config = structuredClone(DEFAULT_CONFIG)
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, version: '1.2' })
  for (const error of document.errors) {
    report({ range: error.pos }, `${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}; fix the YAML syntax`)
  }
  if (document.errors.length > 0) return { config, diagnostics }
  try {
    document.toJS({ maxAliasCount: MAX_ALIASES })
  } catch {
    report(document.contents, `the configuration expands more than ${MAX_ALIASES} aliases; write the values out`)
    return { config, diagnostics }
  }
  const root = document.contents
  if (root === null || (isScalar(root) && root.value === null)) return { config, diagnostics }
  if (!isMap(root)) {
    report(root, 'the configuration must be fields written `name: value`, e.g. `title: Electronic Commerce`')
    return { config, diagnostics }
  }

  const read = new Reader(report)
  for (const pair of root.items as Pair[]) {
    const key = read.key(pair)
    const value = pair.value
    switch (key) {
      case 'title':
      case 'symbol':
        config[key] = read.text(value, `\`${key}\``)
        break
      case 'date': {
        const date = read.text(value, '`date`')
        if (date !== undefined && !isIsoDate(date)) report(value, `\`date\` must be an ISO date such as 2026-11-28; got "${date}"`)
        else config.date = date
        break
      }
      case 'language': {
        const language = read.text(value, '`language`')
        if (language !== undefined && !(LANGUAGES as readonly string[]).includes(language)) {
          report(value, `\`language\` must be one of ${LANGUAGES.join(', ')}; got "${language}"`)
        } else if (language !== undefined) config.language = language as Language
        break
      }
      case 'stocktaking':
        for (const [, node] of read.fields(value, '`stocktaking`', ['threshold'])) {
          config.threshold = read.number(node, '`stocktaking.threshold`', { integer: true, min: 1 }) ?? config.threshold
        }
        break
      case 'limits':
        for (const [name, node] of read.fields(value, '`limits`', ['fileSize', 'parseSeconds'])) {
          const limit = read.number(node, `\`limits.${name}\``, { integer: name === 'fileSize', min: name === 'fileSize' ? 1 : 0.001 })
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
      default:
        if (key !== undefined) {
          report(pair.key, `unknown field \`${key}\`; known fields are ${CONFIG_FIELDS.join(', ')}${didYouMean(key, CONFIG_FIELDS)}`, 'unknown-field')
        }
    }
  }
  if (config.outline) checkGroups(root, config, report)
  return { config, diagnostics }
}

type Report = (node: unknown, message: string, rule?: Rule) => void

/** Typed reads of YAML nodes that report what they could not read. */
class Reader {
  constructor(private readonly report: Report) {}

  key(pair: Pair): string | undefined {
    if (isScalar(pair.key) && typeof pair.key.value === 'string') return pair.key.value
    this.report(pair.key, 'keys must be plain words')
    return undefined
  }

  text(node: unknown, what: string): string | undefined {
    if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) {
      return typeof node.value === 'number' ? node.source ?? String(node.value) : node.value.trim()
    }
    this.report(node, `${what} must be text`)
    return undefined
  }

  number(node: unknown, what: string, { integer, min }: { integer: boolean; min: number }): number | undefined {
    if (isScalar(node) && typeof node.value === 'number' && node.value >= min && (!integer || Number.isInteger(node.value))) {
      return node.value
    }
    this.report(node, `${what} must be a ${integer ? 'whole ' : ''}number of at least ${min}`)
    return undefined
  }

  list(node: unknown, what: string): unknown[] {
    if (isSeq(node)) return node.items
    this.report(node, `${what} must be a list`)
    return []
  }

  /** The fields of a mapping, reporting unknown ones. */
  fields(node: unknown, what: string, known: readonly string[], required: readonly string[] = []): Array<[string, unknown]> {
    if (!isMap(node)) {
      this.report(node, `${what} must be fields written \`name: value\``)
      return []
    }
    const result: Array<[string, unknown]> = []
    for (const pair of node.items as Pair[]) {
      const key = this.key(pair)
      if (key === undefined) continue
      if (known.includes(key)) result.push([key, pair.value])
      else this.report(pair.key, `unknown field \`${key}\` in ${what}; known fields are ${known.join(', ')}${didYouMean(key, known)}`, 'unknown-field')
    }
    for (const name of required) {
      if (!result.some(([key]) => key === name)) this.report(node, `${what} needs a \`${name}\``)
    }
    return result
  }
}

function readParticipants(value: unknown, read: Reader, report: Report): Participant[] {
  const participants: Participant[] = []
  const owners = new Map<string, string>()
  for (const item of read.list(value, '`participants`')) {
    const participant: Participant = { name: '', aliases: [] }
    const named: Array<[string, unknown]> = []
    for (const [key, node] of read.fields(item, 'a participant', ['name', 'code', 'aliases'], ['name'])) {
      if (key === 'name' || key === 'code') {
        const text = read.text(node, `\`${key}\``)
        if (text) {
          participant[key] = text
          named.push([text, node])
        }
      } else {
        for (const alias of read.list(node, '`aliases`')) {
          const text = read.text(alias, 'an alias')
          if (text) {
            participant.aliases.push(text)
            named.push([text, alias])
          }
        }
      }
    }
    if (!participant.name) continue
    for (const [text, node] of named) {
      const owner = owners.get(text.toLowerCase())
      if (owner !== undefined && owner !== participant.name) report(node, `"${text}" already names ${owner}; each name, code and alias must name one participant`)
      else owners.set(text.toLowerCase(), participant.name)
    }
    participants.push(participant)
  }
  return participants
}

function readOutline(value: unknown, read: Reader, report: Report): OutlineEntry[] {
  const seen = new Set<string>()
  const entries = (list: unknown, what: string): OutlineEntry[] =>
    read.list(list, what).flatMap((item) => {
      const entry: OutlineEntry = { id: '', children: [] }
      for (const [key, node] of read.fields(item, 'an outline entry', ['id', 'title', 'topics'], ['id'])) {
        if (key === 'topics') entry.children = entries(node, '`topics`')
        else {
          const text = read.text(node, `\`${key}\``)
          if (key === 'id' && text !== undefined) {
            if (seen.has(text)) report(node, `the outline has "${text}" twice; each outline id must be unique`)
            seen.add(text)
            entry.id = text
          } else if (key === 'title' && text) entry.title = text
        }
      }
      return entry.id ? [entry] : []
    })
  return entries(value, '`outline`')
}

function readGroups(value: unknown, read: Reader, report: Report): Group[] {
  const groups: Group[] = []
  for (const item of read.list(value, '`groups`')) {
    const group: Group = { name: '', topics: [] }
    for (const [key, node] of read.fields(item, 'a group', ['name', 'topics'], ['name', 'topics'])) {
      if (key === 'name') group.name = read.text(node, '`name`') ?? ''
      else group.topics = read.list(node, '`topics`').flatMap((topic) => read.text(topic, 'a topic id') ?? [])
    }
    if (groups.some((other) => other.name === group.name)) report(item, `there are two groups named "${group.name}"; group names must be unique`)
    if (group.name) groups.push(group)
  }
  return groups
}

/** Every topic a group names must be in the outline. */
function checkGroups(root: YAMLMap, config: Config, report: Report): void {
  const ids = new Set<string>()
  const collect = (entries: OutlineEntry[]): void => entries.forEach((entry) => (ids.add(entry.id), collect(entry.children)))
  collect(config.outline ?? [])
  const groupsNode = root.get('groups', true)
  if (!isSeq(groupsNode)) return
  for (const groupNode of groupsNode.items) {
    if (!isMap(groupNode)) continue
    const topics = groupNode.get('topics', true)
    if (!isSeq(topics)) continue
    for (const topic of topics.items) {
      const id = isScalar(topic) ? String(topic.source ?? topic.value) : undefined
      if (id !== undefined && !ids.has(id)) report(topic, `group topic "${id}" is not in the outline${didYouMean(id, ids)}`)
    }
  }
}
