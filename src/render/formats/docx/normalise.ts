/**
 * Same document, same bytes: a .docx as the docx package packs it carries the
 * clock (document properties, zip entry dates) and random relationship ids.
 * Rewrite them from the negotiation's date, or a fixed epoch without one.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'

const EPOCH = '1980-01-01'
/** The last day a zip entry can carry (its year is stored as years since 1980, and the zip writer stops at 2099). */
const LAST_ZIP_DAY = '2099-12-31'

/**
 * Characters XML 1.0 forbids: C0 controls but tab, line feed and carriage
 * return, unpaired surrogates, U+FFFE and U+FFFF. The docx package strips only
 * the controls; any of the others (a proposal's text, a title in the
 * configuration) would make the document one that Word refuses to open.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** `text` with every character XML 1.0 forbids removed. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '')
}

/** The .docx with its dates set to `date` (ISO `YYYY-MM-DD`), its generated ids numbered in order, and only characters XML allows. */
export function normaliseDocx(bytes: Uint8Array, date: string | undefined): Uint8Array {
  const files = unzipSync(bytes)
  const day = date && date >= EPOCH ? date : EPOCH
  const stamp = `${day}T00:00:00Z`

  const texts = new Map<string, string>()
  // Every string the document holds ends up in one of its XML parts: cleaned there, none can slip through.
  for (const [name, content] of Object.entries(files)) if (/\.(xml|rels)$/.test(name)) texts.set(name, xmlSafe(strFromU8(content)))

  const core = texts.get('docProps/core.xml')
  if (core !== undefined) {
    texts.set('docProps/core.xml', core.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`))
  }

  // Relationship ids that are not Word's own numbered ones come from a random generator.
  const renamed = new Map<string, string>()
  for (const [name, text] of texts) {
    if (!name.endsWith('.rels')) continue
    for (const match of text.matchAll(/\bId="([^"]+)"/g)) {
      if (!/^rId\d+$/.test(match[1]) && !renamed.has(match[1])) renamed.set(match[1], `rIdLink${renamed.size + 1}`)
    }
  }
  for (const [name, text] of texts) {
    files[name] = strToU8(renamed.size === 0 ? text : text.replace(/"([^"<>]+)"/g, (quoted, id: string) => (renamed.has(id) ? `"${renamed.get(id)}"` : quoted)))
  }

  // The package's manifest first, as Word itself writes it; some readers expect it there.
  const first = ['[Content_Types].xml', '_rels/.rels'].filter((name) => name in files)
  const ordered = Object.fromEntries([...first, ...Object.keys(files).filter((name) => !first.includes(name))].map((name) => [name, files[name]]))
  // Zip dates are local times without a zone: built from local fields, they read the same on every machine.
  const [year, month, dayOfMonth] = (day > LAST_ZIP_DAY ? LAST_ZIP_DAY : day).split('-').map(Number)
  return zipSync(ordered, { level: 6, mtime: new Date(year, month - 1, dayOfMonth) })
}
