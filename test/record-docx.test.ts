/**
 * The record and the clean text in Word, read back by an independent reader
 * (mammoth): notes, the Parked label, [No text], the merged annex; the clean
 * text's articles without brackets, markers or attributions, and its concordance.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import mammoth from 'mammoth'
import { describe, expect, test } from 'vitest'
import { run } from './helpers/run.js'
import { scratch } from './helpers/scratch.js'

const FIXTURES = path.join(import.meta.dirname, 'fixtures')

async function docxText(root: string, file: string, ...args: string[]): Promise<{ text: string; bytes: Buffer }> {
  const out = scratch('consolidate-record-docx-')
  const result = await run(['build', '--root', root, '--out', out, '--format', 'docx', ...args])
  expect(result.code, result.stderr).toBe(0)
  const bytes = readFileSync(path.join(out, file))
  // As HTML, so the footnotes (the attributions) are read too.
  const { value } = await mammoth.convertToHtml({ buffer: bytes })
  const text = value
    .replace(/<sup>.*?<\/sup>/g, '')
    .replace(/<\/?(p|li|h\d|td|th)\b[^>]*>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
  return { text, bytes }
}

describe('consolidated.docx', () => {
  test('notes under their topic with their kind and author, before the proposals', async () => {
    const { text } = await docxText(path.join(FIXTURES, 'notes'), 'consolidated.docx')
    const heading = text.indexOf('A.1.4 Electronic invoicing')
    const drafting = text.indexOf('Drafting note (Secretariat) Terminology')
    const facilitator = text.indexOf('Facilitator’s note (Norway) The facilitator invites participants to consider paragraph 1.')
    const proposal = text.indexOf('[Each Party shall [endeavour to] accept electronic invoices.')
    expect(heading).toBeGreaterThan(-1)
    expect([heading, drafting, facilitator, proposal].every((at, index, all) => at > -1 && (index === 0 || at > all[index - 1]))).toBe(true)
    expect(text).toContain('Secretariat note (WTO Secretariat) No proposal has been tabled on this section yet.')
  })

  test('Parked with its reason, [No text], and the merged annex with the receiving attribution', async () => {
    const parked = await docxText(path.join(FIXTURES, 'parked'), 'consolidated.docx')
    expect(parked.text).toContain('Alt 2 – Parked: subject to the discussion on scope.')
    expect(parked.text).toContain('Parked.')
    const noText = await docxText(path.join(FIXTURES, 'no-text'), 'consolidated.docx')
    expect(noText.text).toContain('Alt 2 [No text]')
    expect(noText.text).toContain('Stabilized text No text')
    const merged = await docxText(path.join(FIXTURES, 'merged'), 'consolidated.docx')
    expect(merged.text).toContain(
      'Proponent: Japan. Supporters: Australia; Canada; Singapore. (INF/ECOM/30/Rev.2) Incorporates the proposal of Singapore (INF/ECOM/55) and the proposal of Chile and Canada.',
    )
    expect(merged.text).toContain(
      'Annex: Merged proposals A.1.4: Electronic invoicing in government procurement (INF/ECOM/55). Proponent: Singapore. Incorporated into the proposal of Japan (INF/ECOM/30/Rev.2). A.2.1: Electronic invoices as trade documents. Proponents: Chile; Canada. Incorporated into the proposal of Japan (INF/ECOM/30/Rev.2).',
    )
    expect(merged.text).toContain('This text is without prejudice to the position of any participant on any issue.')
  })
})

describe('clean.docx', () => {
  test('articles numbered in outline order, texts as written, no attribution, the concordance; the same bytes twice', async () => {
    const root = path.join(FIXTURES, 'clean')
    const first = await docxText(root, 'clean.docx', '--view', 'clean')
    const { text } = first
    expect(text).toContain('Clean text')
    expect(text).toContain('This text is without prejudice to the position of any participant on any issue.')
    expect(text).toContain(
      'Article 1: Electronic transactions frameworks Each Party shall maintain a legal framework governing electronic transactions consistent with the UNCITRAL Model Law.',
    )
    expect(text).toContain(
      'Article 2: Electronic signatures Each Party shall not deny the legal validity of a signature solely because it is in electronic form.',
    )
    expect(text).toContain('Parties shall encourage the use of [interoperable] electronic authentication.')
    expect(text).toContain('Article 3: Open internet access')
    expect(text).not.toMatch(/Proponents?:|Supporters:|Alt \d|Referred|note/)
    expect(text).not.toContain('A.2 Digital trade facilitation')
    expect(text).toContain('Annex: Concordance')
    expect(text).toMatch(/A\.1\.2\s*Electronic signatures Article 2 Electronic signatures \(Canada\); Electronic signatures \(Singapore\)/)
    expect(text).toMatch(/A\.1\.4\s*Electronic invoicing no text/)
    expect((await docxText(root, 'clean.docx', '--view', 'clean')).bytes.equals(first.bytes)).toBe(true)
  })
})
