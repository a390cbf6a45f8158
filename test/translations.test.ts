/**
 * Translations (docs/reference.md, Translations): how a translation file is
 * read, when it is current, what each language's documents show, and every
 * rule about it, bad inputs first.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { fingerprint, pendingCount, showIn, stateOf } from '../src/model/translations.js'
import { madeStale, translationQueue } from '../src/assemble/translation-queue.js'
import { isParseResult } from '../src/read/cache-entry.js'
import { parseNote } from '../src/parse/note.js'
import { parseProposal } from '../src/parse/proposal.js'
import { parseTranslation, translationName } from '../src/parse/translation.js'
import { stampFrontMatter, translationText } from '../src/revisions/stamp.js'
import { DEFAULT_CONFIG, type Config, type Proposal, type Translation } from '../src/types.js'
import { run } from './helpers/run.js'
import { workspace } from './helpers/scratch.js'

const ORIGINAL =
  '---\ntopic: A.1\ntitle: Electronic invoicing\nauthor: Japan\n---\n\n1. Each Party shall [endeavour to] ensure [interoperability [of systems]].\n'
const FRENCH_BODY = "1. Chaque Partie [s'efforce de] garantir [l'interopérabilité [des systèmes]].\n"

function proposal(text = ORIGINAL, file = 'proposals/a1.md'): Proposal {
  return parseProposal(file, text).proposal!
}

/** The French translation of `original`, made from it (its fingerprint), with `fields` added to the front matter. */
function french(original: Proposal = proposal(), body = FRENCH_BODY, fields = 'title: Facturation électronique\n'): string {
  return `---\ntranslationOf: ${fingerprint(original)}\n${fields}---\n\n${body}`
}

function translation(text: string, file = 'proposals/a1.fr.md'): Translation {
  return parseTranslation(file, text).translation!
}

/** `check --format json` of a workspace, as rule and place and message. */
async function check(
  files: Record<string, string>,
): Promise<{ code: number; diagnostics: Array<{ file: string; line: number; column: number; severity: string; rule: string; message: string }> }> {
  const result = await run(['check', '--root', workspace(files), '--format', 'json'])
  return { code: result.code, diagnostics: JSON.parse(result.stdout) }
}

const where = (diagnostics: Array<{ file: string; line: number; column: number; severity: string; rule: string }>): string[] =>
  diagnostics.map((each) => `${each.file}:${each.line}:${each.column} ${each.severity} ${each.rule}`)

