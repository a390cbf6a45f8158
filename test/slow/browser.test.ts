/**
 * consolidated.html in a real browser (Debian's Chromium, driven by playwright-core):
 * it renders, logs no error, fetches nothing, runs no proposal's script, shows
 * the support matrix. Screenshots go to test-artifacts/ (not in git).
 * Without Chromium this test fails and says how to install it.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { run } from '../helpers/run.js'
import { scratch, workspace } from '../helpers/scratch.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ARTIFACTS = path.join(import.meta.dirname, '..', '..', 'test-artifacts')
const FIXTURE = path.join(import.meta.dirname, '..', 'fixtures', 'exports')
const SAMPLE = path.join(import.meta.dirname, '..', '..')

/** Build `root`'s HTML page and return its path. */
async function buildPage(root: string, ...args: string[]): Promise<string> {
  const out = scratch('consolidate-browser-')
  const result = await run(['build', '--root', root, '--out', out, '--format', 'html', ...args])
  expect(result.code, result.stderr).toBe(0)
  // The original language is never suffixed; the sample's is English, and `--lang fr` writes consolidated.fr.html.
  const lang = args[args.indexOf('--lang') + 1]
  return path.join(out, args.includes('--lang') && lang !== 'en' ? `consolidated.${lang}.html` : 'consolidated.html')
}

/** The text of a page printed to PDF by Chromium, as pdftotext (poppler) extracts it. */
async function printedText(file: string, pdf: string): Promise<string> {
  const context = await browser.newContext()
  const tab = await context.newPage()
  await tab.goto(pathToFileURL(file).href)
  await tab.pdf({ path: pdf, preferCSSPageSize: true })
  await context.close()
  return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })
}

/** The participant codes of a configuration, in order. */
function codes(root: string): string[] {
  return [...readFileSync(path.join(root, 'consolidate.yaml'), 'utf8').matchAll(/^\s+code: (\S+)$/gm)].map((match) => match[1])
}

