/**
 * Footnote and link labels are local to their file: in the consolidated text
 * no proposal's label can capture another's, whatever the case of their ids,
 * the spelling of their labels or the plain text around them.
 */
import type { RootContent } from 'mdast'
import { describe, expect, test } from 'vitest'
import { assemble } from '../src/assemble/negotiation.js'
import { parseProposal } from '../src/parse/proposal.js'
import { chooseSeparator, documentLabels, SEPARATORS } from '../src/render/label-names.js'
import { renderMarkdown } from './helpers/render.js'
import { DEFAULT_CONFIG } from '../src/types.js'
import { reader, regions, type Seen } from './helpers/resolve.js'

/** The consolidated text of proposals given as `file name → body`, each on a topic of its own. */
function consolidated(files: Record<string, string>): string {
  const proposals = Object.entries(files).map(([name, body], index) => {
    const result = parseProposal(`proposals/${name}`, `---\ntopic: A.${index + 1}\nauthor: Japan\nsupporters: [Canada, Chile, Peru]\n---\n\n${body}`)
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([])
    return result.proposal!
  })
  return renderMarkdown(assemble(proposals, DEFAULT_CONFIG))
}

/** Each proposal's text as a reader sees it: links as `<text|url>`, footnotes as `{^note}`; without its attribution. */
function readers(markdown: string): Record<string, string> {
  const { tree, seen } = reader(markdown)
  const shown: Record<string, string> = {}
  for (const [id, [blocks]] of regions(tree))
    shown[id] = seen(blocks.slice(0, -1) as RootContent[])
      .map(flat)
      .join('\n')
  return shown
}

function flat(node: Seen): string {
  const inner = Array.isArray(node.children) ? (node.children as Seen[]).map(flat).join('') : ''
  switch (node.type) {
    case 'text':
      return node.value as string
    case 'link':
      return `<${inner}|${node.url as string}>`
    case 'footnote':
      return `{^${inner}}`
    default:
      return inner
  }
}

describe('labels of different proposals never meet', () => {
  test('ids that differ only in case (A1, a1) keep their own footnotes', () => {
    const markdown = consolidated({
      'A1.md':
        'Each Party shall act.[^1] See also [the site][Site].[^Note]\n\n[^1]: Note of A1.\n\n[^note]: Other note of A1.\n\n[site]: https://a1-upper.example/\n',
      'a1.md':
        'Each Party may act.[^1] See also [the site][site].[^NOTE]\n\n[^1]: Note of a1.\n\n[^Note]: Other note of a1.\n\n[SITE]: https://a1-lower.example/\n',
    })
    expect(readers(markdown)).toEqual({
      A1: '[Each Party shall act.{^Note of A1.} See also <the site|https://a1-upper.example/>.{^Other note of A1.}]',
      a1: '[Each Party may act.{^Note of a1.} See also <the site|https://a1-lower.example/>.{^Other note of a1.}]',
    })
  })

  test('ids equal once case-folded (straße, strasse) keep their own footnotes', () => {
    const markdown = consolidated({
      'straße.md': 'Each Party shall act.[^1]\n\n[^1]: Note of straße.\n',
      'strasse.md': 'Each Party may act.[^1]\n\n[^1]: Note of strasse.\n',
    })
    expect(readers(markdown)).toEqual({
      straße: '[Each Party shall act.{^Note of straße.}]',
      strasse: '[Each Party may act.{^Note of strasse.}]',
    })
  })

  test("plain text that spells another proposal's renamed label stays text, brackets and all", () => {
    const markdown = consolidated({
      'attacker.md': 'Each Party shall [victim:X] act, [^victim:1] and [victim¦x].\n',
      'victim.md': 'Each Party shall follow [X].[^1]\n\n[x]: https://victim.example/\n\n[^1]: Note of victim.\n',
    })
    expect(readers(markdown)).toEqual({
      attacker: '[Each Party shall [victim:X] act, [^victim:1] and [victim¦x].]',
      victim: '[Each Party shall follow <X|https://victim.example/>.{^Note of victim.}]',
    })
  })

  test('definitions whose label spans lines, in a block quote or a list item, are renamed too', () => {
    const markdown = consolidated({
      'plain.md': 'Each Party shall [foo bar] and [baz qux] act.\n',
      'bq.md': 'Each Party shall see [foo bar].\n\n> [foo\n> bar]: https://bq.example/\n',
      'li.md': 'Each Party shall use [the list][baz qux].\n\n- [baz\n  qux]: https://li.example/\n',
    })
    expect(readers(markdown)).toEqual({
      plain: '[Each Party shall [foo bar] and [baz qux] act.]',
      bq: '[Each Party shall see <foo bar|https://bq.example/>.\n\n]',
      li: '[Each Party shall use <the list|https://li.example/>.\n\n]',
    })
  })

  test('a label with an escaped bracket keeps its link, and the brackets still balance', () => {
    const markdown = consolidated({
      'esc.md': 'Each Party shall see [the text][a\\[b] and [the rule][].\n\n[a\\[b]: https://esc.example/\n[the rule]: https://rule.example/\n',
    })
    expect(readers(markdown)).toEqual({ esc: '[Each Party shall see <the text|https://esc.example/> and <the rule|https://rule.example/>.]' })
  })
})

