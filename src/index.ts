/**
 * The library: the pure core of consolidate, for tools that build on it.
 * Strings in, data and strings out; no file system.
 */
export { parseProposal, parseMarkdown, type ParseOptions } from './parse.js'
export { parseConfig, type ConfigResult } from './config.js'
export { validate } from './validate.js'
export { assemble, supportLevel, placements, type AssembleOptions } from './assemble.js'
export { renderMarkdown, DEFAULT_COVER } from './render/markdown.js'
export { renderStocktake, stocktake, type StocktakeReport } from './stocktake.js'
export { formatJson, formatGithub, sortDiagnostics, hasErrors } from './diagnostics.js'
export { formatText } from './report.js'
export { compareSnapshots, diffReport, type Snapshot, type DiffReport, type Difference, type ProposalChange } from './diff.js'
export { renderDiff, type DiffMarkdownOptions } from './diff-markdown.js'
export { compareNames } from './participants.js'
export * from './types.js'
