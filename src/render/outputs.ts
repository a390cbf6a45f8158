/** Which files a build writes, for each output format. Pure. */
import { renderStocktake } from '../stocktake.js'
import type { Negotiation } from '../types.js'
import type { Output } from '../write.js'
import { renderMarkdown } from './markdown.js'

export const OUTPUT_FORMATS = ['md'] as const
export type OutputFormat = (typeof OUTPUT_FORMATS)[number]

export interface Templates {
  /** `templates/cover.md`. */
  cover?: string
}

/** The outputs of a build: the consolidated text in each format, and the stocktaking report. */
export function renderOutputs(negotiation: Negotiation, formats: OutputFormat[], templates: Templates): Output[] {
  const outputs: Output[] = []
  for (const format of formats) {
    if (format === 'md') outputs.push({ name: 'consolidated.md', content: renderMarkdown(negotiation, templates.cover) })
  }
  outputs.push({ name: 'stocktaking.md', content: renderStocktake(negotiation) })
  return outputs
}
