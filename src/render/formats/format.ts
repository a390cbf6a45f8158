/**
 * What a format is: a compiler of any view's document tree, and (for formats
 * that parse authors' texts) a converter of one text's syntax tree, run on
 * the parser threads within the deadline. The registry is formats/index.ts.
 */
import type { Root } from 'mdast'
import type { BodyChange, BodyNode, Document } from '../tree.js'

/** Options every converter of a text is given, on a thread. */
export interface ConvertContext {
  /** A prefix unique to the text, for the ids it writes (HTML). */
  namespace: string
  /** In the document's language: a footnote's link back to the text (HTML). */
  backLabel: string
  /** The text belongs to a redline: no author markup may pass for a change. */
  redline: boolean
}

/** The part of a format that runs on a thread: one text's placed syntax tree (marked, in a redline) to what the compiler takes. */
export interface Converter<Out = unknown> {
  convert(tree: Root, context: ConvertContext): Out
}

/** What the threads prepared for a document, by node. */
export interface Prepared {
  /** The converted text of a `body` or `bodyChange` node, for the format compiling. */
  get(node: BodyNode | BodyChange): unknown
}

/** The part of a format that runs on the main thread: a whole document to its bytes. */
export interface Compiler {
  compile(document: Document, prepared: Prepared, assets: Assets): Promise<string | Uint8Array> | string | Uint8Array
}

/** What a workspace gives every document beside its tree: its own style sheet, templates. */
export interface Assets {
  /** `templates/consolidated.css`: the HTML page's style. */
  css?: string
  /** `templates/reference.docx`: the Word documents' styles, fonts, page size and margins. */
  reference?: { bytes: Uint8Array; styles: string }
}

export interface Format {
  /** As `--format` names it, and the output's extension. */
  name: string
  /** Whether a command prints a document in this format on the terminal (`stocktake`) rather than writing it to a file. */
  printed: boolean
  /** Whether authors' texts are parsed and converted on the threads for this format (else only changed texts of a redline are). */
  parsesBodies: boolean
  /** The level a text's `#` headings start from, under an outline entry of `depth` (0: the cover). */
  headingLevel: (depth: number) => number
  /** Loaded on a thread only when a text is converted for this format. */
  converter: () => Promise<Converter>
  /** Loaded only when a document is written in this format. */
  compiler: () => Promise<Compiler>
}
