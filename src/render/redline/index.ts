/**
 * The redline of a view (docs/reference.md, Redline): the view's document of the older revision
 * and of the newer one, marked into one by the transform, with a cover that
 * says what it supersedes and how much changed. Pure.
 */
import { flattenOutline } from '../../model/outline.js'
import type { Difference } from '../../revisions/compare.js'
import { countNegotiation, coverNumbers, difference } from '../../revisions/stats.js'
import type { Config } from '../../types.js'
import { countChanges } from '../views/changes.js'
import { labelsFor, type Labels } from '../labels.js'
import type { Document } from '../tree.js'
import { negotiationOf, type ViewBuilder } from '../views/builders.js'
import type { ViewInput } from '../views/index.js'
import { Record, topicHeading } from '../views/parts.js'
import { redlineDocument, type RedlineOptions } from './transform.js'

export interface RedlineRequest {
  view: ViewBuilder
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
  const delta = coverNumbers(
    difference(countNegotiation(negotiationOf(next), next.snapshot.proposals), countNegotiation(negotiationOf(old), old.snapshot.proposals)),
  )
  const older = old.snapshot.config.symbol ?? old.name
  const words = labels.revision.redline
  const counts = countChanges(request.differences)
  const document = redlineDocument(
    request.view.document({ ...old, language: next.language }),
    request.view.document({ ...next, delta, since: older }),
    {
      supersedes: words.supersedes.replace('{old}', older),
      changes: request.differences.length === 0 ? words.noChange.replace('{old}', older) : words.changes({ ...counts, old: older }),
      legend: words.legend,
      inserted: words.inserted,
      deleted: words.deleted,
      title: words.title,
      tracked: words.tracked,
    },
    redlineOptions(request.differences, config, labels, new Record(config, next.snapshot.proposals)),
  )
  return document
}

/**
 * What the redline is told about each proposal: its older key when it was
 * renamed, why it left the text (withdrawn, merged, removed, moved), and a
 * note where its status or topic changed.
 */
export function redlineOptions(differences: Difference[], config: Config, labels: Labels, record: Record): RedlineOptions {
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
    else if (status?.to === 'merged')
      why.set(
        next,
        record.words.t('revision.redline.why.incorporated', {
          proposal: record.describe(each.change.mergedInto?.to ?? '') ?? record.words.t('record.proposal'),
        }),
      )
    else why.set(next, words.redline.why.moved.replace('{topic}', heading(each.after.topic.value)))
    const said: string[] = []
    // A renamed file is no change a delegation reads: its id is the tool's, never shown.
    if (topic) said.push(words.diff.moved.replace('{topic}', heading(topic.from)))
    if (status && each.kind !== 'withdrawn' && status.to !== 'merged')
      said.push(labels.diff.status.replace('{from}', labels.diff.statuses[status.from]).replace('{to}', labels.diff.statuses[status.to]))
    if (said.length > 0) notes.set(next, said.join(' '))
  }
  return { renamed, why, notes }
}
