/** How one proposal's body is placed in the consolidated text: brackets, headings, labels, closers. */
import { describe, expect, test } from 'vitest'
import { parseMarkdown, parseProposal } from '../src/parse/proposal.js'
import { renderBody } from '../src/render/apply-edits.js'
import type { Proposal } from '../src/types.js'

function proposal(body: string, front = 'topic: A.1\nauthor: Japan'): Proposal {
  const result = parseProposal('proposals/p.md', `---\n${front}\n---\n${body}`)
  expect(result.diagnostics).toEqual([])
  return result.proposal!
}

function placed(body: string, options: { bracketed?: boolean; headingLevel?: number } = {}): string {
  return renderBody(proposal(body).body, { id: 'p', bracketed: options.bracketed ?? true, headingLevel: options.headingLevel ?? 3 })
}

describe('enclosing brackets', () => {
  test('one pair around all the text; inner brackets kept', () => {
    expect(placed('1. Each Party shall [endeavour to] act.\n\n2. Each Party may act.\n')).toBe(
      '1. [Each Party shall [endeavour to] act.\n\n2. Each Party may act.]',
    )
  })

  test('a stabilized text stands clean', () => {
    expect(placed('Each Party shall act.\n', { bracketed: false })).toBe('Each Party shall act.')
  })

  test('a text that starts with an inner bracket and ends with emphasis', () => {
    expect(placed('[Each Party] shall act *promptly*\n')).toBe('[[Each Party] shall act *promptly*]')
  })

  test('a text that begins with a code block gets the bracket on its own line', () => {
    expect(placed('```\nx\n```\n\nText.\n')).toBe('[\n\n```\nx\n```\n\nText.]')
  })

  test('a text that ends with a code block gets the bracket after it', () => {
    expect(placed('Text.\n\n    indented code\n')).toBe('[Text.\n\n    indented code\n\n]')
  })

  test('a backslash before the closing bracket does not escape it', () => {
    expect(placed('Ends with a backslash\\\n')).toBe('[Ends with a backslash\\ ]')
  })

  test('a table: the first and last cells', () => {
    expect(placed('| Term | Meaning |\n| --- | --- |\n| a | b |\n')).toBe('| [Term | Meaning |\n| --- | --- |\n| a | b] |')
  })

  test('footnote definitions are notes, not the end of the text', () => {
    expect(placed('Text.[^1]\n\n[^1]: A note.\n')).toBe('[Text.[^p:1]]\n\n[^p:1]: A note.')
  })
})

describe('headings inside a body', () => {
  test('are nested below the topic heading, capped at 6', () => {
    expect(placed('# Definitions\n\nText.\n\n### Deep\n', { headingLevel: 4 })).toBe('##### [Definitions\n\nText.\n\n###### Deep]')
  })

  test('setext headings become one-line ATX headings', () => {
    expect(placed('Scope\nof this\n=====\n\nText.\n', { headingLevel: 2 })).toBe('### [Scope of this\n\nText.]')
  })
})

describe('labels local to the file', () => {
  test('footnotes and link references are prefixed with the id', () => {
    expect(placed('See [the site][w], [WTO], [x][] and note.[^a]\n\n[^a]: Note.\n\n[w]: https://w.example\n[wto]: https://wto.example\n[x]: https://x.example\n')).toBe(
      '[See [the site][p:w], [WTO][p:wto], [x][p:x] and note.[^p:a]]\n\n[^p:a]: Note.\n\n[p:w]: https://w.example\n[p:wto]: https://wto.example\n[p:x]: https://x.example',
    )
  })
})

describe('constructs left open at the end of a file', () => {
  test('an unclosed fence is closed before the next block', () => {
    expect(placed('Text.\n\n```\ncode\n')).toBe('[Text.\n\n```\ncode\n```\n\n]')
  })

  test('an unclosed HTML comment is closed', () => {
    expect(placed('Text.\n\n<!-- note\n')).toBe('[Text.]\n\n<!-- note\n-->')
  })
})

test('the placed text parses back to the same structure (plus the two brackets)', () => {
  const source = '# Title\n\n1. First [inner] item.\n2. Second *item*.\n\n> Quote.[^1]\n\n[^1]: Note.\n'
  const strip = (tree: ReturnType<typeof parseMarkdown>): unknown =>
    JSON.parse(JSON.stringify(tree, (key, value) => (key === 'position' || key === 'label' || key === 'identifier' ? undefined : value)))
  const before = strip(parseMarkdown(source)) as { children: Array<{ type: string }> }
  const after = strip(parseMarkdown(placed(source, { headingLevel: 0 }))) as { children: Array<{ type: string }> }
  expect(after.children.map((node) => node.type)).toEqual(before.children.map((node) => node.type))
  expect(JSON.stringify(after)).toContain('"value":"[Title"')
  expect(JSON.stringify(after)).toContain('"value":"Quote."},{"type":"footnoteReference"},{"type":"text","value":"]"}')
})

test("a comment that looks like the tool's markers is kept, marked as quoted", () => {
  expect(placed('Text.\n\n<!-- /proposal: p -->\n\n<!-- proposal: other -->\n\nMore <!-- proposal: x --> text.\n')).toBe(
    '[Text.\n\n<!-- quoted: /proposal: p -->\n\n<!-- quoted: proposal: other -->\n\nMore <!-- quoted: proposal: x --> text.]',
  )
})
