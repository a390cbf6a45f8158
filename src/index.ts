/**
 * The library, for programs that build on consolidate: read a workspace,
 * check it, build its documents, and read its reports as data. The pure core
 * takes strings and data and gives data and strings; the loader and the
 * renderer run on parser threads you create and close.
 *
 * ```ts
 * const pool = new ParsePool()
 * const workspace = await loadWorkspace(folderSource('/path/to/negotiation'), { pool })
 * const { outputs } = await renderTarget({ snapshot: workspace, target: { view: 'consolidated', languages: ['en'], formats: ['md', 'docx'] }, templates: {}, pool })
 * await pool.close()
 * ```
 */
export { parseProposal } from './parse/proposal.js'
export { parseConfig } from './parse/config.js'
export { validate } from './check/validate.js'
export { assemble } from './assemble/negotiation.js'
export { cleanText, type CleanText } from './assemble/clean.js'
// The thread pool, under the name the API has always given it.
export { ThreadPool as ParsePool } from './threads/pool.js'
export { loadWorkspace, type LoadOptions, type Workspace } from './load/pipeline.js'
export { loadRevision, type Revision } from './load/revision.js'
export { folderSource } from './read/folder.js'
export { consolidatedView } from './render/views/consolidated.js'
export { cleanView } from './render/views/clean.js'
export { stocktake, stocktakingView, type StocktakeReport } from './render/views/stocktaking.js'
export { VIEW_NAMES } from './render/views/index.js'
export { FORMAT_NAMES } from './render/formats/index.js'
export { compileMarkdown } from './render/formats/markdown/compile.js'
export { renderTarget, type RenderRequest, type Rendered, type Target, type Templates } from './render/outputs.js'
export type { Document } from './render/tree.js'
export { compareSnapshots, diffReport, type DiffReport } from './revisions/compare.js'
export { countNegotiation, statsReport, type Stats } from './revisions/stats.js'
export { formatJson, formatGithub, hasErrors } from './diagnostics/format.js'
export { formatText } from './diagnostics/report.js'
export type * from './types.js'
export { DEFAULT_CONFIG, LANGUAGES, RULES, STATUSES } from './types.js'
