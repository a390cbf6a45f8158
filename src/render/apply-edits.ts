/** A proposal's body as it stands in a document: its source with its edits applied. */
import type { Body } from '../types.js'
import type { LabelNamer } from './label-names.js'

export interface BodyContext {
  /** Proposed texts get the enclosing brackets; stabilized ones stand clean. */
  bracketed: boolean
  /** Level of the heading the body sits under: a body `#` becomes one level deeper. */
  headingLevel: number
  /**
   * The name each footnote and link label takes in a document shared with other
   * bodies (see `documentLabels`). Without it the labels stay as written: right
   * for a body parsed on its own, where no other file's labels can meet them.
   */
  labels?: LabelNamer
  /** A redline's Markdown: an author's strikethrough is written `<s>…</s>`, where `~~` would read as a deletion. */
  strikes?: boolean
}

/** Apply a body's edits. Linear in the body's length; the body is never re-parsed. */
export function renderBody(body: Body, context: BodyContext): string {
  const pieces: string[] = []
  let at = body.start
  for (const edit of body.edits) {
    if (edit.kind === 'bracket' && !context.bracketed) continue
    if (edit.kind === 'label' && !context.labels) continue
    if (edit.kind === 'strike' && !context.strikes) continue
    // Inside a stretch already replaced (a line break of a setext heading inside a label written across lines).
    if (edit.start < at) continue
    pieces.push(body.source.slice(at, edit.start))
    switch (edit.kind) {
      case 'bracket':
      case 'text':
        pieces.push(edit.text)
        break
      case 'heading':
        pieces.push('#'.repeat(Math.min(6, context.headingLevel + edit.depth)), edit.suffix)
        break
      case 'label':
        pieces.push(edit.space === 'footnote' ? '[^' : '[', context.labels!(edit.space, edit.identifier), ']')
        break
      case 'strike':
        pieces.push(edit.open ? '<s>' : '</s>')
        break
    }
    at = Math.max(at, edit.end)
  }
  pieces.push(body.source.slice(at, body.end))
  return pieces.join('')
}
