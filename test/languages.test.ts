/**
 * Three languages: names and titles per language resolve from any spelling and
 * show in the document's language (docs/reference.md, The configuration); no English word of the labels is
 * left in a French or Spanish document, in any format; French typography; counts
 * with their grammar; `--lang en,fr,es` with `--group` and `--check`.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, test } from 'vitest'
import { groupKey, selectGroup } from '../src/assemble/group.js'
import { assemble } from '../src/assemble/negotiation.js'
import { validate } from '../src/check/validate.js'
import { outputName } from '../src/render/names.js'
import { parseConfig } from '../src/parse/config.js'
import { parseProposal } from '../src/parse/proposal.js'
import { renderDiff } from '../src/render/views/changes.js'
import { labelsFor, type Labels } from '../src/render/labels.js'
import { renderMarkdown, renderStocktake } from './helpers/render.js'
import { changesNotShown, renderSummary } from '../src/render/views/summary.js'
import { compareSnapshots, diffReport } from '../src/revisions/compare.js'
import { LANGUAGES, type Config, type Language, type Proposal } from '../src/types.js'
import { run } from './helpers/run.js'
import { scratch, workspace } from './helpers/scratch.js'

const NBSP = '\u00a0'

/** A negotiation whose every generated word can be told from its inputs: bodies and titles are Latin. */
const CONFIG = `title: { en: "Electronic Commerce: Consolidated Negotiating Text", fr: "Commerce électronique : texte de négociation récapitulatif", es: "Comercio electrónico: texto de negociación refundido" }
symbol: INF/ECOM/62/Rev.4
date: 2026-11-01
language: en
participants:
  - { name: { en: Japan, fr: Japon, es: Japón }, code: JPN }
  - { name: { en: Switzerland, fr: Suisse, es: Suiza }, code: CHE }
  - { name: { en: Norway, fr: Norvège, es: Noruega }, code: NOR }
  - { name: { en: United States, fr: États-Unis, es: Estados Unidos }, code: USA }
  - { name: { en: European Union, fr: Union européenne, es: Unión Europea }, code: EUN }
  - { name: { en: "Korea, Republic of", fr: "Corée, République de", es: "Corea, República de" }, code: KOR, aliases: [Korea] }
  - { name: { en: Singapore, fr: Singapour, es: Singapur }, code: SGP }
outline:
  - id: A
    title: { en: Enabling electronic commerce, fr: Favoriser le commerce électronique, es: Propiciar el comercio electrónico }
    topics:
      - { id: A.1, title: { en: Electronic invoicing, fr: Facturation électronique, es: Facturación electrónica } }
      - { id: A.2, title: { en: Paperless trading, fr: Commerce sans papier, es: Comercio sin papel } }
      - { id: A.3, title: { en: Cybersecurity, fr: Cybersécurité, es: Ciberseguridad } }
groups:
  - { name: { en: E-invoicing, fr: Facturation électronique, es: Facturación electrónica }, topics: [A.1] }
`

