/** What the files of a build are called (docs/reference.md, Outputs): `<view>[-<group slug>][-redline][.<lang>].<ext>`. Pure. */
import { groupSlug } from '../model/language.js'
import type { Language } from '../types.js'

/**
 * `consolidated.md` as a target writes it: `consolidated-e-invoicing-redline.fr.md`
 * for the group "E-invoicing", a redline, in French (a language that is not the original).
 */
export function outputName(name: string, parts: { group?: string; redline?: boolean; language?: Language }): string {
  const dot = name.indexOf('.')
  const base = dot === -1 ? name : name.slice(0, dot)
  const extension = dot === -1 ? '' : name.slice(dot)
  const group = parts.group === undefined ? '' : `-${groupSlug(parts.group)}`
  const redline = parts.redline ? '-redline' : ''
  const language = parts.language === undefined ? '' : `.${parts.language}`
  return `${base}${group}${redline}${language}${extension}`
}
