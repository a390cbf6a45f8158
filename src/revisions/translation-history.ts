/**
 * Which revision a stale translation last matched (SPEC §17): the newest
 * commit of the first-parent history whose version of the original has the
 * fingerprint the translation records. Given the original's versions newest
 * first (git's edge reads them), one version is read at a time, from the
 * newest, until one matches. Pure but for `matches`.
 */
import type { FileVersion } from '../read/git.js'

/** The commit where the original last had the fingerprint; `head` when that is the tip of the history (only changes not yet committed differ). */
export interface LastMatch {
  commit: string
  head: boolean
}

/** Versions looked at, at most: a text rewritten a thousand times is not read a thousand times for one message. */
export const MOST_VERSIONS = 200

/**
 * The last commit at which the original matched, or undefined when no version
 * looked at does. `head` is the tip's commit; `versions` are the original's,
 * newest first; `matches` reads a version's blob and compares its fingerprint.
 */
export async function lastMatch(versions: readonly FileVersion[], head: string, matches: (blob: string) => Promise<boolean>): Promise<LastMatch | undefined> {
  for (const [index, version] of versions.slice(0, MOST_VERSIONS).entries()) {
    if (version.blob === undefined || !(await matches(version.blob))) continue
    if (index === 0) return { commit: head, head: true }
    // It had that text until the next newer commit changed it: the last commit before that one.
    const changed = versions[index - 1]
    return changed.parent === undefined ? undefined : { commit: changed.parent, head: false }
  }
  return undefined
}

/** How a message names the revision: `at commit 1a2b3c4 (INF/ECOM/62/Rev.4)`, `as committed at HEAD (1a2b3c4)`. */
export function matchWords(match: LastMatch, symbol?: string): string {
  const named = [match.commit.slice(0, 7), symbol].filter(Boolean).join(', ')
  return match.head ? `as last committed (HEAD, ${named}): only changes not yet committed differ` : `at commit ${named}`
}