/** The names and titles CONFIG gives, in its three languages. */
const NAMES: Array<Record<Language, string>> = [...CONFIG.matchAll(/\{ en: ("[^"]*"|[^,]*), fr: ("[^"]*"|[^,]*), es: ("[^"]*"|[^,}]*?) \}/g)].map((match) => {
  const [en, fr, es] = match.slice(1).map((text) => text.replace(/^"|"$/g, ''))
  return { en, fr, es }
})

/** Proposals naming participants in every language, by code and by alias; one with a footnote; alternatives, a stabilized text, a withdrawn one. */
const PROPOSALS: Record<string, string> = {
  'proposals/x1.md':
    '---\ntopic: A.1\ntitle: Lorem\nauthor: Japon\nsupporters: [CHE, Noruega, United States]\nsubmitted: 2022-03-01\ndocument: INF/ECOM/22\n---\n\nLorem ipsum [dolor sit] amet.[^1]\n\n[^1]: Consectetur adipiscing.\n',
  'proposals/x2.md': '---\ntopic: A.1\ntitle: Ipsum\nauthor: [Singapur, Korea]\nsubmitted: 2022-05-01\n---\n\nSed do eiusmod [tempor] incididunt.\n',
  'proposals/x3.md': '---\ntopic: A.2\ntitle: Dolor\nauthor: Unión Europea\nsupporters: [Suisse]\nsubmitted: 2021-09-20\n---\n\nUt enim ad minim veniam.\n',
  'proposals/x4.md': '---\ntopic: A.3\ntitle: Amet\nauthor: SGP\nsupporters: [Japan, NOR, EUN]\nstatus: stabilized\n---\n\nQuis nostrud exercitation.\n',
  'proposals/x5.md': '---\ntopic: A.3\ntitle: Elit\nauthor: USA\nstatus: withdrawn\n---\n\nDuis aute irure.\n',
}

function parsed(files: Record<string, string>): Proposal[] {
  return Object.entries(files).map(([file, text]) => {
    const result = parseProposal(file, text)
    expect(result.diagnostics).toEqual([])
    return result.proposal!
  })
}

function configOf(yaml: string): Config {
  const result = parseConfig('consolidate.yaml', yaml)
  expect(result.diagnostics).toEqual([])
  return result.config
}

describe('names per language', () => {
  const config = configOf(CONFIG)
  const proposals = parsed(PROPOSALS)

  test('any spelling of a name (any language, code, alias) resolves; each document shows its own, supporters sorted by the names shown', () => {
    expect(validate(proposals, config)).toEqual([])
    const attributions = (language: Language): Array<[string, string[], string[]]> => {
      const negotiation = assemble(proposals, { ...config, language })
      return negotiation.topics[0].children.flatMap((topic) =>
        topic.placements.map((placement): [string, string[], string[]] => [placement.proposal.id, placement.authors, placement.supporters]),
      )
    }
    expect(attributions('en')).toEqual([
      ['x1', ['Japan'], ['Norway', 'Switzerland', 'United States']],
      ['x2', ['Singapore', 'Korea, Republic of'], []],
      ['x3', ['European Union'], ['Switzerland']],
      ['x4', ['Singapore'], ['European Union', 'Japan', 'Norway']],
    ])
    expect(attributions('fr')).toEqual([
      ['x1', ['Japon'], ['États-Unis', 'Norvège', 'Suisse']],
      ['x2', ['Singapour', 'Corée, République de'], []],
      ['x3', ['Union européenne'], ['Suisse']],
      ['x4', ['Singapour'], ['Japon', 'Norvège', 'Union européenne']],
    ])
    expect(attributions('es')).toEqual([
      ['x1', ['Japón'], ['Estados Unidos', 'Noruega', 'Suiza']],
      ['x2', ['Singapur', 'Corea, República de'], []],
      ['x3', ['Unión Europea'], ['Suiza']],
      ['x4', ['Singapur'], ['Japón', 'Noruega', 'Unión Europea']],
    ])
  })

  test('the title, outline titles and participants of a negotiation are in its language', () => {
    const negotiation = assemble(proposals, { ...config, language: 'fr' })
    expect(negotiation.config.title).toBe(`Commerce électronique${NBSP}: texte de négociation récapitulatif`)
    expect(negotiation.topics.map((topic) => [topic.title, topic.children.map((child) => child.title)])).toEqual([
      ['Favoriser le commerce électronique', ['Facturation électronique', 'Commerce sans papier', 'Cybersécurité']],
    ])
    expect(negotiation.config.participants?.map((participant) => participant.name)).toEqual([
      'Japon',
      'Suisse',
      'Norvège',
      'États-Unis',
      'Union européenne',
      'Corée, République de',
      'Singapour',
    ])
    expect(negotiation.withdrawn.map((each) => each.authors)).toEqual([['États-Unis']])
  })

  test('fallback: the document language, then en, then the first given; a plain name in every language', () => {
    const fallback = configOf(`title: { fr: Titre, es: Título }
participants:
  - { name: { en: Chile, fr: Chili } }
  - { name: { es: Canadá, fr: Canada } }
  - { name: Costa Rica }
outline:
  - { id: A, title: { en: Scope, es: Alcance } }
`)
    const proposal = parsed({ 'proposals/p.md': '---\ntopic: A\nauthor: Chili\nsupporters: [Canadá, Costa Rica]\n---\n\nLorem.\n' })
    const shown = (language: Language): unknown => {
      const negotiation = assemble(proposal, { ...fallback, language })
      const [placement] = negotiation.topics[0].placements
      return [negotiation.config.title, negotiation.topics[0].title, placement.authors, placement.supporters]
    }
    expect(shown('en')).toEqual(['Titre', 'Scope', ['Chile'], ['Canadá', 'Costa Rica']])
    expect(shown('fr')).toEqual(['Titre', 'Scope', ['Chili'], ['Canada', 'Costa Rica']])
    expect(shown('es')).toEqual(['Título', 'Alcance', ['Chile'], ['Canadá', 'Costa Rica']])
  })

  test('an unknown name suggests the closest spelling: Japn → Japan, Japonn → Japon, JNP → Japan', () => {
    const typos = parsed({ 'proposals/t.md': '---\ntopic: A.1\nauthor: Japn\nsupporters: [Japonn, JNP, Suizza]\n---\n\nLorem.\n' })
    expect(validate(typos, config).map((diagnostic) => [diagnostic.line, diagnostic.rule, diagnostic.message])).toEqual([
      [3, 'unknown-participant', '"Japn" is not a configured participant; did you mean "Japan"?'],
      [4, 'unknown-participant', '"Japonn" is not a configured participant; did you mean "Japon"?'],
      [4, 'unknown-participant', '"JNP" is not a configured participant; did you mean "Japan"?'],
      [4, 'unknown-participant', '"Suizza" is not a configured participant; did you mean "Suiza"?'],
    ])
  })

  test('two spellings of one participant are one supporter; an author is never its own supporter, in any language', () => {
    const twice = parsed({ 'proposals/t.md': '---\ntopic: A.1\nauthor: Japón\nsupporters: [Suisse, CHE, Japan]\n---\n\nLorem.\n' })
    expect(validate(twice, config).map((diagnostic) => [diagnostic.rule, diagnostic.message])).toEqual([
      ['duplicate-supporter', 'Switzerland is listed as a supporter more than once ("CHE" is Switzerland); remove the repetition'],
      ['author-as-supporter', 'Japan is an author of this proposal and is not counted as its supporter; remove it from `supporters`'],
    ])
    expect(
      assemble(twice, { ...config, language: 'es' }).topics[0].children[0].placements.map((placement) => [placement.authors, placement.supporters]),
    ).toEqual([[['Japón'], ['Suiza']]])
  })

  test("diff: names given in a new language are no change of support; changes are named in the newer revision's language", () => {
    const before = configOf('participants:\n  - { name: Japan, code: JPN }\n  - { name: Switzerland, code: CHE }\n  - { name: Norway, code: NOR }\n')
    const after = configOf(
      'language: fr\nparticipants:\n  - { name: { en: Japan, fr: Japon }, code: JPN }\n  - { name: { en: Switzerland, fr: Suisse }, code: CHE }\n  - { name: { en: Norway, fr: Norvège }, code: NOR }\n',
    )
    const old = { config: before, proposals: parsed({ 'proposals/p.md': '---\ntopic: A\nauthor: Japan\nsupporters: [Switzerland]\n---\n\nLorem.\n' }) }
    const next = { config: after, proposals: parsed({ 'proposals/p.md': '---\ntopic: A\nauthor: Japon\nsupporters: [Suisse, NOR]\n---\n\nLorem.\n' }) }
    const differences = compareSnapshots(old, next)
    expect(diffReport(differences, { from: { ref: 'v1' }, to: { ref: 'v2' } })).toEqual({
      from: { ref: 'v1' },
      to: { ref: 'v2' },
      added: [],
      removed: [],
      withdrawn: [],
      changed: [{ id: 'p', text: false, supporters: { added: ['Norvège'], removed: [] } }],
    })
    expect(renderDiff(differences, old, next, { names: { old: 'v1', new: 'v2' } })).toBe(
      `# Modifications entre \`v1\` et \`v2\`\n\nPropositions${NBSP}: 1 modifiée.\n\n## A\n\n- **Modifiée** \`p\`. Proposant${NBSP}: Japon. Nouveaux soutiens${NBSP}: Norvège.\n`,
    )
  })

  test('an outline title in any language suggests its id', () => {
    const wrong = parsed({ 'proposals/t.md': '---\ntopic: Facturación electrónica\nauthor: Japan\n---\n\nLorem.\n' })
    expect(validate(wrong, config).map((diagnostic) => diagnostic.message)).toEqual([
      'topic "Facturación electrónica" is not in the outline; did you mean "A.1"?',
    ])
  })

  test('names per language in consolidate.yaml: what is wrong, at its place', () => {
    const result = parseConfig(
      'consolidate.yaml',
      `participants:
  - { name: { en: Japan, de: Japan } }
  - { name: { EN: Canada } }
  - { name: {} }
  - { name: { en: Chile, fr: [Chili] } }
  - { name: { en: Peru, fr: Japan } }
groups:
  - { name: { en: G1, fr: Groupe }, topics: [] }
  - { name: { en: G2, es: Groupe }, topics: [] }
`,
    )
    expect(result.diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.column, diagnostic.message])).toEqual([
      [2, 26, '`name` gives its text per language with the keys en, fr, es, e.g. `{en: Japan, fr: Japon, es: Japón}`; got "de"'],
      [3, 15, '`name` gives its text per language with the keys en, fr, es, e.g. `{en: Japan, fr: Japon, es: Japón}`; got "EN"; did you mean "en"?'],
      [4, 13, '`name` must be text, or text per language, e.g. `{en: Japan, fr: Japon, es: Japón}`; got an empty mapping'],
      [5, 30, '`name` in `fr` must be text, e.g. `Japon`; got a list'],
      [6, 29, '"Japan" already names Japan; each name, code and alias must name one participant only'],
      [9, 5, 'there are two groups named "Groupe"; group names must be unique, in every language'],
    ])
  })

  test("--group takes any of a group's names; the files and the manifest use its en name", () => {
    for (const name of ['E-invoicing', 'Facturation électronique', 'facturación  ELECTRÓNICA']) {
      expect(selectGroup(config, name).group.name).toBe('E-invoicing')
      expect(groupKey(config, name)).toBe('E-invoicing')
    }
    expect(outputName('consolidated.md', { group: groupKey(config, 'Facturación electrónica'), language: 'es' })).toBe('consolidated-e-invoicing.es.md')
    expect(() => selectGroup(config, 'Facturation electronik')).toThrow(
      'unknown group "Facturation electronik" for --group; the groups are "E-invoicing"; did you mean "Facturation électronique"?',
    )
  })
})

