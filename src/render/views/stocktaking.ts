/** The stocktaking report: proposals with limited or no support, by topic. Pure. */
import { placements } from '../../assemble/negotiation.js'
import { formatDate, labelsFor } from '../labels.js'
import { emphasis, heading, oneLine, paragraph, plain, writeMarkdown } from '../writer.js'
import type { PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { coverValuesOf, identityOf, metaOf, type Identity } from './identity.js'
import { coverNode, topicHeading } from './parts.js'
import type { Document } from '../tree.js'
import type { Language, Negotiation, Placement, Proposal, SupportLevel, TopicNode } from '../../types.js'
import type { ReferredSince } from '../../revisions/history.js'

/** `stocktake --format json`, exactly as docs/reference.md, The stocktaking report (and History for `--history`). */
export interface StocktakeReport {
  threshold: number
  proposals: Array<{
    id: string
    file: string
    topic: string
    title: string
    authors: string[]
    supporters: string[]
    support: number
    level: SupportLevel
    referredSince?: ReferredSince
  }>
}

/**
 * Every referred proposal in outline order; a proposal without a title takes
 * its topic's. With `history` (`stocktake --history`), since when each has been referred.
 */
export function stocktake(negotiation: Negotiation, history?: ReadonlyMap<string, ReferredSince>): StocktakeReport {
  return {
    threshold: negotiation.config.threshold,
    proposals: referredByTopic(negotiation.topics).flatMap(({ topic, referred }) =>
      referred.map(({ proposal, authors, supporters, support, level }) => {
        const since = history?.get(proposal.id)
        return {
          id: proposal.id,
          file: proposal.file,
          topic: proposal.topic.value,
          title: titleOf(proposal, topic),
          authors,
          supporters,
          support,
          level,
          ...(since === undefined ? {} : { referredSince: since }),
        }
      }),
    ),
  }
}

/**
 * The stocktaking report as a document, in every format: its heading, the
 * line that names the text, and the disclaimer make its cover (written as
 * they are in Markdown; HTML and Word set the title and masthead apart).
 */
export function stocktakingView(negotiation: Negotiation, history?: ReadonlyMap<string, ReferredSince>): Document {
  const { config } = negotiation
  const labels = labelsFor(config.language)
  const identity = identityOf(config, 'stocktaking', labels.stocktaking.title)
  const report = stocktakeTree(negotiation, history, identity)
  const [title, line, ...rest] = report.children
  const head: RootContent[] = [title, line, ...(identity.disclaimer ? [paragraph(emphasis(plain(identity.disclaimer)))] : [])]
  const values = coverValuesOf(identity, '')
  const cover = coverNode(values, writeMarkdown({ type: 'root', children: head }), identity.subtitle, [toString(title), toString(line)])
  return { meta: metaOf(config, 'stocktaking', identity), tree: { type: 'root', children: [cover, ...rest] } }
}

/** The stocktaking report as a Markdown tree, headings from level 1 (the step summary puts it lower). */
export function stocktakeTree(negotiation: Negotiation, history?: ReadonlyMap<string, ReferredSince>, identity?: Identity): Root {
  const { config } = negotiation
  const labels = labelsFor(config.language)
  const words = labels.stocktaking
  const groups = referredByTopic(negotiation.topics)
  const referredCount = groups.reduce((sum, group) => sum + group.referred.length, 0)
  // The report's own title when the secretariat gives one; else "Stocktaking report", then the text it is of.
  const own = identity?.subtitle === undefined && identity !== undefined
  const subtitle = [
    own ? undefined : (config.title ?? labels.documentTitle),
    identity?.symbol ?? config.symbol,
    config.date && formatDate(config.date, config.language),
  ]
    .filter((part): part is string => Boolean(part))
    .map(oneLine)
    .join(' · ')
  const children: RootContent[] = [heading(1, plain(own ? identity.title : words.title)), paragraph(plain(subtitle))]
  children.push(
    paragraph(
      plain(
        referredCount === 0 ? words.empty : words.intro({ referred: referredCount, live: placements(negotiation.topics).length, threshold: config.threshold }),
      ),
    ),
  )
  const columns = words.columns
  // What delegations read names each proposal by its title, proponents and document symbol: ids and files stay in the JSON.
  const header = [
    columns.title,
    columns.proponents,
    columns.supporters,
    columns.support,
    labels.revision.diff.fields.document,
    columns.submitted,
    ...(history ? [labels.revision.history.referredSince] : []),
  ].map((column) => [plain(column)])
  for (const { topic, referred } of groups) {
    children.push(heading(2, plain(topicHeading(topic))))
    const rows = referred.map(({ proposal, authors, supporters, support, level }) => [
      [plain(oneLine(titleOf(proposal, topic)))],
      [plain(authors.map(oneLine).join(labels.separator))],
      [plain(supporters.length > 0 ? supporters.map(oneLine).join(labels.separator) : labels.none)],
      [plain(`${labels.level[level]} (${labels.number(support)})`)],
      proposal.document ? [plain(oneLine(proposal.document))] : [],
      proposal.submitted ? [plain(formatDate(proposal.submitted, config.language))] : [],
      ...(history ? [[plain(sinceText(history.get(proposal.id), labels.revision.history.uncommitted, config.language))]] : []),
    ])
    children.push(table([header, ...rows]))
  }
  return { type: 'root', children }
}

/** `28 November 2026 (INF/ECOM/62/Rev.4)`: the revision's date and its symbol. */
function sinceText(since: ReferredSince | undefined, uncommitted: string, language: Language): string {
  if (since === undefined) return uncommitted
  const date = formatDate(since.date, language)
  return since.symbol === undefined ? date : `${date} (${oneLine(since.symbol)})`
}

/** A table without column alignment, its first row the header. */
function table(rows: PhrasingContent[][][]): Table {
  return {
    type: 'table',
    align: rows[0].map(() => null),
    children: rows.map((cells): TableRow => ({ type: 'tableRow', children: cells.map((children): TableCell => ({ type: 'tableCell', children })) })),
  }
}

/** A proposal's title, or its topic's when it has none. */
function titleOf(proposal: Proposal, topic: TopicNode): string {
  return proposal.title ?? topic.title ?? topic.id
}

function referredByTopic(topics: TopicNode[]): Array<{ topic: TopicNode; referred: Placement[] }> {
  return topics.flatMap((topic) => {
    const referred = topic.placements.filter((placement) => placement.referred)
    return [...(referred.length > 0 ? [{ topic, referred }] : []), ...referredByTopic(topic.children)]
  })
}
