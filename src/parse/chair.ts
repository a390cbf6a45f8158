/** One Chair's text file (chair/**\/*.md, SPEC §14) to a ChairText and its problems. Pure: no file system. */
import { isMap } from 'yaml'
import { readAllow, readLanguage, readOrder, scalarText } from './front-matter.js'
import { readBody, baseName, checkNotTranslationId, ID_PATTERN, readMarkdownFile, type FileKind, type ParseOptions } from './proposal.js'
import { frontMatterFields, readPerLanguage } from './fields.js'
import { describe, isEmpty } from './yaml.js'
import { didYouMean } from '../diagnostics/suggest.js'
import { type ChairText, type ChangeableRule, type Language, type Located, type ParseResult, type Place } from '../types.js'

/** The fields a Chair's text's front matter may have. */
export const CHAIR_FIELDS = ['id', 'topic', 'by', 'title', 'document', 'order', 'allow', 'language'] as const

/** Fields of a proposal that a Chair's text cannot have: it belongs to no participant and is always live. */
const NOT_CHAIR: Record<string, string> = {
  author: "it is the Chair's, not a participant's: remove `author`, and give the Chair's role in `by` if it is not \"Chair\", e.g. `by: Co-Chairs`",
  supporters: "nobody supports a Chair's text: remove `supporters` (a participant's text goes under proposals/)",
  status: "a Chair's text is always in the text: remove `status` (a text that is no longer offered is deleted, or moved out of chair/)",
}

const CHAIR: FileKind = { what: "Chair's text", fields: '`topic: A.1.4` and `by: Chair`', folder: 'chair' }

/** Read one Chair's text. `file` is its path relative to the workspace root (it names the diagnostics and gives the default id). */
export function parseChairText(file: string, input: Uint8Array | string, options: ParseOptions = {}): ParseResult {
  const read = readMarkdownFile(file, input, options, CHAIR)
  if ('done' in read) return read.done
  const { diagnostics, report } = read
  const frontMatter: Place = { line: 1, column: 1 }

  const analysis = readBody(read, "the Chair's text has no text; write it below the front matter's closing `---`, e.g. `1. Each Party shall [endeavour to] …`")

  const fields = frontMatterFields(read, 'topic: A.1.4')
  if (!fields) return { diagnostics }
  const { document } = fields

  let id: Located | undefined
  let topic: Located | undefined
  let by: ChairText['by']
  let title: string | undefined
  let documentSymbol: string | undefined
  let order: number | undefined
  let allow: ChangeableRule[] = []
  let language: Language | undefined
  let topicWritten = false
  for (const { key, value, keyPlace, valuePlace, placeOf } of fields.fields) {
    const field = scalarText(value)
    const invalid = (expected: string): void => report('invalid-field', `\`${key}\` must be ${expected}; got ${describe(value, true)}`, valuePlace)
    switch (key) {
      case 'id':
        if (field === undefined) invalid('a word such as `s3-chair-draft`')
        else if (field !== '') id = { value: field, place: keyPlace }
        break
      case 'topic':
        topicWritten = true
        if (field === '') report('missing-topic', "`topic` is empty; write the outline id the Chair's text is on, e.g. `topic: A.1.4`", keyPlace)
        else if (field === undefined) invalid('an outline id such as `A.1.4`')
        else topic = { value: field, place: valuePlace }
        break
      case 'by':
        if (isEmpty(value)) break
        by = readBy(value, valuePlace, placeOf, report)
        break
      case 'title':
      case 'document':
        if (field === undefined) invalid(key === 'title' ? "a line of text, e.g. `title: Chair's draft text`" : 'a document symbol such as `TN/RL/W/276`')
        else if (field !== '') [title, documentSymbol] = key === 'title' ? [field, documentSymbol] : [title, field]
        break
      case 'order':
        if (isEmpty(value)) break
        order = readOrder(value)
        if (order === undefined) invalid("a whole number that orders the Chair's texts of a topic, e.g. `order: 1` (lower first)")
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
        if (key in NOT_CHAIR) report('invalid-field', `\`${key}\` is not a field of a Chair's text: ${NOT_CHAIR[key]}`, keyPlace)
        else
          report(
            'unknown-field',
            `unknown field \`${key}\`; the fields of a Chair's text are ${CHAIR_FIELDS.join(', ')}${didYouMean(key, CHAIR_FIELDS)}`,
            keyPlace,
          )
    }
  }
  if (!topicWritten) report('missing-topic', "the front matter has no `topic`; add the outline id the Chair's text is on, e.g. `topic: A.1.4`", frontMatter)

  const textId = id?.value ?? baseName(file)
  if (!ID_PATTERN.test(textId)) {
    const where = id ? `the \`id\` "${textId}"` : `the id "${textId}", taken from the file name,`
    report(
      'invalid-field',
      `${where} must be letters, digits, '.', '_' and '-' only, starting with a letter or digit; ${id ? 'change it' : 'rename the file or add an `id` field'}, e.g. \`id: s3-chair-draft\``,
      id?.place ?? frontMatter,
    )
  } else if (id) checkNotTranslationId(id, report)
  if (!topic) return { diagnostics }
  const chairText: ChairText = {
    id: textId,
    file,
    topic,
    ...(by === undefined ? {} : { by }),
    ...(title === undefined ? {} : { title }),
    ...(documentSymbol === undefined ? {} : { document: documentSymbol }),
    ...(order === undefined ? {} : { order }),
    ...(allow.length > 0 ? { allow } : {}),
    ...(language === undefined ? {} : { language }),
    places: { id: id?.place ?? frontMatter, frontMatter },
    body: analysis.body,
    facts: analysis.facts,
  }
  return { chairText, diagnostics }
}

/** `by: Co-Chairs` or `by: { en: Co-Chairs, fr: Coprésidents }`: the role, one text or one per language. */
function readBy(
  value: unknown,
  place: Place,
  placeOf: (node: unknown) => Place,
  report: (rule: 'invalid-field', message: string, place: Place) => void,
): ChairText['by'] {
  const example = '`by: Co-Chairs` or `by: { en: Co-Chairs, fr: Coprésidents, es: Copresidentes }`'
  const text = scalarText(value)
  if (text !== undefined && text !== '') return { text: text.replace(/\s+/g, ' ') }
  if (!isMap(value)) {
    report('invalid-field', `\`by\` must be the Chair's role, e.g. ${example}; got ${describe(value, true)}`, place)
    return undefined
  }
  const given = readPerLanguage(value, place, placeOf, report, {
    key: 'by',
    must: `be the Chair's role, e.g. ${example}`,
    inLanguage: "be the Chair's role in that language",
    example,
  })
  return given && { text: given.first, names: given.names }
}
