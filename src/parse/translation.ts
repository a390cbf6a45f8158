/**
 * One translation file (`<name>.<lang>.md` beside a proposal, note or Chair's
 * text, SPEC §17) to a Translation and its problems: read and checked as its
 * original is (size, encoding, structure, brackets). Pure: no file system.
 */
import { isScalar } from 'yaml'
import { scalarText } from './front-matter.js'
import { readBody, readMarkdownFile, type FileKind, type ParseOptions } from './proposal.js'
import { frontMatterFields } from './fields.js'
import { describe, isEmpty } from './yaml.js'
import { didYouMean } from '../diagnostics/suggest.js'
import type { Language, Located, ParseResult, Place, Translation } from '../types.js'

/** The fields a translation's front matter may have: everything else comes from its original. */
export const TRANSLATION_FIELDS = ['translationOf', 'title', 'draft'] as const

/** `a14-jpn-einvoicing.fr.md`: a name, a language (any case), `.md` (any case). */
const TRANSLATION_NAME = /^(.+)\.(en|fr|es)\.md$/i

/** The language and the original's name (without `.md`) of a translation's file name, or undefined when the name is not a translation's. */
export function translationName(file: string): { language: Language; original: string } | undefined {
  const leaf = file.slice(file.lastIndexOf('/') + 1)
  const match = TRANSLATION_NAME.exec(leaf)
  if (!match) return undefined
  return { language: match[2].toLowerCase() as Language, original: `${file.slice(0, file.length - leaf.length)}${match[1]}` }
}

const TRANSLATION: FileKind = {
  what: 'translation',
  fields: '`translationOf: <fingerprint>` and `title: …` (`consolidate translate ID --lang fr` writes them)',
  folder: 'proposals',
  lastField: 'draft: true',
}

/** Read one translation. `file` is its path relative to the workspace root: its name says its language. */
export function parseTranslation(file: string, input: Uint8Array | string, options: ParseOptions = {}): ParseResult {
  const named = translationName(file)
  if (!named) throw new Error(`${file} is not named as a translation (<name>.<lang>.md)`)
  const folder = file.slice(0, file.indexOf('/'))
  const read = readMarkdownFile(file, input, options, { ...TRANSLATION, folder })
  if ('done' in read) return read.done
  const { diagnostics, report } = read
  const frontMatter: Place = { line: 1, column: 1 }

  const analysis = readBody(
    read,
    `the translation has no text; write the text in ${LANGUAGE_WORDS[named.language]} below the front matter's closing \`---\`, or delete the file (\`consolidate translate ID --lang ${named.language}\` writes one to translate)`,
  )

  const fields = frontMatterFields(read, 'translationOf: 3f2a9c1b7d4e5f60')
  if (!fields) return { diagnostics }

  let translationOf: Located | undefined
  let title: string | undefined
  let titlePlace: Place | undefined
  let draft = false
  for (const { key, value, keyPlace, valuePlace } of fields.fields) {
    const field = scalarText(value)
    const invalid = (expected: string): void => report('invalid-field', `\`${key}\` must be ${expected}; got ${describe(value, key !== 'draft')}`, valuePlace)
    switch (key) {
      case 'translationOf':
        // Left empty: as if not written (the translation is then stale until stamped).
        if (field === undefined)
          invalid(
            "the fingerprint of the original the translation was made from, as `consolidate translate` writes it, e.g. `translationOf: 3f2a9c1b7d4e5f60`; `consolidate translate --stamp FILE` records the original's current one",
          )
        else if (field !== '') translationOf = { value: field, place: valuePlace }
        break
      case 'title':
        if (field === undefined) invalid("a line of text, the original's title translated, e.g. `title: Facturation électronique`")
        else if (field !== '') [title, titlePlace] = [field.replace(/\s+/g, ' '), keyPlace]
        break
      case 'draft':
        if (isEmpty(value)) break
        if (isScalar(value) && typeof value.value === 'boolean') draft = value.value
        else invalid('`true` while the text is being translated (it is then never shown), or `false`')
        break
      default:
        report(
          'invalid-field',
          `\`${key}\` is not a field of a translation: its topic, authors, status and every other field come from its original (${named.original.slice(named.original.lastIndexOf('/') + 1)}.md); the fields of a translation are ${TRANSLATION_FIELDS.join(', ')}; remove \`${key}\`${didYouMean(key, TRANSLATION_FIELDS)}`,
          keyPlace,
        )
    }
  }

  const translation: Translation = {
    file,
    language: named.language,
    ...(translationOf === undefined ? {} : { translationOf }),
    ...(title === undefined ? {} : { title }),
    draft,
    places: { frontMatter, ...(titlePlace === undefined ? {} : { title: titlePlace }) },
    body: analysis.body,
    facts: analysis.facts,
    brackets: analysis.shapeOffsets,
  }
  return { translation, diagnostics }
}

/** A language's name, in English, for the messages of the tool (which are in English). */
export const LANGUAGE_WORDS: Record<Language, string> = { en: 'English', fr: 'French', es: 'Spanish' }
