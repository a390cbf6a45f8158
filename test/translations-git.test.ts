/**
 * Translations kept in step with their originals, in a git repository (issue
 * 20, "Done when"): two proposals translated into French and built in every
 * format; an original reworded and committed makes its translation stale
 * (the revision it last matched is named) and the French documents show the
 * new English under the pending line, never the stale French; stamped once
 * updated, the French is back. Then the queue, the redline and diff of a
 * language, the change list, the step summary and the watch.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { expect, test } from 'vitest'
import { build, type Rebuild } from '../src/commands/build.js'
import { commitAll, git, gitRepository } from './helpers/git.js'
import { run } from './helpers/run.js'
import { scratch } from './helpers/scratch.js'

const CONFIG = `symbol: INF/ECOM/62/Rev.1
language: en
outline:
  - { id: A.1, title: Electronic invoicing }
  - { id: A.2, title: Paperless trading }
  - { id: A.3, title: Electronic signatures }
publish:
  views: [consolidated]
  formats: [md, html, docx]
  languages: [en, fr]
`

const PROPOSALS: Record<string, string> = {
  'proposals/a1-jpn.md': '---\ntopic: A.1\ntitle: Invoices\nauthor: Japan\n---\n\n1. Each Party shall [endeavour to] accept electronic invoices.\n',
  'proposals/a2-sgp.md':
    '---\ntopic: A.2\nauthor: Singapore\n---\n\nEach Party shall accept [electronic] trade administration documents [as the legal equivalent of paper documents].\n',
  'proposals/a3-chl.md': '---\ntopic: A.3\nauthor: Chile\n---\n\nNo Party shall deny the legal validity of a signature solely because it is electronic.\n',
}

const FRENCH: Record<string, { title?: string; body: string }> = {
  'a1-jpn': { title: 'Factures', body: '1. Chaque Partie [s’efforce d’]accepter les factures électroniques.\n' },
  'a2-sgp': { body: 'Chaque Partie accepte les documents [électroniques] d’administration du commerce [comme l’équivalent juridique des documents papier].\n' },
}

/** The translator's work on the file `translate` wrote: the text in French, `draft: true` removed. */
function translateFile(root: string, file: string, french: { title?: string; body: string }): void {
  const written = readFileSync(path.join(root, file), 'utf8')
  const front = written
    .slice(0, written.indexOf('\n---\n') + 5)
    .replace('draft: true\n', '')
    .replace(/^title: .*$/m, french.title === undefined ? '' : `title: ${french.title}`)
  writeFileSync(path.join(root, file), `${front}\n${french.body}`)
}

