/** The clean text to `clean.html` (docs/reference.md, The clean text): one self-contained page, as the consolidated text's. Pure. */
import type { Element } from 'hast'
import { h } from 'hastscript'
import { articlesOf, type CleanEntry, type CleanText } from '../assemble/clean.js'
import { articleKey } from './bodies.js'
import { articleHeading, cleanCoverValues } from './clean.js'
import type { HtmlBody } from './html-body.js'
import { lines } from './html-lines.js'
import { htmlPage, notesList, Numbered, topicAnchor, type HtmlTemplates } from './html.js'
import { labelsFor, type Labels } from './labels.js'

/** Render the clean text as one HTML page, from its `bodies` (see `cleanBodies`). */
export function renderCleanHtml(clean: CleanText, templates: HtmlTemplates, prepared: Map<string, HtmlBody>): string {
  const labels = labelsFor(clean.config.language)
  const bodies = new Numbered(prepared)
  return htmlPage({
    language: clean.config.language,
    values: cleanCoverValues(clean, labels),
    labels,
    bodies,
    css: templates.css,
    subtitle: labels.record.clean.title,
    sections: () => [
      contents(clean, labels),
      h('main.clean', lines(clean.entries.map((entry) => entrySection(entry, labels, bodies)))),
      concordance(clean, labels),
    ],
  })
}

function entrySection(entry: CleanEntry, labels: Labels, bodies: Numbered): Element {
  const level = Math.min(6, entry.depth + 1)
  if (!entry.article) {
    const heading = h(`h${level}`, [h('span.number', entry.id), entry.title ? ` ${entry.title}` : ''])
    return h('section.topic', { className: [`depth-${entry.depth}`], id: topicAnchor(entry.id) }, lines([heading, ...entry.children.map((child) => entrySection(child, labels, bodies))]))
  }
  const { article } = entry
  // The texts before the entries below: footnotes are numbered in reading order.
  const texts = article.texts.map(({ proposal }) => bodies.take(articleKey(article.number, proposal.id)))
  const children = entry.children.map((child) => entrySection(child, labels, bodies))
  return h('section.article', { className: [`depth-${entry.depth}`], id: `article-${article.number}` }, lines([
    { type: 'comment', value: ` article: ${article.number} topic: ${entry.id} ` },
    h(`h${level}`, articleHeading(article, entry, labels)),
    h('div.text', texts.flatMap((text) => text.content)),
    ...texts.flatMap((text) => notesList(text.notes, text.firstNote, labels)),
    ...children,
  ]))
}

function contents(clean: CleanText, labels: Labels): Element {
  const items = articlesOf(clean.entries).map(({ entry, article }) => h('li', h('a', { href: `#article-${article.number}` }, articleHeading(article, entry, labels))))
  items.push(h('li.extra', h('a', { href: '#concordance' }, `${labels.annex}${labels.colon}${labels.record.clean.concordance}`)))
  return h('nav.contents', { ariaLabelledBy: 'contents-title' }, [h('h2', { id: 'contents-title' }, labels.document.contents), h('ol', lines(items))])
}

function concordance(clean: CleanText, labels: Labels): Element {
  const words = labels.record.clean
  const rows = clean.concordance.map((row) => h('tr', [
    h('th', { scope: 'row' }, [h('span.number', row.id), row.title ? ` ${row.title}` : '']),
    h('td', row.article === undefined ? h('span.no-text', words.noText) : h('a', { href: `#article-${row.article}` }, words.article.replace('{n}', String(row.article)))),
    h('td', row.ids.flatMap((id, index) => (index === 0 ? [h('code', id)] : [labels.separator, h('code', id)]))),
  ]))
  return h('section.annex', { id: 'concordance' }, lines([
    h('h2', `${labels.annex}${labels.colon}${words.concordance}`),
    h('p', words.concordanceIntro),
    h('table.concordance', lines([
      h('thead', h('tr', [h('th', { scope: 'col' }, words.columns.topic), h('th', { scope: 'col' }, words.columns.article), h('th', { scope: 'col' }, words.columns.proposals)])),
      h('tbody', lines(rows)),
    ])),
  ]))
}
