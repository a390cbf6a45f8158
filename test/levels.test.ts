/** Rule levels (SPEC §15): `rules:` for the workspace, `allow:` per file, and what the build says about allowances. */
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { allowanceNotice, applyLevels, levelOf } from '../src/check/levels.js'
import { DEFAULT_CONFIG, type Diagnostic } from '../src/types.js'
import { run } from './helpers/run.js'
import { scratch } from './helpers/scratch.js'

const at = (file: string, rule: Diagnostic['rule'], severity: Diagnostic['severity']): Diagnostic => ({
  file,
  line: 1,
  column: 1,
  severity,
  rule,
  message: rule,
})

describe('levels', () => {
  test('a rule not named keeps its severity; missing-translation is off unless turned on', () => {
    expect(levelOf('placeholder', DEFAULT_CONFIG)).toBe('warning')
    expect(levelOf('unbalanced-brackets', DEFAULT_CONFIG)).toBe('error')
    expect(levelOf('missing-translation', DEFAULT_CONFIG)).toBe('off')
    expect(levelOf('missing-translation', { rules: { 'missing-translation': 'error' } })).toBe('error')
  })

  test('rules: change severities and drop what is off; allow: drops a rule for its own file only; other rules are untouched', () => {
    const diagnostics = [
      at('proposals/a.md', 'unbalanced-brackets', 'error'),
      at('proposals/b.md', 'unbalanced-brackets', 'error'),
      at('proposals/a.md', 'placeholder', 'warning'),
      at('proposals/a.md', 'unknown-field', 'warning'),
      at('proposals/a.md', 'unknown-topic', 'error'),
      at('proposals/c.md', 'missing-translation', 'warning'),
    ]
    const config = { rules: { placeholder: 'off', 'unknown-field': 'error' } as const }
    expect(applyLevels(diagnostics, config, [{ file: 'proposals/a.md', rules: ['unbalanced-brackets'] }])).toEqual([
      at('proposals/b.md', 'unbalanced-brackets', 'error'),
      at('proposals/a.md', 'unknown-field', 'error'),
      at('proposals/a.md', 'unknown-topic', 'error'),
    ])
  })

  test('the notice says how many texts allow which rules', () => {
    expect(allowanceNotice([])).toBeUndefined()
    expect(allowanceNotice([{ file: 'proposals/a.md', rules: ['unbalanced-brackets'] }])).toBe(
      '1 text allows a rule for itself (`allow:` in the front matter: unbalanced-brackets)',
    )
    expect(
      allowanceNotice([
        { file: 'proposals/a.md', rules: ['unbalanced-brackets', 'numbered-paragraph'] },
        { file: 'notes/n.md', rules: ['unbalanced-brackets'] },
      ]),
    ).toBe('2 texts allow rules for themselves (`allow:` in the front matter: numbered-paragraph, unbalanced-brackets)')
  })

  test('the build says it once', async () => {
    const out = scratch('consolidate-levels-')
    const result = await run(['build', '--root', path.join(import.meta.dirname, 'fixtures', 'rule-levels'), '--out', out])
    expect(result.code).toBe(0)
    expect(result.stderr.split('\n').filter((line) => line.includes('allow'))).toEqual([
      'consolidate: 3 texts allow rules for themselves (`allow:` in the front matter: numbered-paragraph, unbalanced-brackets, unknown-field)',
    ])
  })
})
