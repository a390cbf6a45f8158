/** How one proposal's body is placed in the consolidated text: brackets, headings, labels, closers. */
import { describe, expect, test } from 'vitest'
import { parseMarkdown, parseProposal } from '../src/parse/proposal.js'
import { renderBody } from '../src/render/apply-edits.js'
import { documentLabels } from '../src/render/label-names.js'
import type { Proposal } from '../src/types.js'

function proposal(body: string, front = 'topic: A.1\nauthor: Japan'): Proposal {
  const result = parseProposal('proposals/p.md', `---\n${front}\n---\n${body}`)
  expect(result.diagnostics).toEqual([])
  return result.proposal!
}

/** The body of proposal `p` placed in a document of its own, its labels named as that document names them. */
function placed(text: string, options: { bracketed?: boolean; headingLevel?: number } = {}): string {
  const body = proposal(text).body
  const [labels] = documentLabels([{ id: 'p', body }], []).namers
  return renderBody(body, { bracketed: options.bracketed ?? true, headingLevel: options.headingLevel ?? 3, labels })
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
    expect(placed('Text.[^1]\n\n[^1]: A note.\n')).toBe('[Text.[^p¦1]]\n\n[^p¦1]: A note.')
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
  test('footnotes and link references take the id, a separator and their label', () => {
    expect(
      placed('See [the site][w], [WTO], [x][] and note.[^a]\n\n[^a]: Note.\n\n[w]: https://w.example\n[wto]: https://wto.example\n[x]: https://x.example\n'),
    ).toBe(
      '[See [the site][p¦w], [WTO][p¦wto], [x][p¦x] and note.[^p¦a]]\n\n[^p¦a]: Note.\n\n[p¦w]: https://w.example\n[p¦wto]: https://wto.example\n[p¦x]: https://x.example',
    )
  })

  test('a label is found whole: across lines in a quote or a list item, with escaped brackets', () => {
    expect(
      placed('See [a][foo\nbar], [b][c\\[d] and [B][].\n\n> [foo\n> bar]: https://q.example\n\n- [c\\[d]: https://l.example\n  [b]: https://b.example\n'),
    ).toBe('[See [a][p¦foo-bar], [b][p¦c-d] and [B][p¦b].\n\n> [p¦foo-bar]: https://q.example\n\n- [p¦c-d]: https://l.example\n  [p¦b]: https://b.example\n\n]')
  })

  test('a label written across the lines of a setext heading is renamed whole', () => {
    expect(placed('> See [a][foo\n> bar]\n> ---\n\n[foo bar]: /u\n', { headingLevel: 2 })).toBe('> #### [See [a][p¦foo-bar]]\n\n[p¦foo-bar]: /u')
  })

  test('a body that holds the first separator gets the next one; labels that would be equal take a number', () => {
    expect(placed('A ¦ and [x][a b], [y][a-b].\n\n[a b]: https://1.example\n[a-b]: https://2.example\n')).toBe(
      '[A ¦ and [x][p¤a-b], [y][p¤a-b¤2].]\n\n[p¤a-b]: https://1.example\n[p¤a-b¤2]: https://2.example',
    )
  })

  test('read on its own, a body keeps its labels as written', () => {
    expect(renderBody(proposal('Text.[^1] [x][Y]\n\n[^1]: Note.\n[y]: https://y.example\n').body, { bracketed: true, headingLevel: 3 })).toBe(
      '[Text.[^1] [x][Y]]\n\n[^1]: Note.\n[y]: https://y.example',
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

test("the markers of paragraphs and Chair's texts are the tool's too", () => {
  expect(placed('Text.\n\n<!-- paragraph: S3.1 -->\n\n<!-- /chair-text: c -->\n')).toBe(
    '[Text.]\n\n<!-- quoted: paragraph: S3.1 -->\n\n<!-- quoted: /chair-text: c -->',
  )
})

test('lines of code blocks that look like the markers are quoted too: a line-based search cannot tell code from text', () => {
  expect(placed('Text.\n\n```\n<!-- proposal: x -->\ncode <!-- proposal: y -->\n```\n\n    <!-- /proposal: p -->\n')).toBe(
    '[Text.\n\n```\n<!-- quoted: proposal: x -->\ncode <!-- proposal: y -->\n```\n\n    <!-- quoted: /proposal: p -->\n\n]',
  )
})

test('a setext heading whose text ends in " #" keeps it: the ATX rewrite closes the heading once more', async () => {
  const { parseMarkdown } = await import('../src/parse/proposal.js')
  const { toString } = await import('mdast-util-to-string')
  const out = placed('Scope of Article 5 #\n===\n\nText.\n', { bracketed: false, headingLevel: 3 })
  expect(out).toBe('#### Scope of Article 5 # #\n\nText.')
  const heading = parseMarkdown(out).children[0]
  expect(heading.type === 'heading' && toString(heading)).toBe('Scope of Article 5 #')
})
