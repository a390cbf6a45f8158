/**
 * The views a build writes: each builds one document of a workspace (in one
 * language, for the whole text or a small group's extract), which every
 * format compiles. `--view`, `--help`, the manifest and the redline iterate
 * this registry.
 */
import type { ReferredSince } from '../../revisions/history.js'
import type { ChairText, Config, Group, Language, Note, Proposal, StatsNumbers } from '../../types.js'
import type { ViewBuilder } from './builders.js'

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
  /** The stocktaking report's: since when each referred proposal has been referred. */
  history?: ReadonlyMap<string, ReferredSince>
}

export interface View {
  /** As `--view` names it, and the base of its files' names. */
  name: string
  /** Whether `--since` writes a redline of it. */
  redline: boolean
  /** Written beside it in Markdown by every build of it (the consolidated text's stocktaking report). */
  companion?: string
}

const consolidated: View = { name: 'consolidated', redline: true, companion: 'stocktaking' }
const clean: View = { name: 'clean', redline: true }
const stocktaking: View = { name: 'stocktaking', redline: false }

/** Every view, in the order `--help` lists them. */
export const VIEWS: readonly View[] = [consolidated, clean, stocktaking]

/** The names `--view` takes. */
export const VIEW_NAMES = VIEWS.map((view) => view.name)

/** The view named `name`, if there is one. */
export function viewNamed(name: string): View | undefined {
  return VIEWS.find((view) => view.name === name)
}

/** How `view` builds its document: loaded only when a document is built. */
export async function builderOf(view: View): Promise<ViewBuilder> {
  const { BUILDERS } = await import('./builders.js')
  return BUILDERS[view.name]
}
