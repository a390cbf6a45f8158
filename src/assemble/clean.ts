/**
 * The clean text (docs/reference.md, The clean text): the Chair's view of a negotiation. Each outline
 * entry with a stabilized text or a `chair:` pick becomes an article, numbered
 * in outline order across the whole text; sections without an article are left
 * out; a concordance maps every topic to its article. Pure.
 */
import type { Config, Negotiation, Placement, TopicNode } from '../types.js'

/** An outline entry as the clean text shows it: a section holding articles, or an article. */
export interface CleanEntry {
  id: string
  title?: string
  /** 1 for a top-level outline entry, as in the consolidated text. */
  depth: number
  article?: Article
  children: CleanEntry[]
}

export interface Article {
  /** 1, 2, 3 … in outline order across the whole text (a small group's extract keeps them). */
  number: number
  /** The stabilized text first, then the Chair's picks in the order given. */
  texts: Placement[]
}

/** One row of the concordance: a topic, its article (none: "no text") and the proposals it took. */
export interface ConcordanceRow {
  id: string
  title?: string
  article?: number
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
  const concordance: ConcordanceRow[] = []
  let number = 0
  let articles = 0
  const visit = (nodes: TopicNode[]): CleanEntry[] =>
    nodes.flatMap((node) => {
      const texts = textsOf(node, picks.get(node.id) ?? [])
      const article = texts.length > 0 ? { number: ++number, texts } : undefined
      const wanted = !topics || topics.has(node.id)
      const children = visit(node.children)
      if (wanted && (article || node.children.length === 0)) {
        concordance.push({ id: node.id, title: node.title, ...(article ? { article: article.number } : {}), ids: texts.map((placement) => placement.proposal.id) })
      }
      const kept = wanted ? article : undefined
      if (kept) articles++
      if (!kept && children.length === 0) return []
      return [{ id: node.id, title: node.title, depth: node.depth, ...(kept ? { article: kept } : {}), children }]
    })
  const entries = visit(negotiation.topics)
  return { config: negotiation.config, entries, concordance, articles }
}

/** A topic's texts for the clean text: its stabilized text, then each pick once, none of them "no text". */
function textsOf(node: TopicNode, picked: string[]): Placement[] {
  const texts = node.placements.filter((placement) => placement.proposal.status === 'stabilized' && !placement.proposal.noText)
  for (const id of picked) {
    const placement = node.placements.find((each) => each.proposal.id === id)
    if (placement && !placement.proposal.noText && !texts.includes(placement)) texts.push(placement)
  }
  return texts
}

/** Every article of a clean text, in reading order, with the entry that carries it. */
export function articlesOf(entries: CleanEntry[]): Array<{ entry: CleanEntry; article: Article }> {
  return entries.flatMap((entry) => [...(entry.article ? [{ entry, article: entry.article }] : []), ...articlesOf(entry.children)])
}
