/**
 * `consolidate translate ID --lang L` writes the file to translate beside a
 * text; `consolidate translate --stamp FILE` records that a translation
 * matches its original as it is now (SPEC §17).
 */
import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { bodyOf, fingerprint, originalLanguage, originals, pairTranslations, translationFile, type Original } from '../model/translations.js'
import { closest } from '../diagnostics/suggest.js'
import { EXIT, UsageError } from '../errors.js'
import { printDiagnostics, type Io } from '../io.js'
import type { Workspace } from '../load/pipeline.js'
import { LANGUAGE_WORDS, translationName } from '../parse/translation.js'
import { stampFrontMatter, translationText } from '../revisions/stamp.js'
import type { ThreadPool } from '../threads/pool.js'
import { LANGUAGES, type Language } from '../types.js'
import { oneLanguage } from './languages.js'
import { loadRoot, withPool, type CommonOptions } from './load.js'

export interface TranslateOptions extends CommonOptions {
  /** `--lang fr`: the language to translate into. */
  lang?: string
  /** `--stamp FILE`: the translation to record as current. */
  stamp?: string
}

export async function translateCommand(id: string | undefined, options: TranslateOptions, io: Io, pool?: ThreadPool): Promise<number> {
  if (options.stamp !== undefined) {
    if (id !== undefined)
      throw new UsageError(
        `translate --stamp takes a translation's file only, and was also given "${id}"; to write a file to translate, run \`consolidate translate ${id} --lang fr\` without --stamp`,
      )
    if (options.lang !== undefined) throw new UsageError("translate --stamp takes no --lang: the translation's file name says its language")
    return withPool(pool, (threads) => stamp(options.stamp!, options, io, threads))
  }
  if (id === undefined)
    throw new UsageError(
      'translate needs the id of the text to translate and --lang, e.g. `consolidate translate a14-jpn-einvoicing --lang fr`, or --stamp FILE to record a translation as current',
    )
  if (options.lang === undefined)
    throw new UsageError(`translate needs --lang, the language to translate into: ${LANGUAGES.join(', ')}, e.g. \`consolidate translate ${id} --lang fr\``)
  const language = oneLanguage(options.lang)
  return withPool(pool, (threads) => write(id, language, options, io, threads))
}

