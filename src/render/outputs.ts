/**
 * The output half of the pipeline: a target (a view, a small group, languages,
 * formats, the revision its redline compares with) to the files it writes.
 * For each language the view builds its document (and its redline); the texts
 * are prepared on the parser threads; each format compiles the documents.
 * Pure but for the threads.
 */
import { selectGroup } from '../assemble/group.js'
import { pendingCount, showIn, type Texts } from '../model/translations.js'
import { compareSnapshots, type Difference } from '../revisions/compare.js'
import type { ThreadPool } from '../threads/pool.js'
import type { ReferredSince } from '../revisions/history.js'
import type { Diagnostic, Language, Limits } from '../types.js'
import { formatNamed, TEXT_FORMAT, type Format } from './formats/index.js'
import { outputName } from './names.js'
import { redlineOf } from './redline/index.js'
import { prepareTexts } from './texts.js'
import type { Document } from './tree.js'
import { builderOf, viewNamed, type Extract, type Snapshot, type ViewInput } from './views/index.js'

/** A file a build writes. */
export interface Output {
  /** File name inside the output folder. */
  name: string
  content: string | Uint8Array
}

/** One combination of the choices of what is written. */
export interface Target {
  view: string
  /** A small group's name, as configured. */
  group?: string
  /** In the order asked. */
  languages: Language[]
  formats: string[]
  /** The revision the redline compares with. */
  since?: string
}

/** What every document of a workspace is given beside its tree: its templates. */
export interface Templates {
  /** `templates/cover.md`. */
  cover?: string
  /** `templates/cover.<lang>.md`: a language's own cover, over `cover` (SPEC §17). */
  covers?: Partial<Record<Language, string>>
  /** `templates/consolidated.css`, the style of the HTML page. */
  css?: string
  /** `templates/reference.docx`: the Word documents' styles, fonts, page size and margins. */
  reference?: { bytes: Uint8Array; styles: string }
}

/** A workspace as a target renders it: its texts and their translations, which each language's documents show (SPEC §17). */
export type Workspace = Snapshot & Pick<Texts, 'chairTexts' | 'translations'>

/** An older revision to compare with, and how it was named. */
export interface Since extends Workspace {
  name: string
}

export interface RenderRequest {
  snapshot: Workspace
  target: Target
  templates: Templates
  /** The parser threads, which prepare the texts within `limits.parseSeconds`. */
  pool: ThreadPool
  since?: Since
  /** Since when each referred proposal has been referred: the stocktaking report says so. */
  history?: ReadonlyMap<string, ReferredSince>
}

/** What a target writes, or why it cannot: a text too complex to render (`too-complex`), and then no output. */
export interface Rendered {
  outputs: Output[]
  diagnostics: Diagnostic[]
  /** What a build says it wrote, for the first language: its counts. */
  said: string
  /** For each language, in the order asked: how many of the texts its documents show are pending translation, of how many. */
  pending: Array<{ language: Language; pending: number; total: number }>
}

/** Every file of a target, named as it is written (its redline too, against `since`). */
export async function renderTarget(request: RenderRequest): Promise<Rendered> {
  const { snapshot, target, templates } = request
  const view = viewNamed(target.view)
  if (!view) throw new Error(`no view is named ${target.view}`)
  const builder = await builderOf(view)
  const formats = target.formats.map((name) => formatNamed(name) ?? failFormat(name))
  const extract = target.group === undefined ? undefined : selectGroup(snapshot.config, target.group)
  const original = snapshot.config.language
  const limits = snapshot.config.limits
  const outputs: Output[] = []
  const pending: Rendered['pending'] = []
  let said = ''
  for (const language of target.languages) {
    // The texts as this language's documents show them: translations that are current, else the originals marked pending.
    const shown = showIn(snapshot, language)
    pending.push({ language, ...pendingCount(shown, extract?.topics) })
    const cover = templates.covers?.[language] ?? templates.cover
    const input: ViewInput = {
      snapshot: shown,
      language,
      ...(extract ? { extract } : {}),
      ...(cover === undefined ? {} : { cover }),
      ...(request.history ? { history: request.history } : {}),
    }
    said ||= builder.said(input)
    // The configuration's language is the original: never suffixed; every other language always is.
    const names = { group: target.group, language: language === original ? undefined : language }
    const documents: Array<{ document: Document; base: string; redline: boolean; formats: readonly Format[] }> = [
      { document: builder.document(input), base: view.name, redline: false, formats },
    ]
    // Texts that belong to all participants have no stocktaking report.
    if (view.companion && snapshot.config.attribution !== false) {
      const companion = viewNamed(view.companion)!
      documents.push({ document: (await builderOf(companion)).document(input), base: companion.name, redline: false, formats: [TEXT_FORMAT] })
    }
    if (request.since && view.redline) {
      // A language's redline compares what its documents showed in each revision.
      const before = showIn(request.since, language)
      const old = { snapshot: before, language, name: request.since.name, ...(extract ? { extract } : {}), ...(cover === undefined ? {} : { cover }) }
      documents.push({
        document: redlineOf({ view: builder, old, next: input, differences: differencesIn(before, shown, extract) }),
        base: view.name,
        redline: true,
        formats,
      })
    }
    for (const each of documents) {
      const written = await compile(each.document, each.formats, limits, templates, request.pool)
      if ('diagnostics' in written) return { outputs: [], diagnostics: written.diagnostics, said, pending }
      for (const [format, content] of written.contents)
        outputs.push({ name: outputName(`${each.base}.${format}`, { ...names, redline: each.redline }), content })
    }
  }
  return { outputs, diagnostics: [], said, pending }
}

/** What a build says about the texts its documents show untranslated, per language (none when every text is shown translated). */
export function pendingNotice(pending: Rendered['pending']): string | undefined {
  const some = pending.filter((each) => each.pending > 0)
  if (some.length === 0) return undefined
  const counts = some.map(({ language, pending: count, total }) => `${count} of ${total} text${total === 1 ? '' : 's'} in ${language}`)
  return `translation pending: ${counts.join(', ')} (shown in their original language under a line that says so; \`consolidate translations\` lists them)`
}

/** One document in each of `formats`, its texts prepared on the threads first. */
async function compile(
  document: Document,
  formats: readonly Format[],
  limits: Limits,
  templates: Templates,
  pool: ThreadPool,
): Promise<{ contents: Array<[string, string | Uint8Array]> } | { diagnostics: Diagnostic[] }> {
  const texts = await prepareTexts(document, formats, limits, pool)
  if (texts.prepared === undefined) return { diagnostics: texts.diagnostics }
  const contents: Array<[string, string | Uint8Array]> = []
  for (const format of formats) {
    const compiler = await format.compiler()
    contents.push([format.name, await compiler.compile(document, texts.prepared.get(format.name)!, { css: templates.css, reference: templates.reference })])
  }
  return { contents }
}

/** The differences of a small group's topics (all of them without a group). */
function differencesIn(old: Snapshot, next: Snapshot, extract: Extract | undefined): Difference[] {
  const all = compareSnapshots(old, next)
  if (extract === undefined) return all
  return all.filter((each) =>
    [each.kind === 'added' ? undefined : each.before, each.kind === 'removed' ? undefined : each.after].some(
      (proposal) => proposal !== undefined && extract.topics.has(proposal.topic.value),
    ),
  )
}

function failFormat(name: string): never {
  throw new Error(`no format is named ${name}`)
}
