/**
 * The library, for tools that build on consolidate. The pure core takes
 * strings and data and gives data and strings; the loader reads a workspace
 * from a Source (a folder, a git commit) on parser threads you create and close.
 *
 * ```ts
 * const pool = new ParsePool()
 * const workspace = await loadWorkspace(folderSource('/path/to/negotiation'), { pool })
 * await pool.close()
 * ```
 */
export { parseProposal, parseMarkdown, type ParseOptions } from './parse/proposal.js'
export { parseNote } from './parse/note.js'
export { parseConfig, type ConfigResult } from './parse/config.js'
export { ParsePool, type PoolOptions } from './threads/pool.js'
export { validate } from './check/validate.js'
export { assemble, supportLevel, placements, type AssembleOptions } from './assemble/negotiation.js'
export { loadWorkspace, checkParsed, negotiationOf, type LoadOptions, type Workspace } from './load/pipeline.js'
export { folderSource } from './read/folder.js'
export { gitSource, repositoryOf, resolveCommit, type Repository } from './read/git.js'
export { MemoryCache, DiskCache, type ParseCache } from './read/cache.js'
export type { Source, Entry, Read } from './read/source.js'
export { renderMarkdown, DEFAULT_COVER } from './render/markdown.js'
export { cleanText, type CleanText, type CleanEntry, type Article, type ConcordanceRow } from './assemble/clean.js'
export { renderCleanMarkdown } from './render/clean.js'
export { renderCleanHtml } from './render/clean-html.js'
export { renderCleanDocx } from './render/clean-docx.js'
export { renderHtml } from './render/html.js'
export { renderDocx } from './render/docx.js'
export { consolidatedBodies, cleanBodies, type PreparedBodies } from './render/bodies.js'
export { renderOutputs, OUTPUT_FORMATS, type OutputFormat, type Rendered, type RenderOptions, type Templates } from './render/outputs.js'
export { renderStocktake, stocktake, type StocktakeReport } from './render/stocktaking.js'
export { formatJson, formatGithub, sortDiagnostics, hasErrors } from './diagnostics/format.js'
export { formatText } from './diagnostics/report.js'
export { compareSnapshots, diffReport, findRenames, revisionName, type Snapshot, type DiffReport, type Difference, type ProposalChange, type RevisionName } from './revisions/compare.js'
export { renderDiff, type DiffMarkdownOptions } from './render/diff.js'
export { redline, redlineTree, type RedlineResult, type RedlineItem, type RedlineOptions } from './revisions/redline.js'
export { renderRedlineOutputs, viewBody, type RedlineRequest, type RedlineView } from './render/redline-outputs.js'
export { countNegotiation, statsReport, type Counts, type Stats } from './revisions/stats.js'
export { renderStats } from './render/stats.js'
export { ReferralRuns, type HistoryPoint, type ReferredSince } from './revisions/history.js'
export { compareNames } from './assemble/participants.js'
export { localise, pick } from './assemble/language.js'
export * from './types.js'
