/** The support matrix: who tabled and who supports each proposal in the text. Pure. */
import { compareNames } from '../assemble/participants.js'
import type { Negotiation, Placement, TopicNode } from '../types.js'

export type Role = 'author' | 'supporter'

export interface MatrixColumn {
  name: string
  /** The code when one is configured, else the name. */
  short: string
}

export interface MatrixRow {
  topic: TopicNode
  placement: Placement
  roles: Map<string, Role>
}

export interface SupportMatrix {
  columns: MatrixColumn[]
  rows: MatrixRow[]
}

/**
 * One row per live proposal in reading order; one column per configured
 * participant (in the configured order, so silent ones show too), or, without
 * participants in the configuration, per name that appears, alphabetically.
 */
export function supportMatrix(negotiation: Negotiation): SupportMatrix {
  const rows: MatrixRow[] = []
  const visit = (topics: TopicNode[]): void => {
    for (const topic of topics) {
      for (const placement of topic.placements) {
        const roles = new Map<string, Role>()
        for (const name of placement.supporters) roles.set(name, 'supporter')
        for (const name of placement.authors) roles.set(name, 'author')
        rows.push({ topic, placement, roles })
      }
      visit(topic.children)
    }
  }
  visit(negotiation.topics)

  const configured = negotiation.config.participants
  const columns = configured
    ? configured.map((participant) => ({ name: participant.name, short: participant.code ?? participant.name }))
    : [...new Set(rows.flatMap((row) => [...row.roles.keys()]))].sort(compareNames).map((name) => ({ name, short: name }))
  return { columns, rows }
}