describe('documentLabels', () => {
  const body = (id: string, text: string) => {
    const result = parseProposal(`proposals/${id}.md`, `---\ntopic: A.1\nauthor: Japan\n---\n\n${text}`)
    return { id, body: result.proposal!.body }
  }
  const names = (bodies: Array<{ id: string; body: ReturnType<typeof body>['body'] }>, words: string[] = []) => {
    const { namers } = documentLabels(bodies, words)
    return bodies.map(({ body }, index) => body.edits.flatMap((edit) => (edit.kind === 'label' ? [namers[index](edit.space, edit.identifier)] : [])))
  }

  test('a name is the id, the separator and the label; names equal once case-folded take a number, in document order', () => {
    const a = body('A1', 'Text.[^1] [x][Note]\n\n[^1]: Note.\n\n[note]: https://a.example\n')
    const b = body('a1', 'Text.[^1] [^note]\n\n[^1]: Note.\n[^note]: Other.\n')
    expect(names([a, b])).toEqual([
      ['A1¦1', 'A1¦note', 'A1¦1', 'A1¦note'],
      ['a1¦1¦2', 'a1¦note', 'a1¦1¦2', 'a1¦note'],
    ])
    expect(names([b, a])).toEqual([
      ['a1¦1', 'a1¦note', 'a1¦1', 'a1¦note'],
      ['A1¦1¦2', 'A1¦note', 'A1¦1¦2', 'A1¦note'],
    ])
  })

  test('another proposal leaves the names of the others as they were', () => {
    const a = body('a', 'Text.[^1]\n\n[^1]: Note.\n')
    const c = body('c', 'Text [y].\n\n[y]: https://c.example\n')
    expect(names([a, body('b', 'Other.[^1]\n\n[^1]: Note.\n'), c])).toEqual([
      ['a¦1', 'a¦1'],
      ['b¦1', 'b¦1'],
      ['c¦y', 'c¦y'],
    ])
    expect(names([a, c])).toEqual([
      ['a¦1', 'a¦1'],
      ['c¦y', 'c¦y'],
    ])
  })

  test('the separator is one no text holds, as written or case-folded; the generated words count too', () => {
    expect(chooseSeparator(['Each Party'])).toBe('¦')
    expect(chooseSeparator(['Each ¦ Party'])).toBe('¤')
    expect(chooseSeparator(['x', SEPARATORS.join('')])).toBe('\ue000')
    expect(chooseSeparator([`${SEPARATORS.join('')}\ue000`])).toBe('\ue001')
    expect(documentLabels([body('a', 'Text.[^1]\n\n[^1]: Note.\n')], ['A title with ¦ and ¤']).separator).toBe('‡')
  })
})
