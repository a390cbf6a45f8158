/**
 * Translations (SPEC §17): each paired with its original, its state (current,
 * stale, draft), and a workspace as the documents of one language show it:
 * every text in its current translation into that language, else in its
 * original language, marked pending. Pure.
 */
import { createHash } from 'node:crypto'
import { pick } from '../model/language.js'
import { tokenize } from './words.js'
import type { Body, ChairText, Config, Language, Note, Proposal, Translation } from '../types.js'

/** A text that may be translated: a proposal, a note or a Chair's text. */
export type Original = { kind: 'proposal'; text: Proposal } | { kind: 'note'; text: Note } | { kind: 'chair'; text: ChairText }

/** The states of a text's translation into one language (`consolidate translations`). */
export const TRANSLATION_STATES = ['current', 'stale', 'draft', 'missing'] as const
export type TranslationState = (typeof TRANSLATION_STATES)[number]

/** The texts of a workspace (or of a revision), with their translations. */
export interface Texts {
  config: Config
  proposals: Proposal[]
  notes?: Note[]
  chairTexts?: ChairText[]
  translations?: Translation[]
}

/**
 * The fingerprint of a text (`translationOf:`): its title and its body, each
 * read as `diff` reads a wording (words and marks, whatever the whitespace
 * between them), hashed. Re-wrapping the original keeps its translations current.
 */
export function fingerprint(text: { title?: string; body: Body }): string {
  return createHash('sha256')
    .update(`${wordingOf(text.title ?? '')}\u0001${bodyWording(text.body)}`)
    .digest('hex')
    .slice(0, 16)
}

/** A text's words and marks as `diff` compares them, whatever the whitespace between them. */
function wordingOf(written: string): string {
  return tokenize(written)
    .map((token) => token.text)
    .join('\u0000')
}

/** Each body's wording, read once: a workspace's states are asked for again by each language's documents. */
const wordings = new WeakMap<Body, string>()

function bodyWording(body: Body): string {
  let wording = wordings.get(body)
  if (wording === undefined) {
    wording = wordingOf(bodyOf(body))
    wordings.set(body, wording)
  }
  return wording
}

/** A body's text, as its file has it between the front matter and the end. */
export function bodyOf(body: Body): string {
  return body.source.slice(body.start, body.end)
}

/** The language a text was written in: its own `language:`, else the configuration's. */
export function originalLanguage(text: { language?: Language }, config: Pick<Config, 'language'>): Language {
  return text.language ?? config.language
}

/** Every text a translation may be of, in file order: proposals, notes, Chair's texts. */
export function originals(texts: Texts): Original[] {
  return [
    ...texts.proposals.map((text): Original => ({ kind: 'proposal', text })),
    ...(texts.notes ?? []).map((text): Original => ({ kind: 'note', text })),
    ...(texts.chairTexts ?? []).map((text): Original => ({ kind: 'chair', text })),
  ]
}

/** A file's name without `.md` (any case): what a translation's name starts with. */
export function stem(file: string): string {
  return file.replace(/\.md$/i, '')
}

/** Each translation's original, found beside it by name (`a14.fr.md` → `a14.md`), or undefined. */
export function pairTranslations(texts: Texts): Map<Translation, Original | undefined> {
  const byStem = new Map<string, Original>()
  for (const original of originals(texts)) if (!byStem.has(stem(original.text.file))) byStem.set(stem(original.text.file), original)
  return new Map((texts.translations ?? []).map((translation) => [translation, byStem.get(originalStem(translation.file))]))
}

/** The name (without `.md`) a translation's original has: `proposals/a14.fr.md` → `proposals/a14`. */
export function originalStem(file: string): string {
  return stem(file).replace(/\.(en|fr|es)$/i, '')
}

/**
 * A translation's state: `stale` when its fingerprint is missing or is not the
 * original's now; else `draft` while `draft: true` or its body is the
 * original's word for word; else `current`.
 */