describe('counts read as sentences in every language', () => {
  const sentences = (language: Language): string[] => {
    const labels = labelsFor(language)
    return [
      labels.summary({ proposals: 0, topics: 3, referred: 0, withdrawn: 0 }),
      labels.summary({ proposals: 1, topics: 1, referred: 1, withdrawn: 1 }),
      labels.summary({ proposals: 12345, topics: 2, referred: 2, withdrawn: 1234 }),
      labels.stocktaking.intro({ referred: 1, live: 1, threshold: 1 }),
      labels.stocktaking.intro({ referred: 1, live: 12, threshold: 3 }),
      labels.stocktaking.intro({ referred: 5, live: 12, threshold: 3 }),
      labels.revision.diff.summary({ added: 1, stabilized: 0, merged: 0, changed: 0, renamed: 0, withdrawn: 0, removed: 2 }),
      labels.ci.errors(1) + labels.ci.warnings(2),
    ]
  }

  test('English', () => {
    expect(sentences('en')).toEqual([
      'This text consolidates no proposals yet. No proposal is referred to the stocktaking small group; no proposal has been withdrawn.',
      'This text consolidates 1 proposal on 1 topic. 1 proposal is referred to the stocktaking small group; 1 proposal has been withdrawn.',
      'This text consolidates 12,345 proposals on 2 topics. 2 proposals are referred to the stocktaking small group; 1,234 proposals have been withdrawn.',
      'The only proposal in the text has limited or no support (fewer than 1 supporter) and is referred to the stocktaking small group.',
      '1 proposal of 12 in the text has limited or no support (fewer than 3 supporters) and is referred to the stocktaking small group.',
      '5 proposals of 12 in the text have limited or no support (fewer than 3 supporters) and are referred to the stocktaking small group.',
      'Proposals: 1 added, 2 removed.',
      'The inputs have 1 error The inputs have 2 warnings; {check} lists them.',
    ])
  })

  test('French: aucune, the singular for one, no-break spaces', () => {
    expect(sentences('fr')).toEqual([
      `Le présent texte ne récapitule encore aucune proposition. Aucune proposition n'est renvoyée au petit groupe d'inventaire${NBSP}; aucune proposition n'a été retirée.`,
      `Le présent texte récapitule 1 proposition portant sur 1 thème. 1 proposition est renvoyée au petit groupe d'inventaire${NBSP}; 1 proposition a été retirée.`,
      `Le présent texte récapitule 12${NBSP}345 propositions portant sur 2 thèmes. 2 propositions sont renvoyées au petit groupe d'inventaire${NBSP}; 1${NBSP}234 propositions ont été retirées.`,
      "La seule proposition du texte a reçu un soutien limité ou nul (moins d'un soutien) et est renvoyée au petit groupe d'inventaire.",
      "1 proposition sur 12 figurant dans le texte a reçu un soutien limité ou nul (moins de 3 soutiens) et est renvoyée au petit groupe d'inventaire.",
      "5 propositions sur 12 figurant dans le texte ont reçu un soutien limité ou nul (moins de 3 soutiens) et sont renvoyées au petit groupe d'inventaire.",
      `Propositions${NBSP}: 1 ajoutée, 2 supprimées.`,
      `Les fichiers d'entrée comportent 1 erreur Les fichiers d'entrée comportent 2 avertissements${NBSP}; {check} les affiche.`,
    ])
  })

  test('Spanish: ninguna, the singular for one, groups of digits from five', () => {
    expect(sentences('es')).toEqual([
      'El presente texto aún no refunde ninguna propuesta. No se remite ninguna propuesta al pequeño grupo de balance; no se ha retirado ninguna propuesta.',
      'El presente texto refunde 1 propuesta sobre 1 tema. 1 propuesta se remite al pequeño grupo de balance; se ha retirado 1 propuesta.',
      `El presente texto refunde 12${NBSP}345 propuestas sobre 2 temas. 2 propuestas se remiten al pequeño grupo de balance; se han retirado 1234 propuestas.`,
      'La única propuesta del texto tiene un apoyo limitado o nulo (menos de un apoyo) y se remite al pequeño grupo de balance.',
      '1 de las 12 propuestas que figuran en el texto tiene un apoyo limitado o nulo (menos de 3 apoyos) y se remite al pequeño grupo de balance.',
      '5 de las 12 propuestas que figuran en el texto tienen un apoyo limitado o nulo (menos de 3 apoyos) y se remiten al pequeño grupo de balance.',
      'Propuestas: 1 añadida, 2 suprimidas.',
      'Los archivos de entrada tienen 1 error Los archivos de entrada tienen 2 advertencias; {check} las muestra.',
    ])
  })
})

