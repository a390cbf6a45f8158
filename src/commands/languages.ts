/** `--lang` of the commands that take one language (`translate`, `diff`). */
import { UsageError } from '../errors.js'
import type { Language } from '../types.js'
import { parseLanguages } from './plan.js'

/** The one language `--lang` names (any case); a usage error for an unknown one or for several. */
export function oneLanguage(written: string): Language {
  const languages = parseLanguages(written)
  if (languages.length > 1) throw new UsageError(`--lang takes one language here, and was given ${languages.join(', ')}; give one, e.g. --lang ${languages[0]}`)
  return languages[0]
}
