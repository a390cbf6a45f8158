/**
 * What a build issues (docs/reference.md, The documents a secretariat issues):
 * without `publish:`, the one target the flags name; with it, the whole
 * publication set (views × groups, each in the set's languages and formats),
 * each flag replacing its part of the set. No two targets write one file.
 * Pure.
 */
import type { Config, Language } from '../types.js'
import type { Target } from './outputs.js'
import { TEXT_FORMAT } from './formats/index.js'
import { viewNamed } from './views/index.js'

/** What the command line chose; each absent part comes from `publish:` (or the defaults without it). */
export interface Choices {
  view?: string
  /** A group's name as the manifest records it (its `en` name). */
  group?: string
  languages?: Language[]
  formats?: string[]
  since?: string
}

/** The targets a build writes. */
export function publicationSet(config: Config, choices: Choices): Target[] {
  const publish = config.publish
  const since = choices.since === undefined ? {} : { since: choices.since }
  if (!publish) {
    return [
      {
        view: choices.view ?? 'consolidated',
        ...(choices.group === undefined ? {} : { group: choices.group }),
        languages: choices.languages ?? [config.language],
        formats: choices.formats ?? [TEXT_FORMAT.name],
        ...since,
      },
    ]
  }
  const views = choices.view === undefined ? publish.views : [choices.view]
  const groups: Array<string | undefined> =
    choices.group !== undefined ? [choices.group] : [undefined, ...(publish.groups === 'all' ? config.groups.map((group) => group.name) : publish.groups)]
  const languages = choices.languages ?? publish.languages
  const formats = choices.formats ?? publish.formats
  const targets: Target[] = []
  for (const view of views) {
    for (const group of groups) {
      // The consolidated text writes the stocktaking report in Markdown beside it: the report's own target does not write it again.
      const own = view === 'stocktaking' && views.includes('consolidated') ? formats.filter((format) => format !== TEXT_FORMAT.name) : formats
      if (own.length === 0) continue
      targets.push({ view, ...(group === undefined ? {} : { group }), languages, formats: own, ...since })
    }
  }
  return targets
}

/**
 * The revision a target's redline compares with: `--since`, else `previous:`
 * (with `publish:`, only when its `redline:` says so); none for a view
 * without redline.
 */
export function redlineSince(target: Target, config: Config): { name: string; origin: 'flag' | 'config' } | undefined {
  if (!viewNamed(target.view)?.redline) return undefined
  if (target.since !== undefined) return { name: target.since, origin: 'flag' }
  if (config.previous === undefined || (config.publish && !config.publish.redline)) return undefined
  return { name: config.previous, origin: 'config' }
}