describe("every generated word in the document's language", () => {
  test('--lang en,fr,es --group (any spelling) --format md,html,docx, then --check', async () => {
    const root = workspace({ 'consolidate.yaml': CONFIG, ...PROPOSALS })
    const out = scratch('consolidate-languages-')
    const built = await run(['build', '--root', root, '--out', out, '--lang', 'en,fr,es', '--format', 'md,html,docx', '--group', 'Facturation électronique'])
    expect(built.code, built.stderr).toBe(0)
    // The configuration's language (en) is the original: never suffixed; every other always is.
    const files = ['consolidated-e-invoicing', 'stocktaking-e-invoicing'].flatMap((base) =>
      LANGUAGES.flatMap((language) =>
        (base.startsWith('stocktaking') ? ['md'] : ['md', 'html', 'docx']).map((ext) => `${base}${language === 'en' ? '' : `.${language}`}.${ext}`),
      ),
    )
    expect(readdirSync(out).sort()).toEqual(['.consolidate-manifest.json', ...files].sort())
    expect(JSON.parse(readFileSync(path.join(out, '.consolidate-manifest.json'), 'utf8')).builds.map((entry: { group: string }) => entry.group)).toEqual([
      'E-invoicing',
    ])
    expect(readFileSync(path.join(out, 'consolidated-e-invoicing.fr.md'), 'utf8')).toContain(
      `# Commerce électronique${NBSP}: texte de négociation récapitulatif \u2014 Petit groupe${NBSP}: Facturation électronique\n`,
    )
    expect(readFileSync(path.join(out, 'consolidated-e-invoicing.es.md'), 'utf8')).toContain(
      '# Comercio electrónico: texto de negociación refundido \u2014 Pequeño grupo: Facturación electrónica\n',
    )
    const check = await run(['build', '--root', root, '--out', out, '--check'])
    expect(check.code, check.stderr).toBe(0)
    const checkSpelled = await run([
      'build',
      '--root',
      root,
      '--out',
      out,
      '--lang',
      'en,fr,es',
      '--format',
      'md,html,docx',
      '--group',
      'Facturación electrónica',
      '--check',
    ])
    expect(checkSpelled.code, checkSpelled.stderr).toBe(0)
  })

  const documents = build()

  test.each(['fr', 'es'] as const)(
    'no English word of the labels is left in a %s build (md, html, docx, stocktaking, diff, step summary)',
    async (language) => {
      const texts = await documents
      const english = englishOnly(language)
      for (const [name, text] of Object.entries(texts[language])) {
        const words = new Set(text.match(/\p{L}+/gu) ?? [])
        expect(
          [...words].filter((word) => english.has(word.toLowerCase())),
          `${name}: ${text}`,
        ).toEqual([])
      }
      // And the scan sees what it should: the English build is full of them.
      const seen = Object.values(texts.en)
        .join('\n')
        .match(/\p{L}+/gu)!
        .map((word) => word.toLowerCase())
      expect(['proponent', 'supporters', 'stocktaking', 'support', 'withdrawn', 'japan', 'cybersecurity'].filter((word) => !seen.includes(word))).toEqual([])
    },
  )

  test('French typography: a no-break space before : ; ? ! in every generated text of every format, tables included', async () => {
    const texts = await documents
    for (const [name, text] of Object.entries(texts.fr)) {
      const bad = [...text.matchAll(/(.{0,20})(?<![\u00a0\u202f])[:;?!](.{0,10})/gu)].map((match) => match[0])
      expect(bad, name).toEqual([])
      expect(text.match(/«(?![\u00a0\u202f])|(?<![\u00a0\u202f])»/g), name).toBeNull()
    }
    expect(texts.fr['stocktaking.md']).toContain(`| Union européenne | Suisse | soutien limité (1) |  | 20 septembre 2021 |`)
    expect(texts.fr['consolidated.md']).toContain(`Proposant${NBSP}: Japon. Soutiens${NBSP}: États-Unis${NBSP}; Norvège${NBSP}; Suisse. (INF/ECOM/22)`)
    expect(texts.fr['consolidated.md']).toContain(`Proposants${NBSP}: Singapour${NBSP}; Corée, République de. Soutiens${NBSP}: aucun.`)
  })
})

