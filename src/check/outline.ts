/**
 * Checks of texts against the structure of the outline (SPEC §13): a text on a
 * numbered paragraph carries no number of its own (`numbered-paragraph`), and an
 * article's own agreed text and an agreed paragraph text cannot stand together
 * (`conflicting-stabilized`). Pure; deterministic for any input order.
 */
import { outlineEntries } from '../parse/outline.js'
import { RULES, isLive, type Config, type Diagnostic, type OutlineEntry, type Place, type Rule, type Status, type TextFacts } from '../types.js'

/** What these checks need of a proposal or a Chair's text. */
export interface PlacedText {
  id: string
  file: string
  topic: { value: string }
  /** Absent for a Chair's text: always live, never agreed as a proposal is. */
  status?: Status
  noText?: boolean
  facts: TextFacts
  places: { id: Place; status?: Place }
}

/** `numbered-paragraph` and the article-level `conflicting-stabilized`, for texts whose topics are in the outline. */
export function checkStructure(texts: PlacedText[], config: Config): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  if (!config.outline) return diagnostics
  const report = (text: PlacedText, rule: Rule, message: string, place: Place): void => {
    diagnostics.push({ file: text.file, line: place.line, column: place.column, severity: RULES[rule], rule, message })
  }
  const entries = outlineEntries(config.outline)
  const paragraphs = new Map<string, { paragraph: OutlineEntry; article: OutlineEntry }>()
  for (const article of entries) for (const paragraph of article.children) if (paragraph.paragraph) paragraphs.set(paragraph.id, { paragraph, article })

  for (const text of texts) {
    const place = paragraphs.get(text.topic.value)
    const number = place?.paragraph.paragraph?.number
    const written = text.facts.leadingNumber
    if (place && number !== undefined && written && (text.status === undefined || isLive(text.status)) && !text.noText) {
      report(
        text,
        'numbered-paragraph',
        `this text is on paragraph ${number} of article ${place.article.article ?? place.article.id} (${text.topic.value}), which shows its number "${number}." before it, yet the text starts with a number of its own, "${written.value}"; remove "${written.value}" from the text, or take \`number\` off the paragraph in consolidate.yaml if the texts carry their own numbers`,
        written.place,
      )
    }
  }

  const stabilized = texts.filter((text) => text.status === 'stabilized')
  for (const article of entries.filter((entry) => entry.children.some((child) => child.paragraph))) {
    const own = stabilized.filter((text) => text.topic.value === article.id)
    const ids = new Set(article.children.map((child) => child.id))
    const inParagraphs = stabilized.filter((text) => ids.has(text.topic.value))
    if (own.length === 0 || inParagraphs.length === 0) continue
    const name = `article ${article.article ?? article.id}`
    for (const text of own) {
      const others = inParagraphs.map((other) => `${other.id} (${other.file}, ${other.topic.value})`).sort()
      report(
        text,
        'conflicting-stabilized',
        `this is the agreed text of ${name} as a whole, and ${others.join(', ')} ${others.length === 1 ? 'is an agreed text' : 'are agreed texts'} of its paragraphs; agree either the whole article or its paragraphs: set the others to \`status: proposed\` or \`withdrawn\``,
        text.places.status ?? { line: 1, column: 1 },
      )
    }
    for (const text of inParagraphs) {
      const others = own.map((other) => `${other.id} (${other.file})`).sort()
      report(
        text,
        'conflicting-stabilized',
        `this is the agreed text of paragraph ${text.topic.value} of ${name}, which already has an agreed text as a whole in ${others.join(', ')}; agree either the whole article or its paragraphs: set the others to \`status: proposed\` or \`withdrawn\``,
        text.places.status ?? { line: 1, column: 1 },
      )
    }
  }
  return diagnostics
}
