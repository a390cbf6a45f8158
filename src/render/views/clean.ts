/**
 * The clean text (docs/reference.md, The clean text): the sections that hold articles, each article's
 * texts as written (no enclosing brackets, markers of proposals, attributions,
 * flags or notes), then the concordance. Pure.
 */
import type { RootContent } from 'mdast'
import type { Language, Placement } from '../../types.js'
import { articlesOf, type CleanEntry, type CleanText } from '../../assemble/clean.js'
import { labelsFor, type Labels } from '../labels.js'
import type { Annex, Concordance, ContentsEntry, Document, Section } from '../tree.js'
import { fillCover } from './cover.js'
import { coverValuesOf, identityOf, metaOf } from './identity.js'
import { coverNode, DEFAULT_COVER, entryHeading, fileBody, heading, oneLine, paragraph, text } from './parts.js'
import { pendingLabel } from './pending.js'

export interface CleanOptions {
  /** The cover template (`templates/cover.md`), else the built-in one. */
  cover?: string
  /** A redline's: the older revision's symbol (or name), which its title says the changes are since. */
  since?: string
}

/** The clean text, in its configuration's language. */
export function cleanView(clean: CleanText, options: CleanOptions = {}): Document {
  const { config } = clean
  const labels = labelsFor(config.language)
  const identity = identityOf(config, 'clean', labels.record.clean.title, options.since)
  const values = coverValuesOf(identity, labels.record.clean.summary(clean.articles))
  const children: RootContent[] = [
    coverNode(values, fillCover(options.cover ?? DEFAULT_COVER, values), identity.subtitle),
    { type: 'contents', entries: contents(clean, labels) },
    ...clean.entries.map((entry) => entrySection(entry, labels, config.language)),
    concordanceAnnex(clean, labels),
  ]
  return { meta: metaOf(config, 'clean', identity), tree: { type: 'root', children } }
}

/** `Article 3: Electronic invoicing`, or `Article 3` for an entry without a title. */
export function articleHeading(number: number, entry: { title?: string }, labels: Labels): string {
  const name = labels.record.clean.article.replace('{n}', String(number))
  return entry.title ? `${name}${labels.colon}${oneLine(entry.title)}` : name
}

function entrySection(entry: CleanEntry, labels: Labels, language: Language): Section {
  const children = entry.children.map((child) => entrySection(child, labels, language))
  if (!entry.article) return { type: 'section', kind: 'topic', id: entry.id, depth: entry.depth, heading: entryHeading(entry), children }
  const { article } = entry
  const texts: RootContent[] = article.texts.flatMap(({ proposal }) => [...pendingLabel(proposal, language), {
    ...fileBody(proposal.file, proposal.body, { owner: proposal.id, depth: entry.depth, enclosed: false }),
    anchor: `a${article.number}-${proposal.id}-`,
  }])
  return { type: 'section', kind: 'article', id: entry.id, depth: entry.depth, article: article.number, heading: [text(articleHeading(article.number, entry, labels))], children: [...texts, ...children] }
}

function contents(clean: CleanText, labels: Labels): ContentsEntry[] {
  return [
    ...articlesOf(clean.entries).map(({ entry, article }): ContentsEntry => ({ target: { kind: 'article', number: article.number }, heading: [text(articleHeading(article.number, entry, labels))], children: [] })),
    { target: { kind: 'annex', id: 'concordance' }, heading: [text(`${labels.annex}${labels.colon}${labels.record.clean.concordance}`)], extra: true, children: [] },
  ]
}

/** A text as delegations know it: `Electronic invoicing (Japan, INF/ECOM/22)`; an untitled text takes its topic's title. */
function textLine(id: string, placed: ReadonlyMap<string, Placement>, titles: ReadonlyMap<string, string | undefined>, labels: Labels): string {
  const placement = placed.get(id)
  if (!placement) return oneLine(id)
  const { proposal } = placement
  const title = proposal.title ?? titles.get(proposal.topic.value) ?? proposal.topic.value
  const about = [placement.authors.map(oneLine).join(labels.separator), proposal.document && oneLine(proposal.document)].filter(Boolean).join(', ')
  return about ? `${oneLine(title)} (${about})` : oneLine(title)
}

/** Every topic with its article (or "no text") and the texts it took. */
function concordanceAnnex(clean: CleanText, labels: Labels): Annex {
  const words = labels.record.clean
  const placed = new Map(articlesOf(clean.entries).flatMap(({ article }) => article.texts.map((placement) => [placement.proposal.id, placement] as const)))
  const titles = new Map(clean.concordance.map((row) => [row.id, row.title]))
  const concordance: Concordance = {
    type: 'concordance',
    columns: [words.columns.topic, words.columns.article, words.columns.proposals],
    rows: clean.concordance.map((row) => ({
      id: row.id,
      heading: entryHeading(row),
      ...(row.article === undefined ? {} : { article: row.article }),
      articleLabel: row.article === undefined ? words.noText : words.article.replace('{n}', String(row.article)),
      texts: row.ids.length === 0 ? [] : [text(row.ids.map((id) => textLine(id, placed, titles, labels)).join(labels.separator))],
    })),
  }
  return { type: 'annex', id: 'concordance', children: [heading(2, text(`${labels.annex}${labels.colon}${words.concordance}`)), paragraph(text(words.concordanceIntro)), concordance] }
}
