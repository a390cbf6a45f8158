/**
 * Checks of the full record beyond the proposals' own fields: merges
 * (`invalid-merge`), the Chair's picks (`unknown-chair-text`; a pick may
 * also name a Chair's text of chair/) and notes
 * (their topics and ids). Pure; deterministic for any input order.
 */
import { closest } from '../diagnostics/suggest.js'
import { compareNatural } from '../model/outline.js'
import { isLive, RULES, type ChairText, type Config, type Diagnostic, type Note, type Place, type Proposal, type Rule } from '../types.js'

type Report = (file: string, rule: Rule, message: string, place: Place) => void

function reporter(diagnostics: Diagnostic[]): Report {
  return (file, rule, message, place) => diagnostics.push({ file, line: place.line, column: place.column, severity: RULES[rule], rule, message })
}

/** `mergedInto` must name a live proposal: not unknown, withdrawn or merged itself (no chains, no cycles). Its own id is checked when the file is read. */
export function checkMerges(proposals: Proposal[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const report = reporter(diagnostics)
  const byId = firstById(proposals)
  for (const proposal of proposals) {
    const into = proposal.mergedInto
    if (proposal.status !== 'merged' || into === undefined || into.value === proposal.id) continue
    const target = byId.get(into.value)
    if (target === undefined) {
      const suggestion = suggestId(
        into.value,
        proposals.filter((other) => other !== proposal),
        proposal.topic.value,
      )
      report(
        proposal.file,
        'invalid-merge',
        `\`mergedInto\` names "${into.value}", which is no proposal's id; ${suggestion ? `did you mean "${suggestion}"?` : `write the id of the proposal that took this one's text in (its \`id\`, or its file name without .md), e.g. \`mergedInto: ${example(proposals, proposal)}\``}`,
        into.place,
      )
    } else if (target.status === 'withdrawn') {
      report(
        proposal.file,
        'invalid-merge',
        `\`mergedInto\` names ${target.id} (${target.file}), which is withdrawn; a proposal can only be merged into one still in the text: name that one, or set this one \`status: withdrawn\` too`,
        into.place,
      )
    } else if (target.status === 'merged') {
      const next = target.mergedInto?.value
      const fix =
        next !== undefined && next !== proposal.id ? `merge this one into ${next} directly: \`mergedInto: ${next}\`` : 'name a proposal still in the text'
      report(
        proposal.file,
        'invalid-merge',
        `\`mergedInto\` names ${target.id} (${target.file}), which is itself merged${next ? ` into ${next}` : ''}; merges do not chain: ${fix}`,
        into.place,
      )
    }
  }
  return diagnostics
}

/**
 * `chair:` in the configuration: each pick must be a live proposal on that
 * topic with a text of its own (docs/reference.md, The clean text), reported at the pick in the configuration.
 */
export function checkChair(proposals: Proposal[], config: Config, chairTexts: ChairText[] = []): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  if (!config.chair) return diagnostics
  const report = reporter(diagnostics)
  const { file, picks } = config.chair
  const byId = firstById(proposals)
  const chairById = firstById(chairTexts)
  for (const { topic, ids } of picks) {
    for (const { value: id, place } of ids) {
      const proposal = byId.get(id)
      const wrong = (why: string, fix: string): void => report(file, 'unknown-chair-text', `\`chair\` offers "${id}" for ${topic}, but ${why}; ${fix}`, place)
      const onTopic = [
        ...proposals.filter((each) => each.topic.value === topic && isLive(each.status) && !each.noText),
        ...chairTexts.filter((each) => each.topic.value === topic),
      ]
      const instead = (): string => {
        const near = closest(
          id,
          onTopic.map((each) => each.id),
        )
        if (near !== undefined) return `did you mean "${near}"?`
        const ids = [...new Set(onTopic.map((each) => each.id))].sort(compareNatural)
        if (ids.length === 0) return `${topic} has no live proposal with a text: leave it out of \`chair\``
        return ids.length === 1 ? `the text on ${topic} is ${ids[0]}` : `the texts on ${topic} are ${ids.join(', ')}`
      }
      const chairText = proposal === undefined ? chairById.get(id) : undefined
      // A Chair's text named in `chair:` only takes its place among the picks (SPEC §14).
      if (chairText !== undefined) {
        if (chairText.topic.value !== topic)
          wrong(`${id} (${chairText.file}) is a Chair's text on topic ${chairText.topic.value}`, `move it under \`${chairText.topic.value}:\`, or ${instead()}`)
      } else if (proposal === undefined) wrong(chairTexts.length > 0 ? "no proposal or Chair's text has that id" : 'no proposal has that id', instead())
      else if (proposal.topic.value !== topic)
        wrong(
          `${id} (${proposal.file}) is on topic ${proposal.topic.value}`,
          `a Chair's text must be a proposal on the topic it is offered for: move it under \`${proposal.topic.value}:\`, or ${instead()}`,
        )
      else if (proposal.status === 'withdrawn')
        wrong(`${id} (${proposal.file}) is withdrawn`, `the Chair can only offer a text that is in the negotiation: ${instead()}`)
      else if (proposal.status === 'merged') {
        const into = proposal.mergedInto?.value
        wrong(`${id} (${proposal.file}) is merged${into ? ` into ${into}` : ''}`, into ? `offer the proposal that took it in: \`${into}\`` : instead())
      } else if (proposal.noText)
        wrong(`${id} (${proposal.file}) is a "no text" alternative, with no text to offer`, `to leave ${topic} without an article, leave it out of \`chair\``)
    }
  }
  return diagnostics
}

