/**
 * Property: the enclosing brackets that the HTML and Word documents insert
 * into a body's tree stand where the Markdown text puts them: the body's text,
 * read from its placed tree, is the text of its placed Markdown read back.
 */
import fc from 'fast-check'
import type { Nodes, Root } from 'mdast'
import { expect, test } from 'vitest'
import { parseMarkdown, parseProposal } from '../src/parse/proposal.js'
import { renderBody, type BodyContext } from '../src/render/apply-edits.js'
import { bracketsOf, placeBrackets } from '../src/render/place.js'
import { runs } from './helpers/runs.js'

// A lone `#` too: a setext heading ending in ` #` keeps it in the Markdown's ATX rewrite.
const word = fc.constantFrom(
  'Each',
  'Party',
  'shall',
  'measures',
  'électronique',
  '*a*',
  '**b**',
  '`code`',
  '<b>x</b>',
  'a\\',
  '[x]',
  '[[a] b]',
  '[l](http://e.org)',
  '[^1]',
  '~~s~~',
  'https://e.org',
  '1.',
  'end #',
  'end ##',
)
const line = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => words.join(' '))
const block = fc.oneof(
  { weight: 4, arbitrary: line },
  { weight: 1, arbitrary: line.map((text) => `## ${text}`) },
  { weight: 1, arbitrary: fc.array(line, { minLength: 1, maxLength: 3 }).map((items) => items.map((item, index) => `${index + 1}. ${item}`).join('\n')) },
  { weight: 1, arbitrary: fc.array(line, { minLength: 1, maxLength: 3 }).map((items) => items.map((item) => `- ${item}\n\n  > ${item}`).join('\n')) },
  { weight: 1, arbitrary: line.map((text) => `> ${text}\n> ${text}`) },
  { weight: 1, arbitrary: line.map((text) => `| a | b |\n| - | - |\n| ${text} | x |`) },
  { weight: 1, arbitrary: line.map((text) => `Title ${text}\n=====`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('```\ncode\n```', '    indented code', '<div>\nhtml\n</div>', '---', '<!-- note -->', '[^1]: A note.', '[x]: https://e.org'),
  },
)
const body = fc.array(block, { minLength: 1, maxLength: 5 }).map((blocks) => blocks.join('\n\n'))

/** The text of a tree, in reading order, without raw HTML, footnote and link definitions; spaces squashed. */
function text(tree: Root): string {
  const out: string[] = []
  const walk = (node: Nodes): void => {
    if (node.type === 'html' || node.type === 'definition' || node.type === 'footnoteDefinition' || node.type === 'yaml') return
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') out.push(node.value)
    if ('children' in node) for (const child of node.children) walk(child)
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') out.push(' ')
  }
  walk(tree)
  return out.join('').replace(/\s+/g, ' ').trim()
}

test('the brackets inserted into the tree stand where the Markdown puts them', () => {
  fc.assert(
    fc.property(body, (written) => {
      const result = parseProposal('proposals/p.md', `---\ntopic: A.1\nauthor: Japan\n---\n\n${written}\n`)
      fc.pre(result.proposal !== undefined && result.diagnostics.length === 0)
      const { body: placed } = result.proposal!
      const tree = parseMarkdown(placed.source)
      placeBrackets(tree, bracketsOf(placed))
      // Read back without the labels renamed (the tree keeps them as written); the context's other fields differ between versions of apply-edits.
      const markdown = renderBody(placed, { id: 'p', bracketed: true, headingLevel: 0 } as BodyContext)
      expect(text(tree), markdown).toBe(text(parseMarkdown(markdown)))
    }),
    { numRuns: runs(300), seed: 2026 },
  )
})
