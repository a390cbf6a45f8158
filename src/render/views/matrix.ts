/** The support matrix: who tabled and who supports each proposal in the text. Pure. */
import { compareNames } from '../../model/participants.js'
import type { Negotiation } from '../../types.js'
import type { Labels } from '../labels.js'
import type { Matrix, MatrixRow } from '../tree.js'

/**
 * The support matrix of `negotiation`: one row per live proposal in reading
 * order; one column per configured participant (in the configured order, so
 * silent ones show too), or, without participants in the configuration, per
 * name that appears, alphabetically.
 */
export function supportMatrix(negotiation: Negotiation, labels: Labels, id: string): Matrix {
  const rows: MatrixRow[] = []
  const visit = (topics: Negotiation['topics']): void => {
    for (const topic of topics) {
      for (const placement of topic.placements) {
        const roles = new Map<string, 'author' | 'supporter'>()
        for (const name of placement.supporters) roles.set(name, 'supporter')
        for (const name of placement.authors) roles.set(name, 'author')
        rows.push({
          proposal: placement.proposal.id,
          topic: { id: topic.id, ...(topic.title === undefined ? {} : { title: topic.title }) },
          ...(placement.alt === undefined ? {} : { label: `${labels.alt} ${placement.alt}` }),
          level: placement.level,
          referred: placement.referred,
          support: placement.support,
          roles,
        })
      }
      visit(topic.children)
    }
  }
  visit(negotiation.topics)
  const configured = negotiation.config.participants
  const columns = configured
    ? configured.map((participant) => ({ name: participant.name, short: participant.code ?? participant.name }))
    : [...new Set(rows.flatMap((row) => [...row.roles.keys()]))].sort(compareNames).map((name) => ({ name, short: name }))
  return { type: 'matrix', id, columns, rows }
}
