/** One note file (notes/**\/*.md, docs/reference.md, Notes) to a Note and its problems. Pure: no file system. */
import { isMap } from 'yaml'
import { readAllow, readLanguage, scalarText } from './front-matter.js'
import { readBody, baseName, checkNotTranslationId, ID_PATTERN, readMarkdownFile, type FileKind, type ParseOptions } from './proposal.js'
import { frontMatterFields, readPerLanguage, type PerLanguage } from './fields.js'
import { describe } from './yaml.js'
import { didYouMean } from '../diagnostics/suggest.js'
import { NOTE_KINDS, type ChangeableRule, type Language, type Located, type Names, type Note, type NoteKind, type ParseResult, type Place } from '../types.js'

/** The fields a note's front matter may have. */
export const NOTE_FIELDS = ['id', 'topic', 'by', 'kind', 'allow', 'language'] as const

/** A note's `by` per language. */
const BY_NAMES: PerLanguage = {
  key: 'by',
  must: 'say who wrote the note, e.g. `by: Facilitator` or `by: { en: Facilitator, fr: Facilitateur, es: Facilitador }`',
  inLanguage: 'be who wrote the note, in that language',
  example: '`by: { en: Facilitator, fr: Facilitateur, es: Facilitador }`',
}

const NOTE: FileKind = { what: 'note', fields: '`topic: A.1.4` and `by: Facilitator`', folder: 'notes' }

/** Read one note. `file` is its path relative to the workspace root (it names the diagnostics and gives the default id). */
export function parseNote(file: string, input: Uint8Array | string, options: ParseOptions = {}): ParseResult {
  const read = readMarkdownFile(file, input, options, NOTE)
  if ('done' in read) return read.done
  const { diagnostics, report } = read
  const frontMatter: Place = { line: 1, column: 1 }

  const analysis = readBody(
    read,
    "the note has no text; write it below the front matter's closing `---`, e.g. `The facilitator invites participants to consider merging Alt 1 and Alt 2.`",
  )

  const fields = frontMatterFields(read, 'topic: A.1.4')
  if (!fields) return { diagnostics }
  const { document } = fields

  let id: Located | undefined
  let topic: Located | undefined
  let by: Located | undefined
  let byNames: Names | undefined
  let kind: NoteKind = 'facilitator'
  let allow: ChangeableRule[] = []
  let language: Language | undefined
  const written = new Set<string>()
  for (const { key, value, keyPlace, valuePlace, placeOf } of fields.fields) {
    const field = scalarText(value)
    const invalid = (expected: string): void => report('invalid-field', `\`${key}\` must be ${expected}; got ${describe(value, key !== 'kind')}`, valuePlace)
    if ((NOTE_FIELDS as readonly string[]).includes(key)) written.add(key)
    switch (key) {
      case 'id':
        if (field === undefined) invalid('a word such as `a14-facilitator`')
        else if (field !== '') id = { value: field, place: keyPlace }
        break
      case 'topic':
        if (field === '') report('missing-topic', '`topic` is empty; write the outline id the note is on, e.g. `topic: A.1.4`', keyPlace)
        else if (field === undefined) invalid('an outline id such as `A.1.4`')
        else topic = { value: field, place: valuePlace }
        break
      case 'by':
        if (field === '')
          report('missing-author', '`by` is empty; say who wrote the note: a participant, or a role such as `by: Facilitator` or `by: Secretariat`', keyPlace)
        else if (field !== undefined) by = { value: field.replace(/\s+/g, ' '), place: valuePlace }
        else if (isMap(value)) {
          const given = readPerLanguage(value, valuePlace, placeOf, report, BY_NAMES)
          if (given) [by, byNames] = [{ value: given.first, place: valuePlace }, given.names]
        } else
          invalid('one participant or role, e.g. `by: Facilitator`, or a role per language, e.g. `by: { en: Facilitator, fr: Facilitateur, es: Facilitador }`')
        break
      case 'kind':
        if (field === '') break
        if (field !== undefined && (NOTE_KINDS as readonly string[]).includes(field)) kind = field as NoteKind
        else
          report(
            'invalid-field',
            `\`kind\` must be one of ${NOTE_KINDS.join(', ')}, e.g. \`kind: drafting\`; got ${describe(value)}${didYouMean(field ?? '', NOTE_KINDS)}`,
            valuePlace,
          )
        break
      case 'allow': {
        const allowed = readAllow(value, placeOf, document)
        for (const problem of allowed.problems) report(problem.rule, problem.message, problem.place)
        allow = allowed.rules
        break
      }
      case 'language': {
        const read = readLanguage(value, valuePlace)
        if ('problem' in read) report(read.problem.rule, read.problem.message, read.problem.place)
        else language = read.language
        break
      }
      default:
        // A proposal's `author` is a note's `by`: the likeliest slip, though no spelling is near.
        report(
          'unknown-field',
          `unknown field \`${key}\`; the fields of a note are ${NOTE_FIELDS.join(', ')}${key === 'author' ? '; did you mean "by"?' : didYouMean(key, NOTE_FIELDS)}`,
          keyPlace,
        )
    }
  }
  if (!written.has('topic')) report('missing-topic', 'the front matter has no `topic`; add the outline id the note is on, e.g. `topic: A.1.4`', frontMatter)
  if (!written.has('by'))
    report(
      'missing-author',
      'the front matter has no `by`; say who wrote the note: a participant, or a role such as `by: Facilitator` or `by: Secretariat`',
      frontMatter,
    )

  const noteId = id?.value ?? baseName(file)
  if (!ID_PATTERN.test(noteId)) {
    const where = id ? `the \`id\` "${noteId}"` : `the id "${noteId}", taken from the file name,`
    report(
      'invalid-field',
      `${where} must be letters, digits, '.', '_' and '-' only, starting with a letter or digit; ${id ? 'change it' : 'rename the file or add an `id` field'}, e.g. \`id: a14-facilitator\``,
      id?.place ?? frontMatter,
    )
  } else if (id) checkNotTranslationId(id, report)
  if (!topic || !by) return { diagnostics }
  const note: Note = {
    id: noteId,
    file,
    topic,
    by,
    ...(byNames === undefined ? {} : { byNames }),
    kind,
    ...(allow.length > 0 ? { allow } : {}),
    ...(language === undefined ? {} : { language }),
    places: { id: id?.place ?? frontMatter, frontMatter },
    body: analysis.body,
    shape: analysis.facts.shape,
  }
  return { note, diagnostics }
}
