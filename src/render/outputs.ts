/** Which files a build writes, for each view and format. Pure, but for the parser threads and loading the heavy renderers lazily. */
import type { CleanText } from '../assemble/clean.js'
import type { ParsePool } from '../threads/pool.js'
import type { Diagnostic, Negotiation } from '../types.js'
import type { Output } from '../write.js'
import type { Formats, PreparedBodies } from './bodies.js'
import { renderMarkdown } from './markdown.js'
import { renderStocktake } from './stocktaking.js'

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
  const prepared = await bodiesFor(formats, options, async (wanted, pool) => (await import('./bodies.js')).consolidatedBodies(negotiation, templates.cover, wanted, pool))
  if ('diagnostics' in prepared) return { outputs: [], diagnostics: prepared.diagnostics }
  const outputs: Output[] = []
  for (const format of formats) {
    switch (format) {
      case 'md':
        outputs.push({ name: 'consolidated.md', content: renderMarkdown(negotiation, templates.cover) })
        break
      case 'html': {
        const { renderHtml } = await import('./html.js')
        outputs.push({ name: 'consolidated.html', content: renderHtml(negotiation, templates, prepared.bodies.html!) })
        break
      }
      case 'docx': {
        const { renderDocx } = await import('./docx.js')
        outputs.push({ name: 'consolidated.docx', content: await renderDocx(negotiation, prepared.bodies.docx!) })
        break
      }
    }
  }
  outputs.push({ name: 'stocktaking.md', content: renderStocktake(negotiation) })
  return { outputs, diagnostics: [] }
}

/**
 * The outputs of a clean-text build (`--view clean`, docs/reference.md, The clean text): the clean text
 * in each format, and no stocktaking report.
 */
export async function renderCleanOutputs(clean: CleanText, formats: OutputFormat[], templates: Templates, options: RenderOptions = {}): Promise<Rendered> {
  const prepared = await bodiesFor(formats, options, async (wanted, pool) => (await import('./bodies.js')).cleanBodies(clean, templates.cover, wanted, pool))
  if ('diagnostics' in prepared) return { outputs: [], diagnostics: prepared.diagnostics }
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
        outputs.push({ name: 'clean.html', content: renderCleanHtml(clean, templates, prepared.bodies.html!) })
        break
      }
      case 'docx': {
        const { renderCleanDocx } = await import('./clean-docx.js')
        outputs.push({ name: 'clean.docx', content: await renderCleanDocx(clean, prepared.bodies.docx!) })
        break
      }
    }
  }
  return { outputs, diagnostics: [] }
}

/** The HTML and Word bodies the formats need, prepared on the threads; or the diagnostics of those too complex to render. */
async function bodiesFor(
  formats: OutputFormat[],
  options: RenderOptions,
  prepare: (formats: Formats, pool: ParsePool) => Promise<{ bodies: PreparedBodies; diagnostics: Diagnostic[] }>,
): Promise<{ bodies: PreparedBodies } | { diagnostics: Diagnostic[] }> {
  const wanted = { html: formats.includes('html'), docx: formats.includes('docx') }
  if (!wanted.html && !wanted.docx) return { bodies: {} }
  const prepared = await withThreads(options.pool, (pool) => prepare(wanted, pool))
  return prepared.diagnostics.length > 0 ? { diagnostics: prepared.diagnostics } : { bodies: prepared.bodies }
}

async function withThreads<T>(pool: ParsePool | undefined, task: (pool: ParsePool) => Promise<T>): Promise<T> {
  if (pool) return task(pool)
  const { ParsePool } = await import('../threads/pool.js')
  const own = new ParsePool()
  try {
    return await task(own)
  } finally {
    await own.close()
  }
}
