/** Small groups (`build --group NAME`): which topics, what the extract is called, where it is written. Pure. */
import { findGroup, spellingsOf } from '../model/language.js'
import { flattenOutline } from '../model/outline.js'
import { didYouMean } from '../diagnostics/suggest.js'
import type { Config, Group, OutlineEntry } from '../types.js'
import { UsageError } from '../errors.js'

/**
 * The group named `name` (in any of its languages) and its topics: the outline
 * entries it lists and every entry below them (a group on a section covers its
 * sub-topics). An unknown name is a usage error that lists the groups.
 */
export function selectGroup(config: Config, name: string): { group: Group; topics: Set<string> } {
  const group = findGroup(config.groups, name)
  if (!group) {
    const names = config.groups.map((each) => each.name)
    const spellings = config.groups.flatMap((each) => spellingsOf(each.name, each.names))
    const listed =
      names.length > 0 ? `the groups are ${names.map((each) => `"${each}"`).join(', ')}${didYouMean(name, spellings)}` : 'consolidate.yaml defines no `groups`'
    throw new UsageError(`unknown group "${name}" for --group; ${listed}`)
  }
  const topics = new Set<string>()
  const below = (entries: OutlineEntry[]): void => entries.forEach((entry) => (topics.add(entry.id), below(entry.children)))
  const outline = new Map(flattenOutline(config.outline ?? []).map(({ entry }) => [entry.id, entry]))
  for (const id of group.topics) {
    topics.add(id)
    below(outline.get(id)?.children ?? [])
  }
  return { group, topics }
}

/** The name a target records for `--group NAME`: the group's `en` name (or its only one), so every spelling writes the same files. */
export function groupKey(config: Config, name: string): string {
  return findGroup(config.groups, name)?.name ?? name
}
