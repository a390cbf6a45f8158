/** The library's public API: what another program may import, pinned, so that no change adds or drops a name unnoticed. */
import { expect, test } from 'vitest'
import * as library from '../src/index.js'

test('the names the library exports', () => {
  expect(Object.keys(library).sort()).toEqual([
    'DEFAULT_CONFIG',
    'FORMAT_NAMES',
    'LANGUAGES',
    'ParsePool',
    'RULES',
    'STATUSES',
    'VIEW_NAMES',
    'assemble',
    'cleanText',
    'cleanView',
    'compareSnapshots',
    'compileMarkdown',
    'consolidatedView',
    'countNegotiation',
    'diffReport',
    'folderSource',
    'formatGithub',
    'formatJson',
    'formatText',
    'hasErrors',
    'loadRevision',
    'loadWorkspace',
    'parseConfig',
    'parseProposal',
    'renderTarget',
    'statsReport',
    'stocktake',
    'stocktakingView',
    'validate',
  ])
  expect(library.VIEW_NAMES).toEqual(['consolidated', 'clean', 'stocktaking'])
  expect(library.FORMAT_NAMES).toEqual(['md', 'html', 'docx'])
})
