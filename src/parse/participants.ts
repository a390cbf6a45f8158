/**
 * `participants:` of consolidate.yaml: names, codes and aliases (each naming
 * one participant only), groups with `members`, observers (SPEC §15). Each
 * breach an `invalid-config` at its place. Pure.
 */
import { isScalar } from 'yaml'
import type { Reader, Report } from './config.js'
import { isEmpty } from './yaml.js'
import type { Participant } from '../types.js'

const FIELDS = ['name', 'code', 'aliases', 'members', 'observer'] as const
const EXAMPLE = '`- { name: Japan, code: JPN }`'
const GROUP_EXAMPLE = '`- { name: African Group, code: AFG, members: [EGY, KEN, NGA] }`'

/** Read the participants; `members` are resolved to their participants' names once every participant is known. */
export function readParticipants(value: unknown, read: Reader, report: Report): Participant[] {
  const participants: Participant[] = []
  const owners = new Map<string, { name: string; index: number }>()
  const written: Array<Array<{ text: string; node: unknown }> | undefined> = []
  for (const item of read.list(value, '`participants`', EXAMPLE)) {
    const participant: Participant = { name: '', aliases: [] }
    const named: Array<[string, unknown]> = []
    let members: Array<{ text: string; node: unknown }> | undefined
    let observerNode: unknown
    for (const [key, node] of read.fields(item, 'a participant', FIELDS, ['name'], EXAMPLE)) {
      if (key === 'name') {
        const name = read.names(node, '`name`', '`name: Japan`')
        if (name) {
          participant.name = name.text
          if (name.names) participant.names = name.names
          named.push(...name.nodes)
        }
      } else if (key === 'code') {
        const text = read.text(node, '`code`', '`code: JPN`')
        if (text) {
          participant.code = text
          named.push([text, node])
        }
      } else if (key === 'aliases') {
        for (const alias of read.list(node, '`aliases`', '`aliases: ["European Union and its member States"]`')) {
          const text = read.text(alias, 'an alias', '`"European Union and its member States"`')
          if (text) {
            participant.aliases.push(text)
            named.push([text, alias])
          }
        }
      } else if (key === 'members') {
        if (isEmpty(read.resolve(node))) continue
        members = read.list(node, '`members`', GROUP_EXAMPLE).flatMap((member) => {
          const text = read.text(member, 'a member', '`KEN`')
          return text === undefined ? [] : [{ text, node: member }]
        })
      } else {
        const flag = read.resolve(node)
        if (isEmpty(flag)) continue
        if (isScalar(flag) && typeof flag.value === 'boolean') {
          if (flag.value) participant.observer = true
          observerNode = flag
        } else
          report(
            flag,
            '`observer` must be `true` or `false`: an observer (e.g. `{ name: IUCN, observer: true }`) may table and support texts and is named, but never counts in support',
          )
      }
    }
    if (!participant.name) continue
    if (participant.observer && members !== undefined) {
      report(
        observerNode,
        `${participant.name} is an observer with \`members\`; a group's members count in support and an observer never does: remove \`observer\` or \`members\``,
      )
      members = undefined
    }
    for (const [text, node] of named) {
      const owner = owners.get(text.toLowerCase())
      if (owner !== undefined && owner.index !== participants.length)
        report(node, `"${text}" already names ${owner.name}; each name, code and alias must name one participant only`)
      else owners.set(text.toLowerCase(), { name: participant.name, index: participants.length })
    }
    participants.push(participant)
    written.push(members)
  }

  // Members name participants that are neither groups nor observers: a group counts as its members (SPEC §15).
  participants.forEach((group, index) => {
    const members = written[index]
    if (members === undefined) return
    const names: string[] = []
    for (const { text, node } of members) {
      const owner = owners.get(text.toLowerCase())
      const member = owner === undefined ? undefined : participants[owner.index]
      if (member === undefined)
        report(
          node,
          `\`members\` of ${group.name} names "${text}", which is not a configured participant; list each member as a participant of its own, then name it here by its name, code or alias, e.g. ${GROUP_EXAMPLE}`,
        )
      else if (member === group) report(node, `${group.name} cannot be a member of itself; \`members\` lists the participants the group speaks for`)
      else if (written[owner!.index] !== undefined)
        report(node, `\`members\` of ${group.name} names ${member.name}, which is a group itself; name its members instead (groups do not nest)`)
      else if (member.observer)
        report(
          node,
          `\`members\` of ${group.name} names ${member.name}, which is an observer; observers never count in support, so they cannot be members of a group`,
        )
      else if (names.includes(member.name)) report(node, `\`members\` of ${group.name} names ${member.name} twice; list each member once`)
      else names.push(member.name)
    }
    group.members = names
  })
  return participants
}
