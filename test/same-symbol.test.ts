/** `same-symbol`: a configuration that gives the symbol of the revision `previous:` names is warned about, in check and build alike. */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { sameSymbol } from '../src/commands/since.js'
import { parseConfig } from '../src/parse/config.js'
import { commitAll, git, gitRepository } from './helpers/git.js'
import { run } from './helpers/run.js'
import { workspace } from './helpers/scratch.js'

const proposal = '---\ntopic: A.1\nauthor: Japan\n---\n\nEach Party shall [endeavour to] cooperate.\n'
const configOf = (symbol: string, previous?: string): string =>
  `# The negotiation\ntitle: Electronic Commerce\nsymbol: ${symbol}\ndate: 2026-11-28\n${previous === undefined ? '' : `previous: ${previous}\n`}`

const warning = (file = 'consolidate.yaml') => ({
  file,
  line: 3,
  column: 9,
  severity: 'warning',
  rule: 'same-symbol',
  message:
    '`symbol` is INF/ECOM/62/Rev.5, the symbol of v5, the revision `previous:` names: the text would say it supersedes itself; run `consolidate revise` to give it the next symbol (and its date), or correct `symbol` or `previous`',
})

/** A repository whose commit tagged v5 holds INF/ECOM/62/Rev.5; the working tree's configuration as given. */
function repository(config: string): string {
  const root = gitRepository()
  mkdirSync(path.join(root, 'proposals'))
  writeFileSync(path.join(root, 'proposals', 'a1-jpn.md'), proposal)
  writeFileSync(path.join(root, 'consolidate.yaml'), configOf('INF/ECOM/62/Rev.5'))
  commitAll(root, 'Rev.5')
  git(root, 'tag', 'v5')
  writeFileSync(path.join(root, 'consolidate.yaml'), config)
  return root
}

describe('same-symbol', () => {
  test('previous: names the revision of the same symbol: a warning at `symbol`, exit 0, in check and in build', async () => {
    const root = repository(configOf('INF/ECOM/62/Rev.5', 'v5'))
    const checked = await run(['check', '--root', root, '--format', 'json'])
    expect(checked.code).toBe(0)
    expect(JSON.parse(checked.stdout)).toEqual([warning()])
    const built = await run(['build', '--root', root])
    expect(built.code).toBe(0)
    expect(built.stderr).toContain('consolidate.yaml\n  3:9  warning  same-symbol  `symbol` is INF/ECOM/62/Rev.5')
  })

  test('the next symbol, no previous:, or a previous: that cannot be read: no warning', async () => {
    for (const config of [configOf('INF/ECOM/62/Rev.6', 'v5'), configOf('INF/ECOM/62/Rev.5'), configOf('INF/ECOM/62/Rev.5', 'v9')]) {
      expect(await run(['check', '--root', repository(config), '--format', 'json'])).toEqual({ code: 0, stdout: '[]\n', stderr: '' })
    }
  })

  test('a folder holding the previous revision, relative to the workspace', async () => {
    const root = workspace({ 'consolidate.yaml': configOf('INF/ECOM/62/Rev.5', '../rev5'), 'proposals/a1-jpn.md': proposal })
    const old = path.join(path.dirname(root), 'rev5')
    mkdirSync(old, { recursive: true })
    writeFileSync(path.join(old, 'consolidate.yaml'), configOf('INF/ECOM/62/Rev.5'))
    const checked = await run(['check', '--root', root, '--format', 'json'])
    expect(JSON.parse(checked.stdout)).toEqual([{ ...warning(), message: warning().message.replace('of v5,', 'of ../rev5,') }])
  })

  test('the check itself: only an equal symbol, at the place it is written', () => {
    const { config } = parseConfig('negotiation.yaml', configOf('INF/ECOM/62/Rev.5', 'v5'))
    expect(sameSymbol(config, 'INF/ECOM/62/Rev.5')).toEqual([warning('negotiation.yaml')])
    expect(sameSymbol(config, 'INF/ECOM/62/Rev.4')).toEqual([])
    expect(sameSymbol(config, undefined)).toEqual([])
  })
})
