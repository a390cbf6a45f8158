/**
 * The documents a secretariat issues, opened as delegations open them: the
 * Word documents in LibreOffice and the HTML pages in Chromium, printed to
 * PDF and read back. Each carries its masthead and "Page x/y", the Word ones
 * the secretariat's reference document (its font and page size) and author,
 * and none shows a file name or an internal id. Without LibreOffice, Chromium
 * or poppler the test says which is missing and fails.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { beforeAll, describe, expect, test } from 'vitest'
import { scratch } from '../helpers/scratch.js'

const repo = path.join(import.meta.dirname, '..', '..')
const cli = path.join(repo, 'bin', 'consolidate.js')

function program(...names: string[]): string {
  // poppler's tools answer -v, the others --version.
  const found = names.find((name) => spawnSync(name, [name.startsWith('pdf') ? '-v' : '--version'], { stdio: 'ignore' }).status === 0)
  if (!found)
    throw new Error(
      `${names[0]} is not installed: install it (Debian: ${names[0] === 'soffice' ? 'libreoffice-writer-nogui' : names[0] === 'chromium' ? 'chromium' : 'poppler-utils'}) to run this test`,
    )
  return found
}

/** The words a PDF shows, as poppler reads them. */
function pdfText(file: string): string {
  return execFileSync(program('pdftotext'), ['-layout', file, '-'], { encoding: 'utf8' })
}

/** Every proposal's id and file name in the sample: none may show in a document delegations read. */
function internalNames(): string[] {
  const names: string[] = []
  const visit = (folder: string, prefix: string): void => {
    for (const entry of readdirSync(path.join(repo, folder), { withFileTypes: true })) {
      if (entry.isDirectory()) visit(path.join(folder, entry.name), `${prefix}${entry.name}/`)
      else if (entry.name.endsWith('.md') && !/\.(en|fr|es)\.md$/.test(entry.name)) names.push(entry.name.replace(/\.md$/, ''), `${prefix}${entry.name}`)
    }
  }
  for (const folder of ['proposals', 'notes', 'chair']) {
    try {
      visit(folder, `${folder}/`)
    } catch {
      // The sample may have no chair/ folder.
    }
  }
  return names
}

/** The secretariat's reference document: the built-in styles set in DejaVu Serif (a font LibreOffice has wherever it runs), on US Letter pages. */
function referenceDocx(built: Uint8Array): Uint8Array {
  const files = unzipSync(built)
  files['word/styles.xml'] = strToU8(
    strFromU8(files['word/styles.xml']).replace(/<w:rFonts [^>]*\/>/g, '<w:rFonts w:ascii="DejaVu Serif" w:hAnsi="DejaVu Serif" w:cs="DejaVu Serif"/>'),
  )
  files['word/document.xml'] = strToU8(
    strFromU8(files['word/document.xml']).replace(/<w:pgSz\b[^>]*\/>/, '<w:pgSz w:w="12240" w:h="15840" w:orient="portrait"/>'),
  )
  return zipSync(files)
}

let out: string

beforeAll(() => {
  const root = scratch('consolidate-documents-')
  for (const entry of ['consolidate.yaml', 'proposals', 'notes', 'templates']) cpSync(path.join(repo, entry), path.join(root, entry), { recursive: true })
  out = path.join(root, 'out')
  // A first build gives a Word document to make the reference from, as a secretariat saves its own.
  execFileSync(process.execPath, [cli, 'build', '--format', 'docx', '--lang', 'en', '--view', 'consolidated', '--out', out], { cwd: root, stdio: 'pipe' })
  writeFileSync(path.join(root, 'templates', 'reference.docx'), referenceDocx(readFileSync(path.join(out, 'consolidated.docx'))))
  execFileSync(process.execPath, [cli, 'build', '--out', out], { cwd: root, stdio: 'pipe', env: { ...process.env, CI: '1' } })
}, 300_000)

describe('Word, opened in LibreOffice', () => {
  test.each([
    ['consolidated.docx', 'Original: English', 'Page 1/'],
    ['consolidated.fr.docx', 'Original : anglais', 'Page 1/'],
    ['consolidated.es.docx', 'Original: inglés', 'Página 1/'],
    ['clean.docx', 'Original: English', 'Page 1/'],
    ['stocktaking.docx', 'Original: English', 'Page 1/'],
  ])('%s: masthead, page numbers, the reference document, no id or file name', (name, original, page) => {
    const soffice = program('soffice', 'libreoffice')
    const profile = `file://${scratch('consolidate-soffice-')}`
    const converted = spawnSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, path.join(out, name)], {
      encoding: 'utf8',
      timeout: 180_000,
    })
    expect(converted.status, converted.stderr).toBe(0)
    const pdf = path.join(out, name.replace(/\.docx$/, '.pdf'))
    const text = pdfText(pdf)
    for (const line of ['INF/ECOM/62/Rev.4', original]) expect(text, line).toContain(line)
    expect(text).toMatch(/WORLD TRADE ORGANIZATION|ORGANISATION MONDIALE DU COMMERCE|ORGANIZACIÓN MUNDIAL DEL COMERCIO/)
    expect(text).toMatch(/RESTRICTED|RESTREINT|RESERVADO/)
    // "Page 1/N" on the first page, "Page N/N" on the last.
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync(program('pdfinfo'), [pdf], { encoding: 'utf8' }))?.[1])
    expect(text).toContain(`${page}${pages}`)
    expect(text).toContain(`${page.replace('1/', `${pages}/`)}${pages}`)
    // The reference document's page size (US Letter) and font.
    expect(execFileSync(program('pdfinfo'), [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792 pts/)
    expect(execFileSync(program('pdffonts'), [pdf], { encoding: 'utf8' })).toContain('DejaVuSerif')
    for (const internal of internalNames()) expect(text, internal).not.toContain(internal)
    // The secretariat is the author.
    expect(strFromU8(unzipSync(readFileSync(path.join(out, name)))['docProps/core.xml'])).toContain('<dc:creator>WTO Secretariat</dc:creator>')
  })
})

describe('HTML, printed by Chromium', () => {
  test.each([
    ['consolidated.html', 'Original: English', 'Page 1/'],
    ['consolidated.fr.html', 'Original : anglais', 'Page 1/'],
    ['clean.es.html', 'Original: inglés', 'Página 1/'],
    ['stocktaking.html', 'Original: English', 'Page 1/'],
  ])('%s: masthead, page numbers, no id or file name', (name, original, page) => {
    const chromium = program('chromium', 'chromium-browser')
    const pdf = path.join(out, name.replace(/\.html$/, '.html.pdf'))
    const printed = spawnSync(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${scratch('consolidate-chromium-')}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${pdf}`,
        `file://${path.join(out, name)}`,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    )
    expect(printed.status, printed.stderr).toBe(0)
    const text = pdfText(pdf)
    for (const line of ['INF/ECOM/62/Rev.4', original]) expect(text, line).toContain(line)
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync(program('pdfinfo'), [pdf], { encoding: 'utf8' }))?.[1])
    expect(text).toContain(`${page}${pages}`)
    for (const internal of internalNames()) expect(text, internal).not.toContain(internal)
  })
})
