/**
 * The jobs of the parser threads that prepare authors' texts for the formats
 * (see texts.ts): a text is parsed (never with the enclosing brackets as text),
 * checked against the structural limits, placed (brackets inserted into the
 * tree, headings re-levelled), in a redline compared with its older version,
 * then converted by each format that asks. Everything whose cost depends on
 * what an author wrote runs here, within the deadline.
 */
import type { Definition, Root, RootContent } from 'mdast'
import { visit } from 'unist-util-visit'
import { parseMarkdown, parsePlain } from '../parse/proposal.js'
import { checkStructure, structureLimits } from '../parse/structure.js'
import { visibleBidi } from '../diagnostics/format.js'
import { LineIndex } from '../read/decode.js'
import { RULES, type Diagnostic } from '../types.js'
import { FORMATS } from './formats/index.js'
import type { ConvertContext } from './formats/format.js'
import { withoutMasthead } from './masthead.js'
import { headingsOf, placeBrackets, relevel, type Bracket } from './place.js'
import { diffChildren, markBlock, Relabel } from './redline/diff.js'
import { LITERAL } from './literal.js'

declare module '../threads/pool.js' {
  interface Jobs {
    /** An author's text for the formats: parsed, placed and converted. */
    text: { input: TextJob; output: TextJobResult }
    /** A changed text of a redline: both versions compared, then converted. */
    change: { input: ChangeJob; output: TextJobResult }
  }
}

/** One text to parse and place. */
export interface TextInput {
  /** Names the diagnostics: a proposal's file, or the cover template. */
  file: string
  /** A proposal file's normalised text (front matter included), or Markdown alone (the cover). */
  source: string
  frontMatter: boolean
  /** Where the enclosing brackets go, as offsets in `source`; none for a text that stands clean. */
  brackets: Bracket[]
  /** The depth of the outline entry it stands under (0: the cover). */
  depth: number
  /** The cover's masthead (title, symbol, date, disclaimer): the blocks that only repeat it are left out. */
  masthead?: string[]
}

/** A text for the formats: converted by each of `formats`. */
export interface TextJob {
  text: TextInput
  /** `limits.fileSize`, which sets the limit on nodes. */
  fileSize: number
  formats: string[]
  context: ConvertContext
}

/** A changed text of a redline: both versions compared, then converted; one side alone is wholly inserted or deleted. */
export interface ChangeJob {
  old?: TextInput
  next?: TextInput
  fileSize: number
  formats: string[]
  context: ConvertContext
}

export interface TextJobResult {
  /** A `too-complex` diagnostic when the text is past the structural limits (or the thread's deadline). */
  diagnostics: Diagnostic[]
  /** Each format's conversion, by the format's name. */
  results: Record<string, unknown>
}

/** Run a `text` job. */
export async function runTextJob(job: TextJob): Promise<TextJobResult> {
  const placed = place(job.text, job.fileSize)
  if ('diagnostic' in placed) return { diagnostics: [placed.diagnostic], results: {} }
  return { diagnostics: [], results: await convert(placed.tree, job.text.depth, job.formats, job.context) }
}

/** Run a `change` job. */
export async function runChangeJob(job: ChangeJob): Promise<TextJobResult> {
  // The same text on both sides (one holding what reads as a redline's markup, see redline/transform.ts): placed once, nothing to mark.
  const same = job.old !== undefined && job.next !== undefined && JSON.stringify(job.old) === JSON.stringify(job.next)
  const sides = (same ? [job.next] : [job.old, job.next]).map((text) => (text === undefined ? undefined : place(text, job.fileSize)))
  const diagnostics = sides.flatMap((side) => (side !== undefined && 'diagnostic' in side ? [side.diagnostic] : []))
  if (diagnostics.length > 0) return { diagnostics, results: {} }
  const trees = sides.map((side) => (side !== undefined && 'tree' in side ? resolveReferences(side.tree).children : undefined))
  const tree: Root = { type: 'root', children: same ? trees[0]! : marked(trees[0], trees[1]) }
  if (!same) bidiShown(tree)
  return { diagnostics: [], results: await convert(tree, (job.next ?? job.old)?.depth ?? 0, job.formats, job.context) }
}

/**
 * A changed text's bidirectional controls written out (`\u202e`), in every
 * format: an override or an isolate left open would reorder the marked words
 * around it, so that a change reads as another (docs/decisions.md).
 */
