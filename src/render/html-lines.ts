/** Layout of generated HTML source. */
import type { ElementContent } from 'hast'

/** Nodes one per line, so the page's source reads well and diffs well. */
export function lines(nodes: Array<ElementContent | undefined>): ElementContent[] {
  const out: ElementContent[] = [{ type: 'text', value: '\n' }]
  for (const node of nodes) if (node !== undefined) out.push(node, { type: 'text', value: '\n' })
  return out
}
