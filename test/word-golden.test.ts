/**
 * Word goldens beside the Markdown and HTML ones: the parts of the .docx
 * that say what a reader sees (the document, its footnotes, comments and
 * numbering), one XML element a line, compared byte for byte.
 * `UPDATE=1` rewrites them; a golden changes only in a commit that says why.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, test } from 'vitest'
import { golden } from './helpers/golden.js'
import { revisionsRepository } from './helpers/revisions.js'
import { run } from './helpers/run.js'
import { scratch } from './helpers/scratch.js'

const fixtures = path.join(import.meta.dirname, 'fixtures')
const PARTS = ['word/document.xml', 'word/footnotes.xml', 'word/comments.xml', 'word/numbering.xml']

/** One element a line: what a reader of a diff can follow. */
function lines(xml: string): string {
  return `${xml.replace(/>\s*</g, '>\n<').trim()}\n`
}

function compare(expected: string, file: string): void {
  const parts = unzipSync(readFileSync(file))
  for (const part of PARTS) if (parts[part]) golden(path.join(expected, path.basename(part)), lines(strFromU8(parts[part])))
}

describe.each([
  ['exports', []],
  ['no-text', []],
  ['notes', []],
  ['merged', []],
  ['clean', ['--view', 'clean']],
  ['paris-draft-2015', []],
  ['chair-texts', []],
] as const)('Word: fixture %s', (name, args) => {
  test('the document, its footnotes and numbering', async () => {
    const out = scratch('consolidate-word-')
    const result = await run(['build', '--root', path.join(fixtures, name), '--out', out, '--format', 'docx', ...args])
    expect(result.code, result.stderr).toBe(0)
    compare(path.join(fixtures, name, 'expected-word'), path.join(out, `${args.length > 0 ? 'clean' : 'consolidated'}.docx`))
  })
})

test('Word: the redline of Rev.6 since Rev.5, its tracked changes and comments', async () => {
  const repo = revisionsRepository()
  const out = scratch('consolidate-word-')
  const result = await run(['build', '--format', 'docx', '--out', out], { cwd: repo.root })
  expect(result.code, result.stderr).toBe(0)
  compare(path.join(import.meta.dirname, 'revisions', 'expected-word'), path.join(out, 'consolidated-redline.docx'))
})