let browser: Browser
let page: string

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`)
  }
  const out = scratch('consolidate-browser-')
  const result = await run(['build', '--root', FIXTURE, '--out', out, '--format', 'html'])
  expect(result.code, result.stderr).toBe(0)
  page = path.join(out, 'consolidated.html')
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  mkdirSync(ARTIFACTS, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
})

describe('consolidated.html in Chromium', () => {
  test('renders with no error, no request and no script run, and shows the support matrix', async () => {
    // JavaScript is on, so a script that slipped through would run and be caught.
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } })
    const tab = await context.newPage()
    const errors: string[] = []
    const requests: string[] = []
    const dialogs: string[] = []
    tab.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text())
    })
    tab.on('pageerror', (error) => errors.push(error.message))
    tab.on('request', (request) => requests.push(request.url()))
    tab.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    const url = pathToFileURL(page).href
    await tab.goto(url, { waitUntil: 'load' })
    await tab.waitForTimeout(300)

    expect(errors).toEqual([])
    expect(requests).toEqual([url])
    expect(dialogs).toEqual([])
    expect(await tab.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined()
    expect(await tab.evaluate(() => document.scripts.length)).toBe(0)
    expect(await tab.evaluate(() => document.querySelectorAll('iframe, img, object, embed, [onerror], [onclick], [style]').length)).toBe(0)
    expect(await tab.evaluate(() => [...document.querySelectorAll('a[href]')].filter((a) => !/^(https?:|#)/.test(a.getAttribute('href') ?? '')).length)).toBe(0)

    expect(await tab.locator('h1').innerText()).toBe('ELECTRONIC COMMERCE: CONSOLIDATED NEGOTIATING TEXT')
    expect(await tab.locator('table.matrix tbody tr').count()).toBe(12)
    expect(await tab.locator('table.matrix thead th.participant').count()).toBe(13)
    expect(await tab.locator('table.matrix tbody tr.referred').count()).toBe(5)
    const matrix = await tab.locator('table.matrix').boundingBox()
    expect(matrix && matrix.width > 300 && matrix.height > 200).toBe(true)
    // Bracket marks are styled, not text: the words read as written.
    expect(await tab.locator('#proposal-b1-idn-duties .text').innerText()).toBe(
      '[The Parties shall maintain their current practice of not imposing customs duties on electronic transmissions [until the next session of the Ministerial Conference].]',
    )

    await tab.screenshot({ path: path.join(ARTIFACTS, 'consolidated.png'), fullPage: true })
    await tab.locator('#support').screenshot({ path: path.join(ARTIFACTS, 'support-matrix.png') })
    await context.close()
  })

  test('reads the same with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const tab = await context.newPage()
    await tab.goto(pathToFileURL(page).href)
    expect(await tab.locator('article.proposal').count()).toBe(12)
    expect(await tab.locator('.flag').count()).toBe(5)
    expect(await tab.locator('#annex li').count()).toBe(2)
    await context.close()
  })

  test('prints on A4 pages', async () => {
    const context = await browser.newContext()
    const tab = await context.newPage()
    await tab.goto(pathToFileURL(page).href)
    const pdf = await tab.pdf({ path: path.join(ARTIFACTS, 'consolidated.pdf'), preferCSSPageSize: true })
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []
    // Cover, contents, matrix, four sections and the annex each start a page.
    expect(pages.length).toBeGreaterThanOrEqual(8)
    await context.close()
  })

  test('printed, the support matrix of the sample keeps every participant (27 columns fit an A4 landscape page)', async () => {
    const text = await printedText(await buildPage(SAMPLE), path.join(ARTIFACTS, 'sample.pdf'))
    const expected = codes(SAMPLE)
    expect(expected).toHaveLength(27)
    const matrix = text.slice(text.indexOf('SUPPORT BY PROPOSAL AND PARTICIPANT'), text.lastIndexOf('Proposals tabled or supported'))
    expect(expected.filter((code) => !new RegExp(`^${code}$`, 'm').test(matrix))).toEqual([])
  })

  test('printed, a matrix of 61 participants is split into parts that repeat the row labels, and keeps every participant', async () => {
    // The benchmark's generator: 61 participants, as a large plurilateral negotiation has.
    const generator = pathToFileURL(path.join(SAMPLE, 'bench', 'generate.js')).href
    const { generate } = (await import(generator)) as { generate: (folder: string, count: number) => void }
    const root = scratch('consolidate-wide-')
    generate(root, 40)
    const text = await printedText(await buildPage(root), path.join(ARTIFACTS, 'wide-matrix.pdf'))
    const expected = codes(root)
    expect(expected).toHaveLength(61)
    const matrix = text.slice(text.indexOf('SUPPORT BY PROPOSAL AND PARTICIPANT'), text.lastIndexOf('Proposals tabled or supported'))
    expect(expected.filter((code) => !new RegExp(`^${code}$`, 'm').test(matrix))).toEqual([])
    expect(matrix).toContain('Participants 1\u201331 of 61')
    expect(matrix).toContain('Participants 32\u201361 of 61')
    // Each part has the row labels: the first proposal's label stands twice (the screen's table is not printed).
    const label = /^A\.1\.1 Alt 1 .+$/m.exec(matrix)?.[0]
    expect(label).toBeDefined()
    expect(matrix.split(label!).length - 1).toBe(2)
  })

  test('on screen, every row label of the matrix is shown whole, alternatives told apart by their label first', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } })
    for (const lang of ['en', 'fr']) {
      const tab = await context.newPage()
      await tab.goto(pathToFileURL(await buildPage(SAMPLE, '--lang', lang)).href)
      const rows = await tab.locator('table.matrix tbody th.row').evaluateAll((cells) =>
        cells.map((cell) => ({
          text: (cell as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
          title: cell.getAttribute('title'),
          cut: cell.scrollWidth > cell.clientWidth + 1,
        })),
      )
      expect(rows).toHaveLength(42)
      expect(rows.filter((row) => row.cut || row.text !== row.title)).toEqual([])
      const alternatives = rows.filter((row) => row.text.startsWith('B.2.1 '))
      expect(alternatives.map((row) => row.text.split(' ').slice(0, 3).join(' '))).toEqual(
        lang === 'en'
          ? ['B.2.1 Alt 1', 'B.2.1 Alt 2', 'B.2.1 Alt 3', 'B.2.1 Alt 4']
          : ['B.2.1 Variante 1', 'B.2.1 Variante 2', 'B.2.1 Variante 3', 'B.2.1 Variante 4'],
      )
      if (lang === 'en') await tab.locator('#support').screenshot({ path: path.join(ARTIFACTS, 'sample-support-matrix.png') })
    }
    await context.close()
  })

  test('a style sheet that tries to end its <style> element stays a style sheet: nothing navigates, fetches or runs', async () => {
    const root = workspace({
      'proposals/a.md': '---\ntopic: A.1\nauthor: Japan\n---\n\nText.\n',
      'templates/consolidated.css':
        'body { color: #123456; }\n</style><meta http-equiv="refresh" content="0;url=http://evil.example/x"><style>\n</STYLE ><script>window.__injected = true</script>\n',
    })
    const file = await buildPage(root)
    const context = await browser.newContext()
    const tab = await context.newPage()
    const requests: string[] = []
    tab.on('request', (request) => requests.push(request.url()))
    const url = pathToFileURL(file).href
    await tab.goto(url, { waitUntil: 'load' })
    await tab.waitForTimeout(1500)
    expect(tab.url()).toBe(url)
    expect(requests).toEqual([url])
    expect(await tab.evaluate(() => document.querySelectorAll('meta').length)).toBe(3)
    // The style sheet, whole in its one element, and the page's own (its footer's page numbers).
    expect(await tab.evaluate(() => [...document.querySelectorAll('style')].map((style) => style.textContent!.includes('#123456')))).toEqual([true, false])
    expect(await tab.evaluate(() => document.scripts.length)).toBe(0)
    expect(await tab.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(18, 52, 86)')
    await context.close()
  })
})
