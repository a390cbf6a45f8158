/** Temporary git repositories for tests: local identity, fixed dates, no signing. */
import { execFileSync } from 'node:child_process'
import { scratch } from './scratch.js'

const env = { ...process.env, GIT_AUTHOR_DATE: '2026-11-28T12:00:00Z', GIT_COMMITTER_DATE: '2026-11-28T12:00:00Z' }

/** Run git in `dir` and return its standard output. */
export function git(dir: string, ...args: string[]): string {
  return gitAt(env, dir, ...args)
}

function gitAt(environment: NodeJS.ProcessEnv, dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: environment, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

/** A new empty repository in a temporary folder. */
export function gitRepository(): string {
  const dir = scratch('consolidate-git-')
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'config', 'user.name', 'Secretariat')
  git(dir, 'config', 'user.email', 'secretariat@example.org')
  git(dir, 'config', 'commit.gpgsign', 'false')
  git(dir, 'config', 'core.autocrlf', 'false')
  return dir
}

/** Stage everything and commit; `date` (ISO) is the author and committer date, else the fixed one. */
export function commitAll(dir: string, message: string, date?: string): void {
  const dated = date === undefined ? env : { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }
  gitAt(dated, dir, 'add', '-A')
  gitAt(dated, dir, 'commit', '-q', '--allow-empty', '-m', message)
}
