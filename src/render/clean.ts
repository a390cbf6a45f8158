/**
 * The clean text to `clean.md` (docs/reference.md, The clean text): the sections that hold articles,
 * each article's texts as written (no enclosing brackets, markers of
 * proposals, attributions, flags or notes), then the concordance. Pure.
 */
import type { Html, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast'
import { type Article, type CleanEntry, type CleanText } from '../assemble/clean.js'
import type { Body } from '../types.js'
import { renderBody } from './apply-edits.js'
import { documentLabels } from './label-names.js'
import { formatDate, labelsFor, type Labels } from './labels.js'
import { DEFAULT_COVER, disclaimerOf, fillCover, topicHeading } from './markdown.js'
import { code, heading, oneLine, paragraph, plain, verbatim, writeMarkdown } from './writer.js'

/** Render the clean text. `cover` is the cover template, as for the consolidated text; `null`, no cover. */
export function renderCleanMarkdown(clean: CleanText, cover: string | null = DEFAULT_COVER): string {
  const labels = labelsFor(clean.config.language)
  const filled = cover === null ? '' : renderCleanCover(clean, cover, labels).trim()
  const children: RootContent[] = filled === '' ? [] : [verbatim(filled)]
  const bodies: Array<{ id: string; body: Body; headingLevel: number; node: Html }> = []
  const visit = (entries: CleanEntry[]): void => {
    for (const entry of entries) {
      const level = Math.min(6, entry.depth + 1)
      if (entry.article) {
        children.push(verbatim(articleMarker(entry.article, entry.id)))
        children.push(heading(level, plain(articleHeading(entry.article, entry, labels))))
        for (const { proposal } of entry.article.texts) {
          const node = verbatim('')
          bodies.push({ id: proposal.id, body: proposal.body, headingLevel: level, node })
          children.push(node)
        }
      } else {
        children.push(heading(level, plain(topicHeading(entry))))
      }
      visit(entry.children)
    }
  }
  visit(clean.entries)
  children.push(heading(2, plain(`${labels.annex}${labels.colon}${labels.record.clean.concordance}`)))
  children.push(paragraph(plain(labels.record.clean.concordanceIntro)))
  children.push(concordanceTable(clean, labels))
  const tree: Root = { type: 'root', children }
  const names = documentLabels(bodies, [valuesOf(tree)])
  bodies.forEach(({ body, headingLevel, node }, order) => {
    node.value = renderBody(body, { bracketed: false, headingLevel, labels: names.namers[order] })
  })
  return writeMarkdown(tree)
}

/** `<!-- article: 3 topic: A.1.4 -->`, before each article, for tools. */
export function articleMarker(article: Article, topic: string): string {
  return `<!-- article: ${article.number} topic: ${topic} -->`
}

/** `Article 3: Electronic invoicing`, or `Article 3` for an entry without a title. */
export function articleHeading(article: Article, entry: { title?: string }, labels: Labels): string {
  const name = labels.record.clean.article.replace('{n}', String(article.number))
  return entry.title ? `${name}${labels.colon}${oneLine(entry.title)}` : name
}

/** What a clean text's cover says: the configuration's title, symbol and date, "Clean text" with the count of articles, the disclaimer. */
export function cleanCoverValues(clean: CleanText, labels: Labels = labelsFor(clean.config.language)): { title: string; symbol?: string; date?: string; summary: string; disclaimer?: string } {
  const { config } = clean
  return {
    title: config.title ?? labels.documentTitle,
    symbol: config.symbol,
    date: config.date && formatDate(config.date, config.language),
    summary: labels.record.clean.summary(clean.articles),
    disclaimer: disclaimerOf(config, labels),
  }
}

/** The cover template filled for the clean text (see `fillCover`). */
export function renderCleanCover(clean: CleanText, template: string, labels: Labels = labelsFor(clean.config.language)): string {
  return fillCover(template, cleanCoverValues(clean, labels))
}

/** Topic, article (or "no text"), the ids of the proposals it took. */
function concordanceTable(clean: CleanText, labels: Labels): Table {
  const words = labels.record.clean
  const header = [words.columns.topic, words.columns.article, words.columns.proposals].map((column) => [plain(column)])
  const rows = clean.concordance.map((row): PhrasingContent[][] => [
    [plain(topicHeading(row))],
    [plain(row.article === undefined ? words.noText : words.article.replace('{n}', String(row.article)))],
    row.ids.flatMap((id, index): PhrasingContent[] => (index === 0 ? [code(id)] : [plain(labels.separator), code(id)])),
  ])
  return {
    type: 'table',
    align: [null, null, null],
    children: [header, ...rows].map((cells): TableRow => ({ type: 'tableRow', children: cells.map((children): TableCell => ({ type: 'tableCell', children })) })),
  }
}

function valuesOf(node: Root | RootContent | PhrasingContent): string {
  if ('value' in node) return node.value
  return 'children' in node ? (node.children as Array<RootContent | PhrasingContent>).map(valuesOf).join('\n') : ''
}
