/**
 * A translation's files as `consolidate translate` writes and stamps them
 * (SPEC §17): the file to translate, and the fingerprint recorded in an
 * existing file's front matter, every other byte (comments, layout, `draft:`,
 * line endings, the body) kept as written. Pure.
 */
import { isMap, isScalar, parseDocument, stringify } from 'yaml'
import { editConfig } from './revise.js'

/** The file to translate: the original's title and body, `draft: true`, and the fingerprint of the original it is made from. */
export function translationText(original: { title?: string; body: string }, fingerprint: string): string {
  const lines = [
    '---',
    `translationOf: ${yamlValue(fingerprint)}`,
    ...(original.title === undefined ? [] : [`title: ${yamlValue(original.title)}`]),
    'draft: true',
    '---',
    '',
  ]
  return `${lines.join('\n')}\n${original.body.replace(/\n*$/, '\n')}`
}

/**
 * `text` (a translation file, as read) with `translationOf:` set to
 * `fingerprint`: the value replaced where it is written, else a line added
 * first in the front matter. A problem when the front matter cannot be edited so.
 */
export function stampFrontMatter(text: string, fingerprint: string): { text: string; from?: string } | { problem: string } {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : ''
  const lines = text.slice(bom.length).split(/(?<=\n)/)
  if (lines.length === 0 || !/^---[ \t]*\r?\n?$/.test(lines[0])) return { problem: 'the file has no front matter (its first line must be `---`)' }
  const closing = lines.findIndex((line, index) => index > 0 && /^---[ \t]*\r?\n?$/.test(line))
  if (closing === -1) return { problem: 'its front matter is never closed (add a line `---` after its last field)' }
  const yaml = lines.slice(1, closing).join('')
  const document = parseDocument(yaml, { version: '1.2' })
  if (document.errors.length > 0) return { problem: `its front matter is not valid YAML (${document.errors[0].message.split('\n')[0]})` }
  const root = document.contents
  const written = isMap(root) ? root.get('translationOf', true) : undefined
  const newline = lines[0].endsWith('\r\n') ? '\r\n' : '\n'
  let edited: string
  let from: string | undefined
  if (written !== undefined && written !== null) {
    if (!isScalar(written)) return { problem: '`translationOf` is not a single value; write it as one, e.g. `translationOf: 3f2a9c1b7d4e5f60`' }
    const result = editConfig(yaml, [{ path: ['translationOf'], value: fingerprint }])
    if ('problem' in result) return { problem: result.problem.replace('consolidate.yaml', 'the front matter') }
    edited = result.text
    from = written.value === null ? undefined : String(written.source ?? written.value)
  } else if (root === null || root === undefined || isMap(root)) {
    // Not written: first in the front matter, where `translate` writes it.
    edited = `translationOf: ${yamlValue(fingerprint)}${newline}${yaml}`
  } else {
    return { problem: 'its front matter is not fields written `name: value`, one a line' }
  }
  return { text: `${bom}${lines[0]}${edited}${lines.slice(closing).join('')}`, ...(from === undefined ? {} : { from }) }
}

/** A value on one line of YAML, quoted when it would read as something else (a fingerprint of digits as a number). */
function yamlValue(value: string): string {
  return stringify(value, { lineWidth: 0, version: '1.1' }).trim()
}
