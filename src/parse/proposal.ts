/** One proposal file (bytes) to a Proposal and its problems. Pure: no file system. */
import type { Root, Yaml } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { analyseBody, type BodyAnalysis } from './body-edits.js'
import { readFrontMatter, type FrontMatter } from './front-matter.js'
import { decode, LineIndex, normalise } from '../read/decode.js'
import { tooLarge } from '../diagnostics/limits.js'
import { checkStructure, structureLimits } from './structure.js'
import { DEFAULT_LIMITS, RULES, type Diagnostic, type Located, type ParseResult, type Place, type Rule } from '../types.js'

const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze()

/** Ids are written into HTML comments, footnote labels and file names: keep them plain. */
export const ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u

/** Parse Markdown with the same syntax as proposals (CommonMark, GFM, YAML front matter). */
export function parseMarkdown(text: string): Root {
  return markdown.parse(text)
}

const plain = unified().use(remarkParse).use(remarkGfm).freeze()

/** Parse Markdown that has no front matter (a cover, a text already cut from its file): a leading `---` is a rule. */
export function parsePlain(text: string): Root {
  return plain.parse(text)
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
  const read = readMarkdownFile(file, input, options, PROPOSAL)
  if ('done' in read) return read.done
  const { head, diagnostics, report } = read

  const frontMatter: Place = { line: 1, column: 1 }
  const { fields, problems } = readFrontMatter(head.value, (head.position?.start.line ?? 1) + 1)
  for (const problem of problems) report(problem.rule, problem.message, problem.place)

  const analysis = readBody(
    read,
    fields?.noText
      ? undefined
      : 'the proposal has no text; write the proposed treaty text below the front matter\'s closing `---`, e.g. `1. Each Party shall [endeavour to] …` (or, for a "no text" alternative, add `noText: true` to the front matter)',
  )
  if (!fields) return { diagnostics }

  if (!fields.written.has('topic'))
    report('missing-topic', 'the front matter has no `topic`; add the outline id the proposal is on, e.g. `topic: A.1.4`', frontMatter)
  if (!fields.written.has('author')) {
    report(
      'missing-author',
      'the front matter has no `author`; add the participant(s) who tabled it, e.g. `author: Japan` or `author: [Japan, Singapore]`',
      frontMatter,
    )
  }

  const id = fields.id?.value ?? baseName(file)
  if (!ID_PATTERN.test(id)) {
    const where = fields.id ? `the \`id\` "${id}"` : `the id "${id}", taken from the file name,`
    const fix = fields.id ? 'change it' : 'rename the file or add an `id` field'
    report(
      'invalid-field',
      `${where} must be letters, digits, '.', '_' and '-' only, starting with a letter or digit; ${fix}, e.g. \`id: ${idLike(id)}\``,
      fields.id?.place ?? frontMatter,
    )
  } else if (fields.id) checkNotTranslationId(fields.id, report)
  const statusPlace = fields.places.status ?? frontMatter
  checkStatusFields(fields, id, statusPlace, analysis.hasText, report)

  // A proposal whose fields could be read is returned even when the file has
  // other errors, so that checks across files (ids, topics, names) still run on it;
  // without an author too: a workspace without attributions needs none (SPEC §15).
  if (!fields.topic) return { diagnostics }
  return {
    proposal: {
      id,
      file,
      topic: fields.topic,
      title: fields.title,
      authors: fields.authors ?? [],
      supporters: fields.supporters,
      status: fields.status,
      submitted: fields.submitted,
      ...(fields.order === undefined ? {} : { order: fields.order }),
      document: fields.document,
      ...(fields.reason === undefined ? {} : { reason: fields.reason }),
      ...(fields.mergedInto === undefined ? {} : { mergedInto: fields.mergedInto }),
      noText: fields.noText ?? false,
      ...(fields.brackets === undefined ? {} : { brackets: fields.brackets }),
      ...(fields.allow === undefined ? {} : { allow: fields.allow }),
      ...(fields.language === undefined ? {} : { language: fields.language }),
      places: { id: fields.id?.place ?? frontMatter, status: statusPlace, frontMatter },
      body: analysis.body,
      facts: analysis.facts,
    },
    diagnostics,
  }
}

