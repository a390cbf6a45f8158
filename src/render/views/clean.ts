/**
 * The clean text (docs/reference.md, The clean text): the sections that hold articles, each article's
 * texts as written (no enclosing brackets, markers of proposals, attributions,
 * flags or notes), then the concordance. Pure.
 */
import type { PhrasingContent, RootContent } from 'mdast'
import type { Language } from '../../types.js'
import { wordsFor } from '../i18n/index.js'
import { articlesOf, type Article, type CleanEntry, type CleanPart, type CleanText } from '../../assemble/clean.js'
import { labelsFor, type Labels } from '../labels.js'
import type { Annex, BodyNode, Concordance, ContentsEntry, Document, Section } from '../tree.js'
import { fillCover } from './cover.js'
import { pendingLabel } from './pending.js'
import { coverValuesOf, identityOf, metaOf } from './identity.js'
import { articleHeading, coverNode, DEFAULT_COVER, entryHeading, fileBody, heading, oneLine, paragraph, paragraphHeading, text } from './parts.js'

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
    ...clean.entries.map((entry) => entrySection(entry, { labels, language: config.language })),
    concordanceAnnex(clean, labels),
  ]
  return { meta: metaOf(config, 'clean', identity), tree: { type: 'root', children } }
}

/** An article's heading: `Article 2bis: Title` (the outline's `article:`, else its number), or its title alone when it is no article while others are. */
function headingOf(article: Article, entry: CleanEntry, labels: Labels): PhrasingContent[] {
  if (article.label !== undefined) return articleHeading(article.label, article.title, labels)
  return [text(oneLine(article.title ?? entry.title ?? entry.id))]
}

function entrySection(entry: CleanEntry, context: Context): Section {
  const children = entry.children.map((child) => entrySection(child, context))
  if (!entry.article) return { type: 'section', kind: 'topic', id: entry.id, depth: entry.depth, heading: entryHeading(entry), children }
  const { article } = entry
  // A text shown in its original language has the pending line over it.
  const texts = (parts: CleanPart[]): RootContent[] =>
    parts.flatMap((part) => [
      ...pendingLabel(part.kind === 'proposal' ? part.placement.proposal : part.text.text, context.language),
      partBody(part, article.number, entry.depth),
    ])
  // An article's paragraphs stay its numbered paragraphs: each its number and title, then its texts.
  const paragraphs = article.paragraphs.map((paragraph): Section => ({
    type: 'section',
    kind: 'paragraph',
    id: paragraph.id,
    depth: entry.depth + 1,
    heading: paragraphHeading(paragraph.number, paragraph.title),
    children: texts(paragraph.parts),
  }))
  return {
    type: 'section',
    kind: 'article',
    id: entry.id,
    depth: entry.depth,
    article: article.number,
    label: article.label ?? String(article.number),
    heading: headingOf(article, entry, context.labels),
    children: [...texts(article.parts), ...paragraphs, ...children],
  }
}

/** A text of the clean text, as written, without brackets: a proposal's or a Chair's. */
function partBody(part: CleanPart, article: number, depth: number): BodyNode {
  const text = part.kind === 'proposal' ? part.placement.proposal : part.text.text
  const owner = part.kind === 'proposal' ? text.id : `chair-${text.id}`
  return { ...fileBody(text.file, text.body, { owner, depth, enclosed: false }), anchor: `a${article}-${owner}-` }
}

/** What the clean text's blocks are built with. */
interface Context {
  labels: Labels
  language: Language
}

function contents(clean: CleanText, labels: Labels): ContentsEntry[] {
  return [
    ...articlesOf(clean.entries).map(({ entry, article }): ContentsEntry => ({
      target: { kind: 'article', number: article.number },
      heading: headingOf(article, entry, labels),
      children: [],
    })),
    {
      target: { kind: 'annex', id: 'concordance' },
      heading: [text(`${labels.annex}${labels.colon}${labels.record.clean.concordance}`)],
      extra: true,
      children: [],
    },
  ]
}

/** A text as delegations know it: `Electronic invoicing (Japan, INF/ECOM/22)`; an untitled text takes its topic's title. */
function textLine(
  id: string,
  placed: ReadonlyMap<string, CleanPart>,
  titles: ReadonlyMap<string, string | undefined>,
  labels: Labels,
  language: Language,
): string {
  const part = placed.get(id)
  if (!part) return oneLine(id)
  const text = part.kind === 'proposal' ? part.placement.proposal : part.text.text
  const title = text.title ?? titles.get(text.topic.value) ?? text.topic.value
  const who =
    part.kind === 'proposal' ? part.placement.authors.map(oneLine).join(labels.separator) : oneLine(part.text.by ?? wordsFor(language).t('record.chairText'))
  const about = [who, text.document && oneLine(text.document)].filter(Boolean).join(', ')
  return about ? `${oneLine(title)} (${about})` : oneLine(title)
}

/** `Article 2bis`, `Article 3, paragraph 1`: where the concordance's row stands in the clean text. */
function articleLabel(row: CleanText['concordance'][number], labels: Labels, language: Language): string {
  const article = labels.record.clean.article.replace('{n}', () => oneLine(row.label ?? String(row.article)))
  return row.paragraph === undefined ? article : `${article}, ${wordsFor(language).t('record.paragraph', { number: oneLine(row.paragraph) })}`
}

/** Every topic with its article (or "no text") and the texts it took. */
function concordanceAnnex(clean: CleanText, labels: Labels): Annex {
  const words = labels.record.clean
  const partsOf = (article: Article): CleanPart[] => [...article.parts, ...article.paragraphs.flatMap((paragraph) => paragraph.parts)]
  const placed = new Map(
    articlesOf(clean.entries).flatMap(({ article }) =>
      partsOf(article).map((part) => [part.kind === 'proposal' ? part.placement.proposal.id : part.text.text.id, part] as const),
    ),
  )
  const titles = new Map(clean.concordance.map((row) => [row.id, row.title]))
  const concordance: Concordance = {
    type: 'concordance',
    columns: [words.columns.topic, words.columns.article, words.columns.proposals],
    rows: clean.concordance.map((row) => ({
      id: row.id,
      heading: entryHeading(row),
      ...(row.article === undefined ? {} : { article: row.article }),
      articleLabel: row.article === undefined ? words.noText : articleLabel(row, labels, clean.config.language),
      texts: row.ids.length === 0 ? [] : [text(row.ids.map((id) => textLine(id, placed, titles, labels, clean.config.language)).join(labels.separator))],
    })),
  }
  return {
    type: 'annex',
    id: 'concordance',
    children: [heading(2, text(`${labels.annex}${labels.colon}${words.concordance}`)), paragraph(text(words.concordanceIntro)), concordance],
  }
}
