/** Three revisions of one workspace (test/revisions/rev4, rev5, rev6) committed into a temporary repository. */
import { cpSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { commitAll, git, gitRepository } from './git.js'

const fixtures = path.join(import.meta.dirname, '..', 'revisions')

export interface RevisionsRepository {
  repository: string
  /** The workspace: `negotiation/` in the repository. */
  root: string
  /** Newest first: Rev.6, the commit with an error, Rev.5, Rev.4. */
  commits: string[]
}

/** `negotiation/` holds Rev.4 (tag v4), Rev.5 (tag v5), a commit with an error, then Rev.6 at HEAD; the commits at other offsets from UTC. */
export function revisionsRepository(): RevisionsRepository {
  const repository = gitRepository()
  const root = path.join(repository, 'negotiation')
  const revision = (name: string, message: string, date: string): void => {
    rmSync(root, { recursive: true, force: true })
    cpSync(path.join(fixtures, name), root, { recursive: true })
    commitAll(repository, message, date)
  }
  revision('rev4', 'Rev.4', '2026-09-01T10:00:00Z')
  git(repository, 'tag', 'v4')
  // Committed on 30 September in Washington: 1 October in UTC, the date history gives.
  revision('rev5', 'Rev.5', '2026-09-30T22:00:00-05:00')
  git(repository, 'tag', 'v5')
  writeFileSync(path.join(root, 'proposals', 'broken.md'), '---\ntopic: C.1\nauthor: Chile\n---\n\nEach Party [shall.\n')
  commitAll(repository, 'A proposal with an error', '2026-10-15T10:00:00Z')
  revision('rev6', 'Rev.6', '2026-11-28T10:00:00Z')
  return { repository, root, commits: git(repository, 'log', '--format=%H').trim().split('\n') }
}
