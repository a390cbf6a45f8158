/**
 * Same document, same bytes: a .docx as the docx package packs it carries the
 * clock (document properties, zip entry dates) and random relationship ids.
 * Rewrite them from the negotiation's date, or a fixed epoch without one.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'

const EPOCH = '1980-01-01'

/** The .docx with its dates set to `date` (ISO `YYYY-MM-DD`) and its generated ids numbered in order. */
export function normaliseDocx(bytes: Uint8Array, date: string | undefined): Uint8Array {
  const files = unzipSync(bytes)
  const day = date && date >= EPOCH ? date : EPOCH
  const stamp = `${day}T00:00:00Z`

  const texts = new Map<string, string>()
  for (const [name, content] of Object.entries(files)) if (/\.(xml|rels)$/.test(name)) texts.set(name, strFromU8(content))

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
  const [year, month, dayOfMonth] = day.split('-').map(Number)
  return zipSync(ordered, { level: 6, mtime: new Date(year, month - 1, dayOfMonth) })
}
