/** Participants: names, codes and aliases resolved to one canonical name, sorted the same everywhere. */
import type { Language, Participant } from '../types.js'
import { pick, spellingsOf, typography } from './language.js'

/** The `en` collation, whatever the machine's locale; code points break ties so the order is total. */
const collator = new Intl.Collator('en', { sensitivity: 'variant', numeric: true })

/** Compare two names in `en` alphabetical order. */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)
}

/** Names compare equal when they differ only in case and spacing. */
function fold(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase()
}

/**
 * Resolves what authors write (a name in any language, a code or an alias) to
 * a participant's name in one language: `en` (the default) gives the name
 * diagnostics use and revisions are compared by; a document's language gives
 * the name it shows (docs/reference.md, The configuration: names per language).
 */
export class Participants {
  private readonly byName = new Map<string, string>()
  private readonly bySpelling = new Map<string, Participant>()

  /** `list` undefined: no participants configured, any name is taken as written. */
  constructor(
    private readonly list?: Participant[],
    language: Language = 'en',
  ) {
    for (const participant of list ?? []) {
      const shown = typography(pick(participant.names, language, participant.name), language) as string
      for (const written of [...spellingsOf(participant.name, participant.names), participant.code, ...participant.aliases]) {
        if (written !== undefined && !this.byName.has(fold(written))) {
          this.byName.set(fold(written), shown)
          this.bySpelling.set(fold(written), participant)
        }
      }
    }
  }

  /** The name in this resolver's language, or undefined when participants are configured and none matches. */
  resolve(written: string): string | undefined {
    if (!this.list) return written.replace(/\s+/g, ' ').trim()
    return this.byName.get(fold(written))
  }

  /**
   * Who counts in support for a name as written (SPEC §15): a group's members,
   * nobody for an observer, else the participant itself; each by its configured
   * `name`, whatever the language. A name not configured counts as written.
   */
  counted(written: string): string[] {
    if (!this.list) return [written.replace(/\s+/g, ' ').trim()]
    const participant = this.bySpelling.get(fold(written))
    if (participant === undefined) return [written]
    if (participant.observer) return []
    return participant.members && participant.members.length > 0 ? participant.members : [participant.name]
  }

  /** Every name (in every language), code and alias, for "did you mean". */
  spellings(): string[] {
    return (this.list ?? []).flatMap((participant) => [
      ...spellingsOf(participant.name, participant.names),
      ...(participant.code ? [participant.code] : []),
      ...participant.aliases,
    ])
  }

  /** Whether `spelling` is a participant's name (in some language), not a code or an alias. */
  isName(spelling: string): boolean {
    return (this.list ?? []).some((participant) => spellingsOf(participant.name, participant.names).includes(spelling))
  }
}