/** The French, Spanish and English documents of the Latin negotiation, as the words a reader sees (no markup, no ids or file names, no markers). */
async function build(): Promise<Record<Language, Record<string, string>>> {
  const root = workspace({ 'consolidate.yaml': CONFIG, ...PROPOSALS })
  const result = {} as Record<Language, Record<string, string>>
  const out = scratch('consolidate-languages-')
  const built = await run(['build', '--root', root, '--out', out, '--lang', 'en,fr,es', '--format', 'md,html,docx'])
  expect(built.code, built.stderr).toBe(0)
  const config = configOf(CONFIG)
  const proposals = parsed(PROPOSALS)
  // A newer revision: one proposal added, one withdrawn, one changed in wording, support and status.
  const newer = parsed({
    ...PROPOSALS,
    'proposals/x2.md': PROPOSALS['proposals/x2.md']
      .replace('incididunt', 'incididunt ut labore')
      .replace('author: [Singapur, Korea]', 'author: [Singapur, Korea]\nsupporters: [Japón]'),
    'proposals/x3.md': PROPOSALS['proposals/x3.md'].replace('topic: A.2', 'topic: A.2\nstatus: withdrawn'),
    'proposals/x6.md': '---\ntopic: A.2\nauthor: Suiza\n---\n\nExcepteur sint.\n',
  })
  for (const language of LANGUAGES) {
    const suffix = language === 'en' ? '' : `.${language}`
    const snapshot = { config: { ...config, language }, proposals: newer }
    const old = { config, proposals }
    const differences = compareSnapshots(old, snapshot)
    const diff = renderDiff(differences, old, snapshot, { names: { old: 'HEAD~1', new: 'HEAD' } })
    const negotiation = assemble(newer, snapshot.config)
    const summary = (outcome: 'written' | 'fresh' | 'stale' | 'errors'): string =>
      renderSummary({
        outcome,
        files: ['out/a.md', 'out/b.md'],
        errors: 2,
        warnings: 1,
        negotiation: outcome === 'errors' ? undefined : negotiation,
        changes: diff,
        language,
      })
    const docx = unzipSync(readFileSync(path.join(out, `consolidated${suffix}.docx`)))
    const xml = ['word/document.xml', 'word/footnotes.xml', 'docProps/core.xml'].map((name) => strFromU8(docx[name])).join('\n')
    result[language] = {
      'consolidated.md': markdownWords(readFileSync(path.join(out, `consolidated${suffix}.md`), 'utf8')),
      'stocktaking.md': markdownWords(readFileSync(path.join(out, `stocktaking${suffix}.md`), 'utf8')),
      'consolidated.html': htmlWords(readFileSync(path.join(out, `consolidated${suffix}.html`), 'utf8')),
      'consolidated.docx': [...xml.matchAll(/<(?:w:t|dc:title|dc:subject)(?: [^>]*)?>([^<]*)</g)].map((match) => unescape(match[1])).join(' '),
      'diff.md': markdownWords(diff),
      'diff.json names': diffReport(differences, { from: { ref: 'a' }, to: { ref: 'b' } })
        .changed.flatMap((change) => change.supporters?.added ?? [])
        .join(' '),
      'summary (written).md': markdownWords(summary('written')),
      'summary (fresh).md': markdownWords(summary('fresh')),
      'summary (stale).md': markdownWords(summary('stale')),
      'summary (errors).md': markdownWords(summary('errors')),
      'summary (no changes).md': markdownWords(changesNotShown(language, { errors: 3 })),
      // Nothing in the text, nothing changed: the sentences for none.
      'stocktaking (none referred).md': markdownWords(renderStocktake(assemble([], snapshot.config))),
      'consolidated (empty).md': markdownWords(renderMarkdown(assemble([], snapshot.config))),
      'diff (nothing).md': markdownWords(renderDiff([], old, snapshot, { names: { old: 'v1', new: 'v2' } })),
    }
  }
  return result
}

