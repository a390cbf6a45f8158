/** Participants: names, codes and aliases resolved to one canonical name, sorted the same everywhere. */
import type { Participant } from '../types.js'

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

/** Resolves what authors write (a name, code or alias) to a participant's canonical name. */
export class Participants {
  private readonly byName = new Map<string, string>()

  /** `list` undefined: no participants configured, any name is taken as written. */
  constructor(private readonly list?: Participant[]) {
    for (const participant of list ?? []) {
      for (const written of [participant.name, participant.code, ...participant.aliases]) {
        if (written !== undefined && !this.byName.has(fold(written))) this.byName.set(fold(written), participant.name)
      }
    }
  }

  /** The canonical name, or undefined when participants are configured and none matches. */
  resolve(written: string): string | undefined {
    if (!this.list) return written.replace(/\s+/g, ' ').trim()
    return this.byName.get(fold(written))
  }

  /** Every name, code and alias, for "did you mean". */
  spellings(): string[] {
    return (this.list ?? []).flatMap((participant) => [participant.name, ...(participant.code ? [participant.code] : []), ...participant.aliases])
  }
}