describe('a translation file', () => {
  test('its name says its language and its original, in any case; any other name is not a translation', () => {
    expect(translationName('proposals/a/a14-jpn.fr.md')).toEqual({ language: 'fr', original: 'proposals/a/a14-jpn' })
    expect(translationName('notes/n1.ES.MD')).toEqual({ language: 'es', original: 'notes/n1' })
    expect(translationName('proposals/a14.de.md')).toBeUndefined()
    expect(translationName('proposals/a14.md')).toBeUndefined()
    expect(translationName('proposals/fr.md')).toBeUndefined()
  })

  test('is read as a translation: its fields, body and bracket shape', () => {
    const read = translation(french())
    expect(read).toMatchObject({
      file: 'proposals/a1.fr.md',
      language: 'fr',
      title: 'Facturation électronique',
      draft: false,
      translationOf: { value: fingerprint(proposal()), place: { line: 2, column: 16 } },
    })
    expect(read.facts.shape).toBe('[][[]]')
    expect(read.brackets.map((offset) => read.body.source[offset]).join('')).toBe('[][[]]')
    expect(parseTranslation('proposals/a1.fr.md', french()).diagnostics).toEqual([])
  })

  test('bad fields are invalid-field, each at its place, with what to write', () => {
    const text = '---\ntranslationOf: [a, b]\ntitle: {x: 1}\ndraft: yes\ntopic: A.1\nauthor: Japan\n---\n\nTexte [entre crochets].\n'
    expect(parseTranslation('proposals/a1.fr.md', text).diagnostics.map((each) => `${each.line}:${each.column} ${each.rule} ${each.message}`)).toEqual([
      "2:16 invalid-field `translationOf` must be the fingerprint of the original the translation was made from, as `consolidate translate` writes it, e.g. `translationOf: 3f2a9c1b7d4e5f60`; `consolidate translate --stamp FILE` records the original's current one; got a list",
      "3:8 invalid-field `title` must be a line of text, the original's title translated, e.g. `title: Facturation électronique`; got a mapping (`name: value` pairs)",
      '4:8 invalid-field `draft` must be `true` while the text is being translated (it is then never shown), or `false`; got "yes"',
      '5:1 invalid-field `topic` is not a field of a translation: its topic, authors, status and every other field come from its original (a1.md); the fields of a translation are translationOf, title, draft; remove `topic`',
      '6:1 invalid-field `author` is not a field of a translation: its topic, authors, status and every other field come from its original (a1.md); the fields of a translation are translationOf, title, draft; remove `author`',
    ])
  })

  test('is checked as a text is: front matter, empty body, brackets, encoding, size', () => {
    const rules = (input: string | Uint8Array, fileSize?: number): string[] =>
      parseTranslation('notes/n1.es.md', input, fileSize === undefined ? {} : { fileSize }).diagnostics.map(
        (each) => `${each.line}:${each.column} ${each.rule}`,
      )
    expect(rules('Texto sin encabezado.\n')).toEqual(['1:1 no-front-matter'])
    expect(rules('---\ntitle: x\n')).toEqual(['1:1 no-front-matter'])
    expect(rules('---\ntranslationOf: abc\n---\n')).toEqual(['3:1 empty-body'])
    expect(rules('---\ntranslationOf: abc\n---\n\nCada Parte [deberá.\n')).toEqual(['5:12 unbalanced-brackets'])
    expect(rules(new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0x0a]))).toEqual(['2:1 invalid-encoding'])
    expect(rules(`---\ntranslationOf: abc\n---\n\n${'x'.repeat(200)}\n`, 100)).toEqual(['1:1 too-large'])
    expect(parseTranslation('notes/n1.es.md', '---\ntitle: x\n').diagnostics[0].message).toContain('e.g. `draft: true`')
  })

  test('a parse result holding a translation passes the cache check; one tampered with does not', () => {
    const result = parseTranslation('proposals/a1.fr.md', french())
    expect(isParseResult(JSON.parse(JSON.stringify(result)), 'proposals/a1.fr.md')).toBe(true)
    expect(isParseResult({ ...result, translation: { ...result.translation!, language: 'de' } })).toBe(false)
    expect(isParseResult({ ...result, translation: { ...result.translation!, brackets: [1, 2] } })).toBe(false)
    expect(isParseResult({ ...result, translation: { ...result.translation!, facts: { ...result.translation!.facts, shape: '[x]' } } })).toBe(false)
    expect(isParseResult({ ...result, proposal: proposal() })).toBe(false)
  })
})

describe('the fingerprint and the state of a translation', () => {
  test('the fingerprint reads the title and the words, not the whitespace', () => {
    const rewrapped = proposal(
      '---\ntopic: A.1\ntitle: "Electronic   invoicing"\nauthor: Japan\nsupporters: [Chile]\n---\n\n1.   Each Party shall [endeavour to]\n   ensure [interoperability [of systems]].\n',
    )
    expect(fingerprint(rewrapped)).toBe(fingerprint(proposal()))
    expect(fingerprint(proposal(ORIGINAL.replace('ensure', 'guarantee')))).not.toBe(fingerprint(proposal()))
    expect(fingerprint(proposal(ORIGINAL.replace('Electronic invoicing', 'E-invoicing')))).not.toBe(fingerprint(proposal()))
    expect(fingerprint(proposal())).toMatch(/^[0-9a-f]{16}$/)
  })

  test("current, stale (no fingerprint, or another), draft (draft: true, or the original's own words)", () => {
    const original = proposal()
    expect(stateOf(translation(french()), original)).toBe('current')
    expect(stateOf(translation(french().replace(/translationOf: .*\n/, '')), original)).toBe('stale')
    expect(stateOf(translation(french(proposal(ORIGINAL.replace('ensure', 'secure')))), original)).toBe('stale')
    expect(stateOf(translation(french(original, FRENCH_BODY, 'draft: true\n')), original)).toBe('draft')
    expect(stateOf(translation(french(original, '1. Each Party shall [endeavour to]\nensure [interoperability [of systems]].\n')), original)).toBe('draft')
    // A draft the original moved away from is stale: it has to be looked at again.
    expect(stateOf(translation(french(proposal(ORIGINAL.replace('ensure', 'secure')), FRENCH_BODY, 'draft: true\n')), original)).toBe('stale')
  })
})

