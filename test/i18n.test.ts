/**
 * The message files (src/render/i18n/*.json) and their formatter: one key set,
 * messages that parse and take the same arguments in every language, plural
 * categories each language has, the house typography; the formatter's plurals,
 * digit grouping and dates.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import {
  isArgumentElement,
  isDateElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  isTimeElement,
  parse,
  type MessageFormatElement,
} from '@formatjs/icu-messageformat-parser'
import { IntlMessageFormat } from 'intl-messageformat'
import { describe, expect, test } from 'vitest'
import { assemble } from '../src/assemble/negotiation.js'
import { parseConfig } from '../src/parse/config.js'
import { parseProposal } from '../src/parse/proposal.js'
import { MESSAGES, wordsFor, type MessageKey } from '../src/render/i18n/index.js'
import { formatDate, labelsFor } from '../src/render/labels.js'
import { consolidatedCover } from '../src/render/views/consolidated.js'
import { LANGUAGES, type Language } from '../src/types.js'

const NBSP = '\u00a0'
const folder = path.join(import.meta.dirname, '..', 'src', 'render', 'i18n')
const keysOf = (language: Language): string[] => Object.keys(MESSAGES[language])

/** What an argument must be given: a number (`plural`, `selectordinal`, `number`), words (`select`), or either (`{name}`). */
type Kind = 'number' | 'words' | 'any'

/** Every argument of a message with its kind, nested ones included. */
function argumentsOf(elements: MessageFormatElement[], found = new Map<string, Set<Kind>>()): Map<string, Set<Kind>> {
  const add = (name: string, kind: Kind): void => void found.set(name, (found.get(name) ?? new Set<Kind>()).add(kind))
  for (const element of elements) {
    if (isArgumentElement(element)) add(element.value, 'any')
    else if (isNumberElement(element) || isPluralElement(element)) add(element.value, 'number')
    else if (isSelectElement(element)) add(element.value, 'words')
    else if (isDateElement(element) || isTimeElement(element) || isTagElement(element))
      throw new Error(`{${element.value}}: dates, times and tags are not used in the messages`)
    if (isPluralElement(element) || isSelectElement(element)) for (const option of Object.values(element.options)) argumentsOf(option.value, found)
  }
  return found
}

/** The plural categories (`one`, `other`…) a message's `plural` and `selectordinal` arguments use, by type. */
function pluralCategories(elements: MessageFormatElement[], found: Array<{ type: 'cardinal' | 'ordinal'; category: string }> = []): typeof found {
  for (const element of elements) {
    if (isPluralElement(element))
      for (const category of Object.keys(element.options)) if (!category.startsWith('=')) found.push({ type: element.pluralType ?? 'cardinal', category })
    if (isPluralElement(element) || isSelectElement(element)) for (const option of Object.values(element.options)) pluralCategories(option.value, found)
  }
  return found
}

const parsed = (language: Language, key: MessageKey): MessageFormatElement[] => parse(MESSAGES[language][key], { ignoreTag: true, requiresOtherClause: true })

