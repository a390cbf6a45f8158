/** Which files a build writes, for each output format. Pure, but for loading the heavy renderers lazily. */
import { renderStocktake } from './stocktaking.js'
import type { CleanText } from '../assemble/clean.js'
import type { Negotiation } from '../types.js'
import type { Output } from '../write.js'
import { renderMarkdown } from './markdown.js'

export const OUTPUT_FORMATS = ['md', 'html', 'docx'] as const
export type OutputFormat = (typeof OUTPUT_FORMATS)[number]

export interface Templates {
  /** `templates/cover.md`. */
  cover?: string
  /** `templates/consolidated.css`, the style of the HTML page. */
  css?: string
}

/**
 * The outputs of a build: the consolidated text in each format, and the
 * stocktaking report. The HTML and Word renderers (rehype, docx) are loaded
 * only when their format is asked for, so other commands start fast.
 */
export async function renderOutputs(negotiation: Negotiation, formats: OutputFormat[], templates: Templates): Promise<Output[]> {
  const outputs: Output[] = []
  for (const format of formats) {
    switch (format) {
      case 'md':
        outputs.push({ name: 'consolidated.md', content: renderMarkdown(negotiation, templates.cover) })
        break
      case 'html': {
        const { renderHtml } = await import('./html.js')
        outputs.push({ name: 'consolidated.html', content: renderHtml(negotiation, templates) })
        break
      }
      case 'docx': {
        const { renderDocx } = await import('./docx.js')
        outputs.push({ name: 'consolidated.docx', content: await renderDocx(negotiation, templates) })
        break
      }
    }
  }
  outputs.push({ name: 'stocktaking.md', content: renderStocktake(negotiation) })
  return outputs
}

/**
 * The outputs of a clean-text build (`--view clean`, SPEC §11): the clean text
 * in each format, and no stocktaking report. Its redline (`--since`) will sit
 * beside it as `clean-redline.<ext>`, made from the clean texts of both revisions.
 */
export async function renderCleanOutputs(clean: CleanText, formats: OutputFormat[], templates: Templates): Promise<Output[]> {
  const outputs: Output[] = []
  for (const format of formats) {
    switch (format) {
      case 'md': {
        const { renderCleanMarkdown } = await import('./clean.js')
        outputs.push({ name: 'clean.md', content: renderCleanMarkdown(clean, templates.cover) })
        break
      }
      case 'html': {
        const { renderCleanHtml } = await import('./clean-html.js')
        outputs.push({ name: 'clean.html', content: renderCleanHtml(clean, templates) })
        break
      }
      case 'docx': {
        const { renderCleanDocx } = await import('./clean-docx.js')
        outputs.push({ name: 'clean.docx', content: await renderCleanDocx(clean, templates) })
        break
      }
    }
  }
  return outputs
}
