/**
 * Synthetic negotiations for the benchmark: a consolidate.yaml with an outline
 * and participants, and N proposal files of about 1.5–2 KB each, written as
 * negotiating texts are: numbered paragraphs, many inner brackets, footnotes,
 * link references, alternatives on every topic, all three statuses.
 * Deterministic: the same N gives the same files.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const PARTICIPANTS = [
  ['Albania', 'ALB'],
  ['Argentina', 'ARG'],
  ['Australia', 'AUS'],
  ['Bahrain', 'BHR'],
  ['Benin', 'BEN'],
  ['Brazil', 'BRA'],
  ['Brunei Darussalam', 'BRN'],
  ['Burkina Faso', 'BFA'],
  ['Cameroon', 'CMR'],
  ['Canada', 'CAN'],
  ['Chile', 'CHL'],
  ['China', 'CHN'],
  ['Colombia', 'COL'],
  ['Costa Rica', 'CRI'],
  ["Côte d'Ivoire", 'CIV'],
  ['Ecuador', 'ECU'],
  ['El Salvador', 'SLV'],
  ['European Union', 'EU'],
  ['Georgia', 'GEO'],
  ['Guatemala', 'GTM'],
  ['Honduras', 'HND'],
  ['Hong Kong, China', 'HKG'],
  ['Iceland', 'ISL'],
  ['Indonesia', 'IDN'],
  ['Israel', 'ISR'],
  ['Japan', 'JPN'],
  ['Kazakhstan', 'KAZ'],
  ['Kenya', 'KEN'],
  ['Korea, Republic of', 'KOR'],
  ['Kuwait', 'KWT'],
  ['Kyrgyz Republic', 'KGZ'],
  ["Lao People's Democratic Republic", 'LAO'],
  ['Liechtenstein', 'LIE'],
  ['Malaysia', 'MYS'],
  ['Mexico', 'MEX'],
  ['Moldova, Republic of', 'MDA'],
  ['Mongolia', 'MNG'],
  ['Montenegro', 'MNE'],
  ['Myanmar', 'MMR'],
  ['New Zealand', 'NZL'],
  ['Nicaragua', 'NIC'],
  ['Nigeria', 'NGA'],
  ['North Macedonia', 'MKD'],
  ['Norway', 'NO'],
  ['Panama', 'PAN'],
  ['Paraguay', 'PRY'],
  ['Peru', 'PER'],
  ['Philippines', 'PHL'],
  ['Qatar', 'QAT'],
  ['Russian Federation', 'RUS'],
  ['Saudi Arabia', 'SAU'],
  ['Singapore', 'SGP'],
  ['Switzerland', 'CHE'],
  ['Chinese Taipei', 'TPKM'],
  ['Thailand', 'THA'],
  ['Türkiye', 'TUR'],
  ['Ukraine', 'UKR'],
  ['United Arab Emirates', 'ARE'],
  ['United Kingdom', 'GBR'],
  ['United States', 'USA'],
  ['Uruguay', 'URY'],
]

const SECTIONS = [
  ['Enabling electronic commerce', ['Facilitating electronic transactions', 'Digital trade facilitation and logistics']],
  [
    'Openness and electronic commerce',
    ['Non-discrimination and liability', 'Flow of information', 'Customs duties on electronic transmissions', 'Access to internet and data'],
  ],
  ['Trust and electronic commerce', ['Consumer protection', 'Privacy', 'Business trust']],
  ['Cross-cutting issues', ['Transparency, domestic regulation and cooperation', 'Cybersecurity', 'Capacity building']],
  ['Telecommunications', ['Updating the WTO Reference Paper on Telecommunications Services', 'Network equipment and products']],
  ['Market access', ['Services market access', 'Temporary entry and sojourn of electronic commerce-related personnel', 'Goods market access']],
]

const TOPIC_NAMES = [
  'Electronic transactions frameworks',
  'Electronic authentication and electronic signatures',
  'Electronic contracts',
  'Electronic invoicing',
  'Electronic payment services',
  'Paperless trading',
  'De minimis',
  'Customs procedures',
  'Improvements to trade policies',
  'Single windows data exchange and system interoperability',
  'Logistics services',
  'Enhanced trade facilitation',
  'Use of technology for the release and clearance of goods',
  'Unique consignment reference numbers',
  'Open government data',
  'Open internet access',
  'Unsolicited commercial electronic messages',
  'Source code',
  'Interactive computer services',
  'Location of computing facilities',
  'Cross-border transfer of information by electronic means',
  'Personal information protection',
  'Online consumer protection',
  'Cybersecurity',
  'Cooperation mechanism',
  'Development',
  'Technical assistance',
  'Access to online platforms and competition',
  'Electronic trade administration documents',
  'Standards and conformity assessment',
  'Domestic regulation',
  'Regulatory cooperation',
]

const SUBJECTS = ['Each Party', 'The Parties', 'A Party', 'Each Member', 'The competent authorities of each Party', 'Parties']
const MODALS = ['shall', 'shall endeavour to', 'should', 'may', 'shall, to the extent possible,', 'recognise the importance to']
const VERBS = [
  'adopt or maintain measures that',
  'ensure that its legal framework',
  'promote the use of',
  'cooperate on matters relating to',
  'make publicly available information on',
  'take into account international standards for',
  'not impose requirements that',
  'endeavour to accept',
  'encourage the development of',
]
const OBJECTS = [
  'electronic transactions',
  'electronic invoices',
  'cross-border data flows',
  'personal information of users',
  'electronic versions of trade administration documents',
  'interoperable systems',
  'micro, small and medium-sized enterprises',
  'consumers engaged in electronic commerce',
  'commercial electronic messages',
  'the release and clearance of goods',
  'electronic authentication methods',
  'open government data',
  'the security of networks and information systems',
]
const QUALIFIERS = [
  'consistent with its laws and regulations',
  'in accordance with its domestic legal framework',
  'taking into account relevant international frameworks',
  'to the extent practicable',
  'on a non-discriminatory basis',
  'where appropriate',
  'subject to its legitimate public policy objectives',
  'within a reasonable period of time',
]
const INNER = [
  ['shall', 'should'],
  ['endeavour to', ''],
  ['legitimate', ''],
  ['including', 'such as'],
  ['and', 'or'],
  ['relevant', 'applicable'],
  ['non-discriminatory', ''],
  ['measures', 'laws and regulations'],
]

/** A small deterministic random source (mulberry32). */
function random(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The outline for a negotiation of `count` proposals: about one topic per ten proposals. */
function outline(count) {
  const wanted = Math.max(12, Math.round(count / 10))
  const topics = []
  const sections = SECTIONS.map(([title, subs], s) => {
    const letter = String.fromCharCode(65 + s)
    return {
      id: letter,
      title,
      topics: subs.map((sub, u) => ({ id: `${letter}.${u + 1}`, title: sub, topics: [] })),
    }
  })
  const subsections = sections.flatMap((section) => section.topics)
  for (let index = 0; index < wanted; index++) {
    const sub = subsections[index % subsections.length]
    const topic = { id: `${sub.id}.${sub.topics.length + 1}`, title: TOPIC_NAMES[index % TOPIC_NAMES.length] }
    sub.topics.push(topic)
    topics.push(topic)
  }
  return { sections, topics }
}

function configText(count, sections) {
  const lines = [
    'title: "Electronic Commerce: Consolidated Negotiating Text"',
    `symbol: INF/ECOM/BENCH/${count}`,
    'date: 2026-11-28',
    'language: en',
    'stocktaking:',
    '  threshold: 3',
    'participants:',
  ]
  for (const [name, code] of PARTICIPANTS) {
    lines.push(`  - name: ${JSON.stringify(name)}`, `    code: ${code}`)
    if (code === 'USA') lines.push('    aliases: ["United States of America"]')
  }
  lines.push('outline:')
  for (const section of sections) {
    lines.push(`  - id: ${section.id}`, `    title: ${JSON.stringify(section.title)}`, '    topics:')
    for (const sub of section.topics) {
      lines.push(`      - id: ${sub.id}`, `        title: ${JSON.stringify(sub.title)}`, `        topics:${sub.topics.length === 0 ? ' []' : ''}`)
      for (const topic of sub.topics) lines.push(`          - { id: ${topic.id}, title: ${JSON.stringify(topic.title)} }`)
    }
  }
  lines.push('groups:')
  for (const section of sections.slice(0, 3)) {
    lines.push(`  - name: ${JSON.stringify(section.title)}`, `    topics: [${section.topics.flatMap((sub) => sub.topics.map((t) => t.id)).join(', ')}]`)
  }
  return `${lines.join('\n')}\n`
}

function proposalText(rand, index, topic, status, authors, supporters) {
  const pick = (list) => list[Math.floor(rand() * list.length)]
  // An agreed (stabilized) text has no brackets left, as in a real negotiation; the same draws keep the corpus stable.
  const agreed = status === 'stabilized'
  const bracket = (text) => (agreed ? text : `[${text}]`)
  const inner = () => {
    const [a, b] = pick(INNER)
    return b ? bracket(`${a}/${b}`) : bracket(a)
  }
  const sentence = (notes) => {
    let text = `${pick(SUBJECTS)} ${rand() < 0.5 ? inner() : pick(MODALS)} ${pick(VERBS)} ${pick(OBJECTS)}`
    text += rand() < 0.6 ? `, ${pick(QUALIFIERS)}` : ''
    text += rand() < 0.5 ? ` ${inner()} ${pick(OBJECTS)}` : ''
    if (rand() < 0.15) text += ` ${bracket(`${bracket(pick(OBJECTS))} and ${pick(OBJECTS)}`)}`
    if (rand() < 0.1) text += ` ~~${pick(QUALIFIERS)}~~`
    if (rand() < 0.25) {
      notes.push(notes.length + 1)
      text += `[^${notes.length}]`
    }
    return `${text}.`
  }
  const notes = []
  const blocks = []
  if (rand() < 0.2) blocks.push(`### Article ${(index % 40) + 1}: ${topic.title}`)
  const paragraphs = 2 + Math.floor(rand() * 3)
  for (let p = 1; p <= paragraphs; p++) {
    const first = `${p}. ${sentence(notes)} ${sentence(notes)}`
    const rest = rand() < 0.3 ? `\n   ${sentence(notes)}` : ''
    let block = first + rest
    if (rand() < 0.2) {
      block += `\n\n   (a) ${sentence(notes)}\n\n   (b) ${sentence(notes)}`
    }
    blocks.push(block)
  }
  if (rand() < 0.2) blocks.push(`See also the [model law][uncitral] and <https://example.org/ecom/${index}>.`)
  if (rand() < 0.08) {
    blocks.push(`| Measure | Period |\n| --- | --- |\n| ${bracket('Moratorium')} | ${bracket('two years')} |\n| Review | ${bracket('annual/biennial')} |`)
  }
  for (const note of notes)
    blocks.push(
      `[^${note}]: For greater certainty, this ${pick(['paragraph', 'Article', 'provision'])} ${pick(['shall not apply to', 'does not prevent', 'is without prejudice to'])} ${pick(OBJECTS)}.`,
    )
  if (blocks.some((block) => block.includes('[uncitral]'))) blocks.push('[uncitral]: https://uncitral.un.org/en/texts/ecommerce')

  const front = [
    '---',
    `topic: ${topic.id}`,
    `title: ${JSON.stringify(`${topic.title} (${authors[0]})`)}`,
    authors.length === 1 ? `author: ${JSON.stringify(authors[0])}` : `author: [${authors.map((a) => JSON.stringify(a)).join(', ')}]`,
    `supporters: [${supporters.map((s) => JSON.stringify(s)).join(', ')}]`,
    `status: ${status}`,
  ]
  if (rand() < 0.85) {
    const month = 1 + Math.floor(rand() * 12)
    const day = 1 + Math.floor(rand() * 28)
    front.push(`submitted: ${2019 + Math.floor(rand() * 6)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`)
  }
  front.push(`document: INF/ECOM/${10 + (index % 90)}`, '---', '')
  return `${front.join('\n')}\n${blocks.join('\n\n')}\n`
}

/**
 * Write a workspace of `count` proposals into `folder` (emptied first).
 * Returns the list of proposal paths and their total size in bytes.
 */
export function generate(folder, count, seed = 2026) {
  rmSync(folder, { recursive: true, force: true })
  const { sections, topics } = outline(count)
  mkdirSync(path.join(folder, 'proposals'), { recursive: true })
  writeFileSync(path.join(folder, 'consolidate.yaml'), configText(count, sections))
  const rand = random(seed)
  const stabilized = new Set()
  const files = []
  let bytes = 0
  for (let index = 0; index < count; index++) {
    const topic = topics[Math.floor(rand() * topics.length)]
    // One stabilized text per topic at most: a second would be an error.
    let status = rand() < 0.08 ? 'withdrawn' : 'proposed'
    if (status === 'proposed' && rand() < 0.1 && !stabilized.has(topic.id)) {
      status = 'stabilized'
      stabilized.add(topic.id)
    }
    const people = PARTICIPANTS.map(([name, code]) => (rand() < 0.3 ? code : name))
    const start = Math.floor(rand() * people.length)
    const authorCount = rand() < 0.25 ? 2 + Math.floor(rand() * 3) : 1
    const authors = people.slice(start, start + authorCount)
    const others = people.filter((name) => !authors.includes(name))
    const supporterCount = Math.floor(rand() * rand() * 12)
    const supporters = []
    for (let s = 0; s < supporterCount; s++) supporters.push(others[Math.floor(rand() * others.length)])
    const text = proposalText(rand, index, topic, status, authors, [...new Set(supporters)])
    const section = topic.id.split('.').slice(0, 2).join('-').toLowerCase()
    const name = path.join('proposals', section, `${topic.id.toLowerCase().replace(/\./g, '')}-${String(index).padStart(5, '0')}.md`)
    mkdirSync(path.join(folder, path.dirname(name)), { recursive: true })
    writeFileSync(path.join(folder, name), text)
    files.push(path.join(folder, name))
    bytes += Buffer.byteLength(text)
  }
  return { files, bytes }
}
