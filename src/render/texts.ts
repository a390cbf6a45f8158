/**
 * Authors' texts prepared for the formats on the parser threads: one job for
 * each text a document shows (the cover's note, a proposal's, a note's, a
 * changed text of a redline), each within the deadline. A text that overruns
 * is a `too-complex` diagnostic, and then no document is written.
 */
import type { Nodes } from 'mdast'
import { tooComplex, type Overrun } from '../diagnostics/limits.js'
import type { Job, Jobs } from '../threads/pool.js'
import type { Diagnostic, Limits } from '../types.js'
import type { Format, Prepared } from './formats/format.js'
import { labelsFor } from './labels.js'
import { bracketsOf } from './place.js'
import type { TextInput, TextJobResult } from './text-job.js'
import type { BodyChange, BodyNode, Document } from './tree.js'

/** What the threads prepared for one document, for each format; or the diagnostics of texts too complex to render. */
export type PreparedTexts = { prepared: Map<string, Prepared>; diagnostics: [] } | { prepared?: undefined; diagnostics: Diagnostic[] }

/** What runs the jobs: the parser threads (or, in a test, the jobs called in place). */
export interface Runner {
  run(jobs: Array<Job<'text'> | Job<'change'>>): Promise<Array<Jobs['text' | 'change']['output']>>
}

/** Prepare the texts of `document` for `formats` on the threads. */
export async function prepareTexts(document: Document, formats: readonly Format[], limits: Limits, pool: Runner): Promise<PreparedTexts> {
  const parsing = formats.filter((format) => format.parsesBodies).map((format) => format.name)
  const everyFormat = formats.map((format) => format.name)
  const nodes = textsOf(document.tree).filter((node) => node.type === 'bodyChange' || parsing.length > 0)
  const context = (node: BodyNode | BodyChange): { namespace: string; backLabel: string; redline: boolean } => ({
    namespace: namespaceOf(node.type === 'body' ? node : (node.next ?? node.old)!),
    backLabel: labelsFor(document.meta.language).document.backToText,
    redline: document.meta.redline !== undefined,
  })
  // Parsing a text again takes what parsing it did when it was checked (twice for a changed text); each format's conversion gets as long again.
  // Rounded to the millisecond, so that the message says 0.9 seconds, not 0.8999999999999999.
  const seconds = (texts: number, names: string[]): number => Math.round(limits.parseSeconds * (texts + names.length) * 1000) / 1000
  const jobs = nodes.map((node): Job<'text'> | Job<'change'> => {
    const file = node.type === 'body' ? node.file : (node.next ?? node.old)!.file
    const overrun = (cause: Overrun): TextJobResult => ({
      diagnostics: [tooComplex(file, cause, node.type === 'body' ? 'rendering' : 'comparing')],
      results: {},
    })
    if (node.type === 'body')
      return {
        kind: 'text',
        input: { text: textInput(node), fileSize: limits.fileSize, formats: parsing, context: context(node) },
        seconds: seconds(1, parsing),
        overrun,
      }
    const input = {
      ...(node.old ? { old: textInput(node.old) } : {}),
      ...(node.next ? { next: textInput(node.next) } : {}),
      fileSize: limits.fileSize,
      formats: everyFormat,
      context: context(node),
    }
    return { kind: 'change', input, seconds: seconds(2, everyFormat), overrun }
  })
  const results: TextJobResult[] = await pool.run(jobs)
  const diagnostics = results.flatMap((result) => result.diagnostics)
  if (diagnostics.length > 0) return { diagnostics }
  const prepared = new Map<string, Prepared>()
  for (const format of formats) {
    const byNode = new Map<BodyNode | BodyChange, unknown>()
    nodes.forEach((node, index) => {
      if (format.name in results[index].results) byNode.set(node, results[index].results[format.name])
    })
    prepared.set(format.name, { get: (node) => byNode.get(node) })
  }
  return { prepared, diagnostics: [] }
}

/** What a thread needs of a text. */
function textInput(node: BodyNode): TextInput {
  return {
    file: node.file,
    // A text with edits is a file's: its source whole, front matter included, so that offsets hold.
    source: node.body.source,
    frontMatter: node.frontMatter,
    brackets: node.enclosed ? bracketsOf(node.body) : [],
    depth: node.depth,
    ...(node.masthead ? { masthead: node.masthead } : {}),
  }
}

/** The prefix of the ids a text writes (HTML): its own, so that no text takes another's anchors. */
function namespaceOf(node: BodyNode): string {
  return node.anchor ?? `${node.owner}-`
}

/** Every text of a tree, in reading order. */
export function textsOf(tree: Nodes): Array<BodyNode | BodyChange> {
  const found: Array<BodyNode | BodyChange> = []
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'body' || node.type === 'bodyChange') found.push(node)
    else if (node.type === 'cover') found.push(node.text)
    if ('children' in node && node.type !== 'cover') for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index] as Nodes)
  }
  return found
}
