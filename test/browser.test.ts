/**
 * consolidated.html in a real browser (Debian's Chromium, driven by playwright-core):
 * it renders, logs no error, fetches nothing, runs no proposal's script, shows
 * the support matrix. Screenshots go to test-artifacts/ (not in git).
 * Without Chromium this test fails and says how to install it.
 */
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { run } from './helpers/run.js'
import { scratch } from './helpers/scratch.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ARTIFACTS = path.join(import.meta.dirname, '..', 'test-artifacts')
const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'exports')

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
})
