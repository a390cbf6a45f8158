/** One proposal file (bytes) to a Proposal and its problems. Pure: no file system. */
import type { Root } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { analyseBody } from './body-edits.js'
import { readFrontMatter } from './front-matter.js'
import { decode, LineIndex, normalise } from '../read/decode.js'
import { tooLarge } from './limits.js'
import { checkStructure, structureLimits } from './structure.js'
import { DEFAULT_LIMITS, RULES, type Diagnostic, type ParseResult, type Place, type Rule } from '../types.js'

const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze()

/** Ids are written into HTML comments, footnote labels and file names: keep them plain. */
const ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u

/** Parse Markdown with the same syntax as proposals (CommonMark, GFM, YAML front matter). */
export function parseMarkdown(text: string): Root {
  return markdown.parse(text)
}

export interface ParseOptions {
  /** Bytes; a larger file is rejected with `too-large`. */
  fileSize?: number
}

/**
 * Read one proposal. `file` is its path relative to the workspace root (it
 * names the diagnostics and gives the default id); `input` its bytes or text.
 */
export function parseProposal(file: string, input: Uint8Array | string, options: ParseOptions = {}): ParseResult {
  const diagnostics: Diagnostic[] = []
  const report = (rule: Rule, message: string, place: Place): void => {
    diagnostics.push({ file, line: place.line, column: place.column, severity: RULES[rule], rule, message })
  }
  const fileSize = options.fileSize ?? DEFAULT_LIMITS.fileSize
  const size = typeof input === 'string' ? new TextEncoder().encode(input).byteLength : input.byteLength
  if (size > fileSize) return { diagnostics: [tooLarge(file, size, fileSize)] }

  let text: string
  if (typeof input === 'string') {
    text = normalise(input)
  } else {
    const decoded = decode(input)
    if ('problem' in decoded) {
      report('invalid-encoding', decoded.problem, decoded.place)
      return { diagnostics }
    }
    text = decoded.text
  }

  if (!/^---[ \t]*(\n|$)/.test(text)) {
    report('no-front-matter', noFrontMatter(text), { line: 1, column: 1 })
    return { diagnostics }
  }
  const tree = parseMarkdown(text)
  const head = tree.children[0]
  if (head?.type !== 'yaml') {
    const dots = /\n\.\.\.[ \t]*(\n|$)/.test(text) ? ' (YAML\'s `...` does not close front matter)' : ''
    report('no-front-matter', `the front matter opened on line 1 is never closed${dots}; add a line \`---\` after its last field, e.g. \`author: Japan\``, { line: 1, column: 1 })
    return { diagnostics }
  }

  const frontMatter: Place = { line: 1, column: 1 }
  const { fields, problems } = readFrontMatter(head.value, (head.position?.start.line ?? 1) + 1)
  for (const problem of problems) report(problem.rule, problem.message, problem.place)
  const lines = new LineIndex(text)

  // Before anything else walks the tree: a body past the structural limits is not read further.
  const structure = checkStructure(tree, structureLimits(fileSize))
  if ('message' in structure) {
    report('too-complex', structure.message, lines.place(structure.offset))
    return { diagnostics }
  }

  const analysis = analyseBody(tree.children.slice(1), text, lines)
  if (!analysis.hasText) {
    // The line after the front matter, or its closing line when the file ends there.
    const closing = head.position?.end.line ?? 1
    const line = closing < lines.count() ? closing + 1 : closing
    report('empty-body', 'the proposal has no text; write the proposed treaty text below the front matter\'s closing `---`, e.g. `1. Each Party shall [endeavour to] …`', { line, column: 1 })
  }
  for (const problem of analysis.brackets) report('unbalanced-brackets', problem.message, problem.place)
  if (!fields) return { diagnostics }

  if (!fields.written.has('topic')) report('missing-topic', 'the front matter has no `topic`; add the outline id the proposal is on, e.g. `topic: A.1.4`', frontMatter)
  if (!fields.written.has('author')) {
    report('missing-author', 'the front matter has no `author`; add the participant(s) who tabled it, e.g. `author: Japan` or `author: [Japan, Singapore]`', frontMatter)
  }

  const id = fields.id?.value ?? baseName(file)
  if (!ID_PATTERN.test(id)) {
    const where = fields.id ? `the \`id\` "${id}"` : `the id "${id}", taken from the file name,`
    const fix = fields.id ? 'change it' : 'rename the file or add an `id` field'
    report('invalid-field', `${where} must be letters, digits, '.', '_' and '-' only, starting with a letter or digit; ${fix}, e.g. \`id: a14-jpn-einvoicing\``, fields.id?.place ?? frontMatter)
  }

  // A proposal whose fields could be read is returned even when the file has
  // other errors, so that checks across files (ids, topics, names) still run on it.
  if (!fields.topic || !fields.authors) return { diagnostics }
  return {
    proposal: {
      id,
      file,
      topic: fields.topic,
      title: fields.title,
      authors: fields.authors,
      supporters: fields.supporters,
      status: fields.status,
      submitted: fields.submitted,
      document: fields.document,
      places: { id: fields.id?.place ?? frontMatter, status: fields.places.status ?? frontMatter, frontMatter },
      body: analysis.body,
    },
    diagnostics,
  }
}

/** Why a file has no front matter, and how to add one. */
function noFrontMatter(text: string): string {
  const fix = 'start the file with a line `---`, then fields such as `topic: A.1.4` and `author: Japan`, then a line `---`'
  if (/^\+\+\+[ \t]*\n/.test(text)) return `the file has TOML front matter (\`+++\`); front matter must be YAML: ${fix}`
  if (/^\s*\n\s*---[ \t]*\n/.test(text) || /^[ \t]+---[ \t]*\n/.test(text)) return `the file has no front matter on its first line (the \`---\` must be the very first line, with nothing before it); ${fix}`
  if (/^-{4,}[ \t]*\n/.test(text) || /^—/.test(text)) return `the file has no front matter (the first line must be exactly three hyphens \`---\`); ${fix}`
  return `the file has no front matter; ${fix}`
}

/** The file's name without its folder and without `.md`. */
export function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1).replace(/\.md$/i, '')
}