describe('the documents of a language', () => {
  const config: Config = {
    ...DEFAULT_CONFIG,
    publish: { views: ['consolidated'], formats: ['md'], languages: ['en', 'fr', 'es'], groups: [], redline: false, history: false },
  }
  const note = parseNote('notes/n1.md', '---\ntopic: A.1\nby: {en: Facilitator, fr: Facilitateur}\n---\n\nThe facilitator invites comments.\n').note!
  const noText = proposal('---\ntopic: A.1\nauthor: Chile\nnoText: true\n---\n', 'proposals/a1-chl.md')

  test("show a current translation; else the original, marked pending with its language; a note's by in the language", () => {
    const original = proposal()
    const texts = { config, proposals: [original, noText], notes: [note], translations: [translation(french())] }
    const inFrench = showIn(texts, 'fr')
    expect(inFrench.proposals[0]).toMatchObject({ id: 'a1', file: 'proposals/a1.fr.md', title: 'Facturation électronique', body: translation(french()).body })
    expect(inFrench.proposals[0].pending).toBeUndefined()
    expect(inFrench.proposals[1]).toBe(noText)
    expect(inFrench.notes![0]).toMatchObject({ pending: 'en', by: { value: 'Facilitateur' }, body: note.body })
    expect(pendingCount(inFrench)).toEqual({ pending: 1, total: 2 })
    const inSpanish = showIn(texts, 'es')
    expect(inSpanish.proposals[0]).toMatchObject({ file: 'proposals/a1.md', pending: 'en', title: 'Electronic invoicing' })
    expect(inSpanish.notes![0].by.value).toBe('Facilitator')
    expect(showIn(texts, 'en').proposals[0]).toBe(original)
  })

  test('never show a stale or draft translation', () => {
    const changed = proposal(ORIGINAL.replace('ensure', 'guarantee'))
    expect(showIn({ config, proposals: [changed], translations: [translation(french())] }, 'fr').proposals[0]).toMatchObject({
      file: 'proposals/a1.md',
      pending: 'en',
      body: changed.body,
    })
    const draft = translation(french(proposal(), FRENCH_BODY, 'draft: true\n'))
    expect(showIn({ config, proposals: [proposal()], translations: [draft] }, 'fr').proposals[0]).toMatchObject({ file: 'proposals/a1.md', pending: 'en' })
  })

  test('a text tabled in French is pending in the English documents until translated', () => {
    const tabled = proposal('---\ntopic: A.1\nauthor: France\nlanguage: fr\n---\n\nChaque Partie [veille à] la sécurité.\n', 'proposals/a2.md')
    expect(tabled.language).toBe('fr')
    const english = translation(`---\ntranslationOf: ${fingerprint(tabled)}\n---\n\nEach Party [shall ensure] security.\n`, 'proposals/a2.en.md')
    expect(showIn({ config, proposals: [tabled] }, 'en').proposals[0].pending).toBe('fr')
    expect(showIn({ config, proposals: [tabled], translations: [english] }, 'en').proposals[0].file).toBe('proposals/a2.en.md')
    expect(showIn({ config, proposals: [tabled] }, 'fr').proposals[0]).toBe(tabled)
  })

  test("the queue: every text not current, its translation's file, the words of its original", () => {
    const stale = translation(french(proposal(ORIGINAL.replace('ensure', 'secure'))))
    const queue = translationQueue({ config, proposals: [proposal(), noText], notes: [note], translations: [stale] }, ['fr', 'es'])
    expect(queue).toEqual({
      fr: {
        current: 0,
        stale: 1,
        draft: 0,
        missing: 1,
        words: 16,
        texts: [
          { id: 'a1', file: 'proposals/a1.fr.md', state: 'stale' },
          { id: 'n1', file: 'notes/n1.fr.md', state: 'missing' },
        ],
      },
      es: {
        current: 0,
        stale: 0,
        draft: 0,
        missing: 2,
        words: 16,
        texts: [
          { id: 'a1', file: 'proposals/a1.es.md', state: 'missing' },
          { id: 'n1', file: 'notes/n1.es.md', state: 'missing' },
        ],
      },
    })
  })

  test('a revision makes stale the translations that were current before it', () => {
    const before = { config, proposals: [proposal()], translations: [translation(french())] }
    const after = { config, proposals: [proposal(ORIGINAL.replace('ensure', 'secure'))], translations: [translation(french())] }
    expect(madeStale(before, after)).toEqual([{ id: 'a1', file: 'proposals/a1.md', languages: ['fr'] }])
    expect(madeStale(after, after)).toEqual([])
    expect(madeStale(before, before)).toEqual([])
  })
})

