/** The line over a text a document shows in its original language, its translation into the document's not being current (SPEC §17). Pure. */
import type { Language } from '../../types.js'
import { wordsFor } from '../i18n/index.js'
import type { Label } from '../tree.js'
import { text } from './parts.js'

/** `Translation pending: original text in English`, in the document's `language`, for a text marked pending; none for any other. */
export function pendingLabel(shown: { pending?: Language }, language: Language): Label[] {
  if (shown.pending === undefined) return []
  const words = wordsFor(language)
  return [{ type: 'label', role: 'pending', children: [text(words.t('translation.pending', { language: words.t(`language.${shown.pending}`) }))] }]
}
