/**
 * The clean text (docs/reference.md, The clean text): the sections that hold articles, each article's
 * texts as written (no enclosing brackets, markers of proposals, attributions,
 * flags or notes), then the concordance. Pure.
 */
import type { PhrasingContent, RootContent } from 'mdast'
import { articlesOf, type CleanEntry, type CleanText } from '../../assemble/clean.js'
import { labelsFor, type Labels } from '../labels.js'
import type { Annex, Concordance, ContentsEntry, Document, Section } from '../tree.js'
import { fillCover } from './cover.js'
import { code, coverBasics, coverNode, DEFAULT_COVER, entryHeading, fileBody, heading, oneLine, paragraph, text, type CoverValues } from './parts.js'

export interface CleanOptions {
  /** The cover template (`templates/cover.md`), else the built-in one. */
  cover?: string
}

/** The clean text, in its configuration's language. */
export function cleanView(clean: CleanText, options: CleanOptions = {}): Document {
  const { config } = clean
  const labels = labelsFor(config.language)
  const values = cleanCover(clean, labels)
  const subtitle = labels.record.clean.title
  const children: RootContent[] = [
    coverNode(values, fillCover(options.cover ?? DEFAULT_COVER, values), subtitle),
    { type: 'contents', entries: contents(clean, labels) },
    ...clean.entries.map((entry) => entrySection(entry, labels)),
    concordanceAnnex(clean, labels),
  ]
  return {
    meta: { language: config.language, view: 'clean', title: values.title, subtitle, ...(values.symbol ? { symbol: values.symbol } : {}), ...(values.date ? { date: values.date } : {}), ...(config.date ? { isoDate: config.date } : {}) },
    tree: { type: 'root', children },
  }
}

/** What a clean text's cover says: the configuration's title, symbol and date, "Clean text" with the count of articles, the disclaimer. */
export function cleanCover(clean: CleanText, labels: Labels = labelsFor(clean.config.language)): CoverValues {
  return coverBasics(clean.config, labels, labels.record.clean.summary(clean.articles))
}

/** `Article 3: Electronic invoicing`, or `Article 3` for an entry without a title. */
export function articleHeading(number: number, entry: { title?: string }, labels: Labels): string {
  const name = labels.record.clean.article.replace('{n}', String(number))
  return entry.title ? `${name}${labels.colon}${oneLine(entry.title)}` : name
}

function entrySection(entry: CleanEntry, labels: Labels): Section {
  const children = entry.children.map((child) => entrySection(child, labels))
  if (!entry.article) return { type: 'section', kind: 'topic', id: entry.id, depth: entry.depth, heading: entryHeading(entry), children }
  const { article } = entry
  const texts: RootContent[] = article.texts.map(({ proposal }) => ({
    ...fileBody(proposal.file, proposal.body, { owner: proposal.id, depth: entry.depth, enclosed: false }),
    anchor: `a${article.number}-${proposal.id}-`,
  }))
  return { type: 'section', kind: 'article', id: entry.id, depth: entry.depth, article: article.number, heading: [text(articleHeading(article.number, entry, labels))], children: [...texts, ...children] }
}

function contents(clean: CleanText, labels: Labels): ContentsEntry[] {
  return [
    ...articlesOf(clean.entries).map(({ entry, article }): ContentsEntry => ({ target: { kind: 'article', number: article.number }, heading: [text(articleHeading(article.number, entry, labels))], children: [] })),
    { target: { kind: 'annex', id: 'concordance' }, heading: [text(`${labels.annex}${labels.colon}${labels.record.clean.concordance}`)], extra: true, children: [] },
  ]
}

/** Every topic with its article (or "no text") and the texts it took. */
function concordanceAnnex(clean: CleanText, labels: Labels): Annex {
  const words = labels.record.clean
  const concordance: Concordance = {
    type: 'concordance',
    columns: [words.columns.topic, words.columns.article, words.columns.proposals],
    rows: clean.concordance.map((row) => ({
      id: row.id,
      heading: entryHeading(row),
      ...(row.article === undefined ? {} : { article: row.article }),
      articleLabel: row.article === undefined ? words.noText : words.article.replace('{n}', String(row.article)),
      texts: row.ids.flatMap((id, index): PhrasingContent[] => (index === 0 ? [code(id)] : [text(labels.separator), code(id)])),
    })),
  }
  return { type: 'annex', id: 'concordance', children: [heading(2, text(`${labels.annex}${labels.colon}${words.concordance}`)), paragraph(text(words.concordanceIntro)), concordance] }
}
