/** A proposal's body as it stands in the consolidated text: its source with its edits applied. */
import type { Body } from '../types.js'

export interface BodyContext {
  /** Unique across the workspace: prefixes the file's footnote and link labels. */
  id: string
  /** Proposed texts get the enclosing brackets; stabilized ones stand clean. */
  bracketed: boolean
  /** Level of the heading the body sits under: a body `#` becomes one level deeper. */
  headingLevel: number
}

/** Apply a body's edits. Linear in the body's length; the body is never re-parsed. */
export function renderBody(body: Body, context: BodyContext): string {
  const pieces: string[] = []
  let at = body.start
  for (const edit of body.edits) {
    if (edit.kind === 'bracket' && !context.bracketed) continue
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
        pieces.push(edit.before, `${context.id}:${edit.label}`, edit.after)
        break
    }
    at = Math.max(at, edit.end)
  }
  pieces.push(body.source.slice(at, body.end))
  return pieces.join('')
}
