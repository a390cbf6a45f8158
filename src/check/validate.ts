/** Checks across proposals and against the configuration: ids, topics, participants, stabilized texts. */
import { flattenOutline } from '../model/outline.js'
import { Participants } from '../model/participants.js'
import { checkChair, checkMerges, checkNotes } from './record.js'
import { closest, suggestTopic } from '../diagnostics/suggest.js'
import { checkTexts } from './texts.js'
import { checkStructure } from './outline.js'
import { RULES, type ChairText, type Config, type Diagnostic, type Located, type Note, type Place, type Proposal, type Rule } from '../types.js'

export interface ValidateOptions {
  /** The notes of the workspace (notes/), checked like proposals. */
  notes?: Note[]
  /** The Chair's texts of the workspace (chair/), checked like proposals where they are alike (SPEC §14). */
  chairTexts?: ChairText[]
  /** The text of templates/proposal.md (the workspace's, else the built-in one), for `template-text`. */
  template?: string
}

/** Every problem that needs more than one file to see. Deterministic for any input order. */
export function validate(proposals: Proposal[], config: Config, options: ValidateOptions = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const report = (text: { file: string }, rule: Rule, message: string, place: Place): void => {
    diagnostics.push({ file: text.file, line: place.line, column: place.column, severity: RULES[rule], rule, message })
  }
  const chairTexts = options.chairTexts ?? []
  // Proposals and Chair's texts share one space of ids (SPEC §14): `chair:` may name either.
  const texts: Array<Proposal | ChairText> = [...proposals, ...chairTexts]

  const byId = groupBy(texts, (text) => text.id)
  for (const [id, same] of byId) {
    if (same.length < 2) continue
    const kinds = same.every((text) => proposals.includes(text as Proposal))
      ? 'across the workspace (a proposal without an `id` field takes its file name)'
      : "among proposals and Chair's texts together (a file without an `id` field takes its file name)"
    for (const text of same) {
      const others = same
        .filter((other) => other !== text)
        .map((other) => other.file)
        .sort()
      report(
        text,
        'duplicate-id',
        `the id "${id}" is also used by ${others.join(', ')}; ids must be unique ${kinds}, so give one of them another \`id\`, e.g. \`id: ${id}-2\``,
        text.places.id,
      )
    }
  }

  const entries = flattenOutline(config.outline ?? []).map(({ entry }) => entry)
  const example = entries.find((entry) => entry.children.length === 0)?.id ?? entries[0]?.id
  const topicHint = (topic: string): string => {
    const suggestion = suggestTopic(topic, entries)
    return suggestion
      ? `did you mean "${suggestion}"?`
      : `use an id of \`outline\` in consolidate.yaml${example ? `, e.g. \`topic: ${example}\`` : ''}, or add the topic there`
  }
  if (config.outline) {
    const known = new Set(entries.map((entry) => entry.id))
    for (const text of texts) {
      const topic = text.topic.value
      if (known.has(topic)) continue
      report(text, 'unknown-topic', `topic "${topic}" is not in the outline; ${topicHint(topic)}`, text.topic.place)
    }
  }

  const participants = new Participants(config.participants)
  const spellings = participants.spellings()
  for (const proposal of proposals) {
    // An author given is kept for `diff` and checked; supporters would be silently ignored (SPEC §15).
    if (!config.attribution && proposal.supporters.length > 0) {
      report(
        proposal,
        'invalid-field',
        '`supporters` would be ignored: this workspace keeps no attributions (`attribution: false` in consolidate.yaml), so no text shows who supports it; remove `supporters`',
        proposal.supporters[0].place,
      )
    }
    const authors = new Set<string>()
    for (const author of proposal.authors) {
      const name = participants.resolve(author.value)
      if (name === undefined) unknownParticipant(proposal, author, proposal.authors)
      else authors.add(name)
    }
    const supporters = new Set<string>()
    for (const supporter of config.attribution ? proposal.supporters : []) {
      const name = participants.resolve(supporter.value)
      if (name === undefined) unknownParticipant(proposal, supporter, proposal.supporters)
      else if (authors.has(name)) {
        report(
          proposal,
          'author-as-supporter',
          `${name} is an author of this proposal and is not counted as its supporter; remove it from \`supporters\``,
          supporter.place,
        )
      } else if (supporters.has(name)) {
        report(
          proposal,
          'duplicate-supporter',
          `${name} is listed as a supporter more than once${name === supporter.value ? '' : ` ("${supporter.value}" is ${name})`}; remove the repetition`,
          supporter.place,
        )
      } else supporters.add(name)
    }
  }

  const stabilized = proposals.filter((proposal) => proposal.status === 'stabilized')
  for (const [topic, same] of groupBy(stabilized, (proposal) => proposal.topic.value)) {
    if (same.length < 2) continue
    for (const proposal of same) {
      const others = same
        .filter((other) => other !== proposal)
        .map((other) => `${other.id} (${other.file})`)
        .sort()
      report(
        proposal,
        'conflicting-stabilized',
        `topic ${topic} already has a stabilized text in ${others.join(', ')}; only one text per topic can be agreed, set the others to \`status: proposed\` or \`withdrawn\``,
        proposal.places.status,
      )
    }
  }
  diagnostics.push(
    ...checkMerges(proposals),
    ...checkChair(proposals, config, chairTexts),
    ...checkNotes(options.notes ?? [], config, topicHint),
    ...checkTexts(proposals, config, options.template, chairTexts),
    ...checkStructure(texts, config),
  )
  return diagnostics

  /** `list` is the list the name was written in: a comma inside an unquoted name splits it in two. */
  function unknownParticipant(proposal: Proposal, { value: written, place }: Located, list: Located[]): void {
    const parts = written.split(/\s*[,;]\s*|\s+and\s+/).filter(Boolean)
    const index = list.findIndex((item) => item.place === place)
    const joined = [
      [list[index - 1]?.value, written],
      [written, list[index + 1]?.value],
    ]
      .map(([first, second]) => (first && second ? `${first}, ${second}` : undefined))
      .find((name) => name !== undefined && participants.resolve(name) !== undefined)
    let hint: string
    if (joined !== undefined) {
      hint = `the comma in "${joined}" split it into two names; put a name that holds a comma in quotes, e.g. \`["${joined}"]\``
    } else if (parts.length > 1 && parts.every((part) => participants.resolve(part) !== undefined)) {
      hint = `to name several participants, write a list, e.g. \`[${parts.join(', ')}]\``
    } else {
      const spelling = closest(written, spellings)
      // A name in any language is suggested as it is spelled (`Japonn`: "Japon"); a code or alias by the participant's name.
      const suggestion = spelling === undefined ? undefined : participants.isName(spelling) ? spelling : participants.resolve(spelling)
      hint = suggestion
        ? `did you mean "${suggestion}"?`
        : `use a name, code or alias listed under \`participants\` in consolidate.yaml${spellings.length > 0 ? `, e.g. "${participants.resolve(spellings[0])}"` : ''}, or add it there`
    }
    report(proposal, 'unknown-participant', `"${written}" is not a configured participant; ${hint}`, place)
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const name = key(item)
    const group = groups.get(name)
    if (group) group.push(item)
    else groups.set(name, [item])
  }
  return groups
}