/** The checks of `status: merged` (`mergedInto`), `status: parked` (`reason`) and `noText` that need only this file. */
function checkStatusFields(fields: FrontMatter, id: string, statusPlace: Place, hasText: boolean, report: Report): void {
  const { status, mergedInto } = fields
  if (status === 'merged' && mergedInto === undefined) {
    report(
      'invalid-merge',
      '`status: merged` needs `mergedInto`, the id of the proposal this one was folded into, e.g. `mergedInto: a14-jpn-einvoicing`; add it, or give another status',
      statusPlace,
    )
  }
  if (mergedInto !== undefined && status !== 'merged') {
    report(
      'invalid-merge',
      `\`mergedInto\` is only for a merged proposal, and this one's status is ${status}; set \`status: merged\`, or remove \`mergedInto: ${mergedInto.value}\``,
      mergedInto.place,
    )
  } else if (mergedInto !== undefined && mergedInto.value === id) {
    report(
      'invalid-merge',
      `a proposal cannot be merged into itself ("${id}"); \`mergedInto\` must name the proposal that took its text in, e.g. \`mergedInto: a14-jpn-einvoicing\``,
      mergedInto.place,
    )
  }
  if (fields.reason !== undefined && status !== 'parked') {
    report(
      'invalid-field',
      `\`reason\` says why a proposal is parked, and this one's status is ${status}; set \`status: parked\`, or remove \`reason\``,
      fields.places.reason!,
    )
  }
  if (fields.noText && hasText) {
    report(
      'invalid-field',
      '`noText: true` makes this a "no text" alternative (no provision on the topic), so it has no text of its own, yet the body has some; remove the body (a note under notes/ can explain the position), or remove `noText`',
      fields.places.noText!,
    )
  }
}

type Report = (rule: Rule, message: string, place: Place) => void

/** What one kind of file is called and looks like, for the messages that say how to fix it. */
export interface FileKind {
  /** `the proposal`, `the note`. */
  what: string
  /** Typical fields, e.g. `` `topic: A.1.4` and `author: Japan` ``. */
  fields: string
  /** The folder it lives in. */
  folder: string
  /** A field to end the front matter with, in the message about a block never closed (default: `by: Facilitator`, a proposal's `author: Japan`). */
  lastField?: string
}

const PROPOSAL: FileKind = { what: 'proposal', fields: '`topic: A.1.4` and `author: Japan`', folder: 'proposals' }

export interface MarkdownFile {
  text: string
  tree: Root
  head: Yaml
  lines: LineIndex
  diagnostics: Diagnostic[]
  report: Report
}

/**
 * The body of `read` analysed: its stray brackets reported, and `empty` (the hint for a text that
 * has none) reported after the front matter when there is no text, unless `empty` is undefined.
 */
export function readBody(read: MarkdownFile, empty: string | undefined): BodyAnalysis {
  const analysis = analyseBody(read.tree.children.slice(1), read.text, read.lines)
  if (!analysis.hasText && empty !== undefined) read.report('empty-body', empty, afterFrontMatter(read.head, read.lines))
  for (const problem of analysis.brackets) read.report('unbalanced-brackets', problem.message, problem.place)
  return analysis
}

/**
 * The first steps of reading a proposal or a note: the size limit, the
 * encoding, the front matter block and the syntax tree. `done` when the file
 * cannot be read further (its diagnostics say why).
 */
