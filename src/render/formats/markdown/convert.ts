/** On a thread, for a redline's changed text: the marked syntax tree itself, which compile.ts writes with the document's labels. */
import type { RootContent } from 'mdast'
import type { Converter } from '../format.js'

export const converter: Converter<RootContent[]> = { convert: (tree) => tree.children }
