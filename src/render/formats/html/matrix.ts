/** The support matrix as an HTML table styled as a heatmap: proposals × participants. Pure. */
import type { Element } from 'hast'
import { h } from 'hastscript'
import { visible } from '../../../diagnostics/format.js'
import type { Labels } from '../../labels.js'
import type { Matrix, MatrixRow } from '../../tree.js'
import { lines } from './compile.js'

type MatrixColumn = Matrix['columns'][number]

/** Glyphs as well as colours, so the table reads in black and white and aloud. */
const GLYPH = { author: '\u25c6', supporter: '\u25cf' } as const

/**
 * Participants a printed A4 landscape page holds beside the row labels; a
 * wider matrix is printed in parts of at most this many columns, each
 * repeating the row labels (on screen, the one table scrolls).
 */
export const PRINT_COLUMNS = 34

/** The section holding the matrix, its legend and its explanation. */
export function matrixSection(matrix: Matrix, labels: Labels): Element {
  const words = labels.document.matrix
  const { columns, rows, id } = matrix
  const parts = printParts(columns)

  const legend = h('p.legend', [
    h('span.key.author', GLYPH.author),
    ` ${words.proponent}`,
    h('span.sep', ' '),
    h('span.key.supporter', GLYPH.supporter),
    ` ${words.supporter}`,
    h('span.sep', ' '),
    ...(['none', 'limited', 'broad'] as const).flatMap((level) => [
      h('span.key', { className: [`level-${level}`] }, '\u00a0'),
      ` ${labels.level[level]}`,
      h('span.sep', ' '),
    ]),
  ])
  const frames =
    parts.length === 1
      ? [h('div.matrix-frame', matrixTable(columns, rows, labels))]
      : [
          h('div.matrix-frame.screen-only', matrixTable(columns, rows, labels)),
          ...parts.map(({ from, to }) =>
            h(
              'div.matrix-frame.print-only',
              matrixTable(columns.slice(from, to), rows, labels, fill(words.part, { from: from + 1, to, total: columns.length })),
            ),
          ),
        ]
  return h(
    'section.support',
    { id, ariaLabelledBy: `${id}-title` },
    lines([h('h2', { id: `${id}-title` }, words.title), h('p.intro', labels.record.matrix.intro), legend, ...frames]),
  )
}

/** The printed parts: the columns cut into as few parts as fit a page, of sizes that differ by one at most. */
function printParts(columns: MatrixColumn[]): Array<{ from: number; to: number }> {
  const count = Math.max(1, Math.ceil(columns.length / PRINT_COLUMNS))
  return Array.from({ length: count }, (_, index) => ({
    from: Math.round((index * columns.length) / count),
    to: Math.round(((index + 1) * columns.length) / count),
  }))
}

/** The table of `rows` × `columns`, with a caption when it is one part of a wider matrix. */
function matrixTable(columns: MatrixColumn[], rows: MatrixRow[], labels: Labels, caption?: string): Element {
  const words = labels.document.matrix
  const roleWords = { author: words.proponent, supporter: words.supporter }
  const head = h('tr', [
    h('th.corner', { scope: 'col' }, words.proposal),
    // The support count comes first: with ninety participants the columns scroll, the level must not.
    h('th.count', { scope: 'col' }, labels.record.matrix.support),
    ...columns.map((column) => h('th.participant', { scope: 'col', title: visible(column.name) }, h('span', visible(column.short)))),
  ])
  const body = rows.map(({ topic, proposal, label, level, referred, support, roles }) => {
    // The alternative first, so that rows of one topic differ where the eye starts; the title wraps, never cut.
    const title = visible([topic.id, label, topic.title].filter(Boolean).join(' '))
    return h('tr', { className: [`level-${level}`, ...(referred ? ['referred'] : [])] }, [
      h(
        'th.row',
        { scope: 'row', title },
        h('a', { href: `#proposal-${proposal}` }, [
          h('span.number', visible(topic.id)),
          ...(label ? [' ', h('span.alt', label)] : []),
          topic.title ? ` ${visible(topic.title)}` : '',
        ]),
      ),
      h('td.count', { className: [`level-${level}`], title: labels.level[level] }, String(support)),
      ...columns.map((column) => {
        const role = roles.get(column.name)
        return role ? h('td', { className: [role], title: visible(`${column.name}${labels.colon}${roleWords[role]}`) }, GLYPH[role]) : h('td')
      }),
    ])
  })
  const totals = h('tr', [
    h('th', { scope: 'row' }, words.total),
    h('td'),
    ...columns.map((column) => h('td', String(rows.filter((row) => row.roles.has(column.name)).length))),
  ])
  return h('table.matrix', lines([caption ? h('caption', caption) : undefined, h('thead', head), h('tbody', lines(body)), h('tfoot', totals)]))
}

function fill(template: string, values: Record<string, number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole))
}
