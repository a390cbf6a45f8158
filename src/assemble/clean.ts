/**
 * The clean text (SPEC §11, §13): the Chair's view of a negotiation. Each
 * outline entry with a stabilized text or a `chair:` pick becomes an article
 * (its own texts, then its paragraphs that hold one), numbered by the
 * outline's `article:` when any entry has one, else in outline order across
 * the whole text; sections without an article are left out; a concordance
 * maps every topic and paragraph to its article. Pure.
 */
import type { Config, Negotiation, PlacedChairText, Placement, TopicNode } from '../types.js'

/** An outline entry as the clean text shows it: a section holding articles, or an article. */
export interface CleanEntry {
  id: string
  title?: string
  /** 1 for a top-level outline entry, as in the consolidated text. */
  depth: number
  article?: Article
  children: CleanEntry[]
}

/** One text the clean text shows, as written, without brackets, markers, attributions or notes: a proposal, or a Chair's text. */
export type CleanPart = { kind: 'proposal'; placement: Placement } | { kind: 'chair'; text: PlacedChairText }

export interface Article {
  /** Its place among the articles: 1, 2, 3 … in outline order across the whole text (a small group's extract keeps them). */
  number: number
  /**
   * What follows the word "Article": the outline's `article:` ("2bis") when any
   * entry has one, else `number`. Absent for an entry that is not an article while
   * others are (e.g. a preamble's text): it is shown by its title alone.
   */
  label?: string
  /** The title to show after the label: the entry's, without a repeated "Article 2bis" at its start; absent when nothing else is left. */
  title?: string
  /**
   * The article's own texts (SPEC §14): its Chair's texts first (by `order`, then
   * id), then its stabilized text, then the `chair:` picks in the order given (a
   * Chair's text named there takes its place among them, never shown twice).
   */
  parts: CleanPart[]
  /** Its paragraphs that hold a text, in order, each with its own number (an empty paragraph is left out, the others keep theirs). */
  paragraphs: CleanParagraph[]
  /**
   * Every proposal it shows, its own texts then its paragraphs', as one list:
   * for a renderer that does not yet show paragraphs and Chair's texts (see
   * `parts` and `paragraphs`, which hold them all).
   */
  texts: Placement[]
}

/** A paragraph of an article in the clean text. */
export interface CleanParagraph {
  id: string
  /** As the outline numbers it ("1", "3bis"); absent when its texts carry their own numbers. */
  number?: string
  title?: string
  parts: CleanPart[]
}

/** One row of the concordance: a topic or paragraph, its article (none: "no text") and the proposals it took. */
export interface ConcordanceRow {
  id: string
  title?: string
  /** The article's `number` (its place), when the row is in the clean text. */
  article?: number
  /** The article's `label` ("2bis"), when it has one. */
  label?: string
  /** For a paragraph in the clean text: its number in its article, when the outline gives one. */
  paragraph?: string
  ids: string[]
}

export interface CleanText {
  config: Config
  entries: CleanEntry[]
  concordance: ConcordanceRow[]
  /** How many articles this document holds. */
  articles: number
}

/**
 * The clean text of `negotiation`, which must hold the whole outline (so
 * articles keep the full text's numbers); `topics`, a small group's, keeps
 * only those entries (with the sections above them).
 */
