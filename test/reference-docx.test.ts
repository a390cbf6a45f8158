/** templates/reference.docx: a Word document within 10 MiB (50 MiB expanded) is read for its styles; anything else is invalid-template, and nothing of a zip bomb is inflated. */
import { symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, test } from 'vitest'
import { loadWorkspace } from '../src/load/pipeline.js'
import { folderSource } from '../src/read/folder.js'
import { checkReferenceDocx, REFERENCE_LIMITS } from '../src/read/reference-docx.js'
import { ThreadPool } from '../src/threads/pool.js'
import { run } from './helpers/run.js'
import { scratch, workspace } from './helpers/scratch.js'

const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>'
const word = (extra: Record<string, Uint8Array> = {}): Uint8Array =>
  zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>'), 'word/styles.xml': strToU8(STYLES), ...extra })

const proposal = '---\ntopic: A.1\nauthor: Japan\n---\n\nEach Party shall [endeavour to] cooperate.\n'
const at = (message: string) => ({ file: 'templates/reference.docx', line: 1, column: 1, severity: 'error', rule: 'invalid-template', message })

describe('checkReferenceDocx', () => {
  test('a Word document: its styles', () => {
    expect(checkReferenceDocx(word())).toEqual({ styles: STYLES })
  })

  test('not a zip archive', () => {
    expect(checkReferenceDocx(strToU8('{\\rtf1 a Word 97 document saved as RTF}'))).toEqual({
      problem:
        'it is not a Word document (a .docx file is a zip archive, and this one is not); save the secretariat\'s document from Word as "Word Document (*.docx)", or remove it to use the built-in styles',
    })
    expect(checkReferenceDocx(strToU8('PK but not a zip'))).toHaveProperty(
      'problem',
      'it is not a Word document (a .docx file is a zip archive, and this one is not); save the secretariat\'s document from Word as "Word Document (*.docx)", or remove it to use the built-in styles',
    )
  })

  test("a zip without word/styles.xml, or with styles that are not Word's", () => {
    expect(checkReferenceDocx(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/styles.xml': strToU8('<styleSheet/>') }))).toEqual({
      problem:
        'it holds no word/styles.xml, which every Word document has: it is another kind of zip archive (a spreadsheet, a presentation, a folder of files); save the secretariat\'s document from Word as "Word Document (*.docx)", or remove it',
    })
    expect(checkReferenceDocx(zipSync({ 'word/styles.xml': strToU8('<html/>') }))).toEqual({
      problem:
        'its word/styles.xml holds no Word styles (no <w:styles> element); save the secretariat\'s document from Word as "Word Document (*.docx)", or remove it',
    })
  })

  test('a zip bomb: refused from the sizes it declares, before anything is inflated', () => {
    const bomb = word({ 'word/media/image1.bin': new Uint8Array(REFERENCE_LIMITS.expanded) })
    expect(bomb.length).toBeLessThan(1024 * 1024)
    expect(checkReferenceDocx(bomb)).toEqual({
      problem: `it expands to ${REFERENCE_LIMITS.expanded + STYLES.length + 8 + 13} bytes, more than the 52428800 bytes (50 MiB) a reference document may hold; it only needs the secretariat's styles: save an empty document that has them, or remove it`,
    })
    // Sizes that lie are refused as they are declared: the styles' entry claims 60 MiB.
    const lying = word()
    const view = new DataView(lying.buffer, lying.byteOffset, lying.byteLength)
    for (let at = 0; at < lying.length - 46; at++) {
      if (
        view.getUint32(at, true) === 0x02014b50 &&
        new TextDecoder().decode(lying.subarray(at + 46, at + 46 + view.getUint16(at + 28, true))) === 'word/styles.xml'
      )
        view.setUint32(at + 24, 60 * 1024 * 1024, true)
    }
    expect(checkReferenceDocx(lying)).toHaveProperty('problem')
    expect((checkReferenceDocx(lying) as { problem: string }).problem).toMatch(/^it expands to \d+ bytes, more than the 52428800 bytes/)
  })

  test('an archive of more entries than any Word document', () => {
    const many = Object.fromEntries(Array.from({ length: 10_001 }, (_, index) => [`word/part${index}.xml`, strToU8('x')]))
    expect(checkReferenceDocx(zipSync({ ...many, 'word/styles.xml': strToU8(STYLES) }))).toEqual({
      problem:
        'it holds more than 10000 files, which no Word document does; save the secretariat\'s document from Word as "Word Document (*.docx)", or remove it',
    })
  })
})

describe('in a workspace', () => {
  test('check reports a reference document that is not one as invalid-template, at the file, exit 1; build writes nothing', async () => {
    const root = workspace({ 'proposals/a1-jpn.md': proposal, 'templates/reference.docx': 'not a document\n' })
    const result = await run(['check', '--root', root, '--format', 'json'])
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout)).toEqual([
      at(
        'it is not a Word document (a .docx file is a zip archive, and this one is not); save the secretariat\'s document from Word as "Word Document (*.docx)", or remove it to use the built-in styles',
      ),
    ])
    expect((await run(['build', '--root', root])).code).toBe(1)
  })

  test('over 10 MiB: invalid-template, and the file is not read past the limit', async () => {
    const root = workspace({ 'proposals/a1-jpn.md': proposal, 'templates/reference.docx': new Uint8Array(REFERENCE_LIMITS.bytes + 1) })
    const result = await run(['check', '--root', root, '--format', 'json'])
    expect(JSON.parse(result.stdout)).toEqual([
      at(
        'the file is 10485761 bytes, more than the 10485760 bytes (10 MiB) a reference document may be; save it without embedded fonts or pictures (its styles are what counts), or remove it to use the built-in styles',
      ),
    ])
  })

  test('a link out of the workspace is not followed', async () => {
    const outside = path.join(scratch(), 'reference.docx')
    writeFileSync(outside, word())
    const root = workspace({ 'proposals/a1-jpn.md': proposal, 'templates/proposal.md': '---\ntopic: {{topic}}\nauthor: {{author}}\n---\n\nText.\n' })
    symlinkSync(outside, path.join(root, 'templates', 'reference.docx'))
    const result = await run(['check', '--root', root, '--format', 'json'])
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout)).toEqual([
      {
        file: 'templates/reference.docx',
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'unreadable-file',
        message: `this symbolic link leads outside the workspace (${outside}); links that leave the workspace are not followed: copy the file into the workspace instead`,
      },
    ])
  })

  test('a sound one is read with the workspace, its styles for the renderer', async () => {
    const document = word()
    const root = workspace({ 'proposals/a1-jpn.md': proposal, 'templates/reference.docx': document })
    expect(await run(['check', '--root', root, '--format', 'json'])).toEqual({ code: 0, stdout: '[]\n', stderr: '' })
    const pool = new ThreadPool()
    try {
      const loaded = await loadWorkspace(folderSource(root), { pool })
      expect(loaded.reference?.styles).toBe(STYLES)
      expect(loaded.reference?.bytes).toEqual(document)
    } finally {
      await pool.close()
    }
    const without = await (async () => {
      const plain = new ThreadPool()
      try {
        return await loadWorkspace(folderSource(workspace({ 'proposals/a1-jpn.md': proposal })), { pool: plain })
      } finally {
        await plain.close()
      }
    })()
    expect(without).not.toHaveProperty('reference')
  })
})