/** Notes: their topics must be in the outline (with a "did you mean"), their ids unique among notes. */
export function checkNotes(notes: Note[], config: Config, suggestTopic: (topic: string) => string): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const report = reporter(diagnostics)
  const byId = new Map<string, Note[]>()
  for (const note of notes) byId.set(note.id, [...(byId.get(note.id) ?? []), note])
  for (const [id, same] of byId) {
    if (same.length < 2) continue
    for (const note of same) {
      const others = same
        .filter((other) => other !== note)
        .map((other) => other.file)
        .sort()
      report(
        note.file,
        'duplicate-id',
        `the id "${id}" is also used by ${others.join(', ')}; note ids must be unique among notes (a note without an \`id\` field takes its file name), so give one of them another \`id\`, e.g. \`id: ${id}-2\``,
        note.places.id,
      )
    }
  }
  if (config.outline) {
    const known = new Set<string>()
    const collect = (entries: NonNullable<Config['outline']>): void => entries.forEach((entry) => (known.add(entry.id), collect(entry.children)))
    collect(config.outline)
    for (const note of notes) {
      if (!known.has(note.topic.value))
        report(note.file, 'unknown-topic', `topic "${note.topic.value}" is not in the outline; ${suggestTopic(note.topic.value)}`, note.topic.place)
    }
  }
  return diagnostics
}

/** The first text of each id (a duplicate id is reported on its own). */
function firstById<T extends { id: string; file: string }>(proposals: T[]): Map<string, T> {
  const byId = new Map<string, T>()
  for (const proposal of [...proposals].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)))
    if (!byId.has(proposal.id)) byId.set(proposal.id, proposal)
  return byId
}

/** The id a mistyped one most likely meant: on the same topic first, then anywhere. */
function suggestId(wanted: string, proposals: Proposal[], topic: string): string | undefined {
  const live = proposals.filter((proposal) => isLive(proposal.status))
  return (
    closest(
      wanted,
      live.filter((proposal) => proposal.topic.value === topic).map((proposal) => proposal.id),
    ) ??
    closest(
      wanted,
      live.map((proposal) => proposal.id),
    )
  )
}

function example(proposals: Proposal[], proposal: Proposal): string {
  return (
    proposals
      .filter((other) => other !== proposal && other.topic.value === proposal.topic.value && isLive(other.status))
      .map((other) => other.id)
      .sort()[0] ?? 'a14-jpn-einvoicing'
  )
}