function docxText(file: string): string {
  const xml = strFromU8(unzipSync(readFileSync(file))['word/document.xml'])
  return xml
    .replace(/<w:tab\/>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
}

function repository(): string {
  const root = gitRepository()
  writeFileSync(path.join(root, 'consolidate.yaml'), CONFIG)
  git(root, 'config', 'core.quotepath', 'false')
  for (const [file, text] of Object.entries(PROPOSALS)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    writeFileSync(path.join(root, file), text)
  }
  commitAll(root, 'Rev.1', '2026-10-01T12:00:00Z')
  return root
}

test('translated, built, made stale by a revision, stamped: the documents never show a stale translation', async () => {
  const root = repository()
  const out = path.join(root, 'out')
  const exec = (...args: string[]): ReturnType<typeof run> => run([...args], { cwd: root })

  // Two proposals translated into French: the files to translate, then the translator's work.
  for (const id of ['a1-jpn', 'a2-sgp']) {
    const made = await exec('translate', id, '--lang', 'fr')
    expect(made).toMatchObject({ code: 0, stdout: `proposals/${id}.fr.md\n` })
    translateFile(root, `proposals/${id}.fr.md`, FRENCH[id])
  }
  expect(readFileSync(path.join(root, 'proposals/a1-jpn.fr.md'), 'utf8')).toMatch(/^---\ntranslationOf: [0-9a-f"]+\ntitle: Factures\n---\n\n1\. Chaque Partie/)
  commitAll(root, 'French translations', '2026-10-02T12:00:00Z')
  const translated = git(root, 'rev-parse', '--short=7', 'HEAD').trim()

  // The French documents: the French texts, not the English ones; the text not translated under the pending line.
  const built = await exec('build', '--lang', 'fr', '--format', 'md,html,docx')
  expect(built.code, built.stderr).toBe(0)
  expect(built.stderr).toContain(
    'consolidate: translation pending: 1 of 3 texts in fr (shown in their original language under a line that says so; `consolidate translations` lists them)\n',
  )
  for (const [name, text] of [
    ['md', readFileSync(path.join(out, 'consolidated.fr.md'), 'utf8')],
    ['html', readFileSync(path.join(out, 'consolidated.fr.html'), 'utf8')],
    ['docx', docxText(path.join(out, 'consolidated.fr.docx'))],
  ]) {
    expect(text, name).toContain('accepter les factures électroniques')
    expect(text, name).toContain('comme l’équivalent juridique des documents papier')
    expect(text, name).not.toContain('accept electronic invoices')
    expect(text, name).not.toContain('legal equivalent')
    expect(text, name).toContain('solely because it is electronic')
    expect(text, name).toContain('Traduction en attente\u00a0: texte original en anglais')
  }
  expect(readFileSync(path.join(out, 'consolidated.fr.md'), 'utf8')).toContain(
    '**Traduction en attente\u00a0: texte original en anglais**\n\n[No Party shall deny',
  )

  // A revision rewords one original: its French translation is stale, and says which revision it last matched.
  writeFileSync(path.join(root, 'consolidate.yaml'), CONFIG.replace('Rev.1', 'Rev.2'))
  writeFileSync(
    path.join(root, 'proposals/a1-jpn.md'),
    PROPOSALS['proposals/a1-jpn.md'].replace('accept electronic invoices', 'accept and issue electronic invoices'),
  )
  commitAll(root, 'Rev.2', '2026-11-01T12:00:00Z')
  const checked = await exec('check', '--format', 'json')
  expect(checked.code).toBe(0)
  expect(JSON.parse(checked.stdout)).toEqual([
    {
      file: 'proposals/a1-jpn.fr.md',
      line: 2,
      column: 16,
      severity: 'warning',
      rule: 'stale-translation',
      message: `proposals/a1-jpn.md has changed since this translation was made (it last matched the original at commit ${translated}, INF/ECOM/62/Rev.1), so no document shows the translation: each shows the original under a line saying its translation is pending; bring the translation up to date (\`consolidate diff ${translated} .\` shows what changed), then run \`consolidate translate --stamp proposals/a1-jpn.fr.md\``,
    },
  ])

  // The French documents show the new English under the pending line, never the stale French.
  expect((await exec('build', '--lang', 'fr', '--format', 'md,html,docx')).code).toBe(0)
  const pendingFr = readFileSync(path.join(out, 'consolidated.fr.md'), 'utf8')
  expect(pendingFr).toContain(
    '**Traduction en attente\u00a0: texte original en anglais**\n\n1. [Each Party shall [endeavour to] accept and issue electronic invoices.]',
  )
  for (const text of [pendingFr, readFileSync(path.join(out, 'consolidated.fr.html'), 'utf8'), docxText(path.join(out, 'consolidated.fr.docx'))]) {
    expect(text).not.toContain('accepter les factures')
    expect(text).toContain('accept and issue electronic invoices')
    expect(text).toContain('comme l’équivalent juridique')
  }

  // The queue, exactly as docs/reference.md gives it.
  const queue = await exec('translations', '--format', 'json')
  expect(queue.code).toBe(0)
  expect(JSON.parse(queue.stdout)).toEqual({
    fr: {
      current: 1,
      stale: 1,
      draft: 0,
      missing: 1,
      words: 27,
      texts: [
        { id: 'a1-jpn', file: 'proposals/a1-jpn.fr.md', state: 'stale' },
        { id: 'a3-chl', file: 'proposals/a3-chl.fr.md', state: 'missing' },
      ],
    },
  })

  // The French redline and diff compare what the French documents showed.
  const redline = await exec('build', '--lang', 'fr', '--since', 'HEAD~1')
  expect(redline.code, redline.stderr).toBe(0)
  const marked = readFileSync(path.join(out, 'consolidated-redline.fr.md'), 'utf8')
  expect(marked).toContain('{++**Traduction en attente\u00a0: texte original en anglais**++}')
  expect(marked).toContain(
    '1. [{--Chaque Partie--}{++Each Party shall++} [{--s’efforce d’--}{++endeavour to++}]{--accepter les factures électroniques--}{++ accept and issue electronic invoices++}.]',
  )
  const diff = await exec('diff', 'HEAD~1', 'HEAD', '--lang', 'fr', '--format', 'json')
  expect(JSON.parse(diff.stdout).changed).toEqual([{ id: 'a1-jpn', text: true, title: { from: 'Factures', to: 'Invoices' } }])
  expect(JSON.parse((await exec('diff', 'HEAD~1', 'HEAD', '--format', 'json')).stdout).changed).toEqual([{ id: 'a1-jpn', text: true }])
  const changes = await exec('diff', 'HEAD~1', 'HEAD')
  expect(changes.stdout).toContain(
    '## Translations to update\n\nThis revision changed 1 text whose translation must now be brought up to date; until then the documents in that language show it in its original language.\n\n- `a1-jpn`: French.\n',
  )

  // The translator updates the French and stamps it: the French is back.
  const file = path.join(root, 'proposals/a1-jpn.fr.md')
  writeFileSync(file, readFileSync(file, 'utf8').replace('accepter les factures', 'accepter et émettre des factures'))
  const stamped = await exec('translate', '--stamp', 'proposals/a1-jpn.fr.md')
  expect(stamped).toMatchObject({ code: 0, stdout: 'proposals/a1-jpn.fr.md\n' })
  expect(JSON.parse((await exec('check', '--format', 'json')).stdout)).toEqual([])
  expect((await exec('translate', '--stamp', 'proposals/a1-jpn.fr.md')).stderr).toBe(
    'consolidate: proposals/a1-jpn.fr.md already matches proposals/a1-jpn.md as it is now; nothing was changed\n',
  )
  expect((await exec('build', '--lang', 'fr')).code).toBe(0)
  const back = readFileSync(path.join(out, 'consolidated.fr.md'), 'utf8')
  expect(back).toContain('1. [Chaque Partie [s’efforce d’]accepter et émettre des factures électroniques.]')
  expect(back).not.toContain('accept and issue')

  // A translation that drops a bracket pair is flagged.
  writeFileSync(
    path.join(root, 'proposals/a2-sgp.fr.md'),
    readFileSync(path.join(root, 'proposals/a2-sgp.fr.md'), 'utf8').replace('[électroniques]', 'électroniques'),
  )
  const dropped = JSON.parse((await exec('check', '--format', 'json')).stdout) as Array<{ file: string; rule: string; message: string }>
  expect(dropped.map((each) => `${each.file} ${each.rule}`)).toEqual(['proposals/a2-sgp.fr.md translation-brackets'])
  expect(dropped[0].message).toContain('the original has 2 bracket pairs (`[][]`, in reading order), the translation 1 bracket pair (`[]`)')
})

test("the step summary shows the translators' queue", async () => {
  const root = repository()
  expect((await run(['translate', 'a1-jpn', '--lang', 'fr'], { cwd: root })).code).toBe(0)
  translateFile(root, 'proposals/a1-jpn.fr.md', FRENCH['a1-jpn'])
  commitAll(root, 'French', '2026-10-02T12:00:00Z')
  const summary = path.join(scratch('consolidate-summary-'), 'summary.md')
  const result = await run(['build'], { cwd: root, env: { GITHUB_STEP_SUMMARY: summary } })
  expect(result.code, result.stderr).toBe(0)
  const text = readFileSync(summary, 'utf8')
  expect(text).toContain(
    "### Translations\n\nThe texts each language's documents show untranslated, and the words still to translate.\n\n| Language | Current | Stale | Draft | Missing | Words to translate |\n| --- | --: | --: | --: | --: | --: |\n| French | 1 | 0 | 0 | 2 | 30 |\n",
  )
})

test('build --watch rebuilds when a translation changes, and shows it once current', async () => {
  const root = repository()
  expect((await run(['translate', 'a1-jpn', '--lang', 'fr'], { cwd: root })).code).toBe(0)
  const out = path.join(root, 'out')
  const controller = new AbortController()
  const done: Rebuild[] = []
  const waiting: Array<(rebuild: Rebuild) => void> = []
  const onRebuild = (rebuild: Rebuild): unknown => (waiting.length > 0 ? waiting.shift()!(rebuild) : done.push(rebuild))
  const next = (): Promise<Rebuild> => (done.length > 0 ? Promise.resolve(done.shift()!) : new Promise((resolve) => waiting.push(resolve)))
  const io = { cwd: root, env: { NO_COLOR: '1' }, stdout: { write: () => true }, stderr: { write: () => true } }
  const watching = build({ root, out, lang: 'fr', watch: true, signal: controller.signal, onRebuild, debounce: 100 }, io)
  expect(await next()).toMatchObject({ outcome: 'written', parsed: 4 })
  expect(readFileSync(path.join(out, 'consolidated.fr.md'), 'utf8')).toContain('accept electronic invoices')

  // The draft is translated and done: only it is read again, and the French is shown.
  translateFile(root, 'proposals/a1-jpn.fr.md', FRENCH['a1-jpn'])
  expect(await next()).toMatchObject({ outcome: 'written', parsed: 1 })
  expect(readFileSync(path.join(out, 'consolidated.fr.md'), 'utf8')).toContain('accepter les factures électroniques')
  controller.abort()
  expect(await watching).toBe(0)
})
