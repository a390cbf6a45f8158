/**
 * What each view builds its document from: the negotiation (or the clean
 * text) in the document's language, cut to a small group's extract. Loaded
 * only when a document is built (the registry, index.ts, stays light).
 */
import { assemble } from '../../assemble/negotiation.js'
import { cleanText } from '../../assemble/clean.js'
import { groupName, localise } from '../../model/language.js'
import { placements } from '../../assemble/negotiation.js'
import type { Config, Group, Language, Negotiation } from '../../types.js'
import { labelsFor } from '../labels.js'
import type { Document } from '../tree.js'
import { cleanView } from './clean.js'
import { consolidatedView } from './consolidated.js'
import { inLanguage } from './identity.js'
import type { ViewInput } from './index.js'
import { stocktakingView } from './stocktaking.js'

/** How a view builds its document, and what a build of it says it wrote. */
export interface ViewBuilder {
  document(input: ViewInput): Document
  said(input: ViewInput): string
}

/** The builders of the views, by name. */
export const BUILDERS: Record<string, ViewBuilder> = {
  consolidated: {
    document: (input) =>
      consolidatedView(negotiationOf(input), { cover: input.cover, delta: input.delta, since: input.since, proposals: input.snapshot.proposals }),
    said: (input) => {
      const negotiation = negotiationOf(input)
      const live = placements(negotiation.topics)
      const referred = live.filter((placement) => placement.referred).length
      return `${live.length} proposal${live.length === 1 ? '' : 's'} in the text, ${referred} referred to stocktaking, ${negotiation.withdrawn.length} withdrawn`
    },
  },
  clean: {
    document: (input) => cleanView(cleanOf(input), { cover: input.cover, since: input.since }),
    said: (input) => {
      const { articles } = cleanOf(input)
      return `${articles} article${articles === 1 ? '' : 's'}`
    },
  },
  stocktaking: {
    document: (input) => stocktakingView(negotiationOf(input), input.history),
    said: (input) => {
      const referred = placements(negotiationOf(input).topics).filter((placement) => placement.referred).length
      return `${referred} proposal${referred === 1 ? '' : 's'} referred to stocktaking`
    },
  },
}

/**
 * Each input's negotiation and clean text, assembled once: a build asks for
 * them to say what it wrote, then for the view's document and its companion's
 * (and the redline's). Assembling is pure, and no view changes what it is given.
 */
const negotiations = new WeakMap<ViewInput, Negotiation>()
const cleanTexts = new WeakMap<ViewInput, ReturnType<typeof cleanText>>()

/** The negotiation a view shows: in the document's language, cut to the extract's topics, titled as the extract. */
export function negotiationOf(input: ViewInput): Negotiation {
  let negotiation = negotiations.get(input)
  if (negotiation === undefined) negotiations.set(input, (negotiation = assembleFor(input)))
  return negotiation
}

function assembleFor(input: ViewInput): Negotiation {
  const config = inDocumentLanguage(input.snapshot.config, input.language)
  const negotiation = assemble(input.snapshot.proposals, config, {
    topics: input.extract?.topics,
    notes: input.snapshot.notes,
    chairTexts: input.snapshot.chairTexts,
  })
  return input.extract ? { ...negotiation, config: extractConfig(config, input.extract.group) } : negotiation
}

/** The clean text: numbered over the whole outline, then cut to the extract's topics, so an extract keeps the full text's article numbers. */
function cleanOf(input: ViewInput): ReturnType<typeof cleanText> {
  let text = cleanTexts.get(input)
  if (text === undefined) cleanTexts.set(input, (text = cleanFor(input)))
  return text
}

function cleanFor(input: ViewInput): ReturnType<typeof cleanText> {
  const config = inDocumentLanguage(input.snapshot.config, input.language)
  const text = cleanText(assemble(input.snapshot.proposals, config, { chairTexts: input.snapshot.chairTexts }), input.extract?.topics)
  return input.extract ? { ...text, config: extractConfig(config, input.extract.group) } : text
}

/**
 * The configuration of a document in `language`: the masthead keeps the
 * configuration's own language as the original ("Original: English" in the
 * French document too).
 */
function inDocumentLanguage(config: Config, language: Language): Config {
  const masthead = config.masthead && { ...config.masthead, original: config.masthead.original ?? config.language }
  return { ...config, language, ...(masthead ? { masthead } : {}) }
}

/** The configuration of a group's extract: its title says which group it is, in every format and in the document's language. */
function extractConfig(config: Config, group: Group): Config {
  const localised = localise(config)
  const labels = labelsFor(config.language)
  const extract = ` \u2014 ${labels.group.replace('{name}', groupName(group, config.language))}`
  // Every title is final: it is not given per language any more.
  const documents = Object.fromEntries(
    Object.entries(config.documents ?? {}).map(([view, identity]) => {
      const own = inLanguage(identity.title, config.language)
      return [view, { ...identity, ...(own === undefined ? {} : { title: own + extract }) }]
    }),
  )
  return { ...localised, title: (localised.title ?? labels.documentTitle) + extract, titles: undefined, ...(config.documents ? { documents } : {}) }
}
