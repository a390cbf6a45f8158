/**
 * The redline of a build (docs/reference.md, Redline): for each format asked, the newer text
 * with every change since the older revision marked, beside the text itself.
 * The heavy writers (rehype, docx) are loaded only for their format.
 */
import { flattenOutline } from '../assemble/outline.js'
import { countChanges } from './diff.js'
import type { Difference } from '../revisions/compare.js'
import { redline, type RedlineOptions } from '../revisions/redline.js'
import { countNegotiation, coverNumbers, difference } from '../revisions/stats.js'
import type { Config, Negotiation, Proposal } from '../types.js'
import type { Output } from '../write.js'
import { labelsFor, type Labels, type StatsNumbers } from './labels.js'
import type { CleanText } from '../assemble/clean.js'
import { cleanCoverValues, renderCleanCover, renderCleanMarkdown } from './clean.js'
import { coverValues, DEFAULT_COVER, renderCover, renderMarkdown, topicHeading } from './markdown.js'
import type { OutputFormat, Templates } from './outputs.js'
import { renderRedlineMarkdown, type RedlineCover } from './redline-markdown.js'

/** The views a redline can be made of: any view that renders its Markdown. */
export type RedlineView = 'consolidated' | 'clean'

/** One revision of a view: its negotiation (in the document's language), all its proposals (for the counts), and its clean text for the clean view. */
export interface RevisionView {
  negotiation: Negotiation
  proposals: Proposal[]
  clean?: CleanText
}

export interface RedlineRequest {
  view: RedlineView
  /** The older revision, and how it was named (`v5`, `HEAD~1`, a folder). */
  old: RevisionView & { name: string }
  next: RevisionView
  /** Every difference between the two revisions' proposals (of the view's topics). */
  differences: Difference[]
  formats: OutputFormat[]
  templates: Templates
}

/**
 * The view's Markdown without its cover, which the redline compares: every
 * view renders its Markdown without a cover (`null`); another view plugs in here.
 */
export function viewBody(view: RedlineView, revision: RevisionView): string {
  switch (view) {
    case 'consolidated':
      return renderMarkdown(revision.negotiation, null)
    case 'clean':
      return renderCleanMarkdown(cleanOf(revision), null)
  }
}

/** The view's cover, filled: the consolidated text's with its statistics (and their changes since the older revision), the clean text's as it is. */
function viewCover(view: RedlineView, revision: RevisionView, template: string, labels: Labels, delta: StatsNumbers): { markdown: string; title: string; symbol?: string; date?: string } {
  switch (view) {
    case 'consolidated': {
      const values = coverValues(revision.negotiation, labels)
      return { markdown: renderCover(revision.negotiation, template, labels, delta), title: values.title, symbol: values.symbol, date: values.date }
    }
    case 'clean': {
      const values = cleanCoverValues(cleanOf(revision), labels)
      return { markdown: renderCleanCover(cleanOf(revision), template, labels), title: values.title, symbol: values.symbol, date: values.date }
    }
  }
}

function cleanOf(revision: RevisionView): CleanText {
  if (!revision.clean) throw new Error('the clean view of a revision was not given')
  return revision.clean
}

/** The redline's files, named as the view's own (`consolidated.md`); the caller adds `-redline` and the rest. */
export async function renderRedlineOutputs(request: RedlineRequest): Promise<Output[]> {
  const { config } = request.next.negotiation
  const labels = labelsFor(config.language)
  const result = redline(viewBody(request.view, request.old), viewBody(request.view, request.next), redlineOptions(request.differences, config, labels))
  const cover = redlineCover(request, labels)
  const base = request.view
  const outputs: Output[] = []
  for (const format of request.formats) {
    switch (format) {
      case 'md':
        outputs.push({ name: `${base}.md`, content: renderRedlineMarkdown(result, cover, labels) })
        break
      case 'html': {
        const { renderRedlineHtml } = await import('./redline-html.js')
        outputs.push({ name: `${base}.html`, content: renderRedlineHtml(result, cover, labels, { language: config.language, css: request.templates.css }) })
        break
      }
      case 'docx': {
        const { renderRedlineDocx } = await import('./redline-docx.js')
        outputs.push({ name: `${base}.docx`, content: await renderRedlineDocx(result, cover, labels, { language: config.language, author: secretariatOf(config, labels), date: config.date }) })
        break
      }
    }
  }
  return outputs
}

/** The cover: the view's own, then what the redline supersedes, the count of changes, and the statistics with their changes. */
function redlineCover(request: RedlineRequest, labels: Labels): RedlineCover {
  const { old, next } = request
  const words = labels.revision.redline
  const older = old.negotiation.config.symbol ?? old.name
  const counts = countChanges(request.differences)
  const delta = difference(countNegotiation(next.negotiation, next.proposals), countNegotiation(old.negotiation, old.proposals))
  return {
    ...viewCover(request.view, next, request.templates.cover ?? DEFAULT_COVER, labels, coverNumbers(delta)),
    supersedes: words.supersedes.replace('{old}', older),
    changes: request.differences.length === 0 ? words.noChange.replace('{old}', older) : words.changes({ ...counts, old: older }),
  }
}

/**
 * What the redline is told about each proposal: its older key when it was
 * renamed, why it left the text (withdrawn, merged, removed, moved), and a
 * note where its status or topic changed.
 */
export function redlineOptions(differences: Difference[], config: Config, labels: Labels): RedlineOptions {
  const words = labels.revision
  const titles = new Map(flattenOutline(config.outline ?? []).map(({ entry }) => [entry.id, entry.title]))
  const heading = (topic: string): string => topicHeading({ id: topic, title: titles.get(topic) })
  const renamed = new Map<string, string>()
  const why = new Map<string, string>()
  const notes = new Map<string, string>()
  for (const each of differences) {
    if (each.kind === 'removed') {
      why.set(`proposal:${each.before.id}`, words.redline.why.removed)
      continue
    }
    if (each.kind === 'added') continue
    const [old, next] = [`proposal:${each.before.id}`, `proposal:${each.after.id}`]
    if (each.renamedFrom !== undefined) renamed.set(old, next)
    const { status, topic } = each.change
    if (each.kind === 'withdrawn') why.set(next, words.redline.why.withdrawn)
    else if (status?.to === 'merged') why.set(next, words.redline.why.merged.replace('{id}', each.change.mergedInto?.to ?? ''))
    else why.set(next, words.redline.why.moved.replace('{topic}', heading(each.after.topic.value)))
    const said: string[] = []
    if (each.renamedFrom !== undefined) said.push(words.diff.renamedFrom.replace('{id}', each.renamedFrom))
    if (topic) said.push(words.diff.moved.replace('{topic}', heading(topic.from)))
    if (status && each.kind !== 'withdrawn' && status.to !== 'merged') said.push(labels.diff.status.replace('{from}', labels.diff.statuses[status.from]).replace('{to}', labels.diff.statuses[status.to]))
    if (said.length > 0) notes.set(next, said.join(' '))
  }
  return { renamed, why, notes }
}

/** The author of tracked changes: the configuration's `secretariat` in the document's language, else "Secretariat". */
export function secretariatOf(config: Config, labels: Labels): string {
  const given = config.secretariat
  if (typeof given === 'string') return given
  if (given) return given[config.language] ?? given.en ?? Object.values(given)[0] ?? labels.revision.redline.secretariat
  return labels.revision.redline.secretariat
}

