/**
 * Checks of what a text still says: brackets left in an agreed text or a
 * Chair's pick (`brackets-in-stabilized`), placeholders (`placeholder`), the
 * template's example text (`template-text`). Warnings: they never stop a build. Pure.
 */
import { DEFAULT_PLACEHOLDERS, findPlaceholders } from '../parse/placeholders.js'
import { isLive, RULES, type ChairText, type Config, type Diagnostic, type Place, type Proposal, type Rule } from '../types.js'

type Report = (text: { file: string }, rule: Rule, message: string, place: Place) => void

/** What to write instead of each placeholder. */
const INSTEAD: Array<[RegExp, string]> = [
  [/^20XX$/i, 'the year, e.g. `2030` (in brackets while it is not agreed: `[2030]`)'],
  [/^\[date\]$/i, 'the date, e.g. `1 January 2030` (in brackets while it is not agreed)'],
  [/^\[x\]$|^x per cent$/i, 'the figure or words meant, e.g. `[30] days`'],
  [/^\[by x date\]$/i, 'the date, e.g. `[by 1 January 2030]`'],
  [/./, 'the words meant, e.g. `[within a reasonable period of time]`'],
]

/**
 * The warnings of what live texts still say. A Chair's text may keep its
 * brackets (no `brackets-in-stabilized`) and is not made from the template;
 * its placeholders are reported as a proposal's.
 */
export function checkTexts(proposals: Proposal[], config: Config, template: string | undefined, chairTexts: ChairText[] = []): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const report: Report = (proposal, rule, message, place) => {
    diagnostics.push({ file: proposal.file, line: place.line, column: place.column, severity: RULES[rule], rule, message })
  }
  const picked = new Map<string, string>()
  for (const { topic, ids } of config.chair?.picks ?? []) for (const { value } of ids) if (!picked.has(value)) picked.set(value, topic)
  const example = templateLines(template)
  const listed = listOf(config.placeholders ?? DEFAULT_PLACEHOLDERS)

  for (const proposal of proposals) {
    if (!isLive(proposal.status) || proposal.noText) continue
    const { brackets, firstBracket } = proposal.facts
    const pickedFor = picked.get(proposal.id)
    const chairs = pickedFor !== undefined && pickedFor === proposal.topic.value
    if (brackets > 0 && firstBracket && (proposal.status === 'stabilized' || chairs)) {
      const pairs = `${brackets} bracket pair${brackets === 1 ? '' : 's'}`
      const first = `the first ${near(proposal, firstBracket)}`
      const message =
        proposal.status === 'stabilized'
          ? `this text is stabilized (agreed) but still has ${pairs} (${first}); agreed text stands without brackets, e.g. \`Each Party shall endeavour to …\` rather than \`Each Party shall [endeavour to] …\`: remove them once the wording is agreed, or set \`status: proposed\``
          : `this text is the Chair's pick for ${proposal.topic.value} (\`chair\` in the configuration) but still has ${pairs} (${first}); the clean text shows them as written: resolve them, or offer a text without brackets`
      report(proposal, 'brackets-in-stabilized', message, firstBracket)
    }
    reportPlaceholders(proposal)
    if (example) {
      const found = findLines(proposal, example)
      if (found)
        report(
          proposal,
          'template-text',
          `the text is still the example of templates/proposal.md ("${example.join(' ')}"); replace it with the proposed treaty text, e.g. \`1. Each Party shall [endeavour to] …\``,
          found,
        )
    }
  }
  for (const text of chairTexts) reportPlaceholders(text)
  return diagnostics

  function reportPlaceholders(text: Proposal | ChairText): void {
    for (const { value, place } of findPlaceholders(text.body, text.facts, config.placeholders)) {
      const instead = INSTEAD.find(([pattern]) => pattern.test(value))![1]
      report(
        text,
        'placeholder',
        `placeholder \`${value}\` left in the text (${near(text, place)}); placeholders (${listed}) mark what is still to be written: replace it with ${instead}`,
        place,
      )
    }
  }
}

/** The patterns as a message lists them. */
function listOf(patterns: readonly string[]): string {
  return patterns.map((pattern) => `\`${pattern}\``).join(', ')
}

/** The non-empty lines of a proposal template's body (after its front matter), without placeholders; undefined when it has none. */
export function templateLines(template: string | undefined): string[] | undefined {
  if (template === undefined) return undefined
  const text = template.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n')
  const match = /^---[ \t]*\n[\s\S]*?\n---[ \t]*(?:\n|$)/.exec(text)
  const body = match ? text.slice(match[0].length) : text
  const lines = body
    .split('\n')
    .map(squash)
    .filter((line) => line !== '' && !/\{\{/.test(line))
  return lines.length > 0 ? lines : undefined
}

/** Where the template's example lines stand in the body, in order and together (blank lines aside), if they do. */
function findLines(proposal: Proposal, example: string[]): Place | undefined {
  const { source, start, end } = proposal.body
  const body = source.slice(start, end)
  // A body without the example's first line (whatever its spacing) cannot hold it: one search, not every line squashed.
  if (!firstLineOf(example).test(body)) return undefined
  const firstLine = countLines(source, start)
  const lines = body.split('\n').map(squash)
  for (let from = 0; from < lines.length; from++) {
    if (lines[from] !== example[0]) continue
    let next = 1
    for (let at = from + 1; at < lines.length && next < example.length; at++) {
      if (lines[at] === '') continue
      if (lines[at] !== example[next]) break
      next++
    }
    if (next === example.length) return { line: firstLine + from, column: 1 }
  }
  return undefined
}

const firstLines = new Map<string, RegExp>()

/** A line that squashes to the example's first line: its words, any spacing between and around them. */
function firstLineOf(example: string[]): RegExp {
  let pattern = firstLines.get(example[0])
  if (!pattern) {
    pattern = new RegExp(
      `^[ \\t]*${example[0]
        .split(' ')
        .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[ \\t]+')}[ \\t]*$`,
      'm',
    )
    firstLines.set(example[0], pattern)
  }
  return pattern
}

function countLines(source: string, offset: number): number {
  let line = 1
  for (let index = source.indexOf('\n'); index !== -1 && index < offset; index = source.indexOf('\n', index + 1)) line++
  return line
}

function squash(line: string): string {
  return line.replace(/\s+/g, ' ').trim()
}

/** `at "…Party shall [endeavour to] base…"`: the words around a place of the body, on its line. */
function near(proposal: Pick<Proposal, 'body'>, place: Place): string {
  const source = proposal.body.source
  let lineStart = 0
  for (let line = 1; line < place.line; line++) lineStart = source.indexOf('\n', lineStart) + 1
  const offset = lineStart + place.column - 1
  const next = source.indexOf('\n', offset)
  const lineEnd = next === -1 ? source.length : next
  const from = Math.max(lineStart, offset - 24)
  const to = Math.min(lineEnd, offset + 17)
  return `in "${from > lineStart ? '…' : ''}${source.slice(from, to).trim()}${to < lineEnd ? '…' : ''}"`
}