describe('translate writes, --stamp records', () => {
  test('the file to translate: the fingerprint, the title, draft: true, the body', () => {
    expect(translationText({ title: 'Electronic: invoicing', body: '1. Text.\n\n[^1]: A note.' }, '0123456789012345')).toBe(
      '---\ntranslationOf: "0123456789012345"\ntitle: "Electronic: invoicing"\ndraft: true\n---\n\n1. Text.\n\n[^1]: A note.\n',
    )
    expect(translationText({ body: 'Note.\n' }, 'abcdef0123456789')).toBe('---\ntranslationOf: abcdef0123456789\ndraft: true\n---\n\nNote.\n')
  })

  test('stamping replaces the fingerprint where it is, keeping comments, quoting, draft: and line endings', () => {
    expect(
      stampFrontMatter('---\r\n# made on 1 May\r\ntranslationOf: "old"  # by the tool\r\ndraft: true\r\n---\r\n\r\nTexte.\r\n', 'abcdef0123456789'),
    ).toEqual({
      text: '---\r\n# made on 1 May\r\ntranslationOf: "abcdef0123456789"  # by the tool\r\ndraft: true\r\n---\r\n\r\nTexte.\r\n',
      from: 'old',
    })
    expect(stampFrontMatter('\uFEFF---\ntitle: Titre\n---\n\nTexte.\n', '0123456789012345')).toEqual({
      text: '\uFEFF---\ntranslationOf: "0123456789012345"\ntitle: Titre\n---\n\nTexte.\n',
    })
    expect(stampFrontMatter('---\ntranslationOf:\n---\n\nTexte.\n', 'abcdef0123456789')).toEqual({
      text: '---\ntranslationOf: abcdef0123456789\n---\n\nTexte.\n',
    })
    expect(stampFrontMatter('---\n---\n\nTexte.\n', 'abcdef0123456789')).toEqual({ text: '---\ntranslationOf: abcdef0123456789\n---\n\nTexte.\n' })
  })

  test('a front matter that cannot be stamped says why', () => {
    expect(stampFrontMatter('Texte.\n', 'a')).toEqual({ problem: 'the file has no front matter (its first line must be `---`)' })
    expect(stampFrontMatter('---\ntitle: x\n', 'a')).toEqual({ problem: 'its front matter is never closed (add a line `---` after its last field)' })
    expect(stampFrontMatter('---\ntranslationOf: [a]\n---\n', 'a')).toEqual({
      problem: '`translationOf` is not a single value; write it as one, e.g. `translationOf: 3f2a9c1b7d4e5f60`',
    })
    expect(stampFrontMatter('---\n- a\n---\n', 'a')).toEqual({ problem: 'its front matter is not fields written `name: value`, one a line' })
    expect(stampFrontMatter('---\na: [\n---\n', 'a')).toMatchObject({ problem: expect.stringMatching(/^its front matter is not valid YAML/) })
  })
})