/** Write `<name>.<lang>.md` beside the text `id` names, to be translated. */
async function write(id: string, language: Language, options: CommonOptions, io: Io, pool: ThreadPool): Promise<number> {
  const { root, workspace } = await loadRoot(options, io, pool)
  const broken = configProblems(workspace)
  if (broken) return broken(io, root)
  const original = findText(id, workspace, root, io.cwd)
  const { text } = original
  if (original.kind === 'proposal' && original.text.noText)
    throw new UsageError(
      `${text.file} is a "no text" alternative (\`noText: true\`): it has no text to translate, and every document writes "[No text]" in its own language`,
    )
  const from = originalLanguage(text, workspace.config)
  if (from === language)
    throw new UsageError(
      `${text.file} is in ${LANGUAGE_WORDS[from]} already (${text.language ? 'its `language:`' : "the configuration's `language`"}): it needs no ${LANGUAGE_WORDS[language]} translation; give another --lang`,
    )
  const file = translationFile(text.file, language)
  const content = translationText({ ...('title' in text && text.title !== undefined ? { title: text.title } : {}), body: bodyOf(text.body) }, fingerprint(text))
  try {
    // `wx`: never write over a translation, even one written since the workspace was read.
    await fs.writeFile(path.join(root, file), content, { flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    throw new UsageError(
      `${file} exists already: edit it (then \`consolidate translate --stamp ${file}\` once it matches the original as it is now), or delete it to start again`,
    )
  }
  io.stdout.write(`${shown(io, path.join(root, file))}\n`)
  io.stderr.write(`consolidate: translate the title and the text into ${LANGUAGE_WORDS[language]}, keeping every bracket; then remove \`draft: true\`\n`)
  return EXIT.ok
}

/** The text `written` names: a proposal's or Chair's text's id first, then a note's; or any of them by its file. */
function findText(written: string, workspace: Workspace, root: string, cwd: string): Original {
  const texts = originals(workspace)
  const id = written.trim()
  // An id shared by a note and a proposal means the proposal (SPEC §17): a note is then named by its file.
  const byId = texts.find((each) => each.kind !== 'note' && each.text.id === id) ?? texts.find((each) => each.kind === 'note' && each.text.id === id)
  if (byId) return byId
  const asFile = [id, path.relative(root, path.resolve(cwd, id)).split(path.sep).join('/')]
  const byFile = texts.find((each) => asFile.includes(each.text.file))
  if (byFile) return byFile
  if (translationName(id))
    throw new UsageError(
      `${id} is a translation; give the id of its original, e.g. \`consolidate translate ${path.basename(id).replace(/\.(en|fr|es)\.md$/i, '')} --lang ${translationName(id)!.language}\``,
    )
  const near = closest(
    id,
    texts.map((each) => each.text.id),
  )
  const unread = workspace.diagnostics.some((diagnostic) => diagnostic.severity === 'error')
  throw new UsageError(
    `no proposal, note or Chair's text has the id "${id}"${near ? `; did you mean "${near}"?` : ''}${unread ? ' (the workspace has errors, and a file with errors may not be read: `consolidate check` lists them)' : ''}`,
  )
}

/** Record the original's fingerprint now in the translation `given`. */
async function stamp(given: string, options: CommonOptions, io: Io, pool: ThreadPool): Promise<number> {
  const { root, workspace } = await loadRoot(options, io, pool)
  const broken = configProblems(workspace)
  if (broken) return broken(io, root)
  const absolute = path.resolve(io.cwd, given)
  const name = path.relative(root, absolute).split(path.sep).join('/')
  const file = workspace.translationFiles.find((each) => each.name === name || path.join(root, each.path) === absolute)
  if (!file) {
    const why =
      translationName(name) === undefined
        ? 'is not named as a translation (`<name>.<lang>.md`, e.g. proposals/a14-jpn-einvoicing.fr.md)'
        : 'is not a translation under proposals/, notes/ or chair/ of the workspace'
    throw new UsageError(`${given} ${why}; --stamp takes a translation's file, beside its original`)
  }
  const translation = workspace.translations.find((each) => each.file === file.name)
  const own = workspace.diagnostics.filter((diagnostic) => diagnostic.file === file.name && diagnostic.severity === 'error')
  const original = translation && pairTranslations(workspace).get(translation)
  if (!translation || !original || own.length > 0) {
    await printDiagnostics(own, io, root)
    io.stderr.write(
      `consolidate: ${file.name} ${own.length > 0 ? 'has errors' : 'cannot be paired with its original'}; fix ${own.length > 0 ? 'them' : 'it'} first, nothing was changed\n`,
    )
    return EXIT.inputs
  }
  const now = fingerprint(original.text)
  if (translation.translationOf?.value === now) {
    io.stderr.write(`consolidate: ${file.name} already matches ${original.text.file} as it is now; nothing was changed\n`)
    return EXIT.ok
  }
  const target = path.join(root, file.path)
  const text = await fs.readFile(target, 'utf8')
  const edited = stampFrontMatter(text, now)
  if ('problem' in edited) {
    io.stderr.write(`consolidate: cannot stamp ${file.name}: ${edited.problem}; nothing was changed\n`)
    return EXIT.inputs
  }
  await replaceFile(target, edited.text)
  io.stdout.write(`${shown(io, path.join(root, file.name))}\n`)
  const draft = translation.draft ? '; it is still a draft: remove `draft: true` when it is ready to be shown' : ''
  io.stderr.write(`consolidate: ${file.name} now records ${original.text.file} as it is (translationOf: ${now})${draft}\n`)
  return EXIT.ok
}

/** A configuration with errors: the original language and the texts cannot be trusted. */
function configProblems(workspace: Workspace): ((io: Io, root: string) => Promise<number>) | undefined {
  const problems = workspace.diagnostics.filter((diagnostic) => diagnostic.rule === 'invalid-config')
  if (problems.length === 0) return undefined
  return async (io, root) => {
    await printDiagnostics(problems, io, root)
    io.stderr.write('consolidate: the configuration has errors; fix them first, nothing was written\n')
    return EXIT.inputs
  }
}

/** The file's new text written beside it, then renamed over it: an interrupted stamp leaves the translation whole. */
async function replaceFile(file: string, text: string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await fs.writeFile(temporary, text, { flag: 'wx', mode: (await fs.stat(file)).mode & 0o777 })
    await fs.rename(temporary, file)
  } catch (error) {
    await fs.rm(temporary, { force: true })
    throw error
  }
}

function shown(io: Io, file: string): string {
  return (path.relative(io.cwd, file) || file).split(path.sep).join('/')
}
