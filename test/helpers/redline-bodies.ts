/**
 * Random pairs of proposal bodies for the redline's property tests: an older
 * body of blocks (paragraphs with formatting, lists, headings, quotes, code),
 * and a newer one made from it by edits (blocks kept, dropped, added,
 * reworded) or written afresh. And how a marked tree reads with every change
 * accepted or rejected.
 */
import fc from 'fast-check'
import type { Nodes, RootContent } from 'mdast'
import { changeOf } from '../../src/render/tree.js'

const WORDS = [
  'Party',
  'shall',
  'endeavour',
  'to',
  'ensure',
  'measures',
  'electronic',
  'invoicing',
  'e-invoicing',
  'INF/ECOM/62',
  'Peppol.',
  'the',
  'and',
  'or',
  '(2017).',
  'each',
  'may',
  'cooperate,',
  "d'Ivoire",
  ';',
  'data',
  'flows',
]

const word = fc.constantFrom(...WORDS)

/** A run of phrasing: words, some of them formatted, bracketed, or code. */
const phrase = (maxWords: number): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { weight: 8, arbitrary: word },
        { weight: 1, arbitrary: word.map((each) => `*${each}*`) },
        { weight: 1, arbitrary: fc.tuple(word, word).map(([a, b]) => `**${a} ${b}**`) },
        { weight: 1, arbitrary: fc.tuple(word, word).map(([a, b]) => `[${a} ${b}]`) },
        { weight: 1, arbitrary: word.map((each) => `\`${each}\``) },
        { weight: 1, arbitrary: word.map((each) => `[${each}](https://example.org/${each.length})`) },
      ),
      { minLength: 1, maxLength: maxWords },
    )
    .map((parts) => parts.join(' '))

/** One block of a body. */
const block = (maxWords: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: phrase(maxWords) },
    {
      weight: 2,
      arbitrary: fc
        .array(phrase(Math.ceil(maxWords / 2)), { minLength: 1, maxLength: 4 })
        .map((items) => items.map((item, index) => `${index + 1}. ${item}`).join('\n')),
    },
    {
      weight: 1,
      arbitrary: fc.array(phrase(Math.ceil(maxWords / 2)), { minLength: 1, maxLength: 4 }).map((items) => items.map((item) => `- ${item}`).join('\n')),
    },
    { weight: 1, arbitrary: phrase(6).map((words) => `## ${words}`) },
    { weight: 1, arbitrary: phrase(maxWords).map((words) => `> ${words}`) },
    { weight: 1, arbitrary: fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => `\`\`\`\n${words.join(' ')}\n\`\`\``) },
  )

/** What happens to one older block in the newer body. */
type Edit = 'keep' | 'drop' | 'reword' | 'add'

/** A pair of bodies of up to about `maxBytes` each: the newer one edited from the older, or (one time in five) written afresh. */
export function bodyPairs(maxBytes: number, maxWords = 24): fc.Arbitrary<[string, string]> {
  const blocks = Math.max(1, Math.floor(maxBytes / (maxWords * 8)))
  const body = fc.array(block(maxWords), { minLength: 1, maxLength: blocks })
  const edited = body.chain((older) =>
    fc
      .tuple(
        fc.array(fc.constantFrom<Edit>('keep', 'keep', 'keep', 'drop', 'reword', 'add'), { minLength: older.length, maxLength: older.length }),
        fc.array(block(maxWords), { minLength: older.length, maxLength: older.length }),
      )
      .map(([edits, fresh]): [string[], string[]] => [
        older,
        older.flatMap((each, index) => {
          switch (edits[index]) {
            case 'keep':
              return [each]
            case 'drop':
              return []
            case 'reword':
              return [reword(each, fresh[index])]
            case 'add':
              return [each, fresh[index]]
          }
        }),
      ]),
  )
  const afresh = fc.tuple(body, body)
  return fc
    .oneof({ weight: 4, arbitrary: edited }, { weight: 1, arbitrary: afresh })
    .map(([older, newer]) => [cut(older, maxBytes), cut(newer.length > 0 ? newer : ['Text.'], maxBytes)])
}

/** A block with some of its words swapped for another block's. */
function reword(block: string, other: string): string {
  const mine = block.split(' ')
  const theirs = other.split(/\s+/).filter((each) => /^[\p{L}(']/u.test(each))
  return mine.map((each, index) => (index % 3 === 1 && /^[\p{L}(']/u.test(each) && theirs.length > 0 ? theirs[index % theirs.length] : each)).join(' ')
}

/** Blocks joined as a body, no longer than `maxBytes` (whole blocks dropped from the end). */
function cut(blocks: string[], maxBytes: number): string {
  const kept: string[] = []
  let size = 0
  for (const each of blocks) {
    if (kept.length > 0 && size + each.length + 2 > maxBytes) break
    kept.push(each)
    size += each.length + 2
  }
  return kept.join('\n\n')
}

/**
 * The paragraphs, headings and cells of blocks in reading order, each read
 * with every change accepted (`insert`) or rejected (`delete`): blocks and
 * words of the other kind left out. Without `keep`, as they stand.
 */
export function paragraphsRead(nodes: readonly RootContent[], keep?: 'insert' | 'delete'): string[] {
  const found: string[] = []
  const dropped = (node: Nodes): boolean => keep !== undefined && changeOf(node) !== undefined && changeOf(node) !== keep
  const read = (node: Nodes): string => {
    if (node.type === 'mark') return keep === undefined || node.change === keep ? node.children.map(read).join('') : ''
    if ('children' in node) return (node.children as Nodes[]).map(read).join('')
    return 'value' in node ? node.value : ''
  }
  const walk = (node: Nodes): void => {
    if (dropped(node)) return
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') found.push(read(node))
    else if (node.type === 'code') found.push(node.value)
    else if ('children' in node) for (const child of node.children as Nodes[]) walk(child)
  }
  for (const node of nodes) walk(node)
  return found
}
