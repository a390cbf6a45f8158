/**
 * Rule levels (SPEC §15): `rules:` sets a changeable rule's level for the
 * whole workspace, `allow:` turns rules off for one file. Applied once, to
 * every diagnostic of a workspace, after all checks have run. Pure.
 */
import { DEFAULT_LEVELS, isChangeable, RULES, type ChangeableRule, type Config, type Diagnostic, type Level } from '../types.js'

/** A text that allows rules for itself: its file and the rules. */
export interface Allowance {
  file: string
  rules: readonly ChangeableRule[]
}

/** The level of a rule in a workspace, for one file. */
export function levelOf(rule: ChangeableRule, config: Pick<Config, 'rules'>, allowed: readonly ChangeableRule[] = []): Level {
  if (allowed.includes(rule)) return 'off'
  return config.rules[rule] ?? DEFAULT_LEVELS[rule] ?? RULES[rule]
}

/** The diagnostics at their levels: a rule turned off drops out, one set to `error` or `warning` takes that severity. */
export function applyLevels(diagnostics: Diagnostic[], config: Pick<Config, 'rules'>, allowances: readonly Allowance[] = []): Diagnostic[] {
  const byFile = new Map(allowances.map((allowance) => [allowance.file, allowance.rules]))
  return diagnostics.flatMap((diagnostic) => {
    if (!isChangeable(diagnostic.rule)) return [diagnostic]
    const level = levelOf(diagnostic.rule, config, byFile.get(diagnostic.file))
    if (level === 'off') return []
    return [level === diagnostic.severity ? diagnostic : { ...diagnostic, severity: level }]
  })
}

/** What a build says, once, when texts allow rules for themselves; undefined when none does. */
export function allowanceNotice(allowances: readonly Allowance[]): string | undefined {
  if (allowances.length === 0) return undefined
  const rules = [...new Set(allowances.flatMap((allowance) => allowance.rules))].sort()
  const texts = allowances.length === 1 ? '1 text allows' : `${allowances.length} texts allow`
  return `${texts} ${rules.length === 1 ? 'a rule' : 'rules'} for ${allowances.length === 1 ? 'itself' : 'themselves'} (\`allow:\` in the front matter: ${rules.join(', ')})`
}
