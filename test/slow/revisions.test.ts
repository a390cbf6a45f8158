/**
 * Revisions (docs/reference.md, diff, Redline, Statistics, History): three revisions of one workspace (test/revisions/rev4,
 * rev5, rev6) committed in a temporary repository, with every kind of change
 * between them, and a commit with errors in between: `diff`, `stats --since`,
 * the redline in every format, and `stocktake --history`. (LibreOffice opens
 * the Word redline in the slow suite: test/slow/redline-libreoffice.test.ts.)
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { beforeAll, describe, expect, test } from 'vitest'
import { golden, withoutStyleSheet } from '../helpers/golden.js'
import { commitAll, git, gitRepository } from '../helpers/git.js'
import { revisionsRepository, type RevisionsRepository } from '../helpers/revisions.js'
import { ThreadPool } from '../../src/threads/pool.js'
import { loadWorkspace } from '../../src/load/pipeline.js'
import { MemoryCache } from '../../src/read/cache.js'
import { folderSource } from '../../src/read/folder.js'
import { repositoryOf } from '../../src/read/git.js'
import { loadCommit } from '../../src/load/revision.js'
import { run } from '../helpers/run.js'
import { scratch } from '../helpers/scratch.js'

const fixtures = path.join(import.meta.dirname, '..', 'revisions')
const expected = path.join(fixtures, 'expected')
const cli = path.join(import.meta.dirname, '..', '..', 'bin', 'consolidate.js')

let repo: RevisionsRepository
beforeAll(() => {
  repo = revisionsRepository()
})

describe('diff sees every change', () => {
  test('Rev.4 to Rev.5: added, removed, withdrawn, stabilized, support gained, wording, a date that reorders the alternatives', async () => {
    const result = await run(['diff', 'v4', 'v5', '--format', 'json'], { cwd: repo.root })
    expect(result.code, result.stderr).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({
      from: { ref: 'v4', symbol: 'INF/ECOM/62/Rev.4' },
      to: { ref: 'v5', symbol: 'INF/ECOM/62/Rev.5' },
      added: ['a1-sgp-frameworks', 'b2-jpn-open-internet', 'c1-can-consumer'],
      removed: ['c1-kor-consumer'],
      withdrawn: ['b2-chl-open-internet'],
      changed: [
        { id: 'a2-jpn-einvoicing', text: true, supporters: { added: ['Canada', 'Norway'], removed: [] } },
        { id: 'a2-sgp-standards', text: false, submitted: { from: '2022-05-02', to: '2022-01-10' } },
        { id: 'a3-aus-paperless', text: false, supporters: { added: ['Chile', 'Japan'], removed: [] } },
        { id: 'c2-gbr-cybersecurity', text: true, status: { from: 'proposed', to: 'stabilized' } },
      ],
    })
    // a1-eun-frameworks was only re-wrapped: no change.
    golden(path.join(expected, 'diff-v4-v5.md'), (await run(['diff', 'v4', 'v5'], { cwd: repo.root })).stdout)
  })

  test('Rev.5 to Rev.6: merged, renamed, moved, retitled, another document, parked with a reason, a supporter become a co-proponent, "no text"', async () => {
    const result = await run(['diff', 'v5', 'HEAD', '--format', 'json'], { cwd: repo.root })
    expect(result.code, result.stderr).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({
      from: { ref: 'v5', symbol: 'INF/ECOM/62/Rev.5' },
      to: { ref: 'HEAD', symbol: 'INF/ECOM/62/Rev.6' },
      added: ['b1-aus-no-text'],
      removed: [],
      renamed: [{ from: 'b1-che-duties', to: 'b1-che-moratorium' }],
      withdrawn: [],
      changed: [
        { id: 'a1-sgp-frameworks', text: false, status: { from: 'proposed', to: 'merged' }, mergedInto: { from: null, to: 'a1-eun-frameworks' } },
        { id: 'a2-jpn-einvoicing', text: false, authors: { added: ['Norway'], removed: [] }, supporters: { added: [], removed: ['Norway'] } },
        {
          id: 'a2-sgp-standards',
          text: false,
          title: { from: 'E-invoicing standards', to: 'Standards for e-invoicing' },
          document: { from: null, to: 'INF/ECOM/30' },
        },
        { id: 'a3-aus-paperless', text: true, supporters: { added: [], removed: ['Chile', 'Japan'] } },
        {
          id: 'b2-jpn-open-internet',
          text: false,
          status: { from: 'proposed', to: 'parked' },
          reason: { from: null, to: 'subject to the discussion on scope' },
        },
        { id: 'c1-can-consumer', text: false, topic: { from: 'C.1', to: 'C.2' } },
      ],
    })
    golden(path.join(expected, 'diff-v5-v6.md'), (await run(['diff', 'v5', 'HEAD'], { cwd: repo.root })).stdout)
  })
})

describe('stats', () => {
  test("--format json: the numbers of the reference, Statistics, and with --since each one's change, zeros included", async () => {
    const result = await run(['stats', '--since', 'v5', '--format', 'json'], { cwd: repo.root })
    expect(result.code, result.stderr).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({
      symbol: 'INF/ECOM/62/Rev.6',
      proposals: { live: 10, proposed: 7, stabilized: 2, parked: 1, merged: 1, withdrawn: 1, referred: 6 },
      chairTexts: 0,
      topics: { total: 7, withText: 6, stabilized: 2, withAlternatives: 4 },
      brackets: 6,
      placeholders: 0,
      since: {
        ref: 'v5',
        symbol: 'INF/ECOM/62/Rev.5',
        proposals: { live: 0, proposed: -1, stabilized: 0, parked: 1, merged: 1, withdrawn: 0, referred: 2 },
        chairTexts: 0,
        topics: { total: 0, withText: -1, stabilized: 0, withAlternatives: 1 },
        brackets: 1,
        placeholders: 0,
      },
    })
    const plain = await run(['stats', '--format', 'json'], { cwd: repo.root })
    expect(JSON.parse(plain.stdout).since).toBeUndefined()
    golden(path.join(expected, 'stats-since-v5.md'), (await run(['stats', '--since', 'v5'], { cwd: repo.root })).stdout)
  })

  test('a revision with errors cannot be compared with: exit 1; one that does not exist: exit 2', async () => {
    const broken = git(repo.repository, 'rev-parse', 'HEAD~1').trim()
    const result = await run(['stats', '--since', broken], { cwd: repo.root })
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('unbalanced-brackets')
    expect(result.stderr).toContain(`consolidate: 1 error in ${broken}, the revision to compare with; fix them there or compare with another revision\n`)
    expect((await run(['stats', '--since', 'v9'], { cwd: repo.root })).code).toBe(2)
  })
})

describe('the redline', () => {
  test('`previous:` in the configuration: <base>-redline.<ext> beside each output, recorded in the manifest, checked by build --check', async () => {
    const out = scratch('consolidate-redline-')
    const result = await run(['build', '--format', 'md,html,docx', '--out', out], { cwd: repo.root })
    expect(result.code, result.stderr).toBe(0)
    expect(readdirSync(out).sort()).toEqual([
      '.consolidate-manifest.json',
      'consolidated-redline.docx',
      'consolidated-redline.html',
      'consolidated-redline.md',
      'consolidated.docx',
      'consolidated.html',
      'consolidated.md',
      'stocktaking.md',
    ])
    golden(path.join(expected, 'consolidated-redline.md'), readFileSync(path.join(out, 'consolidated-redline.md'), 'utf8'))
    golden(path.join(expected, 'consolidated-redline.html'), withoutStyleSheet('x.html', readFileSync(path.join(out, 'consolidated-redline.html'), 'utf8')))
    // The redline of --since v5 is the same document: previous: names the same revision.
    const given = scratch('consolidate-redline-')
    expect((await run(['build', '--since', 'v5', '--out', given], { cwd: repo.root })).code).toBe(0)
    expect(readFileSync(path.join(given, 'consolidated-redline.md'), 'utf8')).toBe(readFileSync(path.join(out, 'consolidated-redline.md'), 'utf8'))
    expect(JSON.parse(readFileSync(path.join(given, '.consolidate-manifest.json'), 'utf8')).builds[0].since).toBe('v5')

    const check = await run(['build', '--check', '--out', out], { cwd: repo.root })
    expect(check.code, check.stderr).toBe(0)
    writeFileSync(path.join(out, 'consolidated-redline.md'), 'edited\n')
    const stale = await run(['build', '--check', '--out', out], { cwd: repo.root })
    expect(stale.code).toBe(1)
    expect(stale.stderr).toContain('out of date: ')
    expect(stale.stderr).toContain('consolidated-redline.md; run `consolidate build --out ')
  })

  test('the marks: word by word, whole blocks in and out with why, attributions and flags, the cover', () => {
    const markdown = readFileSync(path.join(expected, 'consolidated-redline.md'), 'utf8')
    expect(markdown).toContain('\n**Supersedes INF/ECOM/62/Rev.5**\n\nChanges since INF/ECOM/62/Rev.5: 1 proposal added, 1 merged, 5 changed, 1 renamed.\n')
    expect(markdown).toContain(
      'Bracket pairs: 6 (+1); placeholders: 0 (±0). Topics with text: 6 (−1) of 7 (±0); stabilized: 2 (±0); with alternatives: 4 (+1).',
    )
    expect(markdown).toContain('equivalent of paper documents (Decision of 2017){++ [and its successors]++}.]')
    expect(markdown).toContain('{--Proponent--}{++Proponents++}: Japan{++; Norway++}. Supporters: Australia; Canada; {--Norway; --}Singapore.')
    expect(markdown).toContain('<!-- deleted: proposal: a1-sgp-frameworks -->\n\n{>>Incorporated into the proposal of European Union.<<}\n\n{--**Alt 1**--}')
    expect(markdown).toContain('{>>Moved to C.2 Cybersecurity.<<}')
    // A renamed file is no change delegations read: its id is never shown.
    expect(markdown).not.toContain('b1-che-duties')
    expect(markdown).toContain('{>>Status: proposed → parked.<<}\n\n{++**Parked: subject to the discussion on scope.**++}')
    expect(markdown).toContain('{--**Referred to the stocktaking small group: no support.**--}')
    // The re-wrapped stabilized text is no change.
    expect(markdown).toContain('\nEach Party shall maintain a legal framework   governing\nelectronic transactions')
    // A text that did not change is written as the text writes it: its link reference under the document's label.
    expect(markdown).toContain(
      '[UNCITRAL\nModel Law on Electronic Commerce][a1-eun-frameworks¦model-law] 1996.\n\n[a1-eun-frameworks¦model-law]: https://uncitral.un.org/en/texts/ecommerce\n',
    )
  })

  test("Word: real tracked changes, each holding exactly the changed words, by the secretariat on the configuration's date", () => {
    const out = scratch('consolidate-redline-')
    execFileSync(process.execPath, [cli, 'build', '--format', 'docx', '--out', out], { cwd: repo.root, stdio: 'pipe' })
    const files = unzipSync(readFileSync(path.join(out, 'consolidated-redline.docx')))
    const xml = strFromU8(files['word/document.xml'])
    // Attributions are footnotes, as in the text: their changes are tracked there.
    const changes = [
      ...`${xml}${strFromU8(files['word/footnotes.xml'])}`.matchAll(/<w:(ins|del) w:id="(\d+)" w:author="([^"]*)" w:date="([^"]*)">(.*?)<\/w:\1>/g),
    ].map(([, kind, , author, date, inner]) => {
      const text = [...inner.matchAll(/<w:(?:t|delText)[^>]*>([^<]*)</g)].map((match) => match[1]).join('')
      expect([author, date]).toEqual(['WTO Secretariat', '2026-11-28T00:00:00Z'])
      return `${kind === 'ins' ? '+' : '-'}${text}`
    })
    expect(changes).toContain('+ [and its successors]')
    expect(changes).toContain('-Proponent')
    expect(changes).toContain('+Proponents')
    expect(changes).toContain('+; Norway')
    expect(changes).toContain('-Norway; ')
    expect(changes).toContain('+ and payments')
    expect(changes).toContain('-[Each Party shall endeavour to avoid any unnecessary regulatory burden on electronic transactions.]')
    // Ids are unique, and paragraphs wholly inserted or deleted have their marks tracked too.
    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((match) => match[1])
    expect(new Set(ids).size).toBe(ids.length)
    expect(xml).toMatch(/<w:pPr>(?:(?!<\/w:pPr>).)*<w:rPr><w:del w:id="\d+" w:author="WTO Secretariat" w:date="2026-11-28T00:00:00Z"\/><\/w:rPr><\/w:pPr>/)
    // Accepting every change reads as the newer text, rejecting every change as the older one.
    const paragraph = xml.split('</w:p>').find((each) => each.includes('Decision of 2017'))!
    const read = (keep: 'ins' | 'del'): string =>
      paragraph
        .replace(new RegExp(`<w:${keep === 'ins' ? 'del' : 'ins'} [^>]*>.*?</w:${keep === 'ins' ? 'del' : 'ins'}>`, 'g'), '')
        .match(/<w:(?:t|delText)[^>]*>[^<]*</g)!
        .map((each) => each.replace(/^<[^>]*>|<$/g, ''))
        .join('')
    expect(read('ins')).toBe(
      '[Each Party shall accept electronic trade administration documents as the legal equivalent of paper documents (Decision of 2017) [and its successors].]',
    )
    expect(read('del')).toBe(
      '[Each Party shall accept electronic trade administration documents as the legal equivalent of paper documents (Decision of 2017).]',
    )
    // The secretariat's notes are comments, not text.
    const comments = strFromU8(files['word/comments.xml'])
    expect([...comments.matchAll(/<w:t[^>]*>([^<]*)</g)].map((match) => match[1])).toEqual([
      'Incorporated into the proposal of European Union.',
      'Status: proposed → parked.',
      'Moved to C.2 Cybersecurity.',
      'Moved from C.1 Online consumer protection.',
    ])
    expect(strFromU8(files['word/settings.xml'])).toContain('<w:trackRevisions/>')
    // A link written as a reference keeps its words and its address.
    expect(xml).toMatch(
      /<w:hyperlink w:history="1" r:id="[^"]+"><w:r><w:rPr><w:rStyle w:val="Hyperlink"\/><\/w:rPr><w:t xml:space="preserve">UNCITRAL Model Law on Electronic Commerce<\/w:t>/,
    )
  })

  test('the clean view, several languages, a small group', async () => {
    const out = scratch('consolidate-redline-')
    expect((await run(['build', '--view', 'clean', '--out', out], { cwd: repo.root })).code).toBe(0)
    golden(path.join(expected, 'clean-redline.md'), readFileSync(path.join(out, 'clean-redline.md'), 'utf8'))
    const languages = await run(['build', '--lang', 'en,fr', '--group', 'E-invoicing', '--out', out], { cwd: repo.root })
    expect(languages.code, languages.stderr).toBe(0)
    const french = readFileSync(path.join(out, 'consolidated-e-invoicing-redline.fr.md'), 'utf8')
    expect(french).toContain('**Remplace le document INF/ECOM/62/Rev.5**')
    expect(french).toContain('Modifications depuis le document INF/ECOM/62/Rev.5\u00a0: 2 propositions modifiées.')
    const english = readFileSync(path.join(out, 'consolidated-e-invoicing-redline.md'), 'utf8')
    expect(english).not.toContain('Paperless')
    expect(english).toContain('### A.2 Electronic invoicing{++ and payments++}')
  })

  // Deterministic across time zones (two builds of the compiled CLI): test/slow/redline-determinism.test.ts.
})

describe('reading an older revision', () => {
  test('through a cache keyed by git blob id, a revision reads and parses only the files the workspace does not share', async () => {
    const pool = new ThreadPool()
    try {
      const cache = { store: new MemoryCache(), version: 'test' }
      await loadWorkspace(folderSource(repo.root), { pool, cache, blobIds: true })
      const repository = (await repositoryOf(repo.root))!
      let reads = 0
      const read = repository.blobs.read.bind(repository.blobs)
      repository.blobs.read = (oid: string) => (reads++, read(oid))
      const context = { cwd: repo.root, root: repo.root, pool, cache }
      // HEAD is the working tree: only its configuration is read (it is not a parse result).
      const head = await loadCommit('HEAD', repo.commits[0], repository, context)
      expect([head.parsed, reads]).toEqual([0, 1])
      // Rev.5: the configuration and the 8 files that differ (or stand under another name) are read, and those 8 parsed.
      reads = 0
      const rev5 = await loadCommit('v5', repo.commits[2], repository, context)
      expect([rev5.parsed, reads]).toEqual([8, 9])
      repository.blobs.close()
    } finally {
      await pool.close()
    }
  })
})

describe('stocktake --history', () => {
  test("since when each referred proposal has been referred: support gained then lost, a rename, a commit with errors, each commit's threshold", async () => {
    const [head, , rev5, rev4] = repo.commits
    const result = await run(['stocktake', '--history', '--format', 'json'], { cwd: repo.root })
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toContain('consolidate: 1 commit of the history has errors in the inputs and was skipped: it neither breaks nor extends a run\n')
    const since = Object.fromEntries(
      (JSON.parse(result.stdout).proposals as Array<{ id: string; referredSince?: unknown }>).map((entry) => [entry.id, entry.referredSince]),
    )
    const at = (commit: string, date: string, revision: number): unknown => ({ commit, date, symbol: `INF/ECOM/62/Rev.${revision}` })
    expect(since).toEqual({
      // Support 2: limited under Rev.6's threshold (3), broad under Rev.5's (2).
      'a2-sgp-standards': at(head, '2026-11-28', 6),
      // Referred in Rev.4, supported in Rev.5, referred again in Rev.6.
      'a3-aus-paperless': at(head, '2026-11-28', 6),
      'a3-nor-single-window': at(head, '2026-11-28', 6),
      'b1-aus-no-text': at(head, '2026-11-28', 6),
      // Renamed from b1-che-duties in Rev.6: the run goes on.
      'b1-che-moratorium': at(rev4, '2026-09-01', 4),
      // Referred since Rev.5 (committed on 30 September at UTC−5: 1 October in UTC); the commit with errors after it neither breaks nor extends the run.
      'c1-can-consumer': at(rev5, '2026-10-01', 5),
    })
    const one = await run(['stocktake', '--history', '--format', 'json', '--threshold', '3'], { cwd: repo.root })
    const all = Object.fromEntries(
      (JSON.parse(one.stdout).proposals as Array<{ id: string; referredSince?: { symbol: string } }>).map((entry) => [entry.id, entry.referredSince?.symbol]),
    )
    expect(all['a2-sgp-standards']).toBe('INF/ECOM/62/Rev.4')
    expect(all['a3-nor-single-window']).toBe('INF/ECOM/62/Rev.4')
    expect(all['a3-aus-paperless']).toBe('INF/ECOM/62/Rev.6')
  })

  test('uncommitted changes are not history; the Markdown gets a column', async () => {
    const extra = path.join(repo.root, 'proposals', 'c1-chl-uncommitted.md')
    writeFileSync(extra, '---\ntopic: C.1\nauthor: Chile\n---\n\nEach Party shall [endeavour to] protect consumers.\n')
    try {
      const json = await run(['stocktake', '--history', '--format', 'json'], { cwd: repo.root })
      const entries = JSON.parse(json.stdout).proposals as Array<{ id: string; referredSince?: unknown }>
      expect(entries.find((entry) => entry.id === 'c1-chl-uncommitted')).not.toHaveProperty('referredSince')
      const markdown = await run(['stocktake', '--history'], { cwd: repo.root })
      expect(markdown.stdout).toContain('| Title | Proponents | Supporters | Support | Document | Submitted | Referred since |')
      expect(markdown.stdout).toContain('| Moratorium on customs duties | Switzerland | none | no support (0) |  |  | 1 September 2026 (INF/ECOM/62/Rev.4) |')
      expect(markdown.stdout).toMatch(/\| Chile \|.*\| not yet committed \|\n/)
      expect(markdown.stdout).not.toContain('proposals/')
    } finally {
      rmSync(extra)
    }
  })

  test("\"referred since\" is dated by the revision's own date: its configuration's `date`, the commit's (UTC) only without one", async () => {
    const repository = gitRepository()
    const proposal = '---\ntopic: A.1\nauthor: Japan\ndocument: INF/ECOM/22\n---\n\nEach Party shall [endeavour to] cooperate.\n'
    writeFileSync(path.join(repository, 'consolidate.yaml'), 'symbol: INF/ECOM/62\n')
    mkdirSync(path.join(repository, 'proposals'))
    writeFileSync(path.join(repository, 'proposals', 'a1-jpn.md'), proposal)
    // Issued as dated 27 November, committed on 7 December at UTC+9 (6 December in UTC).
    commitAll(repository, 'First issue, undated', '2026-12-07T08:00:00+09:00')
    writeFileSync(path.join(repository, 'consolidate.yaml'), 'symbol: INF/ECOM/62/Rev.1\ndate: 2026-11-27\n')
    writeFileSync(path.join(repository, 'proposals', 'b1-can.md'), proposal.replace('A.1', 'B.1').replace('Japan', 'Canada'))
    commitAll(repository, 'Rev.1', '2026-12-07T10:00:00Z')
    const first = git(repository, 'rev-parse', 'HEAD~1').trim()
    const second = git(repository, 'rev-parse', 'HEAD').trim()
    const json = await run(['stocktake', '--history', '--format', 'json'], { cwd: repository })
    expect(json.code, json.stderr).toBe(0)
    expect(
      (JSON.parse(json.stdout).proposals as Array<{ id: string; referredSince: unknown }>).map(({ id, referredSince }) => ({ id, referredSince })),
    ).toEqual([
      { id: 'a1-jpn', referredSince: { commit: first, date: '2026-12-06', symbol: 'INF/ECOM/62' } },
      { id: 'b1-can', referredSince: { commit: second, date: '2026-11-27', symbol: 'INF/ECOM/62/Rev.1' } },
    ])
    const markdown = await run(['stocktake', '--history'], { cwd: repository })
    expect(markdown.stdout).toContain('| Japan | none | no support (0) | INF/ECOM/22 |  | 6 December 2026 (INF/ECOM/62) |')
    expect(markdown.stdout).toContain('| Canada | none | no support (0) | INF/ECOM/22 |  | 27 November 2026 (INF/ECOM/62/Rev.1) |')
  })

  test('outside a git repository: a usage error', async () => {
    const folder = scratch('consolidate-no-git-')
    cpSync(path.join(fixtures, 'rev6'), folder, { recursive: true })
    const result = await run(['stocktake', '--history', '--root', folder])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^consolidate: stocktake --history reads the git history, and .+ is not in a git repository\n$/)
  })
})
