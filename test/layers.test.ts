/**
 * The layers in the data's order: no module imports from a stage that comes
 * after its own (a reader from the renderer, the model from a command), and
 * no format's name is switched on outside the formats' own folder.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'

const SRC = path.join(import.meta.dirname, '..', 'src')

/** Each stage's rank: a module may import from its own rank or a lower one. */
const RANKS: Record<string, number> = {
  types: 0,
  errors: 0,
  diagnostics: 0,
  model: 0,
  threads: 0,
  read: 1,
  lock: 1,
  io: 1,
  parse: 2,
  check: 3,
  assemble: 4,
  revisions: 5,
  render: 6,
  load: 7,
  write: 8,
  manifest: 8,
  commands: 9,
  cli: 10,
  index: 10,
  worker: 10,
  launch: 11,
}

function modules(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name)
    return statSync(file).isDirectory() ? modules(file) : name.endsWith('.ts') ? [file] : []
  })
}

/** `src/render/views/x.ts` → `render`; `src/cli.ts` → `cli`. */
function stageOf(file: string): string {
  const [first] = path.relative(SRC, file).split(path.sep)
  return first.replace(/\.ts$/, '')
}

test('no module imports from a later stage', () => {
  const wrong: string[] = []
  for (const file of modules(SRC)) {
    const stage = stageOf(file)
    expect(RANKS[stage], `${stage} has a rank`).toBeDefined()
    for (const match of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const target = stageOf(path.resolve(path.dirname(file), match[1].replace(/\.js$/, '.ts')))
      if (RANKS[target] > RANKS[stage]) wrong.push(`${path.relative(SRC, file)} imports ${match[1]} (${stage} → ${target})`)
    }
  }
  expect(wrong).toEqual([])
})

test("no switch on a format's name outside the formats' folder", () => {
  const formats = path.join(SRC, 'render', 'formats')
  const wrong = modules(SRC)
    .filter((file) => !file.startsWith(formats))
    .filter((file) => /switch \(format|format(?:\.name)? [!=]== '(?:md|html|docx)'|case '(?:md|docx)'/.test(readFileSync(file, 'utf8')))
    .map((file) => path.relative(SRC, file))
  expect(wrong).toEqual([])
})