export function cleanText(negotiation: Negotiation, topics?: ReadonlySet<string>): CleanText {
  const picks = new Map((negotiation.config.chair?.picks ?? []).map((pick) => [pick.topic, pick.ids.map((id) => id.value)]))
  const numbered = hasArticles(negotiation.topics)
  const concordance: ConcordanceRow[] = []
  let number = 0
  let articles = 0
  const row = (node: TopicNode, parts: CleanPart[], article?: Article, paragraph?: string): ConcordanceRow => ({
    id: node.id,
    title: node.title,
    ...(article
      ? { article: article.number, ...(article.label === undefined ? {} : { label: article.label }), ...(paragraph === undefined ? {} : { paragraph }) }
      : {}),
    ids: parts.map(partId),
  })

  const visit = (nodes: TopicNode[]): CleanEntry[] =>
    nodes.flatMap((node) => {
      const parts = partsOf(node, picks.get(node.id) ?? [])
      const paragraphNodes = node.children.filter((child) => child.paragraph)
      const paragraphs = paragraphNodes.flatMap((child): CleanParagraph[] => {
        const held = partsOf(child, picks.get(child.id) ?? [])
        return held.length === 0
          ? []
          : [
              {
                id: child.id,
                ...(child.paragraph?.number === undefined ? {} : { number: child.paragraph.number }),
                ...(child.title === undefined ? {} : { title: child.title }),
                parts: held,
              },
            ]
      })
      const article = parts.length > 0 || paragraphs.length > 0 ? makeArticle(node, ++number, numbered, parts, paragraphs) : undefined
      const wanted = !topics || topics.has(node.id)
      const children = visit(node.children.filter((child) => !child.paragraph))
      if (wanted && (article || node.children.length === 0 || paragraphNodes.length > 0)) concordance.push(row(node, parts, article))
      if (wanted) {
        for (const child of paragraphNodes) {
          const held = paragraphs.find((paragraph) => paragraph.id === child.id)
          concordance.push(row(child, held?.parts ?? [], held && article, held?.number))
        }
      }
      const kept = wanted ? article : undefined
      if (kept) articles++
      if (!kept && children.length === 0) return []
      return [{ id: node.id, title: node.title, depth: node.depth, ...(kept ? { article: kept } : {}), children }]
    })
  const entries = visit(negotiation.topics)
  return { config: negotiation.config, entries, concordance, articles }
}

function makeArticle(node: TopicNode, number: number, numbered: boolean, parts: CleanPart[], paragraphs: CleanParagraph[]): Article {
  const label = numbered ? node.article : String(number)
  const title = label === undefined ? node.title : titleAfter(node.title, label)
  const texts = [...parts, ...paragraphs.flatMap((paragraph) => paragraph.parts)].flatMap((part) => (part.kind === 'proposal' ? [part.placement] : []))
  return { number, ...(label === undefined ? {} : { label }), ...(title === undefined ? {} : { title }), parts, paragraphs, texts }
}

/** Whether any entry is an article (`article:`): then only those are numbered, as given (SPEC §13). */
function hasArticles(nodes: TopicNode[]): boolean {
  return nodes.some((node) => node.article !== undefined || hasArticles(node.children))
}

/**
 * A title without the article number it repeats: "Article 1 (Definitions)"
 * under label "1" is "Definitions", never "Article 1: Article 1 (Definitions)".
 */
export function titleAfter(title: string | undefined, label: string): string | undefined {
  if (title === undefined) return undefined
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const repeat = new RegExp(`^\\s*(?:article|artículo|art\\.)\\s+${escaped}(?![\\p{L}\\p{N}])\\s*[:.\\-\u2013\u2014]?\\s*`, 'iu')
  const match = repeat.exec(title)
  if (!match) return title
  const rest = title.slice(match[0].length).trim()
  const bare = /^\((.*)\)$/.exec(rest)?.[1]?.trim() ?? rest
  return bare === '' ? undefined : bare
}

/**
 * A topic's texts for the clean text: its Chair's texts not named in `chair:`,
 * its stabilized text, then each pick once (a proposal or a Chair's text), none of them "no text".
 */
function partsOf(node: TopicNode, picked: string[]): CleanPart[] {
  const parts: CleanPart[] = node.chairTexts.filter((placed) => !picked.includes(placed.text.id)).map((text) => ({ kind: 'chair', text }))
  const stabilized = node.placements.find((placement) => placement.proposal.status === 'stabilized' && !placement.proposal.noText)
  if (stabilized) parts.push({ kind: 'proposal', placement: stabilized })
  for (const id of picked) {
    const placement = node.placements.find((each) => each.proposal.id === id)
    const chairText = node.chairTexts.find((each) => each.text.id === id)
    if (placement && !placement.proposal.noText && placement !== stabilized && !parts.some((part) => part.kind === 'proposal' && part.placement === placement))
      parts.push({ kind: 'proposal', placement })
    else if (!placement && chairText && !parts.some((part) => part.kind === 'chair' && part.text === chairText)) parts.push({ kind: 'chair', text: chairText })
  }
  return parts
}

/** The id of a text the clean text shows. */
export function partId(part: CleanPart): string {
  return part.kind === 'proposal' ? part.placement.proposal.id : part.text.text.id
}

/** Every article of a clean text, in reading order, with the entry that carries it. */
export function articlesOf(entries: CleanEntry[]): Array<{ entry: CleanEntry; article: Article }> {
  return entries.flatMap((entry) => [...(entry.article ? [{ entry, article: entry.article }] : []), ...articlesOf(entry.children)])
}
