/**
 * consolidated.docx read back by an independent reader (mammoth): every live
 * proposal's text, its attribution footnote, the body footnotes, the flags and
 * the annex are there; two builds give the same bytes; no clock time inside.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import mammoth from 'mammoth'
import type { Nodes } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import { beforeAll, describe, expect, test } from 'vitest'
import { placements } from '../src/assemble/negotiation.js'
import { attributionText, labelsFor } from '../src/render/labels.js'
import { parseMarkdown } from '../src/parse/proposal.js'
import { negotiationOf } from '../src/load/pipeline.js'
import { loadFolder } from './helpers/load.js'
import { renderBody } from '../src/render/apply-edits.js'
import type { Negotiation } from '../src/types.js'
import { run } from './helpers/run.js'
import { scratch, workspace } from './helpers/scratch.js'

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'exports')

async function build(...args: string[]): Promise<{ out: string; bytes: Buffer }> {
  const out = scratch('consolidate-docx-')
  const result = await run(['build', '--root', FIXTURE, '--out', out, '--format', 'docx', ...args])
  expect(result.code, result.stderr).toBe(0)
  // A language other than the configuration's (en) is in the file's name.
  const language = args.includes('--lang') ? args[args.indexOf('--lang') + 1] : 'en'
  return { out, bytes: readFileSync(path.join(out, language === 'en' ? 'consolidated.docx' : `consolidated.${language}.docx`)) }
}

/** Text of an HTML fragment: blocks apart, inline marks joined, spaces squashed (no-break spaces kept). */
function text(html: string): string {
  return html
    .replace(/<sup><a href="#footnote-\d+" id="footnote-ref-\d+">\[\d+\]<\/a><\/sup>/g, '')
    .replace(/<\/?(p|li|ol|ul|h\d|table|tr|td|th)\b[^>]*>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/[ \t\r\n]+/g, ' ')
    .trim()
}

/** Every paragraph of a body as it stands in the text (brackets included), without raw HTML. */
function paragraphsOf(markdown: string): string[] {
  const paragraphs: string[] = []
  visit(parseMarkdown(markdown), (node: Nodes) => {
    if (node.type === 'paragraph')
      paragraphs.push(
        toString({ ...node, children: node.children.filter((child) => child.type !== 'html') })
          .replace(/\s+/g, ' ')
          .trim(),
      )
  })
  return paragraphs
}

let negotiation: Negotiation
let first: { out: string; bytes: Buffer }
let body: string
let notes: string

beforeAll(async () => {
  const workspace = await loadFolder(FIXTURE)
  negotiation = negotiationOf(workspace) as Negotiation
  first = await build()
  const { value: html } = await mammoth.convertToHtml({ buffer: first.bytes })
  const split = html.indexOf('<ol><li id="footnote-')
  body = text(split === -1 ? html : html.slice(0, split))
  notes = split === -1 ? '' : text(html.slice(split))
})

