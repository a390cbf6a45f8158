/** `publish:`, `documents:`, `masthead:` and `pageBreaks:` in consolidate.yaml: what they give, and every mistake at its place with a hint. */
import { describe, expect, test } from 'vitest'
import { parseConfig } from '../src/parse/config.js'
import { FORMAT_NAMES } from '../src/render/formats/index.js'
import { VIEW_NAMES } from '../src/render/views/index.js'
import { DOCUMENT_FORMATS, PUBLISH_VIEWS } from '../src/types.js'

const read = (text: string) => parseConfig('consolidate.yaml', text)
const problems = (text: string) => read(text).diagnostics.map(({ line, column, severity, rule, message }) => ({ line, column, severity, rule, message }))

const groups = 'groups:\n  - { name: { en: E-invoicing, fr: Facturation électronique }, topics: [A.1.4] }\n  - { name: Customs duties, topics: [B.3] }\n'

describe('publish', () => {
  test('the whole set, groups named in any language kept by their en name', () => {
    const { config, diagnostics } = read(
      `language: fr\n${groups}previous: v5\npublish:\n  views: [consolidated, clean, stocktaking, clean]\n  formats: [docx, md]\n  languages: [fr, en, es]\n  groups: [Facturation électronique]\n  redline: true\n  history: true\n`,
    )
    expect(diagnostics).toEqual([])
    expect(config.publish).toEqual({
      views: ['consolidated', 'clean', 'stocktaking'],
      formats: ['docx', 'md'],
      languages: ['fr', 'en', 'es'],
      groups: ['E-invoicing'],
      redline: true,
      history: true,
    })
  })

  test("defaults: the consolidated view in Markdown, in the configuration's language, wherever `language` is written", () => {
    expect(read('publish: {}\nlanguage: es\n').config.publish).toEqual({
      views: ['consolidated'],
      formats: ['md'],
      languages: ['es'],
      groups: [],
      redline: false,
      history: false,
    })
    expect(read('publish: { views: clean, formats: html, groups: all }\n').config.publish).toEqual({
      views: ['clean'],
      formats: ['html'],
      languages: ['en'],
      groups: 'all',
      redline: false,
      history: false,
    })
  })

  test('absent or left empty: no publication set', () => {
    expect(read('title: T\n').config.publish).toBeUndefined()
    expect(read('publish:\n').config.publish).toBeUndefined()
  })

  test('redline: true needs previous:, wherever it is written', () => {
    expect(read('publish:\n  redline: true\nprevious: v5\n').diagnostics).toEqual([])
    expect(problems('publish:\n  redline: true\n')).toEqual([
      {
        line: 2,
        column: 12,
        severity: 'error',
        rule: 'invalid-config',
        message:
          '`publish.redline: true` compares each document with the previous revision, and the configuration has no `previous:`; add it, e.g. `previous: v5` (a tag, a commit, or a folder holding the previous revision), or write `redline: false`',
      },
    ])
  })

  test('each mistake at its place, with what is expected and a suggestion', () => {
    const text = `${groups}publish:\n  views: [consolidated, claen]\n  formats: [md, pdf]\n  languages: [en, FR]\n  groups: [E-invoicng, Customs duties]\n  redline: yes\n  histroy: true\n`
    expect(problems(text)).toEqual([
      {
        line: 10,
        column: 3,
        severity: 'warning',
        rule: 'unknown-field',
        message: 'unknown field `histroy` in `publish`; its fields are views, formats, languages, groups, redline, history; did you mean "history"?',
      },
      {
        line: 5,
        column: 25,
        severity: 'error',
        rule: 'invalid-config',
        message: '`publish.views` takes consolidated, clean, stocktaking, e.g. `views: [consolidated, clean, stocktaking]`; got "claen"; did you mean "clean"?',
      },
      {
        line: 6,
        column: 17,
        severity: 'error',
        rule: 'invalid-config',
        message: '`publish.formats` takes md, html, docx, e.g. `formats: [md, html, docx]`; got "pdf"',
      },
      {
        line: 7,
        column: 19,
        severity: 'error',
        rule: 'invalid-config',
        message: '`publish.languages` takes en, fr, es, e.g. `languages: [en, fr, es]`; got "FR"; did you mean "fr"?',
      },
      {
        line: 8,
        column: 12,
        severity: 'error',
        rule: 'invalid-config',
        message:
          '`publish.groups` names "E-invoicng", which is not a group of `groups`; the groups are "E-invoicing", "Customs duties"; did you mean "E-invoicing"?',
      },
      { line: 9, column: 12, severity: 'error', rule: 'invalid-config', message: '`publish.redline` must be true or false, e.g. `redline: true`; got "yes"' },
    ])
  })

  test('an empty list of views, groups without any configured, and a publish that is not a mapping', () => {
    expect(problems('publish:\n  views: []\n  groups: [E-invoicing]\n')).toEqual([
      {
        line: 2,
        column: 10,
        severity: 'error',
        rule: 'invalid-config',
        message: '`publish.views` needs at least one of consolidated, clean, stocktaking, e.g. `views: [consolidated, clean, stocktaking]`',
      },
      {
        line: 3,
        column: 12,
        severity: 'error',
        rule: 'invalid-config',
        message: '`publish.groups` names "E-invoicing", which is not a group of `groups`; the configuration defines no `groups`',
      },
    ])
    expect(problems('publish: [md, html]\n')).toEqual([
      {
        line: 1,
        column: 10,
        severity: 'error',
        rule: 'invalid-config',
        message:
          '`publish` must be fields written `name: value`, e.g. `publish: { views: [consolidated, clean], formats: [md, html, docx], languages: [en, fr, es], redline: true }`; got a list',
      },
    ])
  })

  test("its views and formats are the registries' (the configuration is read before the renderer is loaded)", () => {
    expect([...DOCUMENT_FORMATS]).toEqual(FORMAT_NAMES)
    expect([...PUBLISH_VIEWS]).toEqual(VIEW_NAMES)
  })
})

