/**
 * The bodies of the HTML and Word documents, prepared on the parser threads:
 * one `body` job for the cover and one for each text a document shows (a
 * proposal, a note, an article's text), each within the deadline. A body
 * that overruns is a `too-complex` diagnostic, and then no document is written.
 */
import type { CleanText } from '../assemble/clean.js'
import { tooComplex, type Overrun } from '../diagnostics/limits.js'
import type { Job, ParsePool } from '../threads/pool.js'
import type { Diagnostic, Limits, Negotiation, TopicNode } from '../types.js'
import type { BodyJob, BodyJobResult } from './body-job.js'
import { cleanCoverValues, renderCleanCover } from './clean.js'
import type { DocxBody } from './docx-body.js'
import type { HtmlBody } from './html-body.js'
import { labelsFor, type Labels } from './labels.js'
import { coverValues, DEFAULT_COVER, noTextWords, renderCover } from './markdown.js'
import { bracketsOf } from './place.js'
import { plain, writePhrasing } from './writer.js'

/** Each format's bodies by key: `cover`, `proposal:ID`, `note:ID`, `article:N:ID`. */
export interface PreparedBodies {
  html?: Map<string, HtmlBody>
  docx?: Map<string, DocxBody>
}

export interface Formats {
  html: boolean
  docx: boolean
}

/** Where the cover template comes from, to name it in a diagnostic. */
export const COVER_FILE = 'templates/cover.md'

/** One text to prepare, named by its key; the heading level it sits under. */
interface Request {
  key: string
  file: string
  source: string
  frontMatter: boolean
  brackets: BodyJob['brackets']
  level: number
  namespace: string
  masthead?: BodyJob['masthead']
}

/** The bodies of the consolidated text: the cover, each note and each live proposal. */
export function consolidatedBodies(negotiation: Negotiation, cover: string | undefined, formats: Formats, pool: ParsePool): Promise<{ bodies: PreparedBodies; diagnostics: Diagnostic[] }> {
  const labels = labelsFor(negotiation.config.language)
  const requests: Request[] = [coverRequest(renderCover(negotiation, cover ?? DEFAULT_COVER, labels), coverValues(negotiation, labels))]
  const visit = (topics: TopicNode[]): void => {
    for (const topic of topics) {
      for (const { note } of topic.notes) {
        requests.push({ key: `note:${note.id}`, file: note.file, source: note.body.source, frontMatter: true, brackets: [], level: topic.depth, namespace: `n-${note.id}-` })
      }
      for (const placement of topic.placements) {
        const { proposal } = placement
        requests.push(
          proposal.noText
            ? { key: `proposal:${proposal.id}`, file: proposal.file, source: writePhrasing([plain(noTextWords(placement, labels))]), frontMatter: false, brackets: [], level: topic.depth, namespace: `p-${proposal.id}-` }
            : {
                key: `proposal:${proposal.id}`,
                file: proposal.file,
                source: proposal.body.source,
                frontMatter: true,
                // The bracket policy (SPEC §13): never a second pair, none under `as-written`.
                brackets: placement.enclosed ? bracketsOf(proposal.body) : [],
                level: topic.depth,
                namespace: `p-${proposal.id}-`,
              },
        )
      }
      visit(topic.children)
    }
  }
  visit(negotiation.topics)
  return prepare(requests, negotiation.config.limits, formats, labels, pool)
}

/** The bodies of the clean text: the cover, and each article's texts as written, without brackets. */
export function cleanBodies(clean: CleanText, cover: string | undefined, formats: Formats, pool: ParsePool): Promise<{ bodies: PreparedBodies; diagnostics: Diagnostic[] }> {
  const labels = labelsFor(clean.config.language)
  const requests: Request[] = [coverRequest(renderCleanCover(clean, cover ?? DEFAULT_COVER, labels), cleanCoverValues(clean, labels))]
  const visit = (entries: CleanText['entries']): void => {
    for (const entry of entries) {
      for (const { proposal } of entry.article?.texts ?? []) {
        const number = entry.article!.number
        requests.push({ key: articleKey(number, proposal.id), file: proposal.file, source: proposal.body.source, frontMatter: true, brackets: [], level: entry.depth, namespace: `a${number}-${proposal.id}-` })
      }
      visit(entry.children)
    }
  }
  visit(clean.entries)
  return prepare(requests, clean.config.limits, formats, labels, pool)
}

export function articleKey(article: number, id: string): string {
  return `article:${article}:${id}`
}

/** The cover template's text; the lines the cover shows from the model (title, symbol, date, disclaimer) are left out of its note. */
function coverRequest(source: string, values: { title: string; symbol?: string; date?: string; disclaimer?: string }): Request {
  const masthead = [values.title, values.symbol, values.date, values.disclaimer]
  return { key: 'cover', file: COVER_FILE, source, frontMatter: false, brackets: [], level: 0, namespace: 'cover-', masthead }
}

/** Run the requests as `body` jobs and collect each format's bodies by key. */
async function prepare(requests: Request[], limits: Limits, formats: Formats, labels: Labels, pool: ParsePool): Promise<{ bodies: PreparedBodies; diagnostics: Diagnostic[] }> {
  // Parsing a body again takes what parsing it did when it was checked; each format's conversion gets as long again.
  const seconds = limits.parseSeconds * (1 + Number(formats.html) + Number(formats.docx))
  const results = await pool.run(requests.map((request): Job<'body'> => {
    const input: BodyJob = {
      file: request.file,
      source: request.source,
      frontMatter: request.frontMatter,
      brackets: request.brackets,
      fileSize: limits.fileSize,
      masthead: request.masthead,
      // HTML headings sit one level below the topic's (h2 for a section); Word's at the topic's.
      html: formats.html ? { headingLevel: request.level === 0 ? 0 : Math.min(6, request.level + 1), namespace: request.namespace, backLabel: labels.document.backToText } : undefined,
      docx: formats.docx ? { headingLevel: Math.min(6, request.level) } : undefined,
    }
    return { kind: 'body', input, seconds, overrun: (cause: Overrun): BodyJobResult => ({ diagnostics: [tooComplex(request.file, cause, 'rendering')] }) }
  }))
  const diagnostics = results.flatMap((result) => result.diagnostics)
  if (diagnostics.length > 0) return { bodies: {}, diagnostics }
  const collect = <T>(pick: (result: BodyJobResult) => T | undefined): Map<string, T> => new Map(requests.flatMap((request, index) => {
    const body = pick(results[index])
    return body === undefined ? [] : [[request.key, body] as const]
  }))
  return { bodies: { html: formats.html ? collect((result) => result.html) : undefined, docx: formats.docx ? collect((result) => result.docx) : undefined }, diagnostics }
}

/** The body of `key`, which every renderer asks only for what it prepared. */
export function bodyOf<T>(bodies: Map<string, T>, key: string): T {
  const body = bodies.get(key)
  if (body === undefined) throw new Error(`no body was prepared for ${key}`)
  return body
}