function bidiShown(tree: Root): void {
  visit(tree, (node) => {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') node.value = visibleBidi(node.value)
  })
}

/** The newer blocks with every change from the older marked; one side alone is wholly inserted or deleted. */
function marked(old: RootContent[] | undefined, next: RootContent[] | undefined): RootContent[] {
  if (old && next) return diffChildren(old, next, new Relabel(old, next))
  return old ? old.map((node) => markBlock(node, 'delete')) : (next ?? []).map((node) => markBlock(node, 'insert'))
}

/** The tree of a text, placed; or the diagnostic of a text past the structural limits. */
function place(text: TextInput, fileSize: number): { tree: Root } | { diagnostic: Diagnostic } {
  const tree: Root = text.frontMatter ? parseMarkdown(text.source) : parsePlain(text.source)
  // A proposal passed these limits when it was checked; the cover has not been checked, and limits may have changed since.
  const structure = checkStructure(tree, structureLimits(fileSize))
  if ('message' in structure) {
    const place = new LineIndex(text.source).place(structure.offset)
    return {
      diagnostic: { file: text.file, line: place.line, column: place.column, severity: RULES['too-complex'], rule: 'too-complex', message: structure.message },
    }
  }
  if (tree.children[0]?.type === 'yaml') tree.children.shift()
  if (text.masthead) tree.children = withoutMasthead(tree.children, text.masthead)
  markLiterals(tree, text.source)
  placeBrackets(tree, text.brackets)
  return { tree }
}

/**
 * Brackets written `\[` `\]` (or `&#91;` `&#93;`) are not negotiating brackets:
 * in the text they are LITERAL's stand-ins, which no format marks as a
 * bracket; each format writes them back as `[` and `]`.
 */
function markLiterals(tree: Root, source: string): void {
  if (!/\\[[\]]|&#(?:9[13]|x5[bd]);/i.test(source)) return
  visit(tree, 'text', (node) => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined || !/[[\]]/.test(node.value)) return
    node.value = literalsIn(node.value, source.slice(start, end))
  })
}

/** `value` with each bracket that `written` escapes replaced by its stand-in; the two read together from the start. */
function literalsIn(value: string, written: string): string {
  let out = ''
  let at = 0
  for (let index = 0; index < value.length; index++) {
    const char = value[index]
    const escaped = written[at] === '\\' && written[at + 1] === char
    const reference = /^&#(?:(\d+)|x([0-9a-f]+));/i.exec(written.slice(at, at + 10))
    if (escaped) {
      out += LITERAL[char as '[' | ']'] ?? char
      at += 2
    } else if (reference && String.fromCodePoint(reference[1] ? Number(reference[1]) : parseInt(reference[2], 16)) === char) {
      out += LITERAL[char as '[' | ']'] ?? char
      at += reference[0].length
    } else {
      out += char
      // Where the two part (a line ending, an entity), the written text moves on to the same character.
      const next = written.indexOf(char, at)
      at = next === -1 ? at : next + 1
    }
  }
  return out
}

/** Each format's conversion of a placed tree, its headings at the levels the format gives them. */
async function convert(tree: Root, depth: number, formats: string[], context: ConvertContext): Promise<Record<string, unknown>> {
  const headings = headingsOf(tree)
  const results: Record<string, unknown> = {}
  for (const name of formats) {
    const format = FORMATS.find((each) => each.name === name)
    if (!format) throw new Error(`no format is named ${name}`)
    relevel(headings, format.headingLevel(depth))
    results[name] = (await format.converter()).convert(tree, context)
  }
  return results
}

/**
 * A text's link references made links (their definitions are the text's own,
 * left out): a reference's label may differ between revisions, its address is what counts.
 */
function resolveReferences(root: Root): Root {
  const definitions = new Map<string, Definition>()
  visit(root, 'definition', (node) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node)
  })
  visit(root, (node, index, parent) => {
    if ((node.type !== 'linkReference' && node.type !== 'imageReference') || parent === undefined || index === undefined) return
    const definition = definitions.get(node.identifier)
    if (!definition) return
    parent.children[index] =
      node.type === 'linkReference'
        ? { type: 'link', url: definition.url, title: definition.title ?? null, children: node.children }
        : { type: 'image', url: definition.url, title: definition.title ?? null, alt: node.alt ?? '' }
  })
  return { ...root, children: root.children.filter((node) => node.type !== 'definition') }
}
