/**
 * The translators' queue (`consolidate translations`, SPEC §17): per language,
 * the texts in each state and the words still to translate; and the
 * translations a revision made stale. Pure.
 */
import { tokenize } from '../model/words.js'
import { isLive, LANGUAGES, type Language } from '../types.js'
import {
  bodyOf,
  originalLanguage,
  originals,
  pairTranslations,
  stateOf,
  translatable,
  translationFile,
  translationsByText,
  type Original,
  type Texts,
  type TranslationState,
} from '../model/translations.js'

/** One language's queue (`consolidate translations`, SPEC §17): the count of texts in each state, the words still to translate, every text not current. */
export interface LanguageQueue {
  current: number
  stale: number
  draft: number
  missing: number
  /** The words of the originals of the texts not current. */
  words: number
  /** Every text not current, in file order; `file` is its translation's, as it is or would be written (beside the original). */
  texts: Array<{ id: string; file: string; state: Exclude<TranslationState, 'current'> }>
}

/** The translators' queue of each language, in the order given. */
export function translationQueue(texts: Texts, languages: readonly Language[]): Partial<Record<Language, LanguageQueue>> {
  const translated = translationsByText(texts)
  const wanted = originals(texts).filter((original) => translatable(original) && (original.kind !== 'proposal' || isLive(original.text.status)))
  const queue: Partial<Record<Language, LanguageQueue>> = {}
  for (const language of languages) {
    const entry: LanguageQueue = { current: 0, stale: 0, draft: 0, missing: 0, words: 0, texts: [] }
    for (const { text } of wanted) {
      if (originalLanguage(text, texts.config) === language) continue
      const translation = translated.get(text)?.get(language)
      const state = translation === undefined ? 'missing' : stateOf(translation, text)
      entry[state]++
      if (state === 'current') continue
      entry.words += wordCount(text)
      entry.texts.push({ id: text.id, file: translation?.file ?? translationFile(text.file, language), state })
    }
    queue[language] = entry
  }
  return queue
}

/**
 * The languages a queue is given for by default: those published (else all
 * three) into which some text has to be translated. `unasked`: none for a
 * workspace that neither publishes languages nor has translations (the step summary says nothing of them then).
 */
export function queueLanguages(texts: Texts, options: { unasked?: boolean } = {}): Language[] {
  if (options.unasked && texts.config.publish === undefined && (texts.translations ?? []).length === 0) return []
  const from = new Set(
    originals(texts)
      .filter(translatable)
      .map((original) => originalLanguage(original.text, texts.config)),
  )
  return (texts.config.publish?.languages ?? LANGUAGES).filter((language) => [...from].some((each) => each !== language))
}

/** The words a translator has to translate in a text: its title and body, words and numbers only (not Markdown's marks, nor footnote labels). */
export function wordCount(text: Original['text']): number {
  const counted = (written: string): number => tokenize(written.replace(/\[\^[^\]\s]+\]/g, ' ')).filter((token) => /[\p{L}\p{N}]/u.test(token.text)).length
  return counted('title' in text ? (text.title ?? '') : '') + counted(bodyOf(text.body))
}

/** A text whose translations a revision made stale: its id and the languages, in the order of LANGUAGES. */
export interface MadeStale {
  id: string
  file: string
  languages: Language[]
}

/**
 * The texts whose translations were current in `old` and are stale in `next`
 * because the original changed (SPEC §17: the change list of a revision says
 * which translations it made stale), in file order.
 */
export function madeStale(old: Texts, next: Texts): MadeStale[] {
  const before = new Map(
    [...pairTranslations(old)].flatMap(([translation, original]) =>
      original === undefined ? [] : [[translation.file, stateOf(translation, original.text)] as const],
    ),
  )
  const byText = new Map<Original['text'], Set<Language>>()
  for (const [translation, original] of pairTranslations(next)) {
    if (original === undefined || before.get(translation.file) !== 'current' || stateOf(translation, original.text) !== 'stale') continue
    byText.set(original.text, (byText.get(original.text) ?? new Set()).add(translation.language))
  }
  return originals(next).flatMap(({ text }) => {
    const languages = byText.get(text)
    return languages === undefined ? [] : [{ id: text.id, file: text.file, languages: LANGUAGES.filter((language) => languages.has(language)) }]
  })
}