describe('consolidated.docx', () => {
  test('holds every live proposal, bracketed as in the text', () => {
    const live = placements(negotiation.topics)
    expect(live).toHaveLength(12)
    for (const { proposal } of live) {
      const markdown = renderBody(proposal.body, { bracketed: proposal.status === 'proposed', headingLevel: 3 })
      for (const paragraph of paragraphsOf(markdown)) {
        // Footnote bodies are in the notes; the hostile proposal's script text is dropped (checked below).
        if (proposal.id === 'c3-bra-privacy' && paragraph.includes('__injected')) continue
        expect(`${body} ${notes}`, proposal.id).toContain(paragraph)
      }
    }
  })

  test('drops raw HTML and its script, and never makes a javascript: link', async () => {
    expect(body).toContain(
      '[Each Party shall adopt or maintain a legal framework that provides for the protection of the personal data of the users of electronic commerce. In the development',
    )
    expect(body).toContain('such as the OECD Privacy Guidelines.')
    expect(`${body}${notes}`).not.toContain('__injected')
    expect(`${body}${notes}`).not.toContain('document.cookie')
    const files = unzipSync(first.bytes)
    const xml = Object.entries(files)
      .filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels'))
      .map(([, bytes]) => strFromU8(bytes))
      .join('')
    expect(xml).not.toMatch(/javascript:|<script|onerror/i)
  })

  test('attributes each proposal in a footnote, keeps the body footnotes, flags referred proposals', () => {
    const labels = labelsFor('en')
    for (const { proposal, authors, supporters } of placements(negotiation.topics)) {
      expect(notes, proposal.id).toContain(attributionText(authors, supporters, labels))
    }
    expect(notes).toContain(
      'For greater certainty, nothing in this paragraph prevents a Party from according greater legal effect to an electronic signature that satisfies certain requirements.',
    )
    expect(notes).toContain('Such as the Peppol framework.')
    expect(notes).toContain('Singapore and Chile are consulting on whether this definition should also cover [receipts].')
    // 12 attributions, 5 body footnotes, and a body footnote referenced twice (Word repeats it).
    expect(notes.match(/↑/g)).toHaveLength(18)
    expect(body.match(/Referred to the stocktaking small group: no support\./g)).toHaveLength(1)
    expect(body.match(/Referred to the stocktaking small group: limited support\./g)).toHaveLength(4)
    expect(body).toContain('Alt 1 [Each Party shall endeavour to ensure')
    expect(body).toContain('Stabilized text Each Party shall maintain a legal framework')
  })

  test('has the cover, the outline as Word headings and the annex', async () => {
    const { value: html } = await mammoth.convertToHtml({ buffer: first.bytes })
    expect(body.startsWith('INF/ECOM/62/Rev.4 1 November 2026 Electronic Commerce: Consolidated Negotiating Text This text consolidates 12 proposals')).toBe(
      true,
    )
    expect(html).toContain('<h1>A\u2003Enabling electronic commerce</h1>')
    expect(html).toContain('<h3>A.1.4\u2003Electronic invoicing</h3>')
    expect(html).toContain('<h2>D.1\u2003Updating the WTO Reference Paper on telecommunications services</h2>')
    expect(html).toContain('<h1>Annex: Withdrawn proposals</h1>')
    // Numbered paragraphs are Word lists, brackets set in bold.
    expect(html).toContain('<ol><li><strong>[</strong>Each Party shall endeavour to ensure that measures related to electronic invoicing')
    expect(body).toContain('B.2: Net neutrality. Proponent: European Union.')
    expect(body).toContain('C.1: Consumer protection (first text) (INF/ECOM/3). Proponent: Australia.')
  })

  test('is the same bytes on every build, dated from the configuration, and passes build --check', async () => {
    const second = await build()
    expect(second.bytes.equals(first.bytes)).toBe(true)
    // Zip dates carry no zone: the bytes must not depend on the machine's.
    const zone = process.env.TZ
    process.env.TZ = 'Pacific/Kiritimati'
    try {
      expect((await build()).bytes.equals(first.bytes)).toBe(true)
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
    const core = strFromU8(unzipSync(first.bytes)['docProps/core.xml'])
    expect(core.match(/\d{4}-\d\d-\d\dT[\d:]+Z/g)).toEqual(['2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z'])
    const check = await run(['build', '--root', FIXTURE, '--out', first.out, '--format', 'docx', '--check'])
    expect(check.code, check.stderr).toBe(0)
  })

  test('speaks French with --lang fr: labels, names and titles', async () => {
    const { bytes } = await build('--lang', 'fr')
    const { value: html } = await mammoth.convertToHtml({ buffer: bytes })
    const all = text(html)
    expect(all).toContain('Commerce électronique\u00a0: texte de négociation récapitulatif Le présent texte récapitule 12 propositions portant sur 10 thèmes.')
    // The texts are not translated: each is shown in English, under the pending line beside its alternative's label.
    expect(all).toContain('Facturation électronique Variante 1 \u2013 Traduction en attente\u00a0: texte original en anglais [Each Party shall endeavour')
    expect(all).toContain('Proposant\u00a0: Japon. Soutiens\u00a0: Australie\u00a0; Canada\u00a0; Singapour.')
    expect(all).toContain('Proposants\u00a0: Singapour\u00a0; Chili. Soutiens\u00a0: aucun.')
    expect(all).toContain("Renvoyée au petit groupe d'inventaire\u00a0: aucun soutien.")
    expect(html).toContain('<h1>Annexe\u00a0: Propositions retirées</h1>')
    expect(all).toContain('1er novembre 2026')
  })

  test('speaks Spanish with --lang es', async () => {
    const { bytes } = await build('--lang', 'es')
    const { value: html } = await mammoth.convertToHtml({ buffer: bytes })
    const all = text(html)
    expect(all).toContain('Facturación electrónica Variante 1 \u2013 Traducción pendiente: texto original en inglés [Each Party shall endeavour')
    expect(all).toContain('Proponente: Japón. Apoyos: Australia; Canadá; Singapur.')
    expect(all).toContain('Proponentes: Singapur; Chile. Apoyos: ninguno.')
    expect(all).toContain('Remitida al pequeño grupo de balance: ningún apoyo.')
    expect(html).toContain('<h1>Anexo: Propuestas retiradas</h1>')
    expect(all).toContain(
      'El presente texto refunde 12 propuestas sobre 10 temas. 5 propuestas se remiten al pequeño grupo de balance; se han retirado 2 propuestas.',
    )
  })
})

describe('hostile inputs in consolidated.docx', () => {
  /** XML 1.0's Char production: what a part of a .docx may hold. */
  const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u

  async function buildDocx(files: Record<string, string>): Promise<Record<string, Uint8Array>> {
    const root = workspace(files)
    const out = path.join(root, 'out')
    const result = await run(['build', '--root', root, '--out', out, '--format', 'docx'])
    expect(result.code, result.stderr).toBe(0)
    return unzipSync(readFileSync(path.join(out, 'consolidated.docx')))
  }

  test('characters XML forbids (U+FFFE, U+FFFF, controls) are left out of every part, wherever they come from', async () => {
    const files = await buildDocx({
      'consolidate.yaml': 'title: "Electronic \\uFFFECommerce\\uFFFF \\u0001Text"\nsymbol: "INF/\\uFFFF62"\n',
      'proposals/a.md':
        '---\ntopic: A.1\nauthor: "Jap\\uFFFFan"\ntitle: "Odd \\uFFFE title"\n---\n\nText \uFFFF. More\u000b text.[^1]\n\n[^1]: A note \uFFFE.\n',
    })
    const parts = Object.entries(files).filter(([name]) => /\.(xml|rels)$/.test(name))
    expect(parts.length).toBeGreaterThan(5)
    for (const [name, bytes] of parts) expect(!NOT_XML_CHAR.test(strFromU8(bytes)), name).toBe(true)
    const document = strFromU8(files['word/document.xml'])
    expect(document).toContain('<w:t xml:space="preserve">Text . More text.</w:t>')
    // The title's control character is written out, as in every format (U+FFFE and U+FFFF are no control: left out).
    expect(strFromU8(files['docProps/core.xml'])).toContain('<dc:title>Electronic Commerce \\x01Text</dc:title>')
    expect(strFromU8(files['word/footnotes.xml'])).toContain('A note .')
  })

  test('a date after 2099 (the last year a zip entry can hold) builds: the document is dated as given, its zip entries 2099-12-31', async () => {
    const root = workspace({ 'consolidate.yaml': 'date: 2100-01-01\n', 'proposals/a.md': '---\ntopic: A.1\nauthor: Japan\n---\n\nText.\n' })
    const out = path.join(root, 'out')
    const result = await run(['build', '--root', root, '--out', out, '--format', 'docx'])
    expect(result.code, result.stderr).toBe(0)
    const bytes = readFileSync(path.join(out, 'consolidated.docx'))
    expect(strFromU8(unzipSync(bytes)['docProps/core.xml']).match(/\d{4}-\d\d-\d\dT[\d:]+Z/g)).toEqual(['2100-01-01T00:00:00Z', '2100-01-01T00:00:00Z'])
    // The DOS date of the first local file header: bits 9-15 years since 1980, 5-8 month, 0-4 day.
    const dosDate = bytes.readUInt16LE(12)
    expect([1980 + (dosDate >> 9), (dosDate >> 5) & 15, dosDate & 31]).toEqual([2099, 12, 31])
  })

  test('a text that ends in a table has its attribution in a paragraph of its own after the table, not in the last cell', async () => {
    const files = await buildDocx({
      'proposals/a.md':
        '---\ntopic: A.1\nauthor: Japan\nsupporters: [Canada]\n---\n\nThe Parties agree on these terms:\n\n| Term | Meaning |\n| --- | --- |\n| a | b |\n',
    })
    const document = strFromU8(files['word/document.xml'])
    const table = document.slice(document.indexOf('<w:tbl>'), document.indexOf('</w:tbl>'))
    expect(table).toContain('>b</w:t>')
    expect(table).not.toContain('w:footnoteReference')
    const after = document.slice(document.indexOf('</w:tbl>') + '</w:tbl>'.length)
    expect(after.startsWith('<w:p>')).toBe(true)
    const paragraph = after.slice(0, after.indexOf('</w:p>'))
    // Kept with the stocktaking flag that follows it (the proposal has limited support).
    expect(paragraph).toMatch(
      /^<w:p><w:pPr><w:keepNext\/><\/w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="\d+"\/><\/w:r>$/,
    )
    expect(strFromU8(files['word/footnotes.xml'])).toContain('Proponent: Japan. Supporters: Canada.')
  })
})