export function stateOf(translation: Translation, original: Original['text']): Exclude<TranslationState, 'missing'> {
  if (translation.translationOf?.value !== fingerprint(original)) return 'stale'
  if (translation.draft || bodyWording(translation.body) === bodyWording(original.body)) return 'draft'
  return 'current'
}

/** Whether a text has words to translate: a "no text" alternative has none (`[No text]` is the tool's words). */
export function translatable(original: Original): boolean {
  return original.kind !== 'proposal' || !original.text.noText
}

/** The translations of each text, by language: `translations.get(text)?.get('fr')`. */
export function translationsByText(texts: Texts): Map<Original['text'], Map<Language, Translation>> {
  const byText = new Map<Original['text'], Map<Language, Translation>>()
  for (const [translation, original] of pairTranslations(texts)) {
    if (original === undefined) continue
    const languages = byText.get(original.text) ?? new Map<Language, Translation>()
    if (!languages.has(translation.language)) languages.set(translation.language, translation)
    byText.set(original.text, languages)
  }
  return byText
}

/**
 * The texts as the documents in `language` show them (SPEC §17): each text
 * whose current translation is into `language` takes its title, body and
 * file; each other text not in `language` is shown as written, marked
 * `pending` with its original language; a note's `by` is given in `language`.
 */
export function showIn<T extends Texts>(texts: T, language: Language): T {
  const translated = translationsByText(texts)
  /** The current translation to show, or the original language the text is pending in; neither when it is in `language`. */
  const choose = (text: Original['text']): { translation?: Translation; pending?: Language } => {
    const from = originalLanguage(text, texts.config)
    if (from === language) return {}
    const translation = translated.get(text)?.get(language)
    return translation !== undefined && stateOf(translation, text) === 'current' ? { translation } : { pending: from }
  }
  const proposal = (text: Proposal): Proposal => {
    if (text.noText) return text
    const { translation, pending } = choose(text)
    if (pending) return { ...text, pending }
    return translation ? { ...text, file: translation.file, title: translation.title ?? text.title, body: translation.body, facts: translation.facts } : text
  }
  const chairText = (text: ChairText): ChairText => {
    const { translation, pending } = choose(text)
    if (pending) return { ...text, pending }
    if (!translation) return text
    const title = translation.title ?? text.title
    return { ...text, file: translation.file, ...(title === undefined ? {} : { title }), body: translation.body, facts: translation.facts }
  }
  const note = (text: Note): Note => {
    const by = text.byNames === undefined ? text.by : { ...text.by, value: pick(text.byNames, language, text.by.value) as string }
    const { translation, pending } = choose(text)
    if (pending) return { ...text, by, pending }
    return translation ? { ...text, by, file: translation.file, body: translation.body, shape: translation.facts.shape } : { ...text, by }
  }
  return {
    ...texts,
    proposals: texts.proposals.map(proposal),
    ...(texts.notes === undefined ? {} : { notes: texts.notes.map(note) }),
    ...(texts.chairTexts === undefined ? {} : { chairTexts: texts.chairTexts.map(chairText) }),
  }
}

/**
 * How many of the texts a document shows (live proposals with text, notes,
 * Chair's texts; on `topics` only, for a small group's extract) are pending in
 * a snapshot `showIn` made.
 */
export function pendingCount(texts: Texts, topics?: ReadonlySet<string>): { pending: number; total: number } {
  const live = [
    ...texts.proposals.filter((proposal) => !proposal.noText && proposal.status !== 'merged' && proposal.status !== 'withdrawn'),
    ...(texts.notes ?? []),
    ...(texts.chairTexts ?? []),
  ]
  const shown = topics === undefined ? live : live.filter((text) => topics.has(text.topic.value))
  return { pending: shown.filter((text) => text.pending !== undefined).length, total: shown.length }
}

/** Where a text's translation into `language` is written: beside it, `<name>.<lang>.md`. */
export function translationFile(original: string, language: Language): string {
  return `${stem(original)}.${language}.md`
}