describe('documents', () => {
  test('per view: a title and a note per language or for all, a symbol; a note keeps its lines', () => {
    const { config, diagnostics } = read(
      'documents:\n  clean:\n    title: { en: "Chair\'s Text", fr: Texte du Président }\n    symbol: INF/ECOM/85/Rev.1\n    note: |\n      First paragraph.\n\n      Second   paragraph.\n  stocktaking: { title: "Stocktaking   report" }\n',
    )
    expect(diagnostics).toEqual([])
    expect(config.documents).toEqual({
      clean: { title: { en: "Chair's Text", fr: 'Texte du Président' }, symbol: 'INF/ECOM/85/Rev.1', note: 'First paragraph.\n\nSecond   paragraph.' },
      stocktaking: { title: 'Stocktaking report' },
    })
  })

  test('an unknown view, a symbol that is not text, a language that is not one', () => {
    expect(problems('documents:\n  redlien: { title: R }\n  clean:\n    symbol: [INF/ECOM/85]\n    title: { de: Text }\n')).toEqual([
      {
        line: 2,
        column: 3,
        severity: 'warning',
        rule: 'unknown-field',
        message: 'unknown field `redlien` in `documents`; its fields are consolidated, clean, stocktaking',
      },
      {
        line: 4,
        column: 13,
        severity: 'error',
        rule: 'invalid-config',
        message: '`documents.clean.symbol` must be text, e.g. `symbol: INF/ECOM/85`; got a list',
      },
      {
        line: 5,
        column: 14,
        severity: 'error',
        rule: 'invalid-config',
        message: '`documents.clean.title` gives its words per language with the keys en, fr, es, e.g. `title: "Chair\'s Text"`; got "de"',
      },
    ])
  })
})

describe('masthead and pageBreaks', () => {
  test('what a WTO document carries above its title', () => {
    const { config, diagnostics } = read(
      'masthead:\n  organization: { en: World Trade Organization, fr: Organisation mondiale du commerce, es: Organización Mundial del Comercio }\n  access: RESTRICTED\n  jobNumber: { en: "(26-8123)", fr: "(26-8124)" }\n  original: en\npageBreaks: sections\n',
    )
    expect(diagnostics).toEqual([])
    expect(config.masthead).toEqual({
      organization: { en: 'World Trade Organization', fr: 'Organisation mondiale du commerce', es: 'Organización Mundial del Comercio' },
      access: 'RESTRICTED',
      jobNumber: { en: '(26-8123)', fr: '(26-8124)' },
      original: 'en',
    })
    expect(config.pageBreaks).toBe('sections')
  })

  test('an original that is not a language code, page breaks mistyped', () => {
    expect(problems('masthead:\n  original: English\npageBreaks: section\n')).toEqual([
      {
        line: 2,
        column: 13,
        severity: 'error',
        rule: 'invalid-config',
        message: '`masthead.original` is the language the text was written in, one of en, fr, es, e.g. `original: en` ("Original: English"); got "English"',
      },
      {
        line: 3,
        column: 13,
        severity: 'error',
        rule: 'invalid-config',
        message:
          '`pageBreaks` takes sections or none: `pageBreaks: sections` starts each section on a new page, `none` (the default) runs them on; got "section"; did you mean "sections"?',
      },
    ])
  })
})

test('where symbol and previous are written, for the diagnostics about them', () => {
  expect(read('title: T\n\nsymbol:   INF/ECOM/62/Rev.5\nprevious: v4\n').config.written).toEqual({
    file: 'consolidate.yaml',
    symbol: { line: 3, column: 11 },
    previous: { line: 4, column: 11 },
  })
  expect(read('title: T\n').config.written).toBeUndefined()
})
