/**
 * The redline as one self-contained HTML page: `<ins>` and `<del>`, styled for
 * screen and print, with a legend. It is written from the redline's syntax
 * tree, so it shows what the view's Markdown shows; raw HTML in a proposal is
 * left out (as in Word): no author markup can pass for a change. Pure.
 */
import type { ElementContent, Root as HastRoot } from 'hast'
import type { Delete, Image, Link, Root, RootContent } from 'mdast'
import type { State } from 'mdast-util-to-hast'
import { h } from 'hastscript'
import remarkRehype, { type Options as RehypeOptions } from 'remark-rehype'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { parsePlain } from '../parse/proposal.js'
import { redlineTree, type RedlineData, type RedlineNote, type RedlinePhrasing, type RedlineResult } from '../revisions/redline.js'
import type { Language } from '../types.js'
import { lines } from './html-lines.js'
import type { Labels } from './labels.js'
import { withoutMasthead } from './masthead.js'
import type { RedlineCover } from './redline-markdown.js'

/** Nothing may be fetched or run: only the inline style sheet applies. */
const POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

/** The redline's own styles, after the workspace's `consolidated.css`. */
export const REDLINE_CSS = `/* The redline: insertions and deletions, on screen and printed. */
ins { background: #dff3e4; color: #0b5d1e; text-decoration: underline; text-decoration-thickness: 1px; text-underline-offset: 2px; }
del { background: #fbe2e0; color: #8c1d18; text-decoration: line-through; }
/* A block wholly inserted or deleted has a bar in the margin (a list's items are marked word by word). */
:is(p, h2, h3, h4, h5, h6, pre, blockquote, table).block-insert { border-left: 3px solid #2e7d32; padding-left: 0.6rem; }
:is(p, h2, h3, h4, h5, h6, pre, blockquote, table).block-delete { border-left: 3px solid #c62828; padding-left: 0.6rem; }
article.proposal.block-delete { border-left: 4px solid #c62828; }
article.proposal.block-insert { border-left: 4px solid #2e7d32; }
article.block-delete .block-delete, article.block-insert .block-insert { border-left: none; padding-left: 0; }
.redline-note { font-size: 0.85rem; font-style: italic; color: #4b5563; background: #f3f4f6; border-radius: 3px; padding: 0.2rem 0.6rem; display: inline-block; margin: 0.2rem 0; }
.supersedes { font-weight: bold; }
.changes, .stats { font-size: 0.95rem; }
.redline-legend { font-size: 0.9rem; border: 1px solid #d1d5db; border-radius: 4px; padding: 0.4rem 0.8rem; display: inline-block; }
.redline-legend ins, .redline-legend del { padding: 0 0.25rem; }
@media print {
  ins, del, .redline-note, .block-insert, .block-delete { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`

export interface RedlineHtmlOptions {
  language: Language
  /** `templates/consolidated.css`. */
  css?: string
}

