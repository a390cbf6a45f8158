/**
 * The rules of translations (SPEC §17): `orphan-translation`,
 * `stale-translation`, `translation-brackets`, `missing-translation`. Pure.
 */
import { closest } from '../diagnostics/suggest.js'
import { LANGUAGE_WORDS } from '../parse/translation.js'
import { LineIndex } from '../read/decode.js'
import {
  originalLanguage,
  originals,
  originalStem,
  pairTranslations,
  stateOf,
  stem,
  translatable,
  translationsByText,
  type Original,
  type Texts,
} from '../model/translations.js'
import { isLive, RULES, type Diagnostic, type Language, type Place, type Rule, type Translation } from '../types.js'

export interface TranslationCheck {
  texts: Texts
  /** Every file under proposals/, notes/ and chair/ that is not a translation, read or not: a translation beside one that could not be read is no orphan. */
  files: string[]
}

/**
 * Every problem of the workspace's translations. Without `publish:` only
 * `orphan-translation` and `stale-translation`; with it, `translation-brackets`
 * and `missing-translation` too, for the languages it publishes.
 */
export function checkTranslations({ texts, files }: TranslationCheck): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const report = (file: string, rule: Rule, message: string, place: Place): void => {
    diagnostics.push({ file, line: place.line, column: place.column, severity: RULES[rule], rule, message })
  }
  const { config } = texts
  const published = new Set<Language>(config.publish?.languages ?? [])
  const stems = new Set(files.map(stem))

  for (const [translation, original] of pairTranslations(texts)) {
    const { file } = translation
    const start = translation.places.frontMatter
    const language = LANGUAGE_WORDS[translation.language]
    if (original === undefined) {
      // The original is there but could not be read: its own diagnostics say why.
      if (!stems.has(originalStem(file))) report(file, 'orphan-translation', orphanMessage(translation, files), start)
      continue
    }
    const from = originalLanguage(original.text, config)
    if (from === translation.language) {
      report(
        file,
        'orphan-translation',
        `this file is named as ${translation.language === 'en' ? 'an' : 'a'} ${language} translation of ${original.text.file}, which is itself in ${language}${original.text.language ? ' (its `language:`)' : " (the configuration's `language`)"}; a text needs no translation into its own language: delete this file, or rename it for the language it is in`,
        start,
      )
      continue
    }
    if (!translatable(original)) {
      report(
        file,
        'orphan-translation',
        `${original.text.file} is a "no text" alternative (\`noText: true\`): it has no text to translate (every document writes "[No text]" in its own language); delete this file`,
        start,
      )
      continue
    }
    if (original.kind === 'note' && translation.places.title) {
      report(file, 'invalid-field', 'a note has no title, so its translation has none either; remove `title`', translation.places.title)
    }
    const state = stateOf(translation, original.text)
    if (state === 'stale') report(file, 'stale-translation', staleMessage(translation, original.text.file), translation.translationOf?.place ?? start)
    if (published.has(translation.language) && state !== 'draft' && translation.facts.shape !== shapeOf(original)) {
      const differs = bracketDifference(translation, shapeOf(original))
      report(file, 'translation-brackets', differs.message, differs.place)
    }
  }

  if (config.publish) {
    const translated = translationsByText(texts)
    for (const original of originals(texts)) {
      if (!translatable(original) || (original.kind === 'proposal' && !isLive(original.text.status))) continue
      const from = originalLanguage(original.text, config)
      for (const language of config.publish.languages) {
        if (language === from || translated.get(original.text)?.has(language)) continue
        report(
          original.text.file,
          'missing-translation',
          `this text has no ${LANGUAGE_WORDS[language]} translation, and \`publish.languages\` issues the documents in ${LANGUAGE_WORDS[language]}: until it has one they show it in ${LANGUAGE_WORDS[from]}, under a line saying its translation is pending; \`consolidate translate ${original.kind === 'note' ? original.text.file : original.text.id} --lang ${language}\` writes the file to translate`,
          original.text.places.frontMatter,
        )
      }
    }
  }
  return diagnostics
}

/** Why a translation stands beside nothing, and the name it was likely meant to have. */
function orphanMessage(translation: Translation, files: string[]): string {
  const wanted = originalStem(translation.file)
  const folder = wanted.slice(0, wanted.lastIndexOf('/') + 1)
  const neighbours = files.filter((file) => file.startsWith(folder) && !file.slice(folder.length).includes('/')).map(stem)
  const near = closest(
    wanted.slice(folder.length),
    neighbours.map((each) => each.slice(folder.length)),
  )
  const suffix = translation.file.slice(originalStem(translation.file).length)
  const hint = near === undefined ? '' : `; did you mean ${folder}${near}${suffix}, beside ${folder}${near}.md?`
  return `this translation has no original: there is no ${wanted}.md beside it; a translation is named after its original (\`<name>${suffix.toLowerCase()}\` beside \`<name>.md\`), so rename it, or delete it if its original was removed${hint}`
}

/**
 * A stale translation: no fingerprint, or not its original's any more;
 * `lastMatched` names the revision the original last had its fingerprint, when
 * git can tell, and the commit to compare with (`since`).
 */
export function staleMessage(translation: Translation, originalFile: string, lastMatched?: { words: string; since?: string }): string {
  const stamp = `\`consolidate translate --stamp ${translation.file}\``
  if (translation.translationOf === undefined) {
    return `this translation has no \`translationOf\`, so nothing says which version of ${originalFile} it translates, and no document shows it; once it matches the original as it is now, run ${stamp}`
  }
  const when = lastMatched === undefined ? '' : ` (it last matched the original ${lastMatched.words})`
  const diff = lastMatched?.since === undefined ? '`consolidate diff`' : `\`consolidate diff ${lastMatched.since} .\``
  return `${originalFile} has changed since this translation was made${when}, so no document shows the translation: each shows the original under a line saying its translation is pending; bring the translation up to date (${diff} shows what changed), then run ${stamp}`
}

/** The bracket pairs of an original's text, as `TextFacts.shape`. */
function shapeOf(original: Original): string {
  return original.kind === 'note' ? original.text.shape : original.text.facts.shape
}

/** What differs between a translation's brackets and its original's, at the first bracket of the translation that parts from them. */
function bracketDifference(translation: Translation, expected: string): { message: string; place: Place } {
  const shape = translation.facts.shape
  let at = 0
  while (at < shape.length && shape[at] === expected[at]) at++
  const offset = translation.brackets[Math.min(at, translation.brackets.length - 1)]
  const lines = new LineIndex(translation.body.source)
  const place = offset === undefined ? translation.places.frontMatter : lines.place(offset)
  const pairs = (count: number): string => `${count} bracket pair${count === 1 ? '' : 's'}`
  const written = (value: string): string => (value === '' ? 'none' : `\`${value}\``)
  const where = offset === undefined ? '' : at < shape.length ? ' from this bracket on' : ' after this bracket'
  return {
    message: `the brackets of this translation part from its original's${where}: the original has ${pairs(expected.length / 2)} (${written(expected)}, in reading order), the translation ${pairs(shape.length / 2)} (${written(shape)}); brackets are the state of the negotiation and must survive translation: bracket the same words, nested the same way, as the original does`,
    place,
  }
}
