/**
 * The checks' settings in consolidate.yaml (SPEC §15): `rules:`, the level of
 * each changeable rule, and `placeholders:`, the patterns the placeholder rule
 * looks for. Each breach an `invalid-config` at its place. Pure.
 */
import { isMap, type Pair } from 'yaml'
import type { Reader, Report } from './config.js'
import { PLACEHOLDER_LIMITS } from './placeholders.js'
import { describe } from './yaml.js'
import { didYouMean } from '../diagnostics/suggest.js'
import { CHANGEABLE_RULES, isChangeable, LEVELS, RULES, type ChangeableRule, type Level } from '../types.js'

/** `placeholders: ["[X]", "X per cent", "[Placeholder for …]"]`: the patterns the `placeholder` rule looks for, replacing the default list. */
export function readPlaceholders(value: unknown, read: Reader, report: Report): string[] {
  const patterns: string[] = []
  const example = '`placeholders: ["[X]", "20XX", "X per cent", "[Placeholder for …]"]`'
  const items = read.list(value, '`placeholders`', example)
  if (items.length > PLACEHOLDER_LIMITS.count)
    report(value, `\`placeholders\` lists ${items.length} patterns, more than ${PLACEHOLDER_LIMITS.count}; keep the ones your texts use`)
  for (const item of items.slice(0, PLACEHOLDER_LIMITS.count)) {
    const pattern = read.text(item, 'a placeholder pattern', '`"[X]"`')
    if (pattern === undefined) continue
    if (pattern.length > PLACEHOLDER_LIMITS.length || /[\r\n]/.test(pattern))
      report(
        item,
        `a placeholder pattern is a few words on one line, at most ${PLACEHOLDER_LIMITS.length} characters, e.g. \`"[Placeholder for …]"\`; got "${pattern.slice(0, 40)}…"`,
      )
    else if (!patterns.includes(pattern)) patterns.push(pattern)
  }
  return patterns
}

/** `rules: { unbalanced-brackets: warning, placeholder: off }`: levels of the rules a workspace may change (SPEC §15). */
export function readRules(value: unknown, read: Reader, report: Report): Partial<Record<ChangeableRule, Level>> {
  const rules: Partial<Record<ChangeableRule, Level>> = {}
  const example = '`rules: { unbalanced-brackets: warning, placeholder: off }`'
  const node = read.resolve(value)
  if (!isMap(node)) {
    report(node, `\`rules\` must map rule ids to levels (${LEVELS.join(', ')}), e.g. ${example}; got ${describe(node)}`)
    return rules
  }
  for (const pair of node.items as Pair[]) {
    const rule = read.key(pair)
    if (rule === undefined) continue
    if (!isChangeable(rule)) {
      const why = rule in RULES ? `the level of ${rule} cannot be changed: it guards what the text needs to be built` : `"${rule}" is no rule`
      report(pair.key, `${why}; \`rules\` can set the level of ${CHANGEABLE_RULES.join(', ')}${rule in RULES ? '' : didYouMean(rule, CHANGEABLE_RULES)}`)
      continue
    }
    const level = read.choice(pair.value, `the level of ${rule}`, LEVELS, `\`${rule}: warning\``)
    if (level !== undefined) rules[rule] = level as Level
  }
  return rules
}
