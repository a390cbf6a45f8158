/** `consolidate translations`: the state of the translations per language, the translators' queue (SPEC §17). */
import { queueLanguages, translationQueue } from '../assemble/translations.js'
import { closest } from '../diagnostics/suggest.js'
import { hasErrors } from '../diagnostics/format.js'
import { EXIT, UsageError } from '../errors.js'
import { printDiagnostics, type Io } from '../io.js'
import { renderQueue } from '../render/views/queue.js'
import type { ParsePool } from '../threads/pool.js'
import { LANGUAGES, type Language } from '../types.js'
import { loadRoot, withPool, type CommonOptions } from './load.js'

export interface TranslationsOptions extends CommonOptions {
  /** `--lang fr` or `--lang fr,es`; default: the languages published (else all three) that some text is to be translated into. */
  lang?: string
  format: 'md' | 'json'
}

export async function translationsCommand(options: TranslationsOptions, io: Io, pool?: ParsePool): Promise<number> {
  const asked = options.lang === undefined ? undefined : parseLanguages(options.lang)
  return withPool(pool, async (threads) => {
    const { root, workspace } = await loadRoot(options, io, threads)
    await printDiagnostics(workspace.diagnostics, io, root)
    if (hasErrors(workspace.diagnostics)) {
      io.stderr.write('consolidate: the inputs have errors; fix them to list the translations\n')
      return EXIT.inputs
    }
    const queue = translationQueue(workspace, asked ?? queueLanguages(workspace))
    io.stdout.write(options.format === 'json' ? `${JSON.stringify(queue, null, 2)}\n` : renderQueue(queue, workspace.config.language))
    return EXIT.ok
  })
}

/** `--lang fr,es`: languages, each once, in the order given. */
function parseLanguages(written: string): Language[] {
  const languages: Language[] = []
  for (const part of written.split(',').map((each) => each.trim().toLowerCase())) {
    if (!(LANGUAGES as readonly string[]).includes(part)) {
      const near = closest(part, LANGUAGES)
      throw new UsageError(`--lang "${part}" is not a language of the documents: give ${LANGUAGES.join(', ')}, or several, e.g. --lang fr,es${near ? `; did you mean "${near}"?` : ''}`)
    }
    if (!languages.includes(part as Language)) languages.push(part as Language)
  }
  return languages
}
