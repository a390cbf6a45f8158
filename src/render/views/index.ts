/**
 * The views a build writes: each builds one document of a workspace (in one
 * language, for the whole text or a small group's extract), which every
 * format compiles. `--view`, `--help`, the manifest and the redline iterate
 * this registry.
 */
import { assemble } from '../../assemble/negotiation.js'
import { cleanText } from '../../assemble/clean.js'
import { groupName, localise } from '../../assemble/language.js'
import { placements } from '../../assemble/negotiation.js'
import type { ChairText, Config, Group, Language, Negotiation, Note, Proposal, StatsNumbers } from '../../types.js'
import { labelsFor } from '../labels.js'
import { inLanguage } from './identity.js'
import type { Document } from '../tree.js'
import { cleanView } from './clean.js'
import { consolidatedView } from './consolidated.js'
import { stocktakingView } from './stocktaking.js'

/** A workspace (or an older revision of it) as the views read it. */
export interface Snapshot {
  config: Config
  proposals: Proposal[]
  notes: Note[]
  /** The Chair's texts of chair/. */
  chairTexts?: ChairText[]
}

/** A small group's extract: its name as configured, and its topics (with everything below them). */
export interface Extract {
  group: Group
  topics: ReadonlySet<string>
}

/** What a view builds its document from. */
export interface ViewInput {
  snapshot: Snapshot
  language: Language
  extract?: Extract
  /** `templates/cover.md`, else the built-in cover. */
  cover?: string
  /** A redline's: the changes of the statistics since the older revision, for the cover. */
  delta?: StatsNumbers
  /** A redline's: the older revision's symbol (or name), which the document's title says the changes are since. */
  since?: string
}

export interface View {
  /** As `--view` names it, and the base of its files' names. */
  name: string
  /** Whether `--since` writes a redline of it. */
  redline: boolean
  /** Written beside it in Markdown by every build of it (the consolidated text's stocktaking report). */
  companion?: string
  document(input: ViewInput): Document
  /** What a build of it says it wrote: its counts. */
  said(input: ViewInput): string
}

const consolidated: View = {
  name: 'consolidated',
  redline: true,
  companion: 'stocktaking',
  document: (input) => consolidatedView(negotiationOf(input), { cover: input.cover, delta: input.delta, since: input.since, proposals: input.snapshot.proposals }),
  said: (input) => {
    const negotiation = negotiationOf(input)
    const live = placements(negotiation.topics)
    const referred = live.filter((placement) => placement.referred).length
    return `${live.length} proposal${live.length === 1 ? '' : 's'} in the text, ${referred} referred to stocktaking, ${negotiation.withdrawn.length} withdrawn`
  },
}

const clean: View = {
  name: 'clean',
  redline: true,
  document: (input) => cleanView(cleanOf(input), { cover: input.cover, since: input.since }),
  said: (input) => {
    const { articles } = cleanOf(input)
    return `${articles} article${articles === 1 ? '' : 's'}`
  },
}

const stocktaking: View = {
  name: 'stocktaking',
  redline: false,
  document: (input) => stocktakingView(negotiationOf(input)),
  said: (input) => {
    const referred = placements(negotiationOf(input).topics).filter((placement) => placement.referred).length
    return `${referred} proposal${referred === 1 ? '' : 's'} referred to stocktaking`
  },
}

/** Every view, in the order `--help` lists them. */
export const VIEWS: readonly View[] = [consolidated, clean, stocktaking]

/** The names `--view` takes. */
export const VIEW_NAMES = VIEWS.map((view) => view.name)

/** The view named `name`, if there is one. */
export function viewNamed(name: string): View | undefined {
  return VIEWS.find((view) => view.name === name)
}

/** The negotiation a view shows: in the document's language, cut to the extract's topics, titled as the extract. */
export function negotiationOf(input: ViewInput): Negotiation {
  const config = { ...input.snapshot.config, language: input.language }
  const negotiation = assemble(input.snapshot.proposals, config, { topics: input.extract?.topics, notes: input.snapshot.notes, chairTexts: input.snapshot.chairTexts })
  return input.extract ? { ...negotiation, config: extractConfig(config, input.extract.group) } : negotiation
}

/** The clean text: numbered over the whole outline, then cut to the extract's topics, so an extract keeps the full text's article numbers. */
function cleanOf(input: ViewInput): ReturnType<typeof cleanText> {
  const config = { ...input.snapshot.config, language: input.language }
  const text = cleanText(assemble(input.snapshot.proposals, config, { chairTexts: input.snapshot.chairTexts }), input.extract?.topics)
  return input.extract ? { ...text, config: extractConfig(config, input.extract.group) } : text
}

/** The configuration of a group's extract: its title says which group it is, in every format and in the document's language. */
function extractConfig(config: Config, group: Group): Config {
  const localised = localise(config)
  const labels = labelsFor(config.language)
  const extract = ` \u2014 ${labels.group.replace('{name}', groupName(group, config.language))}`
  // Every title is final: it is not given per language any more.
  const documents = Object.fromEntries(Object.entries(config.documents ?? {}).map(([view, identity]) => {
    const own = inLanguage(identity.title, config.language)
    return [view, { ...identity, ...(own === undefined ? {} : { title: own + extract }) }]
  }))
  return { ...localised, title: (localised.title ?? labels.documentTitle) + extract, titles: undefined, ...(config.documents ? { documents } : {}) }
}
