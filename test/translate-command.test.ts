/** `consolidate translate`, `translate --stamp`, `translations` and `new` beside translations: what they refuse, and how (exit codes, one line each). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { lastMatch, matchWords } from '../src/revisions/translation-history.js'
import { run } from './helpers/run.js'
import { workspace } from './helpers/scratch.js'

const FILES: Record<string, string> = {
  'consolidate.yaml': 'language: en\n',
  'proposals/a14-jpn-einvoicing.md':
    '---\ntopic: A.1.4\ntitle: Electronic invoicing\nauthor: Japan\n---\n\n1. Each Party shall [endeavour to] accept electronic invoices.[^1]\n\n[^1]: Including e-receipts.\n',
  'proposals/a14-chl.md': '---\ntopic: A.1.4\nauthor: Chile\nnoText: true\n---\n',
  'proposals/a15-fra.md': '---\ntopic: A.1.5\nauthor: France\nlanguage: fr\n---\n\nChaque Partie [veille à] la sécurité.\n',
  'proposals/shared.md': '---\ntopic: A.1.5\nauthor: Chile\n---\n\nThe proposal called shared.\n',
  'notes/shared.md': '---\ntopic: A.1.5\nby: Facilitator\n---\n\nThe note called shared.\n',
}

async function inWorkspace(...args: string[]): Promise<{ root: string; code: number; stdout: string; stderr: string }> {
  const root = workspace(FILES)
  return { root, ...(await run(args, { cwd: root })) }
}

describe('translate ID --lang L', () => {
  test('writes the file beside the original: its fingerprint, its title, draft: true, its body with its notes', async () => {
    const { root, code, stdout, stderr } = await inWorkspace('translate', 'a14-jpn-einvoicing', '--lang', 'FR')
    expect({ code, stdout, stderr }).toEqual({
      code: 0,
      stdout: 'proposals/a14-jpn-einvoicing.fr.md\n',
      stderr: 'consolidate: translate the title and the text into French, keeping every bracket; then remove `draft: true`\n',
    })
    expect(readFileSync(path.join(root, 'proposals/a14-jpn-einvoicing.fr.md'), 'utf8')).toMatch(
      /^---\ntranslationOf: [0-9a-f]{16}\ntitle: Electronic invoicing\ndraft: true\n---\n\n1\. Each Party shall \[endeavour to\] accept electronic invoices\.\[\^1\]\n\n\[\^1\]: Including e-receipts\.\n$/,
    )
    // A fresh file to translate is a draft, never shown and never stale.
    expect(JSON.parse((await run(['check', '--format', 'json'], { cwd: root })).stdout)).toEqual([])
  })

  test('an id shared by a proposal and a note means the proposal; the note is named by its file', async () => {
    const root = workspace(FILES)
    expect((await run(['translate', 'shared', '--lang', 'es'], { cwd: root })).stdout).toBe('proposals/shared.es.md\n')
    expect((await run(['translate', 'notes/shared.md', '--lang', 'es'], { cwd: root })).stdout).toBe('notes/shared.es.md\n')
    expect(readFileSync(path.join(root, 'notes/shared.es.md'), 'utf8')).toMatch(/^---\ntranslationOf: \S+\ndraft: true\n---\n\nThe note called shared\.\n$/)
  })

  test.each([
    [
      ['translate', 'a14-jpn-einvoicng', '--lang', 'fr'],
      'consolidate: no proposal, note or Chair\'s text has the id "a14-jpn-einvoicng"; did you mean "a14-jpn-einvoicing"?\n',
    ],
    [
      ['translate', 'a14-chl', '--lang', 'fr'],
      'consolidate: proposals/a14-chl.md is a "no text" alternative (`noText: true`): it has no text to translate, and every document writes "[No text]" in its own language\n',
    ],
    [
      ['translate', 'a15-fra', '--lang', 'fr'],
      'consolidate: proposals/a15-fra.md is in French already (its `language:`): it needs no French translation; give another --lang\n',
    ],
    [
      ['translate', 'a14-jpn-einvoicing', '--lang', 'en'],
      "consolidate: proposals/a14-jpn-einvoicing.md is in English already (the configuration's `language`): it needs no English translation; give another --lang\n",
    ],
    [
      ['translate', 'a14-jpn-einvoicing'],
      'consolidate: translate needs --lang, the language to translate into: en, fr, es, e.g. `consolidate translate a14-jpn-einvoicing --lang fr`\n',
    ],
    [['translate', 'a14-jpn-einvoicing', '--lang', 'fr,es'], 'consolidate: --lang takes one language here, and was given fr, es; give one, e.g. --lang fr\n'],
    [
      ['translate', 'a14-jpn-einvoicing', '--lang', 'de'],
      'consolidate: unknown language "de" for --lang; use one or more of en, fr, es, e.g. --lang fr or --lang en,fr,es\n',
    ],
    [
      ['translate', '--lang', 'fr'],
      'consolidate: translate needs the id of the text to translate and --lang, e.g. `consolidate translate a14-jpn-einvoicing --lang fr`, or --stamp FILE to record a translation as current\n',
    ],
    [
      ['translate', 'a14-jpn-einvoicing', '--stamp', 'x.fr.md'],
      'consolidate: translate --stamp takes a translation\'s file only, and was also given "a14-jpn-einvoicing"; to write a file to translate, run `consolidate translate a14-jpn-einvoicing --lang fr` without --stamp\n',
    ],
    [
      ['translate', '--stamp', 'proposals/a14-jpn-einvoicing.md'],
      "consolidate: proposals/a14-jpn-einvoicing.md is not named as a translation (`<name>.<lang>.md`, e.g. proposals/a14-jpn-einvoicing.fr.md); --stamp takes a translation's file, beside its original\n",
    ],
    [
      ['translate', '--stamp', 'proposals/nowhere.fr.md'],
      "consolidate: proposals/nowhere.fr.md is not a translation under proposals/, notes/ or chair/ of the workspace; --stamp takes a translation's file, beside its original\n",
    ],
  ])('%j: exit 2, one line, nothing written', async (args, message) => {
    const { root, code, stdout, stderr } = await inWorkspace(...args)
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: message })
    expect(existsSync(path.join(root, 'proposals/a14-jpn-einvoicing.fr.md'))).toBe(false)
  })

  test('a translation that exists is never written over', async () => {
    const root = workspace({ ...FILES, 'proposals/a14-jpn-einvoicing.fr.md': '---\ntitle: Facturation\n---\n\nMon travail.\n' })
    const result = await run(['translate', 'a14-jpn-einvoicing', '--lang', 'fr'], { cwd: root })
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'consolidate: proposals/a14-jpn-einvoicing.fr.md exists already: edit it (then `consolidate translate --stamp proposals/a14-jpn-einvoicing.fr.md` once it matches the original as it is now), or delete it to start again\n',
    })
    expect(readFileSync(path.join(root, 'proposals/a14-jpn-einvoicing.fr.md'), 'utf8')).toBe('---\ntitle: Facturation\n---\n\nMon travail.\n')
  })
})

describe('translate --stamp FILE', () => {
  test('records the original as it is now, leaves draft: and every other byte alone', async () => {
    const root = workspace({
      ...FILES,
      'proposals/a14-jpn-einvoicing.fr.md':
        '---\r\n# Traduit par la Section française\r\ntitle: Facturation électronique\r\ndraft: true\r\n---\r\n\r\n1. Chaque Partie [s’efforce d’]accepter les factures électroniques.\r\n',
    })
    const result = await run(['translate', '--stamp', path.join(root, 'proposals/a14-jpn-einvoicing.fr.md'), '--root', root], {
      cwd: path.join(root, 'proposals'),
    })
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toBe('a14-jpn-einvoicing.fr.md\n')
    expect(result.stderr).toMatch(
      /^consolidate: proposals\/a14-jpn-einvoicing\.fr\.md now records proposals\/a14-jpn-einvoicing\.md as it is \(translationOf: [0-9a-f]{16}\); it is still a draft: remove `draft: true` when it is ready to be shown\n$/,
    )
    const stamped = readFileSync(path.join(root, 'proposals/a14-jpn-einvoicing.fr.md'), 'utf8')
    expect(stamped).toMatch(
      /^---\r\ntranslationOf: [0-9a-f"]+\r\n# Traduit par la Section française\r\ntitle: Facturation électronique\r\ndraft: true\r\n---\r\n\r\n1\. Chaque Partie/,
    )
    expect(JSON.parse((await run(['translations', '--format', 'json', '--lang', 'fr'], { cwd: root })).stdout).fr).toMatchObject({
      current: 0,
      draft: 1,
      stale: 0,
    })
  })

  test('a translation with errors, or beside nothing, is not stamped: exit 1, its problems printed', async () => {
    const broken = workspace({ ...FILES, 'proposals/a14-jpn-einvoicing.fr.md': '---\ntitle: Facturation\n---\n\nTexte [ouvert.\n' })
    const result = await run(['translate', '--stamp', 'proposals/a14-jpn-einvoicing.fr.md'], { cwd: broken })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('unbalanced-brackets')
    expect(result.stderr).toContain('consolidate: proposals/a14-jpn-einvoicing.fr.md has errors; fix them first, nothing was changed\n')
    expect(readFileSync(path.join(broken, 'proposals/a14-jpn-einvoicing.fr.md'), 'utf8')).toBe('---\ntitle: Facturation\n---\n\nTexte [ouvert.\n')
    const orphan = workspace({ ...FILES, 'proposals/gone.fr.md': '---\ntitle: Parti\n---\n\nTexte.\n' })
    const lone = await run(['translate', '--stamp', 'proposals/gone.fr.md'], { cwd: orphan })
    expect(lone.code).toBe(1)
    expect(lone.stderr).toContain('orphan-translation')
  })
})

describe('translations', () => {
  test("default languages: those some text is to be translated into; md in the configuration's language", async () => {
    const { code, stdout } = await inWorkspace('translations')
    expect(code).toBe(0)
    expect(stdout).toBe(
      [
        '# Translations',
        '',
        "The texts each language's documents show untranslated, and the words still to translate.",
        '',
        '| Language | Current | Stale | Draft | Missing | Words to translate |',
        '| --- | --: | --: | --: | --: | --: |',
        '| English | 0 | 0 | 0 | 1 | 6 |',
        '| French | 0 | 0 | 0 | 3 | 21 |',
        '| Spanish | 0 | 0 | 0 | 4 | 27 |',
        '',
        '## English',
        '',
        '- `a15-fra` — `proposals/a15-fra.en.md`: missing',
        '',
        '## French',
        '',
        '- `a14-jpn-einvoicing` — `proposals/a14-jpn-einvoicing.fr.md`: missing',
        '- `shared` — `proposals/shared.fr.md`: missing',
        '- `shared` — `notes/shared.fr.md`: missing',
        '',
        '## Spanish',
        '',
        '- `a14-jpn-einvoicing` — `proposals/a14-jpn-einvoicing.es.md`: missing',
        '- `a15-fra` — `proposals/a15-fra.es.md`: missing',
        '- `shared` — `proposals/shared.es.md`: missing',
        '- `shared` — `notes/shared.es.md`: missing',
        '',
      ].join('\n'),
    )
  })

  test('with errors in the inputs: exit 1, nothing on standard output', async () => {
    const root = workspace({ ...FILES, 'proposals/x.fr.md': '---\ntitle: x\n---\n\nTexte.\n' })
    const result = await run(['translations', '--format', 'json'], { cwd: root })
    expect(result).toMatchObject({ code: 1, stdout: '' })
    expect(result.stderr).toContain('consolidate: the inputs have errors; fix them to list the translations\n')
    expect((await run(['translations', '--lang', 'xx'], { cwd: root })).code).toBe(2)
  })
})

test('new never takes the name a translation is named after', async () => {
  const root = workspace({ 'consolidate.yaml': 'language: en\n', 'proposals/a14-japan.fr.md': '---\ntitle: Reste\n---\n\nUne traduction restée seule.\n' })
  const result = await run(['new', '--topic', 'A.1.4', '--author', 'Japan'], { cwd: root })
  expect(result).toMatchObject({ code: 0, stdout: 'proposals/a14-japan-2.md\n' })
})

describe('the revision a stale translation last matched', () => {
  const versions = [
    { commit: 'c3', parent: 'c2', blob: 'b3' },
    { commit: 'c2', parent: 'c1' },
    { commit: 'c1', parent: 'c0', blob: 'b1' },
  ]
  test('the last commit before the next change; the tip when the committed text matches; none when none does', async () => {
    const read: string[] = []
    const matching =
      (wanted: string) =>
      async (blob: string): Promise<boolean> => (read.push(blob), blob === wanted)
    expect(await lastMatch(versions, 'head', matching('b1'))).toEqual({ commit: 'c1', head: false })
    expect(read).toEqual(['b3', 'b1'])
    expect(await lastMatch(versions, 'head', matching('b3'))).toEqual({ commit: 'head', head: true })
    expect(await lastMatch(versions, 'head', matching('b9'))).toBeUndefined()
    expect(
      await lastMatch(
        [
          { commit: 'c1', blob: 'b0' },
          { commit: 'c0', blob: 'b1' },
        ],
        'head',
        matching('b1'),
      ),
    ).toBeUndefined()
  })

  test('is named by its commit and symbol', () => {
    expect(matchWords({ commit: '1a2b3c4d5e6f', head: false }, 'INF/ECOM/62/Rev.4')).toBe('at commit 1a2b3c4, INF/ECOM/62/Rev.4')
    expect(matchWords({ commit: '1a2b3c4d5e6f', head: true })).toBe('as last committed (HEAD, 1a2b3c4): only changes not yet committed differ')
  })
})

test("outside git, a stale translation's message names no revision", async () => {
  const root = workspace(FILES)
  writeFileSync(path.join(root, 'proposals/a14-jpn-einvoicing.fr.md'), '---\ntranslationOf: 0000000000000000\n---\n\nTexte.\n')
  const [diagnostic] = JSON.parse((await run(['check', '--format', 'json'], { cwd: root })).stdout)
  expect(diagnostic.message).toMatch(/^proposals\/a14-jpn-einvoicing\.md has changed since this translation was made, so no document/)
})

test('--help says what translate and translations do and take', async () => {
  const translate = await run(['translate', '--help'])
  expect(translate.code).toBe(0)
  expect(translate.stdout).toContain('Usage: consolidate translate [options] [id]')
  expect(translate.stdout).toMatch(/--lang <lang> +the language to translate into: en, fr or es/)
  expect(translate.stdout).toMatch(/--stamp <file> +the translation to record as current/)
  const translations = await run(['translations', '--help'])
  expect(translations.code).toBe(0)
  expect(translations.stdout).toMatch(/--format <format> +output format \(choices: "md", "json", default: "md"\)/)
  expect((await run(['diff', '--help'])).stdout).toMatch(/--lang <lang> +compare what the documents in that language show/)
})
