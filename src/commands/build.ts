/** `consolidate build`: validate, then write the consolidated text and the stocktaking report. */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { placements } from '../assemble.js'
import { printDiagnostics, EXIT, type Io } from '../io.js'
import { hasErrors } from '../diagnostics.js'
import { loadWorkspace, negotiationOf } from '../pipeline.js'
import { OUTPUT_FORMATS, renderOutputs, type OutputFormat } from '../render/outputs.js'
import type { Language } from '../types.js'
import { staleOutputs, writeOutputs } from '../write.js'
import { readTemplate, resolveRoot, UsageError } from '../workspace.js'

export interface BuildOptions {
  root?: string
  config?: string
  out?: string
  format: string
  check?: boolean
  group?: string
  lang?: Language
}

export async function build(options: BuildOptions, io: Io): Promise<number> {
  const root = resolveRoot(io.cwd, options.root)
  const formats = parseFormats(options.format)
  const out = path.resolve(io.cwd, options.out ?? path.join(root, 'out'))
  await refuseInputFolder(root, out)

  const workspace = await loadWorkspace({ root, cwd: io.cwd, configFile: options.config, overrides: options.lang ? { language: options.lang } : {} })
  await printDiagnostics(workspace.diagnostics, io, root)
  if (hasErrors(workspace.diagnostics)) {
    const errors = workspace.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length
    io.stderr.write(`consolidate: ${errors} error${errors === 1 ? '' : 's'} in the inputs; nothing was written\n`)
    return EXIT.inputs
  }

  let topics: Set<string> | undefined
  if (options.group !== undefined) {
    const group = workspace.config.groups.find((each) => each.name === options.group)
    if (!group) {
      const names = workspace.config.groups.map((each) => `"${each.name}"`)
      throw new UsageError(`unknown group "${options.group}"; ${names.length > 0 ? `the groups are ${names.join(', ')}` : 'consolidate.yaml defines no groups'}`)
    }
    topics = new Set(group.topics)
  }
  const negotiation = negotiationOf(workspace, { topics })
  if (!negotiation) return EXIT.inputs
  const outputs = renderOutputs(negotiation, formats, { cover: await readTemplate(root, 'cover.md') })
  const configFile = options.config === undefined ? path.join(root, 'consolidate.yaml') : path.resolve(io.cwd, options.config)
  await refuseInputFiles(out, outputs.map((output) => output.name), [configFile, ...workspace.files.map((file) => file.path)])
  const shown = (name: string): string => path.relative(io.cwd, path.join(out, name)) || name

  if (options.check) {
    const stale = await staleOutputs(out, outputs)
    if (stale.length > 0) {
      io.stderr.write(`consolidate: out of date: ${stale.map(shown).join(', ')}; run consolidate build to update\n`)
      return EXIT.inputs
    }
    io.stderr.write(`consolidate: up to date: ${outputs.map((output) => shown(output.name)).join(', ')}\n`)
    return EXIT.ok
  }

  await writeOutputs(out, outputs)
  const live = placements(negotiation.topics)
  const referred = live.filter((placement) => placement.referred).length
  io.stderr.write(
    `consolidate: wrote ${outputs.map((output) => shown(output.name)).join(', ')} ` +
      `(${live.length} proposals in the text, ${referred} referred to stocktaking, ${negotiation.withdrawn.length} withdrawn)\n`,
  )
  return EXIT.ok
}

function parseFormats(list: string): OutputFormat[] {
  const formats = list.split(',').map((format) => format.trim()).filter(Boolean)
  for (const format of formats) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`unknown format "${format}" for --format; use a comma-separated list of ${OUTPUT_FORMATS.join(', ')}`)
    }
  }
  if (formats.length === 0) throw new UsageError(`--format needs at least one of ${OUTPUT_FORMATS.join(', ')}`)
  return [...new Set(formats)] as OutputFormat[]
}

/** Outputs never go where inputs live: a build must not write over a proposal or a template. */
async function refuseInputFolder(root: string, out: string): Promise<void> {
  const realOut = await realPath(out)
  for (const input of ['proposals', 'templates']) {
    const folder = await realPath(path.join(root, input))
    const relative = path.relative(folder, realOut)
    if (relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))) {
      throw new UsageError(`--out ${out} is inside the workspace's ${input}/ folder, where inputs live; choose another folder, e.g. --out out`)
    }
  }
  const stat = await fs.stat(out).catch(() => undefined)
  if (stat && !stat.isDirectory()) throw new UsageError(`--out ${out} is a file, not a folder; --out names the folder the outputs are written to, e.g. --out out`)
}

/** No output file may be an input file, whatever links lead there. */
async function refuseInputFiles(out: string, names: string[], inputs: string[]): Promise<void> {
  const real = new Set(await Promise.all(inputs.map(realPath)))
  for (const name of names) {
    const target = path.join(out, name)
    if (real.has(await realPath(target))) {
      throw new UsageError(`--out ${out} would write ${name} over an input file; choose another folder, e.g. --out out`)
    }
  }
}

/** The real path of a file or folder that may not exist yet: its nearest existing folder resolved, the rest appended. */
async function realPath(file: string): Promise<string> {
  const rest: string[] = []
  for (let at = path.resolve(file); ; at = path.dirname(at)) {
    const real = await fs.realpath(at).catch(() => undefined)
    if (real !== undefined) return path.join(real, ...rest)
    if (path.dirname(at) === at) return path.resolve(file)
    rest.unshift(path.basename(at))
  }
}
