import { describe, expect, test } from 'vitest'
import { diffWords, hunks, paragraphStarts, words } from '../src/model/words.js'

const w = (text: string): string[] => words(text)

describe('diffWords', () => {
  test('a shortest edit script, with each run placed in both texts', () => {
    expect(diffWords(w('Each Party shall endeavour to base its measures'), w('Each Party shall base its own measures'))).toEqual([
      { same: ['Each', 'Party', 'shall'], at: { before: 0, after: 0 } },
      { removed: ['endeavour', 'to'], added: [], at: { before: 3, after: 3 } },
      { same: ['base', 'its'], at: { before: 5, after: 3 } },
      { removed: [], added: ['own'], at: { before: 7, after: 5 } },
      { same: ['measures'], at: { before: 7, after: 6 } },
    ])
  })

  test('replacements, empty texts, identical texts', () => {
    expect(diffWords(w('a b c'), w('a x c'))).toEqual([
      { same: ['a'], at: { before: 0, after: 0 } },
      { removed: ['b'], added: ['x'], at: { before: 1, after: 1 } },
      { same: ['c'], at: { before: 2, after: 2 } },
    ])
    expect(diffWords([], w('new text'))).toEqual([{ removed: [], added: ['new', 'text'], at: { before: 0, after: 0 } }])
    expect(diffWords(w('old'), [])).toEqual([{ removed: ['old'], added: [], at: { before: 0, after: 0 } }])
    expect(diffWords(w('same words'), w('same  words'))).toEqual([{ same: ['same', 'words'], at: { before: 0, after: 0 } }])
    expect(diffWords([], [])).toEqual([])
  })

  test('finds the common words of texts that differ in many places', () => {
    const before = w('a b c d e f g h i j')
    const after = w('a B c D e F g H i J')
    const segments = diffWords(before, after)
    expect(segments.filter((segment) => 'same' in segment).flatMap((segment) => ('same' in segment ? segment.same : []))).toEqual(['a', 'c', 'e', 'g', 'i'])
  })

  test('past maxEdits the differing middle is replaced whole', () => {
    expect(diffWords(w('start a b c end'), w('start x y z end'), 2)).toEqual([
      { same: ['start'], at: { before: 0, after: 0 } },
      { removed: ['a', 'b', 'c'], added: ['x', 'y', 'z'], at: { before: 1, after: 1 } },
      { same: ['end'], at: { before: 4, after: 4 } },
    ])
  })
})

describe('hunks', () => {
  const long = Array.from({ length: 30 }, (_, index) => `w${index}`)

  test('context either side, cut where text is left out, nearby changes in one hunk', () => {
    const after = [...long]
    after[10] = 'X'
    after[14] = 'Y'
    const result = hunks(diffWords(long, after), 3)
    expect(result).toHaveLength(1)
    expect(result[0].cut).toEqual({ start: true, end: true })
    expect(
      result[0].segments.map((segment) => ('same' in segment ? segment.same.join(' ') : `-${segment.removed.join(' ')}+${segment.added.join(' ')}`)),
    ).toEqual(['w7 w8 w9', '-w10+X', 'w11 w12 w13', '-w14+Y', 'w15 w16 w17'])
  })

  test('far apart changes make two hunks; a change at the very start is not cut there', () => {
    const after = ['A', ...long.slice(1)]
    after[25] = 'Z'
    const result = hunks(diffWords(long, after), 3)
    expect(result.map((hunk) => hunk.cut)).toEqual([
      { start: false, end: true },
      { start: true, end: true },
    ])
  })

  test('context stops at a paragraph of the newer text', () => {
    const before = 'One two three four.\n\nFive six seven eight.'
    const after = 'One two three four.\n\nFive SIX seven eight.'
    const starts = paragraphStarts(after)
    expect(starts).toEqual(new Set([4]))
    const [hunk] = hunks(diffWords(words(before), words(after)), 8, starts)
    expect(hunk.cut).toEqual({ start: false, end: false })
    expect(hunk.segments[0]).toEqual({ same: ['Five'], at: { before: 4, after: 4 } })
  })
})