export function readMarkdownFile(file: string, input: Uint8Array | string, options: ParseOptions, kind: FileKind): MarkdownFile | { done: ParseResult } {
  const diagnostics: Diagnostic[] = []
  const report: Report = (rule, message, place) => {
    diagnostics.push({ file, line: place.line, column: place.column, severity: RULES[rule], rule, message })
  }
  const fileSize = options.fileSize ?? DEFAULT_LIMITS.fileSize
  const size = typeof input === 'string' ? new TextEncoder().encode(input).byteLength : input.byteLength
  if (size > fileSize) return { done: { diagnostics: [tooLarge(file, size, fileSize, `the ${kind.what}`)] } }

  let text: string
  if (typeof input === 'string') {
    text = normalise(input)
  } else {
    const decoded = decode(input)
    if ('problem' in decoded) {
      report('invalid-encoding', decoded.problem, decoded.place)
      return { done: { diagnostics } }
    }
    text = decoded.text
  }

  if (!/^---[ \t]*(\n|$)/.test(text)) {
    report('no-front-matter', noFrontMatter(text, file, kind), { line: 1, column: 1 })
    return { done: { diagnostics } }
  }
  const tree = parseMarkdown(text)
  const head = tree.children[0]
  if (head?.type !== 'yaml') {
    const dots = /\n\.\.\.[ \t]*(\n|$)/.test(text) ? " (YAML's `...` does not close front matter)" : ''
    report(
      'no-front-matter',
      `the front matter opened on line 1 is never closed${dots}; add a line \`---\` after its last field, e.g. \`${kind.lastField ?? (kind === PROPOSAL ? 'author: Japan' : 'by: Facilitator')}\``,
      { line: 1, column: 1 },
    )
    return { done: { diagnostics } }
  }
  const lines = new LineIndex(text)
  // Before anything else walks the tree: a body past the structural limits is not read further.
  const structure = checkStructure(tree, structureLimits(fileSize))
  if ('message' in structure) {
    report('too-complex', structure.message, lines.place(structure.offset))
    return { done: { diagnostics } }
  }
  return { text, tree, head, lines, diagnostics, report }
}

/** The line after the front matter, or its closing line when the file ends there: where an empty body is reported. */
export function afterFrontMatter(head: Yaml, lines: LineIndex): Place {
  const closing = head.position?.end.line ?? 1
  return { line: closing < lines.count() ? closing + 1 : closing, column: 1 }
}

/** Why a file has no front matter, and how to add one; or, for a file that is no proposal (a README), how to keep it out. */
function noFrontMatter(text: string, file: string, kind: FileKind): string {
  const fix = `start the file with a line \`---\`, then fields such as ${kind.fields}, then a line \`---\``
  if (/^\+\+\+[ \t]*\n/.test(text)) return `the file has TOML front matter (\`+++\`); front matter must be YAML: ${fix}`
  if (/^\s*\n\s*---[ \t]*\n/.test(text) || /^[ \t]+---[ \t]*\n/.test(text))
    return `the file has no front matter on its first line (the \`---\` must be the very first line, with nothing before it); ${fix}`
  if (/^-{4,}[ \t]*\n/.test(text) || /^—/.test(text)) return `the file has no front matter (the first line must be exactly three hyphens \`---\`); ${fix}`
  const leaf = file.slice(file.lastIndexOf('/') + 1)
  const other = kind === PROPOSAL ? 'a README, notes' : 'a README'
  return `the file has no front matter; ${fix}; if it is not a ${kind.what} (${other}), rename it \`_${leaf}\` (names starting with \`_\` are skipped) or keep it out of ${kind.folder}/`
}

/** An id made of what was written: `s9 my proposal (v2)` → `s9-my-proposal-v2`. */
function idLike(written: string): string {
  const slug = written
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[-._]+|-+$/g, '')
  return slug === '' ? 'a14-jpn-einvoicing' : slug
}

/** An id ending `.en`, `.fr` or `.es`, in any case: a translation's name (SPEC §17), never a text's. */
export const TRANSLATION_ID = /\.(en|fr|es)$/i

/** `invalid-field` on an `id` that would read as a translation's name. */
export function checkNotTranslationId(id: Located, report: (rule: 'invalid-field', message: string, place: Place) => void): void {
  const suffix = TRANSLATION_ID.exec(id.value)
  if (!suffix) return
  const plain = id.value.slice(0, suffix.index)
  report(
    'invalid-field',
    `the \`id\` "${id.value}" ends in \`${suffix[0]}\`, which names a translation (a file \`<name>${suffix[0].toLowerCase()}.md\` beside its original), never a text of its own; choose another id, e.g. \`id: ${plain}-${suffix[1].toLowerCase()}\``,
    id.place,
  )
}

/** The file's name without its folder and without `.md`. */
export function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1).replace(/\.md$/i, '')
}
