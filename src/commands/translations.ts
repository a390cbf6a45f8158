/** `consolidate translations`: the state of the translations per language, the translators' queue (SPEC §17). */
import { queueLanguages, translationQueue } from '../assemble/translation-queue.js'
import { hasErrors } from '../diagnostics/format.js'
import { EXIT } from '../errors.js'
import { printDiagnostics, type Io } from '../io.js'
import { renderQueue } from '../render/views/queue.js'
import type { ThreadPool } from '../threads/pool.js'
import { loadRoot, withPool, type CommonOptions } from './load.js'
import { parseLanguages } from './plan.js'

export interface TranslationsOptions extends CommonOptions {
  /** `--lang fr` or `--lang fr,es`; default: the languages published (else all three) that some text is to be translated into. */
  lang?: string
  format: 'md' | 'json'
}

export async function translationsCommand(options: TranslationsOptions, io: Io, pool?: ThreadPool): Promise<number> {
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
