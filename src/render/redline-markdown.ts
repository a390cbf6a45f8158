/**
 * The redline in Markdown: CriticMarkup, `{++inserted++}` and `{--deleted--}`,
 * and the secretariat's notes as `{>>comments<<}`. Pure.
 */
import type { Paragraph, Root, RootContent } from 'mdast'
import type { Handle } from 'mdast-util-to-markdown'
import type { RedlineData, RedlineNote, RedlinePhrasing, RedlineResult } from '../revisions/redline.js'
import type { Labels } from './labels.js'
import { paragraph, plain, strong, verbatim, writeMarkdownWith } from './writer.js'

/** What a redline's cover says, in every format: the view's own cover, then what it supersedes and how much changed. */
export interface RedlineCover {
  /** The view's cover template, filled (Markdown). */
  markdown: string
  title: string
  symbol?: string
  date?: string
  /** `Supersedes INF/ECOM/62/Rev.5`. */
  supersedes: string
  /** `Changes since …: 1 proposal added, …`. */
  changes: string
}

/** Write the redline: the cover, its legend, then the marked text. */
export function renderRedlineMarkdown(result: RedlineResult, cover: RedlineCover, labels: Labels): string {
  const words = labels.revision.redline
  const children: RootContent[] = []
  if (cover.markdown.trim() !== '') children.push(verbatim(neutralise(cover.markdown.trim())))
  children.push(paragraph(strong(plain(cover.supersedes))), paragraph(plain(cover.changes)))
  const [before, between, after] = words.legend.split(/\{inserted\}|\{deleted\}/)
  children.push(paragraph(plain(before), mark('insert', words.inserted), plain(between), mark('delete', words.deleted), plain(after)))
  for (const item of result.items) {
    if (item.kind === 'same') children.push(verbatim(neutralise(item.markdown)))
    else children.push(...flagBlocks(item.nodes, words))
  }
  return writeMarkdownWith({ type: 'root', children } satisfies Root, { handlers: HANDLERS, escape: neutralise })
}

function mark(change: 'insert' | 'delete', text: string): Paragraph['children'][number] {
  return { type: 'redline', change, children: [plain(text)] } satisfies RedlinePhrasing as unknown as Paragraph['children'][number]
}

const HANDLERS: Record<string, Handle> = {
  redline(node, _, state, info) {
    const { change } = node as unknown as RedlinePhrasing
    const [open, close] = change === 'insert' ? ['{++', '++}'] : ['{--', '--}']
    const tracker = state.createTracker(info)
    let value = tracker.move(open)
    value += tracker.move(state.containerPhrasing(node as unknown as Parameters<typeof state.containerPhrasing>[0], { ...tracker.current(), before: value, after: close[0] }))
    return value + tracker.move(close)
  },
  redlineNote(node, _, state) {
    return `{>>${state.safe((node as unknown as RedlineNote).value, { before: '>', after: '<' })}<<}`
  },
}

/**
 * Blocks CriticMarkup cannot enclose (code, raw HTML, a rule, a link
 * definition) are announced by a comment before them when wholly inserted or deleted.
 */
function flagBlocks(nodes: RootContent[], words: Labels['revision']['redline']): RootContent[] {
  return nodes.flatMap((node): RootContent[] => {
    const change = (node.data as RedlineData | undefined)?.redline
    const flagged = ['code', 'html', 'thematicBreak', 'definition'].includes(node.type) && change !== undefined
    const inner = 'children' in node && !['paragraph', 'heading', 'tableCell', 'table', 'tableRow'].includes(node.type)
      ? ({ ...node, children: flagBlocks(node.children as RootContent[], words) } as RootContent)
      : node
    if (!flagged) return [inner]
    const note = { type: 'redlineNote', value: change === 'insert' ? words.inserted : words.deleted } as unknown as RootContent
    return [{ type: 'paragraph', children: [note] } as unknown as RootContent, inner]
  })
}

/**
 * Text that would read as CriticMarkup (`{++`, `--}` …) in a proposal is
 * broken by a backslash escape, which Markdown shows as the character itself:
 * no author can forge a change.
 */
export function neutralise(written: string): string {
  return written.replace(/\{([+\-~=>])(?=\1)/g, '{\\$1').replace(/([+\-~=<])\1\}/g, '$1\\$1}')
}