/** Write the redline page. */
export function renderRedlineHtml(result: RedlineResult, cover: RedlineCover, labels: Labels, options: RedlineHtmlOptions): string {
  const words = labels.revision.redline
  const coverTree = parsePlain(cover.markdown)
  coverTree.children = withoutMasthead(coverTree.children, [cover.title, cover.symbol, cover.date])
  const [before, between, after] = words.legend.split(/\{inserted\}|\{deleted\}/)

  const body = h('body', lines([
    h('header.cover', lines([
      h('div.masthead', lines([cover.symbol ? h('p.symbol', cover.symbol) : undefined, cover.date ? h('p.date', cover.date) : undefined])),
      h('h1', cover.title),
      h('div.cover-note', toHtml(coverTree, labels).children),
      h('p.supersedes', cover.supersedes),
      h('p.changes', cover.changes),
      h('p.redline-legend', [before, h('ins', words.inserted), between, h('del', words.deleted), after]),
    ])),
    h('main.redline', toHtml(groupProposals(redlineTree(result)), labels).children),
  ]))
  const title = [cover.symbol, cover.title].filter(Boolean).join(' \u2013 ')
  const head = h('head', lines([
    h('meta', { charSet: 'utf-8' }),
    h('meta', { httpEquiv: 'Content-Security-Policy', content: POLICY }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('title', `${title} (${words.title})`),
    h('style', `\n${(options.css ?? '').trim()}\n${REDLINE_CSS}`),
  ]))
  const tree: HastRoot = { type: 'root', children: [{ type: 'doctype' }, h('html', { lang: options.language }, lines([head, body])), { type: 'text', value: '\n' }] }
  return unified().use(rehypeStringify).stringify(tree)
}

/** A proposal's (or note's) blocks between their markers become one node, written as an `<article>`. */
interface GroupNode {
  type: 'redlineGroup'
  kind: string
  deleted: boolean
  inserted: boolean
  children: RootContent[]
}

const OPEN = /^<!-- (deleted: )?([a-z]+): (.+) -->$/

function groupProposals(tree: Root): Root {
  const children: RootContent[] = []
  let group: GroupNode | undefined
  for (const node of tree.children) {
    if (node.type === 'html') {
      const opened = OPEN.exec(node.value)
      if (opened && !group) {
        group = { type: 'redlineGroup', kind: opened[2], deleted: opened[1] !== undefined, inserted: false, children: [] }
        continue
      }
      if (group && /^<!-- \//.test(node.value)) {
        group.inserted = !group.deleted && group.children.length > 0 && group.children.every((child) => child.type === 'redlineNote' as string || (child.data as RedlineData | undefined)?.redline === 'insert')
        children.push(group as unknown as RootContent)
        group = undefined
        continue
      }
    }
    ;(group ? group.children : children).push(node)
  }
  if (group) children.push(group as unknown as RootContent)
  return { type: 'root', children }
}

/** Links that may stay live; any other (`javascript:`, `file:` …) is plain text. */
const SAFE_URL = /^(https?:|mailto:|#)/i

/** The redline's syntax tree to HTML: its own marks, no raw HTML, safe links only, brackets marked for the eye. */
function toHtml(tree: Root, labels: Labels): HastRoot {
  // Blocks wholly inserted or deleted carry a class, so that they stand out (mdast-util-to-hast applies `data.hProperties`).
  visit(tree, (node) => {
    const change = (node.data as RedlineData | undefined)?.redline
    if (change && BLOCKS.has(node.type)) node.data = { ...node.data, hProperties: { className: [`block-${change}`] } }
  })
  const options: RehypeOptions = {
    allowDangerousHtml: false,
    footnoteLabel: labels.document.notes,
    footnoteBackLabel: labels.document.backToText,
    handlers: {
      redline: (state: State, node: RedlinePhrasing) => h(node.change === 'insert' ? 'ins' : 'del', state.all(node as unknown as Parameters<typeof state.all>[0])),
      redlineNote: (_: State, node: RedlineNote) => h('p.redline-note', node.value),
      redlineGroup: (state: State, node: GroupNode) => h('article.proposal', { className: node.deleted ? ['block-delete'] : node.inserted ? ['block-insert'] : [] }, lines(state.all(node as unknown as Parameters<typeof state.all>[0]))),
      // A proposal's own strikethrough is not a deletion.
      delete: (state: State, node: Delete) => h('s', state.all(node)),
      // Raw HTML is left out: Word leaves it out too, and no author markup can pass for a change.
      html: () => undefined,
      link: (state: State, node: Link) => (SAFE_URL.test(node.url) ? h('a', { href: node.url, ...(node.title ? { title: node.title } : {}) }, state.all(node)) : h('span', state.all(node))),
      image: (_: State, node: Image) => (SAFE_URL.test(node.url) ? h('a', { href: node.url }, node.alt || node.url) : h('span', node.alt || node.url)),
    } as Record<string, unknown> as RehypeOptions['handlers'],
  }
  const processor = unified().use(remarkRehype, options)
  const hast = processor.runSync(tree as never) as HastRoot
  markBrackets(hast.children as ElementContent[])
  return hast
}

/** The blocks whose element shows that it was wholly inserted or deleted (not their cells and items' inner paragraphs alone). */
const BLOCKS = new Set(['paragraph', 'heading', 'list', 'listItem', 'blockquote', 'code', 'table', 'tableRow', 'thematicBreak', 'footnoteDefinition'])

/** Code is not text: brackets in it are not negotiating brackets. */
const LITERAL = new Set(['code', 'pre', 'kbd', 'samp'])

/** Each `[` and `]` of the text in a span, so that it stands out as in the consolidated page; the text is unchanged. */
function markBrackets(nodes: ElementContent[]): void {
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]
    if (node.type === 'element' && !LITERAL.has(node.tagName)) markBrackets(node.children)
    if (node.type !== 'text' || !/[[\]]/.test(node.value)) continue
    const pieces: ElementContent[] = node.value
      .split(/([[\]])/)
      .filter((part) => part !== '')
      .map((part) => (part === '[' || part === ']' ? h('span.bracket', part) : { type: 'text', value: part }))
    nodes.splice(index, 1, ...pieces)
    index += pieces.length - 1
  }
}
