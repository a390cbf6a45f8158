/** `consolidate build`: validate, then write the consolidated text and the stocktaking report. */
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
  refuseInputFolder(root, out)

  const workspace = await loadWorkspace({ root, cwd: io.cwd, configFile: options.config, overrides: options.lang ? { language: options.lang } : {} })
  await printDiagnostics(workspace.diagnostics, io)
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
  const templates = { cover: await readTemplate(root, 'cover.md'), css: await readTemplate(root, 'consolidated.css') }
  const outputs = await renderOutputs(negotiation, formats, templates)
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

/** Outputs never go where inputs live: a build must not overwrite a proposal. */
function refuseInputFolder(root: string, out: string): void {
  for (const input of ['proposals', 'templates']) {
    const relative = path.relative(path.join(root, input), out)
    if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
      throw new UsageError(`--out ${out} is inside the workspace's ${input}/ folder, where inputs live; choose another folder, e.g. --out out`)
    }
  }
}
