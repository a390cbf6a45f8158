/** The support matrix as an HTML table styled as a heatmap: proposals × participants. Pure. */
import type { Element } from 'hast'
import { h } from 'hastscript'
import type { Labels } from './labels.js'
import type { Negotiation } from '../types.js'
import { lines } from './html-lines.js'
import { supportMatrix } from './matrix.js'

/** Glyphs as well as colours, so the table reads in black and white and aloud. */
const GLYPH = { author: '\u25c6', supporter: '\u25cf' } as const

/** The section holding the matrix, its legend and its explanation. */
export function matrixSection(negotiation: Negotiation, labels: Labels, id: string): Element {
  const words = labels.document.matrix
  const { columns, rows } = supportMatrix(negotiation)
  const roleWords = { author: words.proponent, supporter: words.supporter }

  const head = h('tr', [
    h('th.corner', { scope: 'col' }, words.proposal),
    // The support count comes first: with ninety participants the columns scroll, the level must not.
    h('th.count', { scope: 'col' }, labels.record.matrix.support),
    ...columns.map((column) => h('th.participant', { scope: 'col', title: column.name }, h('span', column.short))),
  ])
  const body = rows.map(({ topic, placement, roles }) => {
    const label = [topic.title ?? '', placement.alt !== undefined ? `(${labels.alt} ${placement.alt})` : ''].filter(Boolean).join(' ')
    return h('tr', { className: [`level-${placement.level}`, ...(placement.referred ? ['referred'] : [])] }, [
      h('th.row', { scope: 'row', title: label }, h('a', { href: `#proposal-${placement.proposal.id}` }, [h('span.number', topic.id), label ? ` ${label}` : ''])),
      h('td.count', { className: [`level-${placement.level}`], title: labels.level[placement.level] }, String(placement.support)),
      ...columns.map((column) => {
        const role = roles.get(column.name)
        return role ? h('td', { className: [role], title: `${column.name}${labels.colon}${roleWords[role]}` }, GLYPH[role]) : h('td')
      }),
    ])
  })
  const totals = h('tr', [
    h('th', { scope: 'row' }, words.total),
    h('td'),
    ...columns.map((column) => h('td', String(rows.filter((row) => row.roles.has(column.name)).length))),
  ])

  const legend = h('p.legend', [
    h('span.key.author', GLYPH.author), ` ${words.proponent}`, h('span.sep', ' '),
    h('span.key.supporter', GLYPH.supporter), ` ${words.supporter}`, h('span.sep', ' '),
    ...(['none', 'limited', 'broad'] as const).flatMap((level) => [h('span.key', { className: [`level-${level}`] }, '\u00a0'), ` ${labels.level[level]}`, h('span.sep', ' ')]),
  ])
  return h('section.support', { id, ariaLabelledBy: `${id}-title` }, lines([
    h('h2', { id: `${id}-title` }, words.title),
    h('p.intro', labels.record.matrix.intro),
    legend,
    h('div.matrix-frame', h('table.matrix', lines([h('thead', head), h('tbody', lines(body)), h('tfoot', totals)]))),
  ]))
}