describe('the rules', () => {
  const original = proposal()
  const publish = 'publish:\n  views: [consolidated]\n  formats: [md]\n  languages: [en, fr]\n'

  test('orphan-translation: beside nothing (with the likely name), into the original\'s own language, of a "no text" alternative', async () => {
    const { code, diagnostics } = await check({
      'proposals/a1.md': ORIGINAL,
      'proposals/a2.es.md': '---\ntitle: x\n---\n\nTexto.\n',
      'proposals/a11.fr.md': french(),
      'proposals/a1.en.md': french(),
      'proposals/a3.md': '---\ntopic: A.1\nauthor: Chile\nnoText: true\n---\n',
      'proposals/a3.fr.md': '---\ntranslationOf: x\n---\n\nTexte.\n',
    })
    expect(code).toBe(1)
    expect(
      diagnostics
        .filter((each) => each.rule === 'orphan-translation')
        .map((each) => `${each.file}:${each.line}:${each.column} ${each.severity} ${each.message}`),
    ).toEqual([
      "proposals/a1.en.md:1:1 error this file is named as an English translation of proposals/a1.md, which is itself in English (the configuration's `language`); a text needs no translation into its own language: delete this file, or rename it for the language it is in",
      'proposals/a11.fr.md:1:1 error this translation has no original: there is no proposals/a11.md beside it; a translation is named after its original (`<name>.fr.md` beside `<name>.md`), so rename it, or delete it if its original was removed; did you mean proposals/a1.fr.md, beside proposals/a1.md?',
      'proposals/a2.es.md:1:1 error this translation has no original: there is no proposals/a2.md beside it; a translation is named after its original (`<name>.es.md` beside `<name>.md`), so rename it, or delete it if its original was removed; did you mean proposals/a1.es.md, beside proposals/a1.md?',
      'proposals/a3.fr.md:1:1 error proposals/a3.md is a "no text" alternative (`noText: true`): it has no text to translate (every document writes "[No text]" in its own language); delete this file',
    ])
  })

  test('a translation is never a text of its own: no duplicate id, no proposal; check counts it as a translation', async () => {
    const root = workspace({
      'proposals/a1.md': ORIGINAL,
      'proposals/a1.fr.md': french(),
      'proposals/a1.es.md': french().replace('title: Facturation électronique\n', ''),
    })
    const result = await run(['check', '--root', root])
    expect(result).toMatchObject({ code: 0, stdout: '1 proposal file and 2 translations checked: no problems\n' })
  })

  test("a translation beside an original that cannot be read is no orphan: the original's own errors say why", async () => {
    const { diagnostics } = await check({ 'proposals/a1.md': '---\ntopic: [\n---\n\nText.\n', 'proposals/a1.fr.md': french() })
    expect(where(diagnostics)).toEqual(['proposals/a1.md:2:9 error invalid-yaml'])
  })

  test("an id ending .en, .fr or .es is invalid-field, for a proposal, a note and a Chair's text", async () => {
    const { diagnostics } = await check({
      'proposals/a1.md': ORIGINAL.replace('topic:', 'id: a1.FR\ntopic:'),
      'notes/n1.md': '---\nid: n1.es\ntopic: A.1\nby: Facilitator\n---\n\nA note.\n',
      'chair/c1.md': "---\nid: c1.en\ntopic: A.1\n---\n\nThe Chair's text.\n",
    })
    expect(diagnostics.map((each) => `${each.file}:${each.line}:${each.column} ${each.rule} ${each.message}`)).toEqual([
      'chair/c1.md:2:1 invalid-field the `id` "c1.en" ends in `.en`, which names a translation (a file `<name>.en.md` beside its original), never a text of its own; choose another id, e.g. `id: c1-en`',
      'notes/n1.md:2:1 invalid-field the `id` "n1.es" ends in `.es`, which names a translation (a file `<name>.es.md` beside its original), never a text of its own; choose another id, e.g. `id: n1-es`',
      'proposals/a1.md:2:1 invalid-field the `id` "a1.FR" ends in `.FR`, which names a translation (a file `<name>.fr.md` beside its original), never a text of its own; choose another id, e.g. `id: a1-fr`',
    ])
  })

  test('language: takes en, fr or es; anything else is invalid-field with the code it likely means', async () => {
    const { diagnostics } = await check({
      'proposals/a1.md': ORIGINAL.replace('topic:', 'language: French\ntopic:'),
      'notes/n1.md': '---\ntopic: A.1\nby: Facilitator\nlanguage: [fr]\n---\n\nA note.\n',
      'chair/c1.md': '---\ntopic: A.1\nlanguage: FR\n---\n\nText.\n',
    })
    expect(diagnostics.map((each) => `${each.file}:${each.line}:${each.column} ${each.rule} ${each.message}`)).toEqual([
      "notes/n1.md:4:11 invalid-field `language` is the language the text was tabled in, one of en, fr, es, e.g. `language: fr` (leave it out when it is the configuration's `language`); got a list",
      'proposals/a1.md:2:11 invalid-field `language` is the language the text was tabled in, one of en, fr, es, e.g. `language: fr` (leave it out when it is the configuration\'s `language`); got "French"; did you mean "fr"?',
    ])
  })

  test("a note's by per language: only en, fr and es, each a role", async () => {
    const { diagnostics } = await check({
      'proposals/a1.md': ORIGINAL,
      'notes/n1.md': '---\ntopic: A.1\nby: {en: Facilitator, de: Moderator, fr: [x]}\n---\n\nA note.\n',
      'notes/n2.md': '---\ntopic: A.1\nby: {}\n---\n\nA note.\n',
    })
    expect(diagnostics.map((each) => `${each.file}:${each.line}:${each.column} ${each.rule} ${each.message}`)).toEqual([
      'notes/n1.md:3:23 invalid-field `by` gives the role per language with the keys en, fr, es, e.g. `by: { en: Facilitator, fr: Facilitateur, es: Facilitador }`; got "de"',
      'notes/n1.md:3:42 invalid-field `by.fr` must be who wrote the note, in that language, e.g. `by: { en: Facilitator, fr: Facilitateur, es: Facilitador }`; got a list',
      'notes/n2.md:3:5 invalid-field `by` must say who wrote the note, e.g. `by: Facilitator` or `by: { en: Facilitator, fr: Facilitateur, es: Facilitador }`; got an empty mapping',
    ])
  })

  test("stale-translation: no fingerprint, or not the original's; a warning: the build goes on", async () => {
    const { code, diagnostics } = await check({
      'proposals/a1.md': ORIGINAL.replace('ensure', 'guarantee'),
      'proposals/a1.fr.md': french(original),
      'proposals/a1.es.md': '---\ntitle: Facturación electrónica\n---\n\nTexto [uno] [dos [tres]].\n',
    })
    expect(code).toBe(0)
    expect(diagnostics.map((each) => `${each.file}:${each.line}:${each.column} ${each.severity} ${each.rule} ${each.message}`)).toEqual([
      'proposals/a1.es.md:1:1 warning stale-translation this translation has no `translationOf`, so nothing says which version of proposals/a1.md it translates, and no document shows it; once it matches the original as it is now, run `consolidate translate --stamp proposals/a1.es.md`',
      'proposals/a1.fr.md:2:16 warning stale-translation proposals/a1.md has changed since this translation was made, so no document shows the translation: each shows the original under a line saying its translation is pending; bring the translation up to date (`consolidate diff` shows what changed), then run `consolidate translate --stamp proposals/a1.fr.md`',
    ])
  })

  test("translation-brackets: only with publish: and for its languages; at the first bracket that parts from the original's", async () => {
    const dropped = french(original, "1. Chaque Partie s'efforce de garantir [l'interopérabilité [des systèmes]].\n")
    const moved = french(original, "1. Chaque Partie [s'efforce de] garantir [l'interopérabilité] [des systèmes].\n")
    expect((await check({ 'proposals/a1.md': ORIGINAL, 'proposals/a1.fr.md': dropped })).diagnostics).toEqual([])
    const { code, diagnostics } = await check({
      'consolidate.yaml': publish,
      'proposals/a1.md': ORIGINAL,
      'proposals/a1.fr.md': dropped,
      'proposals/a1.es.md': dropped.replace('Facturation', 'Facturación'),
      'notes/n1.md': '---\ntopic: A.1\nby: Facilitator\n---\n\nSee [the annex].\n',
      'notes/n1.fr.md': "---\ntranslationOf: x\n---\n\nVoir l'annexe.\n",
    })
    expect(code).toBe(0)
    // The Spanish translation is not published; the note's French one has no bracket where the note has one.
    expect(diagnostics.filter((each) => each.rule === 'translation-brackets')).toEqual([
      {
        file: 'notes/n1.fr.md',
        line: 1,
        column: 1,
        severity: 'warning',
        rule: 'translation-brackets',
        message:
          "the brackets of this translation part from its original's: the original has 1 bracket pair (`[]`, in reading order), the translation 0 bracket pairs (none); brackets are the state of the negotiation and must survive translation: bracket the same words, nested the same way, as the original does",
      },
      {
        file: 'proposals/a1.fr.md',
        line: 6,
        column: 60,
        severity: 'warning',
        rule: 'translation-brackets',
        message:
          "the brackets of this translation part from its original's from this bracket on: the original has 3 bracket pairs (`[][[]]`, in reading order), the translation 2 bracket pairs (`[[]]`); brackets are the state of the negotiation and must survive translation: bracket the same words, nested the same way, as the original does",
      },
    ])
    const shifted = await check({ 'consolidate.yaml': publish, 'proposals/a1.md': ORIGINAL, 'proposals/a1.fr.md': moved })
    expect(where(shifted.diagnostics)).toEqual(['proposals/a1.fr.md:6:61 warning translation-brackets'])
    // A draft is work in progress: its brackets are judged once it is done.
    const draft = await check({
      'consolidate.yaml': publish,
      'proposals/a1.md': ORIGINAL,
      'proposals/a1.fr.md': dropped.replace('---\n\n', 'draft: true\n---\n\n'),
    })
    expect(draft.diagnostics).toEqual([])
  })

  test('translation-brackets when the translation has no bracket, or fewer at its end; literal brackets are no brackets', async () => {
    const none = await check({
      'consolidate.yaml': publish,
      'proposals/a1.md': ORIGINAL,
      'proposals/a1.fr.md': french(original, '1. Chaque Partie \\[garantit\\] tout.\n'),
    })
    expect(none.diagnostics.map((each) => `${each.line}:${each.column} ${each.message}`)).toEqual([
      "1:1 the brackets of this translation part from its original's: the original has 3 bracket pairs (`[][[]]`, in reading order), the translation 0 bracket pairs (none); brackets are the state of the negotiation and must survive translation: bracket the same words, nested the same way, as the original does",
    ])
    const fewer = await check({
      'consolidate.yaml': publish,
      'proposals/a1.md': ORIGINAL,
      'proposals/a1.fr.md': french(original, '1. Chaque Partie [garantit] tout.\n'),
    })
    expect(fewer.diagnostics.map((each) => `${each.line}:${each.column} ${each.message}`)).toEqual([
      "6:27 the brackets of this translation part from its original's after this bracket: the original has 3 bracket pairs (`[][[]]`, in reading order), the translation 1 bracket pair (`[]`); brackets are the state of the negotiation and must survive translation: bracket the same words, nested the same way, as the original does",
    ])
  })

  test("missing-translation: off by default; turned on, per text and published language, never into the original's own", async () => {
    const files = {
      'proposals/a1.md': ORIGINAL,
      'proposals/a2.md': ORIGINAL.replace('title', 'language: fr\ntitle'),
      'proposals/a3.md': '---\ntopic: A.1\nauthor: Chile\nstatus: withdrawn\n---\n\nText.\n',
      'notes/n1.md': '---\ntopic: A.1\nby: Facilitator\n---\n\nA note.\n',
      'proposals/a1.fr.md': french(),
    }
    expect((await check({ ...files, 'consolidate.yaml': publish })).diagnostics).toEqual([])
    const { code, diagnostics } = await check({ ...files, 'consolidate.yaml': `${publish}rules:\n  missing-translation: warning\n` })
    expect(code).toBe(0)
    expect(diagnostics.map((each) => `${each.file}:${each.line}:${each.column} ${each.severity} ${each.rule} ${each.message}`)).toEqual([
      'notes/n1.md:1:1 warning missing-translation this text has no French translation, and `publish.languages` issues the documents in French: until it has one they show it in English, under a line saying its translation is pending; `consolidate translate notes/n1.md --lang fr` writes the file to translate',
      'proposals/a2.md:1:1 warning missing-translation this text has no English translation, and `publish.languages` issues the documents in English: until it has one they show it in French, under a line saying its translation is pending; `consolidate translate a2 --lang en` writes the file to translate',
    ])
    const errors = await check({ ...files, 'consolidate.yaml': `${publish}rules:\n  missing-translation: error\n` })
    expect(errors.code).toBe(1)
  })

  test("the levels: rules: and allow: apply, the original's allow: to its translations too", async () => {
    const unbalanced = french(original, '1. Chaque Partie [garantit tout.\n')
    const files = { 'proposals/a1.md': ORIGINAL.replace('ensure', 'guarantee'), 'proposals/a1.fr.md': unbalanced }
    expect(where((await check(files)).diagnostics)).toEqual([
      'proposals/a1.fr.md:2:16 warning stale-translation',
      'proposals/a1.fr.md:6:18 error unbalanced-brackets',
    ])
    expect(where((await check({ ...files, 'consolidate.yaml': 'rules:\n  stale-translation: off\n' })).diagnostics)).toEqual([
      'proposals/a1.fr.md:6:18 error unbalanced-brackets',
    ])
    const allowed = { ...files, 'proposals/a1.md': files['proposals/a1.md'].replace('author', 'allow: [unbalanced-brackets, stale-translation]\nauthor') }
    expect((await check(allowed)).diagnostics).toEqual([])
  })

  test("a note's translation has no title", async () => {
    const { diagnostics } = await check({
      'proposals/a1.md': ORIGINAL,
      'notes/n1.md': '---\ntopic: A.1\nby: Facilitator\n---\n\nA note.\n',
      'notes/n1.fr.md': '---\ntranslationOf: x\ntitle: Note\n---\n\nUne note.\n',
    })
    expect(where(diagnostics)).toEqual(['notes/n1.fr.md:2:16 warning stale-translation', 'notes/n1.fr.md:3:1 error invalid-field'])
  })
})

