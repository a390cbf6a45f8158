/**
 * The git edge of `stale-translation` (SPEC §17): for each translation whose
 * fingerprint is not its original's, the revision the original last had it,
 * read from the first-parent history of HEAD, only the original's versions,
 * and named in the diagnostic. Outside git, or when no version matches, the message stays as it was.
 */
import { fingerprint, pairTranslations, stateOf, type Original } from '../model/translations.js'
import { staleMessage } from '../check/translations.js'
import { parseConfig } from '../parse/config.js'
import { decode } from '../read/decode.js'
import { fileVersions, repositoryOf, resolveCommit, type Repository } from '../read/git.js'
import { lastMatch, matchWords } from '../revisions/translation-history.js'
import type { ThreadPool } from '../threads/pool.js'
import { parseOnThreads, type ParseKind } from '../parse/jobs.js'
import type { Diagnostic, ParseResult } from '../types.js'
import type { Workspace } from './pipeline.js'

/** The workspace's diagnostics, each stale translation's naming the revision its original last matched when git can tell. */
export async function staleSince(root: string, workspace: Workspace, pool: ThreadPool): Promise<Diagnostic[]> {
  const stale = [...pairTranslations(workspace)].flatMap(([translation, original]) =>
    original !== undefined && translation.translationOf !== undefined && stateOf(translation, original.text) === 'stale'
      ? [{ translation, original, wanted: translation.translationOf.value }]
      : [],
  )
  const reported = new Set(workspace.diagnostics.filter((diagnostic) => diagnostic.rule === 'stale-translation').map((diagnostic) => diagnostic.file))
  const wanted = stale.filter((each) => reported.has(each.translation.file))
  if (wanted.length === 0) return workspace.diagnostics
  const repository = await repositoryOf(root)
  if (!repository) return workspace.diagnostics
  try {
    const head = await resolveCommit(repository, 'HEAD')
    if (head === undefined) return workspace.diagnostics
    const messages = new Map<string, string>()
    const located = wanted.flatMap((each) => {
      const file = filesOf(workspace, each.original).find((candidate) => candidate.name === each.original.text.file)
      return file ? [{ ...each, path: `${repository.prefix}${file.path}` }] : []
    })
    // One walk of the history for every stale translation's original.
    const versions = await fileVersions(repository, head, [...new Set(located.map((each) => each.path))])
    // A revision's symbol is read once, however many translations last matched it.
    const symbols = new Map<string, Promise<string | undefined>>()
    const symbolOf = (commit: string): Promise<string | undefined> => symbols.get(commit) ?? symbols.set(commit, symbolAt(repository, commit)).get(commit)!
    // Side by side: the threads parse the versions of several originals at once.
    await Promise.all(
      located.map(async ({ translation, original, path }) => {
        const match = await lastMatch(versions.get(path) ?? [], head, async (blob) => {
          const bytes = await repository.blobs.read(blob)
          if (bytes.byteLength > workspace.config.limits.fileSize) return false
          const [result] = await parseOnThreads(pool, [{ name: original.text.file, bytes }], workspace.config.limits, KINDS[original.kind])
          const text = textOf(result)
          return text !== undefined && fingerprint(text) === translation.translationOf!.value
        })
        if (match)
          messages.set(
            translation.file,
            staleMessage(translation, original.text.file, {
              words: matchWords(match, await symbolOf(match.commit)),
              since: match.head ? 'HEAD' : match.commit.slice(0, 7),
            }),
          )
      }),
    )
    return workspace.diagnostics.map((diagnostic) =>
      diagnostic.rule === 'stale-translation' && messages.has(diagnostic.file) ? { ...diagnostic, message: messages.get(diagnostic.file)! } : diagnostic,
    )
  } finally {
    repository.blobs.close()
  }
}

const KINDS: Record<Original['kind'], ParseKind> = { proposal: 'parse', note: 'note', chair: 'chair' }

function filesOf(workspace: Workspace, original: Original): Workspace['files'] {
  return original.kind === 'proposal' ? workspace.files : original.kind === 'note' ? workspace.noteFiles : workspace.chairFiles
}

function textOf(result: ParseResult | undefined): { title?: string; body: Original['text']['body'] } | undefined {
  return result?.proposal ?? result?.chairText ?? result?.note
}

/** The symbol of the revision at `commit`, from its consolidate.yaml; undefined when it has none or it cannot be read. */
async function symbolAt(repository: Repository, commit: string): Promise<string | undefined> {
  try {
    const decoded = decode(await repository.blobs.read(`${commit}:${repository.prefix}consolidate.yaml`), 'the configuration')
    return 'problem' in decoded ? undefined : parseConfig('consolidate.yaml', decoded.text).config.symbol
  } catch {
    return undefined
  }
}
