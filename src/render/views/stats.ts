/** `consolidate stats --format md`, and the same table for the CI step summary. Pure. */
import type { Root, RootContent, Table, TableCell, TableRow } from 'mdast'
import type { Counts, Stats } from '../../revisions/stats.js'
import type { Language } from '../../types.js'
import { labelsFor, signed, type Labels } from '../labels.js'
import { heading, oneLine, plain, writeMarkdown } from '../writer.js'

/** The statistics as a Markdown document: a heading, then one table. */
export function renderStats(stats: Stats, language: Language): string {
  const labels = labelsFor(language)
  const title = stats.symbol === undefined ? labels.revision.stats.title : `${labels.revision.stats.title}${labels.colon}${oneLine(stats.symbol)}`
  const root: Root = { type: 'root', children: [heading(1, plain(title)), statsTable(stats, labels)] }
  return writeMarkdown(root)
}

/** The table of the statistics, with a column of changes when `since` is there. */
export function statsTable(stats: Stats, labels: Labels): Table {
  const words = labels.revision.stats
  const rows = statsRows(labels)
  const since = stats.since
  const header = [words.measure, words.count, ...(since ? [words.since.replace('{old}', oneLine(since.symbol ?? since.ref))] : [])]
  const cells = (values: string[]): TableRow => ({
    type: 'tableRow',
    children: values.map((value): TableCell => ({ type: 'tableCell', children: [plain(value)] })),
  })
  return {
    type: 'table',
    align: header.map((_, index) => (index === 0 ? null : 'right')),
    children: [cells(header), ...rows.map(([name, pick]) => cells([name, labels.number(pick(stats)), ...(since ? [signed(pick(since), labels.number)] : [])]))],
  }
}

/** A section for another document (the step summary): the table under a heading of `depth`. */
export function statsSection(stats: Stats, labels: Labels, depth: number): RootContent[] {
  return [heading(depth, plain(labels.revision.stats.title)), statsTable(stats, labels)]
}

/** Each row's name and how to read its number, in the order docs/reference.md, Statistics, lists them. */
function statsRows(labels: Labels): Array<[string, (counts: Counts) => number]> {
  const rows = labels.revision.stats.rows
  const sub = (name: string): string => `\u2013 ${name}`
  return [
    [rows.live, (c) => c.proposals.live],
    [sub(rows.proposed), (c) => c.proposals.proposed],
    [sub(rows.stabilized), (c) => c.proposals.stabilized],
    [sub(rows.parked), (c) => c.proposals.parked],
    [rows.merged, (c) => c.proposals.merged],
    [rows.withdrawn, (c) => c.proposals.withdrawn],
    [rows.referred, (c) => c.proposals.referred],
    [rows.topics, (c) => c.topics.total],
    [sub(rows.withText), (c) => c.topics.withText],
    [sub(rows.topicsStabilized), (c) => c.topics.stabilized],
    [sub(rows.withAlternatives), (c) => c.topics.withAlternatives],
    [rows.brackets, (c) => c.brackets],
    [rows.placeholders, (c) => c.placeholders],
  ]
}