/** Markdown as read: without HTML comments (the markers are the contract's), code spans (ids, files, commands) and footnote definitions' labels. */
function markdownWords(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/\[\^[^\]\n]*\]:?/g, ' ')
}

/** An HTML page's text and the attributes a reader meets (title, aria-label), without its style sheet, comments, code and the policy. */
function htmlWords(html: string): string {
  const attributes = [...html.matchAll(/\s(?:title|aria-label)="([^"]*)"/g)].map((match) => match[1])
  const text = html
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<code>[\s\S]*?<\/code>/g, ' ')
    .replace(/<!doctype html>/i, ' ')
    .replace(/<[^>]+>/g, ' ')
  return unescape([text, ...attributes].join('\n'))
}

function unescape(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/**
 * Words the English labels share with the other language's own words: whatever else an
 * English label says must not be read in a French or Spanish document. Explicit, so that
 * a label left untranslated is caught (its words are not taken as the language's own).
 */
const SHARED: Record<'fr' | 'es', string[]> = {
  fr: ['a', 'date', 'document', 'notes', 'participant', 'participants', 'position', 'commit', 'commits'],
  es: ['no', 'error', 'commit', 'commits'],
}

/** Every word of the English labels and of the English names the negotiation translates, less the words the language shares with English. */
function englishOnly(language: 'fr' | 'es'): Set<string> {
  const words = (texts: string[]): string[] =>
    texts
      .join(' ')
      .toLowerCase()
      .match(/\p{L}+/gu) ?? []
  const english = new Set([...labelWords(labelsFor('en')), ...words(NAMES.map((name) => name.en))])
  // A name may keep a word in translation: the European Union is the "Union européenne".
  for (const word of [...SHARED[language], ...words(NAMES.map((name) => name[language]))]) english.delete(word)
  // One letter is an outline id (`A`), not a word.
  for (const word of english) if (word.length < 2) english.delete(word)
  return english
}

function labelWords(labels: Labels): string[] {
  const texts: string[] = []
  // Each sentence at several counts, so every grammatical case shows: none, one, many, thousands.
  const call = (label: (...args: never[]) => unknown, count: number): unknown => {
    if (label.length >= 3) return (label as (day: number, month: string, year: number) => string)(count, '', 2026)
    const asNumber = (() => {
      try {
        return String((label as (count: number) => string)(count))
      } catch {
        return 'undefined'
      }
    })()
    if (!/undefined|NaN/.test(asNumber)) return asNumber
    // A sentence of several counts takes them as one object: every count the same, but the whole (live) and the threshold one more.
    return (label as (counts: object) => string)(new Proxy({}, { get: (_, key) => (key === 'live' || key === 'threshold' ? count + 1 : count) }))
  }
  const visit = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value)
    else if (typeof value === 'function') for (const count of [0, 1, 2, 5, 1234, 12345]) texts.push(String(call(value as (...args: never[]) => unknown, count)))
    else if (value && typeof value === 'object') Object.values(value).forEach(visit)
  }
  visit(labels)
  // Placeholders (`{level}`, `{files}`) are filled in, not read.
  return (
    texts
      .join(' ')
      .replace(/\{\w+\}/g, ' ')
      .toLowerCase()
      .match(/\p{L}+/gu) ?? []
  )
}
