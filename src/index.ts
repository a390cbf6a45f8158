/**
 * The library: the pure core of consolidate, for tools that build on it.
 * Strings in, data and strings out; no file system.
 */
export { parseProposal, parseMarkdown, type ParseOptions } from './parse/proposal.js'
export { parseConfig, type ConfigResult } from './parse/config.js'
export { validate } from './check/validate.js'
export { assemble, supportLevel, placements, type AssembleOptions } from './assemble/negotiation.js'
export { renderMarkdown, DEFAULT_COVER } from './render/markdown.js'
export { renderStocktake, stocktake, type StocktakeReport } from './render/stocktaking.js'
export { formatJson, formatGithub, sortDiagnostics, hasErrors } from './check/diagnostics.js'
export { formatText } from './check/report.js'
export { compareSnapshots, diffReport, type Snapshot, type DiffReport, type Difference, type ProposalChange } from './revisions/compare.js'
export { renderDiff, type DiffMarkdownOptions } from './render/diff.js'
export { compareNames } from './assemble/participants.js'
export * from './types.js'
