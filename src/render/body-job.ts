/**
 * The `body` job of the parser threads (see threads/pool.ts): one body for the
 * HTML and Word documents. Its own text is parsed (never with the enclosing
 * brackets as text), checked against the structural limits, placed (brackets
 * inserted into the tree, headings re-levelled), then converted: everything
 * whose cost depends on what the author wrote runs here, within the deadline.
 */
import type { Root } from 'mdast'
import { parseMarkdown, parsePlain } from '../parse/proposal.js'
import { checkStructure, structureLimits } from '../parse/structure.js'
import { LineIndex } from '../read/decode.js'
import { RULES, type Diagnostic } from '../types.js'
import { docxBody, type DocxBody } from './docx-body.js'
import { htmlBody, type HtmlBody } from './html-body.js'
import { withoutMasthead } from './masthead.js'
import { headingsOf, placeBrackets, relevel, type Bracket } from './place.js'

export interface BodyJob {
  /** Names the diagnostics: a proposal's file, or the cover template. */
  file: string
  /** The text to parse: a proposal file's normalised text (front matter included), or the cover's Markdown. */
  source: string
  /** Whether `source` starts with front matter (a proposal file) or is Markdown alone (the cover). */
  frontMatter: boolean
  /** Where the enclosing brackets go, as offsets in `source`; none for a stabilized text. */
  brackets: Bracket[]
  /** `limits.fileSize`, which sets the limit on nodes. */
  fileSize: number
  /** The cover's masthead (title, symbol, date, disclaimer): the blocks that only repeat it are left out. */
  masthead?: Array<string | undefined>
  html?: { headingLevel: number; namespace: string; backLabel: string }
  docx?: { headingLevel: number }
}

export interface BodyJobResult {
  /** A `too-complex` diagnostic when the body is past the structural limits (or the thread's deadline). */
  diagnostics: Diagnostic[]
  html?: HtmlBody
  docx?: DocxBody
}

/** Run one `body` job. */
export function renderBodyJob(job: BodyJob): BodyJobResult {
  const tree: Root = job.frontMatter ? parseMarkdown(job.source) : parsePlain(job.source)
  // The proposal passed these limits when it was checked; the cover has not been checked, and limits may have changed since.
  const structure = checkStructure(tree, structureLimits(job.fileSize))
  if ('message' in structure) {
    const place = new LineIndex(job.source).place(structure.offset)
    return { diagnostics: [{ file: job.file, line: place.line, column: place.column, severity: RULES['too-complex'], rule: 'too-complex', message: structure.message }] }
  }
  if (tree.children[0]?.type === 'yaml') tree.children.shift()
  if (job.masthead) tree.children = withoutMasthead(tree.children, job.masthead)
  placeBrackets(tree, job.brackets)
  const headings = headingsOf(tree)
  const result: BodyJobResult = { diagnostics: [] }
  if (job.docx) {
    relevel(headings, job.docx.headingLevel)
    result.docx = docxBody(tree)
  }
  if (job.html) {
    relevel(headings, job.html.headingLevel)
    result.html = htmlBody(tree, { namespace: job.html.namespace, backLabel: job.html.backLabel })
  }
  return result
}
