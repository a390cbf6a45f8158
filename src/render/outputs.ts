/** Which files a build writes, for each output format. Pure, but for the parser threads and loading the heavy renderers lazily. */
import { renderStocktake } from './stocktaking.js'
import type { Diagnostic, Negotiation } from '../types.js'
import type { Output } from '../write.js'
import { renderMarkdown } from './markdown.js'
import type { ParsePool } from '../parse/pool.js'

export const OUTPUT_FORMATS = ['md', 'html', 'docx'] as const
export type OutputFormat = (typeof OUTPUT_FORMATS)[number]

export interface Templates {
  /** `templates/cover.md`. */
  cover?: string
  /** `templates/consolidated.css`, the style of the HTML page. */
  css?: string
}

export interface RenderOptions {
  /**
   * The parser threads, which prepare the HTML and Word bodies within
   * `limits.parseSeconds`; without them, threads are started for the render and closed after it.
   */
  pool?: ParsePool
}

/** What a build writes, or why it cannot: a body too complex to render (`too-complex`), and then no output. */
export interface Rendered {
  outputs: Output[]
  diagnostics: Diagnostic[]
}

/**
 * The outputs of a build: the consolidated text in each format, and the
 * stocktaking report. The HTML and Word renderers (rehype, docx) are loaded
 * only when their format is asked for, so other commands start fast; their
 * bodies are prepared on the parser threads, each within the deadline.
 */
export async function renderOutputs(negotiation: Negotiation, formats: OutputFormat[], templates: Templates, options: RenderOptions = {}): Promise<Rendered> {
  const html = formats.includes('html')
  const docx = formats.includes('docx')
  let bodies: import('./bodies.js').PreparedBodies = {}
  if (html || docx) {
    const { prepareBodies } = await import('./bodies.js')
    const prepared = await withThreads(options.pool, (pool) => prepareBodies(negotiation, { html, docx }, templates.cover, pool))
    if (prepared.diagnostics.length > 0) return { outputs: [], diagnostics: prepared.diagnostics }
    bodies = prepared.bodies
  }

  const outputs: Output[] = []
  for (const format of formats) {
    switch (format) {
      case 'md':
        outputs.push({ name: 'consolidated.md', content: renderMarkdown(negotiation, templates.cover) })
        break
      case 'html': {
        const { renderHtml } = await import('./html.js')
        outputs.push({ name: 'consolidated.html', content: renderHtml(negotiation, templates, bodies.html!) })
        break
      }
      case 'docx': {
        const { renderDocx } = await import('./docx.js')
        outputs.push({ name: 'consolidated.docx', content: await renderDocx(negotiation, bodies.docx!) })
        break
      }
    }
  }
  outputs.push({ name: 'stocktaking.md', content: renderStocktake(negotiation) })
  return { outputs, diagnostics: [] }
}

async function withThreads<T>(pool: ParsePool | undefined, task: (pool: ParsePool) => Promise<T>): Promise<T> {
  if (pool) return task(pool)
  const { ParsePool } = await import('../parse/pool.js')
  const own = new ParsePool()
  try {
    return await task(own)
  } finally {
    await own.close()
  }
}
