/** The pure core's documents as the tests read them: a view's tree compiled by a format, its texts prepared in place (no threads). */
import { assemble } from '../../src/assemble/negotiation.js'
import { parseProposal } from '../../src/parse/proposal.js'
import { formatNamed } from '../../src/render/formats/index.js'
import { compileMarkdown } from '../../src/render/formats/markdown/compile.js'
import { redlineDocument, type RedlineCover, type RedlineOptions } from '../../src/render/redline/transform.js'
import { runChangeJob, runTextJob, type ChangeJob, type TextJob } from '../../src/render/text-job.js'
import { prepareTexts, type Runner } from '../../src/render/texts.js'
import type { Document } from '../../src/render/tree.js'
import { consolidatedView } from '../../src/render/views/consolidated.js'
import { stocktakingView } from '../../src/render/views/stocktaking.js'
import { DEFAULT_CONFIG, type Negotiation, type Proposal } from '../../src/types.js'

/** The consolidated text in Markdown; `cover`, the cover template (else the built-in one). */
export function renderMarkdown(negotiation: Negotiation, cover?: string): string {
  return compileMarkdown(consolidatedView(negotiation, { cover }))
}

/** The stocktaking report in Markdown. */
export function renderStocktake(negotiation: Negotiation): string {
  return compileMarkdown(stocktakingView(negotiation))
}

/** Jobs run in place, one after another, as a thread would run them (without its deadline). */
export const inPlace: Runner = {
  run: (jobs) => Promise.all(jobs.map((job) => (job.kind === 'text' ? runTextJob(job.input as TextJob) : runChangeJob(job.input as ChangeJob)))),
}

/** `document` in the format named `name`, its texts prepared in place. */
export async function compileIn(name: string, document: Document): Promise<string | Uint8Array> {
  const format = formatNamed(name)!
  const prepared = await prepareTexts(document, [format], DEFAULT_CONFIG.limits, inPlace)
  if (!prepared.prepared) throw new Error(JSON.stringify(prepared.diagnostics))
  return (await format.compiler()).compile(document, prepared.prepared.get(name)!, {})
}

/** Proposals on one topic from their bodies, by id; `status` for all of them. */
export function proposals(bodies: Record<string, string>, status = 'stabilized'): Proposal[] {
  return Object.entries(bodies).map(([id, body]) => {
    const result = parseProposal(`proposals/${id}.md`, `---\ntopic: A.1\nauthor: Japan\nstatus: ${status}\n---\n\n${body}\n`)
    if (!result.proposal) throw new Error(JSON.stringify(result.diagnostics))
    return result.proposal
  })
}

export const REDLINE_COVER: RedlineCover = {
  supersedes: 'Supersedes Rev.1',
  changes: 'Changes since Rev.1: 1 proposal changed.',
  legend: 'Changes are marked: {inserted}, {deleted}.',
  inserted: 'inserted text',
  deleted: 'deleted text',
  title: 'Redline',
  tracked: 'Changes are tracked.',
}

/** The redline of the consolidated text between two sets of proposals, as a document. */
export function redlineBetween(old: Proposal[], next: Proposal[], options: RedlineOptions = {}): Document {
  const view = (list: Proposal[]): Document => consolidatedView(assemble(list, DEFAULT_CONFIG), { cover: '' })
  return redlineDocument(view(old), view(next), REDLINE_COVER, options)
}