describe('the message files', () => {
  test('are the three languages, with the same keys in the same order', () => {
    expect(
      readdirSync(folder)
        .filter((name) => name.endsWith('.json'))
        .sort(),
    ).toEqual(['en.json', 'es.json', 'fr.json'])
    expect(keysOf('fr')).toEqual(keysOf('en'))
    expect(keysOf('es')).toEqual(keysOf('en'))
  })

  test('keys are dotted names of letters', () => {
    expect(keysOf('en').filter((key) => !/^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)*$/.test(key))).toEqual([])
  })

  test('every message parses in every language, with an `other` case to every plural and select', () => {
    const failures: string[] = []
    for (const language of LANGUAGES) {
      for (const key of keysOf('en') as MessageKey[]) {
        try {
          parsed(language, key)
        } catch (error) {
          failures.push(`${language}.json "${key}": ${String(error)}`)
        }
      }
    }
    expect(failures).toEqual([])
  })

  test('each message takes the same arguments in every language, each a number or words in all', () => {
    const differences: string[] = []
    for (const key of keysOf('en') as MessageKey[]) {
      const english = argumentsOf(parsed('en', key))
      for (const language of ['fr', 'es'] as const) {
        const other = argumentsOf(parsed(language, key))
        if ([...english.keys()].sort().join() !== [...other.keys()].sort().join())
          differences.push(`${key}: en takes {${[...english.keys()].join('} {')}}, ${language} {${[...other.keys()].join('} {')}}`)
        for (const [name, kinds] of other) {
          const all = new Set([...kinds, ...(english.get(name) ?? [])])
          if (all.has('number') && all.has('words')) differences.push(`${key}: {${name}} is a number in one language and words in another`)
        }
      }
    }
    expect(differences).toEqual([])
  })

  test('plurals use only the categories of their language (a French `few` would never be chosen)', () => {
    const wrong: string[] = []
    for (const language of LANGUAGES) {
      const categories = {
        cardinal: new Intl.PluralRules(language, { type: 'cardinal' }).resolvedOptions().pluralCategories as string[],
        ordinal: new Intl.PluralRules(language, { type: 'ordinal' }).resolvedOptions().pluralCategories as string[],
      }
      for (const key of keysOf(language) as MessageKey[]) {
        for (const { type, category } of pluralCategories(parsed(language, key)))
          if (!categories[type].includes(category)) wrong.push(`${language} ${key}: ${category}`)
      }
    }
    expect(wrong).toEqual([])
  })

  test('an invisible space is written as an escape (\\u00a0), never as the character itself', () => {
    for (const name of ['en.json', 'fr.json', 'es.json']) expect(readFileSync(path.join(folder, name), 'utf8')).not.toMatch(/[\u00a0\u202f\u2009\u200b]/)
  })

  test('French sets a no-break space before : ; ? ! and inside « », and no other space there', () => {
    const wrong = Object.entries(MESSAGES.fr).filter(
      ([, message]) => /(?<!\u00a0)[:;?!»]|«(?!\u00a0)/.test(message) || /[\u202f ][:;?!»]|«[\u202f ]/.test(message),
    )
    expect(wrong).toEqual([])
  })

  test('English and Spanish set no space before a colon or a semicolon', () => {
    for (const language of ['en', 'es'] as const) expect(Object.entries(MESSAGES[language]).filter(([, message]) => /\s[:;]/.test(message))).toEqual([])
  })

  test('every message is read by the code', () => {
    const sources = (directory: string): string[] =>
      readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(directory, entry.name)
        return entry.isDirectory() ? sources(full) : entry.name.endsWith('.ts') ? [readFileSync(full, 'utf8')] : []
      })
    const code = sources(path.join(import.meta.dirname, '..', 'src')).join('\n')
    // A key is read by name ('record.parked') or through a template (`revision.kinds.${kind}`).
    const families = [...code.matchAll(/`([a-z][\w.]*\.)\$\{/g)].map((match) => match[1])
    const unread = keysOf('en').filter((key) => !code.includes(`'${key}'`) && !families.some((family) => key.startsWith(family)))
    expect(unread).toEqual([])
  })
})

describe('wordsFor', () => {
  test('is made once per language', () => {
    expect(wordsFor('fr')).toBe(wordsFor('fr'))
    expect(wordsFor('fr')).not.toBe(wordsFor('es'))
  })

  test('plurals at 0, 1 and 2: French takes the singular for 0, English and Spanish the plural', () => {
    const errors = (language: Language): string[] => [0, 1, 2].map((count) => wordsFor(language).t('ci.errors', { count }))
    expect(errors('en')).toEqual(['The inputs have 0 errors', 'The inputs have 1 error', 'The inputs have 2 errors'])
    expect(errors('fr')).toEqual([
      "Les fichiers d'entrée comportent 0 erreur",
      "Les fichiers d'entrée comportent 1 erreur",
      "Les fichiers d'entrée comportent 2 erreurs",
    ])
    expect(errors('es')).toEqual([
      'Los archivos de entrada tienen 0 errores',
      'Los archivos de entrada tienen 1 error',
      'Los archivos de entrada tienen 2 errores',
    ])
  })

  test('none is said in words, never as "0 … have been withdrawn"', () => {
    const withdrawn = (language: Language, count: number): string =>
      wordsFor(language).t('summary', { proposals: 3, topics: 2, referred: 0, withdrawn: count }).split(/; /).pop()!
    expect([0, 1, 2].map((count) => withdrawn('en', count))).toEqual([
      'no proposal has been withdrawn.',
      '1 proposal has been withdrawn.',
      '2 proposals have been withdrawn.',
    ])
    expect([0, 1, 2].map((count) => withdrawn('fr', count))).toEqual([
      "aucune proposition n'a été retirée.",
      '1 proposition a été retirée.',
      '2 propositions ont été retirées.',
    ])
    expect([0, 1, 2].map((count) => withdrawn('es', count))).toEqual([
      'no se ha retirado ninguna propuesta.',
      'se ha retirado 1 propuesta.',
      'se han retirado 2 propuestas.',
    ])
  })

  test('digits grouped per language: en from four digits with commas; fr from four, es from five, with no-break spaces', () => {
    const numbers = (language: Language): string[] => [0, 999, 1234, 12345, 1234567].map(wordsFor(language).number)
    expect(numbers('en')).toEqual(['0', '999', '1,234', '12,345', '1,234,567'])
    expect(numbers('fr')).toEqual(['0', '999', `1${NBSP}234`, `12${NBSP}345`, `1${NBSP}234${NBSP}567`])
    expect(numbers('es')).toEqual(['0', '999', '1234', `12${NBSP}345`, `1${NBSP}234${NBSP}567`])
  })

  test('counts inside messages (`#`, `{n, number}`) are grouped the same way', () => {
    expect(wordsFor('fr').t('ci.errors', { count: 12345 })).toBe(`Les fichiers d'entrée comportent 12${NBSP}345 erreurs`)
    expect(wordsFor('es').t('ci.errors', { count: 1234 })).toBe('Los archivos de entrada tienen 1234 errores')
    expect(wordsFor('es').t('ci.problems', { total: 12345, errors: 12000, warnings: 345, check: 'check' })).toMatch(
      new RegExp(`^Hay 12${NBSP}345 problemas en total \\(12${NBSP}000 errores, 345 advertencias\\)`),
    )
    expect(wordsFor('en').t('stocktaking.intro', { referred: 2, live: 1234, threshold: 3 })).toMatch(/^2 proposals of 1,234 in the text have/)
  })

  test('dates: "1er" for the first day of a month in French, and only for it', () => {
    const dates = (language: Language): string[] => ['2026-11-01', '2026-11-21', '2027-01-31'].map(wordsFor(language).date)
    expect(dates('en')).toEqual(['1 November 2026', '21 November 2026', '31 January 2027'])
    expect(dates('fr')).toEqual(['1er novembre 2026', '21 novembre 2026', '31 janvier 2027'])
    expect(dates('es')).toEqual(['1 de noviembre de 2026', '21 de noviembre de 2026', '31 de enero de 2027'])
    expect(formatDate('2026-08-01', 'fr')).toBe('1er août 2026')
    expect(() => wordsFor('en').date('2026-13-01')).toThrow('"2026-13-01" is not an ISO date (YYYY-MM-DD)')
  })

  test('French no-break spaces come through', () => {
    expect(wordsFor('fr').t('record.parkedBecause', { reason: 'sous réserve du champ' })).toBe(`En suspens${NBSP}: sous réserve du champ.`)
    expect(wordsFor('fr').t('revision.diff.noTextOn')).toBe(`Devient une variante «${NBSP}pas de texte${NBSP}».`)
    expect(labelsFor('fr').colon).toBe(`${NBSP}: `)
    expect(labelsFor('fr').separator).toBe(`${NBSP}; `)
  })

  test('a template keeps its plain arguments as {name}; a message with a plural cannot be one', () => {
    expect(wordsFor('fr').template('record.mergedInto')).toBe('Fusionnée avec {id} ({topic}).')
    expect(wordsFor('en').template('ci.staleRest')).toBe(': {files}. Run {build} and commit the result.')
    expect(() => wordsFor('en').template('ci.errors')).toThrow(/"count" was not provided/)
  })

  test('a template is what the parser gives back, in every language, for every message that can be one', () => {
    for (const language of LANGUAGES) {
      for (const [key, source] of Object.entries(MESSAGES[language])) {
        const names = [...source.matchAll(/\{(\w+)\}/g)].map((match) => match[1])
        const values = Object.fromEntries(names.map((name) => [name, `{${name}}`]))
        let expected: string
        try {
          expected = String(new IntlMessageFormat(source, language, undefined, { ignoreTag: true }).format(values))
        } catch {
          continue
        }
        expect(wordsFor(language).template(key as MessageKey), `${language} ${key}`).toBe(expected)
      }
    }
  })

  test('a missing value is an error that names it', () => {
    expect(() => wordsFor('en').t('record.parkedBecause')).toThrow('The intl string context variable "reason" was not provided')
  })
})

describe('the Spanish record summary groups its digits (it wrote "12345 propuestas")', () => {
  test('the cover of the consolidated text says 12 345 with a no-break space', () => {
    const config = parseConfig('consolidate.yaml', 'language: es\noutline:\n  - { id: A.1 }\n').config
    const parked = parseProposal('proposals/p.md', '---\ntopic: A.1\nauthor: Japan\nstatus: parked\n---\n\nEach Party shall act.\n').proposal!
    // One parsed text, many ids: the cover counts them and renders none.
    const proposals = Array.from({ length: 12345 }, (_, index) => ({ ...parked, id: `p${index}`, file: `proposals/p${index}.md` }))
    const summary = consolidatedCover(assemble(proposals, config)).summary
    expect(summary).toContain(`12${NBSP}345 propuestas están en suspenso; ninguna propuesta se ha fusionado con otra.`)
    expect(summary).toContain(`El presente texto refunde 12${NBSP}345 propuestas sobre 1 tema.`)
  })
})
