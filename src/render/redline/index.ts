/**
 * The redline of a view (docs/reference.md, Redline): the view's document of the older revision
 * and of the newer one, marked into one by the transform, with a cover that
 * says what it supersedes and how much changed. Pure.
 */
import { flattenOutline } from '../../assemble/outline.js'
import type { Difference } from '../../revisions/compare.js'
import { countNegotiation, coverNumbers, difference } from '../../revisions/stats.js'
import type { Config } from '../../types.js'
import { countChanges } from '../views/changes.js'
import { labelsFor, type Labels } from '../labels.js'
import type { Document } from '../tree.js'
import { negotiationOf, type View, type ViewInput } from '../views/index.js'
import { topicHeading } from '../views/parts.js'
import { redlineDocument, type RedlineOptions } from './transform.js'

export interface RedlineRequest {
  view: View
  /** The older revision, and how it was named (`v5`, `HEAD~1`, a folder). */
  old: ViewInput & { name: string }
  next: ViewInput
  /** Every difference between the two revisions' proposals (of the view's topics). */
  differences: Difference[]
}

/** The redline document of a view. */
export function redlineOf(request: RedlineRequest): Document {
  const { old, next } = request
  const config = { ...next.snapshot.config, language: next.language }
  const labels = labelsFor(next.language)
  const delta = coverNumbers(difference(countNegotiation(negotiationOf(next), next.snapshot.proposals), countNegotiation(negotiationOf(old), old.snapshot.proposals)))
  const older = old.snapshot.config.symbol ?? old.name
  const words = labels.revision.redline
  const counts = countChanges(request.differences)
  const document = redlineDocument(
    request.view.document({ ...old, language: next.language }),
    request.view.document({ ...next, delta }),
    {
      supersedes: words.supersedes.replace('{old}', older),
      changes: request.differences.length === 0 ? words.noChange.replace('{old}', older) : words.changes({ ...counts, old: older }),
      legend: words.legend,
      inserted: words.inserted,
      deleted: words.deleted,
      title: words.title,
      tracked: words.tracked,
    },
    redlineOptions(request.differences, config, labels),
  )
  return { ...document, meta: { ...document.meta, author: secretariatOf(config, labels) } }
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
