/**
 * The JSON Schemas in schema/ and the validator must agree: every sample gets
 * the same verdict from both ("valid" = the validator reports nothing, not
 * even a warning: the schemas forbid unknown fields). Checks that need the
 * configuration or several files are the validator's alone and are not sampled.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Ajv } from 'ajv'
import addFormatsModule from 'ajv-formats'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { parse, stringify } from 'yaml'
import { parseConfig } from '../src/parse/config.js'
import { parseProposal } from '../src/parse/proposal.js'
import { parseChairText } from '../src/parse/chair.js'
import { parseTranslation } from '../src/parse/translation.js'
import { runs } from './helpers/runs.js'

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv
const schemaFolder = path.join(import.meta.dirname, '..', 'schema')
const ajv = addFormats(new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }))
const proposalSchema = ajv.compile(JSON.parse(readFileSync(path.join(schemaFolder, 'proposal.schema.json'), 'utf8')))
const configSchema = ajv.compile(JSON.parse(readFileSync(path.join(schemaFolder, 'consolidate.schema.json'), 'utf8')))
const chairSchema = ajv.compile(JSON.parse(readFileSync(path.join(schemaFolder, 'chair.schema.json'), 'utf8')))
const translationSchema = ajv.compile(JSON.parse(readFileSync(path.join(schemaFolder, 'translation.schema.json'), 'utf8')))

const yamlOf = (text: string): unknown => parse(text, { version: '1.2', schema: 'core' })

function frontMatterVerdicts(yaml: string): { schema: boolean; validator: boolean } {
  const result = parseProposal('proposals/sample.md', `---\n${yaml}\n---\n\nEach Party shall [endeavour to] cooperate.\n`)
  return { schema: proposalSchema(yamlOf(yaml)), validator: result.diagnostics.length === 0 }
}

function chairVerdicts(yaml: string): { schema: boolean; validator: boolean } {
  const result = parseChairText('chair/sample.md', `---\n${yaml}\n---\n\nParties [shall][should] aim to act.\n`)
  return { schema: chairSchema(yamlOf(yaml)), validator: result.diagnostics.length === 0 }
}

function configVerdicts(yaml: string): { schema: boolean; validator: boolean } {
  return { schema: configSchema(yamlOf(yaml)), validator: parseConfig('consolidate.yaml', yaml).diagnostics.length === 0 }
}

describe('proposal.schema.json', () => {
  const valid = [
    'topic: A.1.4\nauthor: Japan',
    'topic: A.1.4\nauthor: [Japan, Singapore]\nsupporters: [Australia, Canada]\nstatus: stabilized\nsubmitted: 2022-03-14\ndocument: INF/ECOM/22\ntitle: Electronic invoicing\nid: a14-jpn',
    'topic: 1.10\nauthor: NO',
    'topic: A\nauthor: Japan\nsupporters: Canada',
    'topic: A\nauthor: Japan\nsupporters:\ntitle:\nstatus:\nsubmitted:\nid:\ndocument:',
    'topic: A\nauthor: Japan\nsupporters: []',
    'topic: A\nauthor: Japan\nid: 2022',
    'topic: A\nauthor: Japan\ntitle: 12',
    'topic: A\nauthor: Japan\nsubmitted: 2024-02-29',
    'topic: A\nauthor: Japan\nid: électronique_1.2',
    'topic: A\nauthor: Japan\nstatus: parked\nreason: subject to the discussion on scope',
    'topic: A\nauthor: Japan\nstatus: parked',
    'topic: A\nauthor: Japan\nstatus: merged\nmergedInto: a14-jpn',
    'topic: A\nauthor: Japan\nnoText: false',
    'topic: A\nauthor: Japan\nreason:\nmergedInto:\nnoText:',
    'topic: A\nauthor: Japan\norder: 2\nbrackets: as-written\nallow: [unbalanced-brackets, placeholder]',
    'topic: A\nauthor: Japan\norder: -1\nbrackets: enclose\nallow: numbered-paragraph',
    'topic: A\nauthor: Japan\norder:\nbrackets:\nallow:',
    'topic: A\nauthor: Japan\nallow: []',
    'topic: A\nauthor: Japan\nlanguage: fr',
    'topic: A\nauthor: Japan\nlanguage: ES\nid: a14.frx',
    'topic: A\nauthor: Japan\nlanguage:',
  ]
  const invalid = [
    'author: Japan',
    'topic: A',
    'topic: ""\nauthor: Japan',
    'topic: A\nauthor: []',
    'topic: A\nauthor: ~',
    'topic: A\nauthor: 3',
    'topic: A\nauthor: Japan\nsupporters: 3',
    'topic: A\nauthor: Japan\nsupporters: [Canada, 3]',
    'topic: A\nauthor: Japan\nsupporters: [Canada, ~]',
    'topic: A\nauthor: Japan\nstatus: agreed',
    'topic: A\nauthor: Japan\nstatus: Proposed',
    'topic: A\nauthor: Japan\nsubmitted: soon',
    'topic: A\nauthor: Japan\nsubmitted: 2023-02-29',
    'topic: A\nauthor: Japan\nsubmitted: 20220314',
    'topic: A\nauthor: Japan\nid: "a b"',
    'topic: A\nauthor: Japan\nid: -a',
    'topic: A\nauthor: Japan\ntitle: true',
    'topic: A\nauthor: Japan\ntitle: [a, b]',
    'topic: [A.1]\nauthor: Japan',
    'topic: true\nauthor: Japan',
    'topic: A\nauthor: Japan\nsupporter: [Canada]',
    'topic: A\nauthor: Japan\ndocument: {a: 1}',
    'topic: A\nauthor: Japan\nstatus: merged',
    'topic: A\nauthor: Japan\nmergedInto: a14-jpn',
    'topic: A\nauthor: Japan\nstatus: proposed\nmergedInto: a14-jpn',
    'topic: A\nauthor: Japan\nreason: scope',
    'topic: A\nauthor: Japan\nstatus: withdrawn\nreason: scope',
    'topic: A\nauthor: Japan\nstatus: parked\nreason: [a]',
    'topic: A\nauthor: Japan\nnoText: yes',
    'topic: A\nauthor: Japan\nmergedInto: [a]',
    'topic: A\nauthor: Japan\norder: first',
    'topic: A\nauthor: Japan\norder: 1.5',
    'topic: A\nauthor: Japan\norder: "1"',
    'topic: A\nauthor: Japan\nbrackets: enclosed',
    'topic: A\nauthor: Japan\nbrackets: true',
    'topic: A\nauthor: Japan\nallow: [unknown-topic]',
    'topic: A\nauthor: Japan\nallow: [unbalanced-bracket]',
    'topic: A\nauthor: Japan\nallow: { unbalanced-brackets: true }',
    'topic: A\nauthor: Japan\nallow: [3]',
    'topic: A\nauthor: Japan\nlanguage: de',
    'topic: A\nauthor: Japan\nlanguage: French',
    'topic: A\nauthor: Japan\nlanguage: [fr]',
    'topic: A\nauthor: Japan\nid: a14.fr',
    'topic: A\nauthor: Japan\nid: a14.En',
  ]
  test.each(valid)('valid: %j', (yaml) => expect(frontMatterVerdicts(yaml)).toEqual({ schema: true, validator: true }))
  test.each(invalid)('invalid: %j', (yaml) => expect(frontMatterVerdicts(yaml)).toEqual({ schema: false, validator: false }))

  test('agrees with the validator on generated front matter', () => {
    const scalar = fc.oneof(
      fc.constantFrom(
        'A.1.4',
        'Japan',
        'NO',
        '',
        '  ',
        ' x ',
        'proposed',
        'stabilized',
        'parked',
        'merged',
        'withdrawn',
        'agreed',
        'a14-jpn',
        'Proposed',
        '2022-03-14',
        '2023-02-29',
        '2024-13-01',
        'soon',
        'a b',
        'a14-jpn',
        '-x',
        '_x',
        'INF/ECOM/22',
        'enclose',
        'as-written',
        'unbalanced-brackets',
        'unknown-topic',
      ),
      fc.string({ maxLength: 6 }),
      fc.constantFrom(-3, 0, 7, 2022, 1.5, true, false, null),
    )
    const value = fc.oneof(
      { weight: 5, arbitrary: scalar },
      { weight: 2, arbitrary: fc.array(scalar, { maxLength: 3 }) },
      { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('a', 'b'), scalar, { maxKeys: 2 }) },
    )
    const key = fc.oneof(
      {
        weight: 12,
        arbitrary: fc.constantFrom(
          'id',
          'topic',
          'title',
          'author',
          'supporters',
          'status',
          'submitted',
          'document',
          'reason',
          'mergedInto',
          'order',
          'brackets',
          'allow',
        ),
      },
      { weight: 1, arbitrary: fc.constantFrom('supporter', 'authors', 'extra') },
    )
    // A sound front matter with one to three fields replaced or added: most samples sit near the boundary.
    const frontMatter = fc.dictionary(key, value, { minKeys: 1, maxKeys: 3 }).map((changes) => ({ topic: 'A.1.4', author: 'Japan', ...changes }))
    fc.assert(
      fc.property(frontMatter, (fields) => {
        const yaml = stringify(fields, { version: '1.2', aliasDuplicateObjects: false, lineWidth: 0 }).trimEnd()
        const verdicts = frontMatterVerdicts(yaml)
        expect(verdicts.schema, yaml).toBe(verdicts.validator)
      }),
      { numRuns: runs(1000), seed: 20261128 },
    )
  })
})

describe('consolidate.schema.json', () => {
  const valid = [
    '',
    'title: "Electronic Commerce: Consolidated Negotiating Text"\nsymbol: INF/ECOM/62/Rev.4\ndate: 2026-11-28\nlanguage: fr',
    'stocktaking:\n  threshold: 3\nlimits:\n  fileSize: 262144\n  parseSeconds: 0.5',
    'participants:\n  - { name: Japan, code: JPN }\n  - name: European Union\n    code: EU\n    aliases: ["European Union and its member States"]\n  - name: Norway',
    'outline:\n  - id: A\n    title: Enabling\n    topics:\n      - id: A.1\n        topics:\n          - { id: A.1.4, title: Electronic invoicing }\ngroups:\n  - { name: E-invoicing, topics: [A.1.4] }',
    'outline:\n  - id: 1\n  - id: 2\n    topics:',
    'title:\nparticipants:\noutline:\nstocktaking:\nlimits:',
    'stocktaking: {}',
    'title: { en: Electronic Commerce, fr: Commerce électronique, es: Comercio electrónico }',
    'title: { fr: Commerce électronique }',
    'participants:\n  - { name: { en: Japan, fr: Japon, es: Japón }, code: JPN }\n  - { name: { en: Canada, fr: Canada } }',
    'outline:\n  - { id: A.1.4, title: { en: Electronic invoicing, es: Facturación electrónica } }',
    'groups:\n  - { name: { en: E-invoicing, fr: Facturation électronique }, topics: [A.1.4] }',
    'disclaimer: default',
    'disclaimer: false',
    'disclaimer: This text is without prejudice.',
    'disclaimer: { en: Without prejudice., fr: Sans préjudice. }',
    'outline:\n  - { id: A.1.4 }\nchair:\n  A.1.4: a14-jpn\n',
    'outline:\n  - { id: A.1.4 }\n  - { id: B }\nchair:\n  A.1.4: [a14-jpn, a14-sgp]\n  B: []',
    'previous: v5\nsecretariat: WTO Secretariat',
    "previous: 5\nsecretariat: { en: WTO Secretariat, fr: Secrétariat de l'OMC }",
    'previous:\nsecretariat:',
    'publish:\n  views: [consolidated, clean, stocktaking]\n  formats: [md, html, docx]\n  languages: [en, fr, es]\n  groups: all\n  redline: true\n  history: true\nprevious: v5',
    'publish: { views: clean, formats: docx, languages: fr, groups: [], redline: false }',
    'publish: {}',
    'publish:',
    'groups:\n  - { name: { en: E-invoicing, fr: Facturation }, topics: [A] }\npublish: { groups: [Facturation] }',
    'documents:\n  clean: { title: "Chair\'s Text", symbol: INF/ECOM/85 }\n  stocktaking: { title: { en: Stocktaking, fr: Inventaire }, note: "Line one.\\n\\nLine two." }\n  consolidated: {}',
    'masthead:\n  organization: { en: World Trade Organization, fr: Organisation mondiale du commerce }\n  access: RESTRICTED\n  jobNumber: "(26-8123)"\n  original: fr',
    'pageBreaks: sections',
    'pageBreaks: none',
    'documents:\nmasthead:\npageBreaks:',
    'outline:\n  - id: S3\n    title: Mitigation\n    article: "3"\n    options: roman\n    paragraphs:\n      - { id: S3.1, number: "1", title: Collective long-term goal }\n      - { id: S3.2, number: 2bis, options: letter }\n      - { id: S3.3 }',
    'outline:\n  - { id: P, title: Preamble, options: option }\n  - { id: S1, article: 1, paragraphs: [] }\n  - { id: S2, article: A, topics: [{ id: S2.1 }] }',
    'options: option\nbrackets: as-written\nchairTexts: show\nattribution: false',
    'attribution: true\nstocktaking: { threshold: 2 }',
    'attribution: false\nstocktaking:',
    'rules: { unbalanced-brackets: warning, placeholder: off, missing-translation: error }\nplaceholders: ["[X]", "X per cent", "[Placeholder for …]", 2030]',
    'rules: {}\nplaceholders: []',
    'participants:\n  - { name: African Group, code: AFG, members: [EGY, KEN] }\n  - { name: Egypt, code: EGY }\n  - { name: Kenya, code: KEN }\n  - { name: IUCN, observer: true }\n  - { name: ACP, members: [], observer: false }',
  ]
  const invalid = [
    '- a list',
    'language: de',
    'language: EN',
    'date: 2026-02-30',
    'date: tomorrow',
    'title: ""',
    'title: [a]',
    'titel: x',
    'stocktaking: 3',
    'stocktaking:\n  threshold: 0',
    'stocktaking:\n  threshold: 2.5',
    'stocktaking:\n  treshold: 3',
    'limits:\n  fileSize: -1',
    'limits:\n  parseSeconds: 0',
    'participants: Japan',
    'participants:\n  - Japan',
    'participants:\n  - { code: JPN }',
    'participants:\n  - { name: Japan, aliases: Nippon }',
    'participants:\n  - { name: Japan, flag: red }',
    'outline:\n  - title: no id',
    'outline:\n  - { id: A, topics: [B] }',
    'groups:\n  - { name: G }',
    'groups:\n  - { topics: [A] }',
    'title: {}',
    'title: { de: Elektronischer Handel }',
    'title: { EN: Electronic Commerce }',
    'title: { en: "" }',
    'title: { en: Electronic Commerce, fr: ~ }',
    'participants:\n  - { name: { en: Japan, fr: [Japon] } }',
    'participants:\n  - { name: {} }',
    'outline:\n  - { id: { en: A }, title: Enabling }',
    'groups:\n  - { name: { en: E-invoicing, it: Fatturazione }, topics: [A.1.4] }',
    'disclaimer: [a]',
    'disclaimer: { de: Ohne Präjudiz. }',
    'disclaimer: { en: [a] }',
    'chair: a14-jpn',
    'chair:\n  A.1.4: { id: a14-jpn }',
    'chair:\n  A.1.4: [[a14-jpn]]',
    'previous: [v5]',
    'previous: ""',
    'secretariat: { de: Sekretariat }',
    'secretariat: [WTO]',
    'publish: [consolidated]',
    'publish: { views: [] }',
    'publish: { views: [consolidated, redline] }',
    'publish: { formats: [pdf] }',
    'publish: { languages: [en, de] }',
    'publish: { languages: EN }',
    'publish: { groups: some }',
    'publish: { redline: yes }',
    'publish: { redline: true }',
    'publish: { history: 1 }',
    'publish: { view: [clean] }',
    'documents: { redline: { title: Redline } }',
    'documents: { clean: Chair }',
    'documents: { clean: { symbol: [INF/ECOM/85] } }',
    'documents: { clean: { title: { de: Text } } }',
    'documents: { clean: { title: {} } }',
    'documents: { clean: { subtitle: x } }',
    'masthead: RESTRICTED',
    'masthead: { original: English }',
    'masthead: { access: { en: "" } }',
    'masthead: { job: 1 }',
    'pageBreaks: true',
    'pageBreaks: section',
    'options: Roman',
    'brackets: enclosed',
    'chairTexts: true',
    'attribution: no',
    'attribution: false\nstocktaking: { threshold: 3 }',
    'rules: { unknown-topic: off }',
    'rules: { unbalanced-bracket: warning }',
    'rules: { placeholder: loud }',
    'rules: off',
    'placeholders: "[X]"',
    'placeholders: [""]',
    'placeholders: [[a]]',
    `placeholders: ["${'x'.repeat(101)}"]`,
    'outline:\n  - { id: S3, paragraphs: [{ id: S3.1 }] }',
    'outline:\n  - { id: S3, article: "3", topics: [{ id: S3.A }], paragraphs: [{ id: S3.1 }] }',
    'outline:\n  - { id: S3, article: "3", paragraphs: [{ number: "1" }] }',
    'outline:\n  - { id: S3, article: "3", paragraphs: [{ id: S3.1, titel: Goal }] }',
    'outline:\n  - { id: S3, article: "a number far too long to be one" }',
    'outline:\n  - { id: S3, article: [3] }',
    'outline:\n  - { id: S3, options: opton }',
    'participants:\n  - { name: IUCN, observer: maybe }',
    'participants:\n  - { name: OECS, observer: true, members: [] }',
    'participants:\n  - { name: LDC, members: KEN }',
  ]
  test.each(valid)('valid: %j', (yaml) => expect(configVerdicts(yaml)).toEqual({ schema: true, validator: true }))
  test.each(invalid)('invalid: %j', (yaml) => expect(configVerdicts(yaml)).toEqual({ schema: false, validator: false }))

  test('agrees with the validator on generated configurations', () => {
    const sound = () => ({
      title: 'Electronic Commerce',
      date: '2026-11-28',
      language: 'en',
      stocktaking: { threshold: 3 },
      limits: { fileSize: 262144, parseSeconds: 10 },
      participants: [{ name: { en: 'Japan', fr: 'Japon' }, code: 'JPN' }, { name: 'European Union', code: 'EU', aliases: ['EU27'] }, { name: 'Norway' }],
      outline: [
        { id: 'A', title: { en: 'Enabling', es: 'Facilitación' }, topics: [{ id: 'A.1', topics: [{ id: 'A.1.4', title: 'E-invoicing' }] }] },
        { id: 'B' },
      ],
      groups: [
        { name: { en: 'E-invoicing', fr: 'Facturation' }, topics: ['A.1.4'] },
        { name: 'Other', topics: [] },
      ],
      disclaimer: { en: 'Without prejudice.', fr: 'Sans préjudice.' },
      chair: { 'A.1.4': ['a14-jpn'] },
      brackets: 'enclose',
      options: 'alt',
      chairTexts: 'hide',
      rules: { placeholder: 'off' },
      placeholders: ['[X]', 'X per cent'],
    })
    const paths: Array<Array<string | number>> = [
      ['title'],
      ['symbol'],
      ['date'],
      ['language'],
      ['stocktaking'],
      ['stocktaking', 'threshold'],
      ['limits'],
      ['limits', 'fileSize'],
      ['limits', 'parseSeconds'],
      ['limits', 'other'],
      ['participants'],
      ['participants', 0],
      ['participants', 0, 'name'],
      ['participants', 1, 'code'],
      ['participants', 1, 'aliases'],
      ['participants', 1, 'aliases', 0],
      ['participants', 3],
      ['participants', 2, 'other'],
      ['outline'],
      ['outline', 0, 'id'],
      ['outline', 0, 'title'],
      ['outline', 0, 'topics'],
      ['outline', 0, 'topics', 0, 'topics', 0],
      ['outline', 1, 'topics'],
      ['outline', 2],
      ['groups'],
      ['groups', 0, 'name'],
      ['groups', 0, 'topics'],
      ['groups', 1, 'topics', 0],
      ['groups', 2],
      ['other'],
      ['participants', 0, 'name', 'fr'],
      ['participants', 2, 'name', 'es'],
      ['outline', 0, 'title', 'en'],
      ['groups', 0, 'name', 'fr'],
      ['disclaimer'],
      ['disclaimer', 'en'],
      ['disclaimer', 'fr'],
      ['chair'],
      ['chair', 'A.1.4'],
      ['chair', 'A.1.4', 0],
      ['chair', 'A.1.4', 1],
      ['brackets'],
      ['options'],
      ['chairTexts'],
      ['attribution'],
      ['rules'],
      ['rules', 'placeholder'],
      ['rules', 'unknown-topic'],
      ['placeholders'],
      ['placeholders', 0],
      ['outline', 1, 'article'],
      ['outline', 1, 'options'],
      ['outline', 1, 'paragraphs'],
      ['outline', 0, 'paragraphs'],
      ['participants', 2, 'observer'],
      ['participants', 2, 'members'],
    ]
    const replacement = fc.constantFrom<unknown>(
      'x',
      '',
      '  ',
      'en',
      'fr',
      'de',
      '2026-11-28',
      '2026-02-30',
      0,
      1,
      3,
      2.5,
      -1,
      true,
      null,
      [],
      {},
      ['x'],
      [1, 2],
      { name: 'Canada' },
      { name: 'Canada', code: 'CAN', aliases: [] },
      { code: 'CAN' },
      { name: '' },
      { id: 'C' },
      { id: 'C', topics: null },
      { title: 'no id' },
      { en: 'x' },
      { fr: 'x', es: 'y' },
      { de: 'x' },
      { en: '' },
      { en: 3 },
      { en: null },
      { en: ['x'] },
      { name: { fr: 'Canada' } },
      { name: { en: 'Canada', xx: 'y' } },
      { name: 'G', topics: ['A.1'] },
      { name: 'G' },
      'DELETE',
      'enclose',
      'as-written',
      'option',
      'roman',
      'show',
      false,
      'off',
      'warning',
      [{ id: 'B.1', number: '1' }],
      [{ id: 'B.2' }],
      ['JPN'],
      ['Norway'],
    )
    const config = fc.array(fc.tuple(fc.constantFrom(...paths), replacement), { minLength: 1, maxLength: 2 }).map((changes) => {
      const config: Record<string, unknown> = sound()
      for (const [where, value] of changes) {
        let parent: any = config
        for (const step of where.slice(0, -1)) parent = parent !== null && typeof parent === 'object' ? parent[step] : undefined
        if (parent === null || typeof parent !== 'object') continue
        const last = where[where.length - 1]
        if (value === 'DELETE') delete parent[last]
        else parent[last] = value
      }
      return config
    })
    // What a schema cannot express: these are the validator's alone (see the schema's description).
    const crossChecks =
      /already names|twice|two groups named|is not in the outline|two outline entries are article|two paragraphs numbered|`members` of|member of itself|is a paragraph of article/
    fc.assert(
      fc.property(config, (fields) => {
        const yaml = stringify(fields, { version: '1.2', aliasDuplicateObjects: false, lineWidth: 0 })
        const diagnostics = parseConfig('consolidate.yaml', yaml).diagnostics.filter((diagnostic) => !crossChecks.test(diagnostic.message))
        expect(configSchema(yamlOf(yaml)), `${yaml}\n${JSON.stringify(diagnostics)}`).toBe(diagnostics.length === 0)
      }),
      { numRuns: runs(1000), seed: 20261128 },
    )
  })
})

describe('chair.schema.json', () => {
  const valid = [
    'topic: S3.1',
    'topic: S3.1\nby: Co-Chairs\ntitle: Bridging proposal\ndocument: ADP.2015.1\nid: s31-chair\norder: 2\nallow: [placeholder]',
    'topic: 3\nby: { en: Co-Chairs, fr: Coprésidents }\norder: -1',
    'topic: S3\nby:\ntitle:\ndocument:\nid:\norder:\nallow:',
    'topic: S3\nlanguage: fr',
  ]
  const invalid = [
    'by: Chair',
    'topic: S3\nauthor: Chair',
    'topic: S3\nsupporters: [Japan]',
    'topic: S3\nstatus: proposed',
    'topic: S3\nby: { de: Vorsitz }',
    'topic: S3\nby: {}',
    'topic: S3\nby: [Chair]',
    'topic: S3\norder: first',
    'topic: S3\nallow: [unknown-topic]',
    'topic: S3\ntitle: [a]',
    'topic: S3\nid: "a b"',
    'topic: S3\nkind: drafting',
    'topic: S3\nlanguage: it',
    'topic: S3\nid: s3.es',
  ]
  test.each(valid)('valid: %j', (yaml) => expect(chairVerdicts(yaml)).toEqual({ schema: true, validator: true }))
  test.each(invalid)('invalid: %j', (yaml) => expect(chairVerdicts(yaml)).toEqual({ schema: false, validator: false }))

  test('agrees with the validator on generated front matter', () => {
    const scalar = fc.oneof(
      fc.constantFrom('S3.1', 'Co-Chairs', '', '  ', 'a b', 'x', 'placeholder', 'unknown-topic', 'TN/RL/W/276'),
      fc.constantFrom(-3, 0, 7, 1.5, true, null),
    )
    const value = fc.oneof(
      { weight: 5, arbitrary: scalar },
      { weight: 2, arbitrary: fc.array(scalar, { maxLength: 2 }) },
      { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('en', 'fr', 'de'), scalar, { maxKeys: 2 }) },
    )
    const key = fc.constantFrom('id', 'topic', 'by', 'title', 'document', 'order', 'allow', 'author', 'status', 'extra')
    const frontMatter = fc.dictionary(key, value, { minKeys: 1, maxKeys: 3 }).map((changes) => ({ topic: 'S3.1', ...changes }))
    fc.assert(
      fc.property(frontMatter, (fields) => {
        const yaml = stringify(fields, { version: '1.2', aliasDuplicateObjects: false, lineWidth: 0 }).trimEnd()
        const verdicts = chairVerdicts(yaml)
        expect(verdicts.schema, yaml).toBe(verdicts.validator)
      }),
      { numRuns: 500, seed: 20261128 },
    )
  })
})

describe('translation.schema.json', () => {
  const verdicts = (yaml: string): { schema: boolean; validator: boolean } => {
    const result = parseTranslation('proposals/sample.fr.md', `---\n${yaml}\n---\n\nChaque Partie [s'efforce de] coopérer.\n`)
    return { schema: translationSchema(yamlOf(yaml)), validator: result.diagnostics.length === 0 }
  }
  const valid = [
    'translationOf: 3f2a9c1b7d4e5f60\ntitle: Facturation électronique',
    'translationOf: 1234567890123456\ndraft: true',
    'draft: false\ntitle: 12',
    'translationOf:\ntitle:\ndraft:',
    '{}',
  ]
  const invalid = ['translationOf: [a]', 'title: {x: 1}', 'draft: yes', 'draft: 1', 'topic: A.1', 'author: Japan', 'translationof: abc', 'language: fr']
  test.each(valid)('valid: %j', (yaml) => expect(verdicts(yaml)).toEqual({ schema: true, validator: true }))
  test.each(invalid)('invalid: %j', (yaml) => expect(verdicts(yaml)).toEqual({ schema: false, validator: false }))
})
