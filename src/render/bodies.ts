/**
 * The bodies of the HTML and Word documents, prepared on the parser threads:
 * one `body` job per live proposal and one for the cover, each within
 * `limits.parseSeconds`. A body that overruns is a `too-complex` diagnostic.
 */
import type { ParsePool, Job } from '../parse/pool.js'
import { tooComplex, type Overrun } from '../parse/limits.js'
import type { Diagnostic, Negotiation, Placement, TopicNode } from '../types.js'
import type { BodyJob, BodyJobResult } from './body-job.js'
import type { DocxBody } from './docx-body.js'
import type { HtmlBody } from './html-body.js'
import { labelsFor } from './labels.js'
import { coverValues, DEFAULT_COVER, renderCover } from './markdown.js'
import { bracketsOf } from './place.js'

/** Each format's bodies: the cover's, and each live proposal's by id. */
export interface Bodies<T> {
  cover: T
  proposals: Map<string, T>
}

export interface PreparedBodies {
  html?: Bodies<HtmlBody>
  docx?: Bodies<DocxBody>
}

/** Where the cover template comes from, to name it in a diagnostic. */
export const COVER_FILE = 'templates/cover.md'

/** Prepare the bodies `formats` need, on `pool`'s threads. */
export async function prepareBodies(
  negotiation: Negotiation,
  formats: { html: boolean; docx: boolean },
  cover: string | undefined,
  pool: ParsePool,
): Promise<{ bodies: PreparedBodies; diagnostics: Diagnostic[] }> {
  const { config } = negotiation
  const labels = labelsFor(config.language)
  const values = coverValues(negotiation, labels)
  const masthead = [values.title, values.symbol, values.date].filter((value): value is string => Boolean(value)).map(squash)
  const common = { fileSize: config.limits.fileSize }
  const html = (headingLevel: number, namespace: string): BodyJob['html'] => (formats.html ? { headingLevel, namespace, backLabel: labels.document.backToText } : undefined)
  const docx = (headingLevel: number): BodyJob['docx'] => (formats.docx ? { headingLevel } : undefined)

  const jobs: BodyJob[] = [{
    ...common,
    file: COVER_FILE,
    source: renderCover(negotiation, cover ?? DEFAULT_COVER, labels),
    frontMatter: false,
    brackets: [],
    drop: masthead,
    html: html(0, 'cover-'),
    docx: docx(0),
  }]
  const placed: Placement[] = []
  const visit = (topics: TopicNode[]): void => {
    for (const topic of topics) {
      for (const placement of topic.placements) {
        const { proposal } = placement
        placed.push(placement)
        jobs.push({
          ...common,
          file: proposal.file,
          source: proposal.body.source,
          frontMatter: true,
          brackets: proposal.status === 'proposed' ? bracketsOf(proposal.body) : [],
          html: html(Math.min(6, topic.depth + 1), `p-${proposal.id}-`),
          docx: docx(Math.min(6, topic.depth)),
        })
      }
      visit(topic.children)
    }
  }
  visit(negotiation.topics)

  // Parsing a body again takes what parsing it did when it was checked; each format's conversion gets as long again.
  const seconds = config.limits.parseSeconds * (1 + Number(formats.html) + Number(formats.docx))
  const results = await pool.run(jobs.map((input): Job<'body'> => ({
    kind: 'body',
    input,
    seconds,
    overrun: (cause: Overrun): BodyJobResult => ({ diagnostics: [tooComplex(input.file, cause, 'rendering')] }),
  })))
  const diagnostics = results.flatMap((result) => result.diagnostics)
  const [coverResult, ...proposalResults] = results
  const collect = <T>(pick: (result: BodyJobResult) => T | undefined): Bodies<T> | undefined => {
    const first = pick(coverResult)
    if (first === undefined) return undefined
    const proposals = new Map<string, T>()
    proposalResults.forEach((result, index) => {
      const body = pick(result)
      if (body !== undefined) proposals.set(placed[index].proposal.id, body)
    })
    return { cover: first, proposals }
  }
  if (diagnostics.length > 0) return { bodies: {}, diagnostics }
  return { bodies: { html: collect((result) => result.html), docx: collect((result) => result.docx) }, diagnostics }
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
