/**
 * `templates/reference.docx`: the secretariat's own Word document, whose
 * styles, fonts, page size and margins every Word output takes. Read under
 * the workspace's rules (a link only inside it, a regular file, never past
 * 10 MiB), then checked to be a Word document that expands to at most 50 MiB
 * before anything of it is inflated (docs/reference.md, Word to the
 * secretariat's own template). Applying its styles is the renderer's.
 */
import { strFromU8, unzipSync, type UnzipFileInfo } from 'fflate'
import { RULES, type Diagnostic } from '../types.js'
import type { Source } from './source.js'
import { readNamed } from './workspace.js'

/** Where a workspace keeps it. */
export const REFERENCE_DOCX = 'templates/reference.docx'

/** The file is held to 10 MiB, and everything in it to 50 MiB once expanded. */
export const REFERENCE_LIMITS = { bytes: 10 * 1024 * 1024, expanded: 50 * 1024 * 1024 } as const

/** More entries than a Word document has: a sign of a crafted archive, refused before it is walked through. */
const MAX_ENTRIES = 10_000

/** The reference document, read and checked. */
export interface ReferenceDocument {
  bytes: Uint8Array
  /** Its `word/styles.xml`. */
  styles: string
}

/** The workspace's reference document when it has one and it is sound; else its problems (none when it has none). */
export async function readReferenceDocx(source: Source): Promise<{ reference?: ReferenceDocument; diagnostics: Diagnostic[] }> {
  if ((await source.entry(REFERENCE_DOCX)) === undefined) return { diagnostics: [] }
  const stamp = await source.stamp?.(REFERENCE_DOCX)
  const known = stamp === undefined ? undefined : checked.get(stamp)
  if (known) return known
  const result = await readAndCheck(source)
  if (stamp !== undefined) remember(stamp, result)
  return result
}

async function readAndCheck(source: Source): Promise<{ reference?: ReferenceDocument; diagnostics: Diagnostic[] }> {
  const read = await readNamed(source, REFERENCE_DOCX, REFERENCE_LIMITS.bytes)
  if ('absent' in read) return { diagnostics: [] }
  if ('problem' in read) {
    const { problem } = read
    if (problem.rule === 'too-large') {
      const size = /(\d+) bytes/.exec(problem.message)?.[1]
      return {
        diagnostics: [
          invalid(
            `the file is ${size ? `${size} bytes` : 'larger than that'}, more than the ${REFERENCE_LIMITS.bytes} bytes (10 MiB) a reference document may be; save it without embedded fonts or pictures (its styles are what counts), or remove it to use the built-in styles`,
          ),
        ],
      }
    }
    return { diagnostics: [{ ...problem, message: problem.message.replace(/must be a text file saved as UTF-8$/, 'must be a Word document (.docx)') }] }
  }
  const outcome = checkReferenceDocx(read.bytes)
  return 'problem' in outcome ? { diagnostics: [invalid(outcome.problem)] } : { reference: { bytes: read.bytes, styles: outcome.styles }, diagnostics: [] }
}

/**
 * Whether `bytes` are a Word document within the limits: a zip archive that
 * expands to at most 50 MiB and holds `word/styles.xml`; its styles, or why
 * it is not one. Sizes are read from the archive's directory before any entry
 * is inflated, and only the styles are. Pure.
 */
export function checkReferenceDocx(bytes: Uint8Array): { styles: string } | { problem: string } {
  const notWord =
    'it is not a Word document (a .docx file is a zip archive, and this one is not); save the secretariat\'s document from Word as "Word Document (*.docx)", or remove it to use the built-in styles'
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { problem: notWord }
  const entries: UnzipFileInfo[] = []
  try {
    unzipSync(bytes, {
      filter(entry) {
        if (entries.push(entry) > MAX_ENTRIES) throw new RangeError('too many entries')
        return false
      },
    })
  } catch (error) {
    if (error instanceof RangeError && error.message === 'too many entries')
      return {
        problem: `it holds more than ${MAX_ENTRIES} files, which no Word document does; save the secretariat's document from Word as "Word Document (*.docx)", or remove it`,
      }
    return { problem: notWord }
  }
  const expanded = entries.reduce((sum, entry) => sum + entry.originalSize, 0)
  if (expanded > REFERENCE_LIMITS.expanded) {
    return {
      problem: `it expands to ${expanded} bytes, more than the ${REFERENCE_LIMITS.expanded} bytes (50 MiB) a reference document may hold; it only needs the secretariat's styles: save an empty document that has them, or remove it`,
    }
  }
  if (!entries.some((entry) => entry.name === 'word/styles.xml')) {
    return {
      problem:
        'it holds no word/styles.xml, which every Word document has: it is another kind of zip archive (a spreadsheet, a presentation, a folder of files); save the secretariat\'s document from Word as "Word Document (*.docx)", or remove it',
    }
  }
  try {
    const styles = strFromU8(unzipSync(bytes, { filter: (entry) => entry.name === 'word/styles.xml' })['word/styles.xml'])
    if (!/<w:styles[\s>]/.test(styles))
      return {
        problem:
          'its word/styles.xml holds no Word styles (no <w:styles> element); save the secretariat\'s document from Word as "Word Document (*.docx)", or remove it',
      }
    return { styles }
  } catch {
    return { problem: `its word/styles.xml cannot be read (the archive is damaged); ${notWord.replace(/^it is not a Word document \([^)]*\); /, '')}` }
  }
}

function invalid(message: string): Diagnostic {
  return { file: REFERENCE_DOCX, line: 1, column: 1, severity: RULES['invalid-template'], rule: 'invalid-template', message }
}

/** Checked documents by content stamp (a git blob id): a history walk meets the same one at every commit. Two are enough. */
const checked = new Map<string, { reference?: ReferenceDocument; diagnostics: Diagnostic[] }>()

function remember(stamp: string, result: { reference?: ReferenceDocument; diagnostics: Diagnostic[] }): void {
  checked.set(stamp, result)
  if (checked.size > 2) checked.delete(checked.keys().next().value!)
}
