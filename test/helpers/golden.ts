/**
 * Golden files: compared byte for byte; written only with `UPDATE=1`. A
 * golden that is missing fails (it is never created silently), and a golden
 * folder must hold exactly the files produced: one missing or extra fails.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect } from 'vitest'

const update = Boolean(process.env.UPDATE)

/** Compare `actual` with the golden `file`. */
export function golden(file: string, actual: string): void {
  if (update) {
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, actual)
  }
  expect(existsSync(file), `the golden file ${file} is missing; run the test with UPDATE=1 to write it, and commit it saying why`).toBe(true)
  expect(actual, file).toBe(readFileSync(file, 'utf8'))
}

/**
 * Compare every file of `actualFolder` with `expectedFolder` (recursively,
 * dotfiles included), after `normalise`; `keep` lists golden files that are
 * not outputs (e.g. `check.json`) and are left out of the comparison of names.
 */
export function goldenFolder(
  expectedFolder: string,
  actualFolder: string,
  options: { keep?: string[]; normalise?: (name: string, text: string) => string } = {},
): void {
  const keep = new Set(options.keep ?? [])
  const actual = listFiles(actualFolder)
  const expected = existsSync(expectedFolder) ? listFiles(expectedFolder).filter((name) => !keep.has(name)) : []
  if (update) for (const name of expected) if (!actual.includes(name)) rmSync(path.join(expectedFolder, name))
  for (const name of actual) {
    const text = readFileSync(path.join(actualFolder, name), 'utf8')
    golden(path.join(expectedFolder, name), options.normalise ? options.normalise(name, text) : text)
  }
  if (!update) expect(actual, `the outputs written, against the golden files in ${expectedFolder}`).toEqual(expected)
}

function listFiles(folder: string, prefix = ''): string[] {
  return readdirSync(folder)
    .flatMap((name) => (statSync(path.join(folder, name)).isDirectory() ? listFiles(path.join(folder, name), `${prefix}${name}/`) : [`${prefix}${name}`]))
    .sort()
}

/** An HTML page with its style sheet left out: the style sheet is a template, tested on its own; the goldens keep the page. */
export function withoutStyleSheet(name: string, text: string): string {
  if (!name.endsWith('.html')) return text
  return text.replace(/<style>\n[\s\S]*?\n<\/style>/, (style) => `<style>/* the style sheet: ${style.split('\n').length - 2} lines */</style>`)
}
