/** `consolidate new`: a proposal file from `templates/proposal.md`, under a name no other proposal has. */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { stringify } from 'yaml'
import { hasErrors } from '../diagnostics/format.js'
import { formatText } from '../diagnostics/report.js'
import { baseOf, useColor, widthOf, type Io } from '../io.js'
import { flattenOutline } from '../model/outline.js'
import { parseOnThreads } from '../parse/jobs.js'
import { baseName } from '../parse/proposal.js'
import { originalStem } from '../model/translations.js'
import { isIsoDate } from '../parse/front-matter.js'
import { Participants } from '../model/participants.js'
import { closest, suggestTopic } from '../diagnostics/suggest.js'
import { fillTemplate } from '../render/template.js'
import type { Config } from '../types.js'
import { validate } from '../check/validate.js'
import { builtinTemplate } from '../read/root.js'
import type { ThreadPool } from '../threads/pool.js'
import { loadRoot, withPool, type CommonOptions } from './load.js'
import { EXIT, UsageError } from '../errors.js'

export interface NewOptions extends CommonOptions {
  /** `--submitted YYYY-MM-DD`; default today (it orders the alternatives). */
  submitted?: string
  topic: string
  /** Required, unless the workspace keeps no attributions (`attribution: false`), where it is refused. */
  author?: string
  title?: string
}

export async function newCommand(options: NewOptions, io: Io, pool?: ThreadPool): Promise<number> {
  return withPool(pool, (threads) => create(options, io, threads))
}

async function create(options: NewOptions, io: Io, pool: ThreadPool): Promise<number> {
  const { root, workspace } = await loadRoot(options, io, pool)
  const configProblems = workspace.diagnostics.filter((diagnostic) => diagnostic.rule === 'invalid-config')
  if (configProblems.length > 0) {
    io.stderr.write(formatText(configProblems, { color: useColor(io), base: baseOf(io, root), width: widthOf(io.stderr) }))
    io.stderr.write('consolidate: the configuration has errors; fix them first, nothing was written\n')
    return EXIT.inputs
  }
  const topic = checkTopic(options.topic, workspace.config)
  const author = checkAuthor(options.author, workspace.config)
  const title = options.title?.replace(/\s+/g, ' ').trim() || undefined

  const template = workspace.templates['proposal.md'] ?? (await builtinTemplate('proposal.md'))
  const submitted = checkDate(options.submitted ?? today())
  const text = fillTemplate(template, { topic: yamlValue(topic), author: author && yamlValue(author), title: title && yamlValue(title), submitted })

  // A translation left beside no text (`x.fr.md`) would become the new proposal's: its name is taken too.
  const translated = workspace.translationFiles.map((file) => baseName(originalStem(file.name)))
  const taken = new Set(
    [...workspace.proposals.map((proposal) => proposal.id), ...workspace.files.map((file) => baseName(file.name)), ...translated].map((id) => id.toLowerCase()),
  )
  const folder = path.join(root, 'proposals')
  await fs.mkdir(folder, { recursive: true })
  const stem = fileStem(topic, author ?? '', title)
  const bytes = new TextEncoder().encode(text)
  for (let counter = 1; ; counter++) {
    const id = counter === 1 ? stem : `${stem}-${counter}`
    if (taken.has(id.toLowerCase())) continue
    const file = path.join(folder, `${id}.md`)
    const name = `proposals/${id}.md`
    // On the threads, within the deadline: a template can be as pathological as a proposal.
    const [result] = await parseOnThreads(pool, [{ name, bytes }], workspace.config.limits)
    // Checked among the workspace's proposals (the Chair's picks name them), judged on its own problems only.
    const parsed = result.diagnostics.filter((each) => workspace.config.attribution || each.rule !== 'missing-author')
    const problems = [
      ...parsed,
      ...(result.proposal
        ? validate([...workspace.proposals, result.proposal], workspace.config, { notes: workspace.notes }).filter((diagnostic) => diagnostic.file === name)
        : []),
    ]
    if (hasErrors(problems)) {
      io.stderr.write(formatText(problems, { color: useColor(io), base: baseOf(io, root), width: widthOf(io.stderr) }))
      io.stderr.write('consolidate: the proposal made from templates/proposal.md would not pass check; fix the template, nothing was written\n')
      return EXIT.inputs
    }
    try {
      // `wx`: never write over a file, even one created since the folder was read.
      await fs.writeFile(file, text, { flag: 'wx' })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue
      throw error
    }
    io.stdout.write(`${path.relative(io.cwd, file).split(path.sep).join('/')}\n`)
    return EXIT.ok
  }
}

/** Today on the user's calendar, `YYYY-MM-DD`. */
export function today(): string {
  const now = new Date()
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}

function checkDate(written: string): string {
  if (!isIsoDate(written.trim())) throw new UsageError(`--submitted "${written}" is not a date written YYYY-MM-DD, e.g. --submitted 2026-11-28`)
  return written.trim()
}

/** The topic as the outline writes it; a usage error, with a suggestion, when it is not there. */
function checkTopic(written: string, config: Config): string {
  const topic = written.trim()
  if (topic === '') throw new UsageError('--topic needs an outline id, e.g. --topic A.1.4')
  if (!config.outline) return topic
  const entries = flattenOutline(config.outline).map(({ entry }) => entry)
  if (entries.some((entry) => entry.id === topic)) return topic
  const suggestion = suggestTopic(topic, entries)
  throw new UsageError(
    `--topic "${topic}" is not in the outline of consolidate.yaml; ${suggestion ? `did you mean "${suggestion}"?` : `e.g. --topic ${entries[0]?.id ?? 'A.1.4'}`}`,
  )
}

/**
 * The author's canonical name; a usage error, with a suggestion, when participants are configured and it is not one.
 * Without attributions (SPEC §15) there is no author: `--author` is refused.
 */
function checkAuthor(written: string | undefined, config: Config): string | undefined {
  if (!config.attribution) {
    if (written === undefined) return undefined
    throw new UsageError('this workspace keeps no attributions (`attribution: false` in consolidate.yaml): a proposal has no author, so leave out --author')
  }
  if (written === undefined) throw new UsageError("required option '--author <name>' not specified: the participant tabling the proposal, e.g. --author Japan")
  const participants = new Participants(config.participants)
  if (written.trim() === '') throw new UsageError('--author needs a participant, e.g. --author Japan')
  const name = participants.resolve(written)
  if (name !== undefined) return name
  const spelling = closest(written, participants.spellings())
  const suggestion = spelling === undefined ? undefined : participants.resolve(spelling)
  throw new UsageError(
    `--author "${written.trim()}" is not a participant in consolidate.yaml; ${suggestion ? `did you mean "${suggestion}"?` : 'use a name, code or alias listed under `participants`'}`,
  )
}

/** A value written on one line of YAML, quoted when it would otherwise read as something else (also to YAML 1.1 tools: `NO`). */
function yamlValue(value: string): string {
  return stringify(value, { lineWidth: 0, version: '1.1' }).trim()
}

/** `a14-japan-electronic-invoicing`: topic, author and title, in plain lowercase ASCII. */
export function fileStem(topic: string, author: string, title?: string): string {
  const parts = [slug(topic).replace(/-/g, ''), slug(author), slug(title ?? '')].filter(Boolean)
  let stem = parts.join('-')
  // Long titles are cut at a word, not in the middle of one.
  if (stem.length > 60) stem = stem.slice(0, 61).replace(/-[^-]*$/, '')
  return stem || 'proposal'
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