describe('on generated texts', () => {
  const word = fc.constantFrom('each', 'party', 'shall', 'endeavour', 'to', 'data', 'trade', 'chaque', 'partie', 'commerce')
  const words = fc.array(word, { minLength: 1, maxLength: 4 }).map((list) => list.join(' '))
  /** Words with balanced brackets, nested at times, and literal ones, code and a link that are no negotiating brackets. */
  const phrase: fc.Arbitrary<string> = fc.letrec<{ phrase: string }>((tie) => ({
    phrase: fc.oneof(
      { depthSize: 'small' },
      words,
      words.map((text) => `\\[${text}\\]`),
      words.map((text) => `\`[${text}]\``),
      words.map((text) => `[${text}](https://example.org)`),
      fc.tuple(words, tie('phrase')).map(([before, inner]) => `${before} [${inner}]`),
      fc.tuple(tie('phrase'), tie('phrase')).map(([a, b]) => `[${a}] ${b}`),
    ),
  })).phrase
  const body = fc.array(phrase, { minLength: 1, maxLength: 4 }).map((parts) => `${parts.join(' ')}.\n`)

  test("a translation's shape is its negotiating brackets, each offset on one; the result passes the cache check; re-wrapping keeps the fingerprint", () => {
    fc.assert(
      fc.property(body, (text) => {
        const original = proposal(`---\ntopic: A.1\nauthor: Japan\n---\n\n${text}`)
        const result = parseTranslation('proposals/a1.fr.md', `---\ntranslationOf: ${fingerprint(original)}\n---\n\n${text.replace(/ /g, '\n  ')}`)
        const read = result.translation!
        expect(result.diagnostics).toEqual([])
        expect(isParseResult(JSON.parse(JSON.stringify(result)), 'proposals/a1.fr.md')).toBe(true)
        expect(read.facts.shape).toBe(original.facts.shape)
        expect(read.facts.shape.length).toBe(2 * original.facts.brackets)
        expect(read.brackets.map((offset) => read.body.source[offset]).join('')).toBe(read.facts.shape)
        // The same words re-wrapped: the same fingerprint, so the translation of it is current… but its own words are the original's: a draft.
        expect(stateOf(read, original)).toBe('draft')
        expect(fingerprint({ body: read.body })).toBe(fingerprint({ body: original.body }))
      }),
      { numRuns: 60, seed: 2020 },
    )
  })
})
