/**
 * The whole per-workspace pipeline: read → parse (per file) → validate (all
 * files) → assemble. Reading is the only I/O; every other stage is pure.
 */
import { assemble, type AssembleOptions } from './assemble/negotiation.js'
import { hasErrors } from './check/diagnostics.js'
import { sharedPool } from './parse/pool.js'
import type { Config, Diagnostic, Negotiation, ParseResult, Proposal } from './types.js'
import { validate } from './check/validate.js'
import { loadConfig, scanProposalFiles, type ProposalFile } from './read/workspace.js'

export interface LoadOptions {
  root: string
  cwd: string
  /** `--config FILE`. */
  configFile?: string
  /** Applied over the configuration (`--lang`, `--threshold`). */
  overrides?: Partial<Pick<Config, 'language' | 'threshold'>>
}

export interface Workspace {
  config: Config
  /** Every proposal whose fields could be read, even from a file with other errors (see `diagnostics`). */
  proposals: Proposal[]
  /** Every file found, readable or not. */
  files: ProposalFile[]
  diagnostics: Diagnostic[]
}

/** Read and check a whole workspace: every problem of every file, all at once. */
export async function loadWorkspace(options: LoadOptions): Promise<Workspace> {
  // Parser threads start while the configuration is read and the files are listed.
  sharedPool().prestart()
  const [loaded, { files, diagnostics: unread }] = await Promise.all([loadConfig(options.root, options.cwd, options.configFile), scanProposalFiles(options.root)])
  const config: Config = { ...loaded.config, ...options.overrides }
  const checked = checkParsed(config, loaded.diagnostics, await parseFiles(files, config))
  return { ...checked, files, diagnostics: [...unread, ...checked.diagnostics] }
}

/**
 * Read and parse each file, in parallel on parser threads, each within
 * `config.limits`; results in the order of `files`. One unreadable or
 * pathological file is a diagnostic, never a crash or a hang.
 */
export async function parseFiles(files: ProposalFile[], config: Config): Promise<ParseResult[]> {
  return sharedPool().parse(files, config.limits)
}

/** The negotiation of a workspace without errors; undefined when it has any. */
export function negotiationOf(workspace: Workspace, options?: AssembleOptions): Negotiation | undefined {
  if (hasErrors(workspace.diagnostics)) return undefined
  return assemble(workspace.proposals, workspace.config, options)
}

/** The checks of `loadWorkspace` over files read and parsed elsewhere (a git revision, a watcher's cache). */
export function checkParsed(config: Config, configDiagnostics: Diagnostic[], results: ParseResult[]): Pick<Workspace, 'config' | 'proposals' | 'diagnostics'> {
  const proposals = results.flatMap((result) => (result.proposal ? [result.proposal] : []))
  const diagnostics = [...configDiagnostics, ...results.flatMap((result) => result.diagnostics)]
  // A broken configuration would make every topic and name look wrong: check against it only when it is sound.
  if (!hasErrors(configDiagnostics)) diagnostics.push(...validate(proposals, config))
  return { config, proposals, diagnostics }
}
