/** Bytes to text: encoding checks, BOM and line endings, offsets to lines and columns. */
import type { Place } from '../types.js'

export type Decoded = { text: string } | { problem: string; place: Place }

const decoder = new TextDecoder('utf-8', { fatal: true })

/**
 * Decode a file as UTF-8 (with or without BOM) and normalise CRLF and CR
 * line endings to LF; `what` names the file in problems. Columns stay those
 * of the original file.
 */
export function decode(bytes: Uint8Array, what = 'a proposal'): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      problem: `the file is saved as UTF-16 (it starts with a UTF-16 byte order mark); ${what} must be UTF-8: save it again choosing the UTF-8 encoding`,
      place: { line: 1, column: 1 },
    }
  }
  const nul = bytes.indexOf(0)
  if (nul !== -1) {
    return {
      problem: `the file is binary, not text (it contains a NUL byte here); ${what} must be a text file saved as UTF-8`,
      place: placeOfByte(bytes, nul),
    }
  }
  let text: string
  try {
    text = decoder.decode(bytes)
  } catch {
    const bad = firstInvalidByte(bytes)
    return {
      problem: `the file is not valid UTF-8: byte 0x${bytes[bad].toString(16).padStart(2, '0')} here does not start or continue a UTF-8 character (a file saved as Windows-1252 or Latin-1 looks like this); save it again choosing the UTF-8 encoding`,
      place: placeOfByte(bytes, bad),
    }
  }
  return { text: normalise(text) }
}

/** Strip a byte order mark and turn CRLF and lone CR into LF. */
export function normalise(text: string): string {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const byte = bytes[index]
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0
    if (length === 0) return index
    for (let next = 1; next < length; next++) {
      if (index + next >= bytes.length || (bytes[index + next] & 0xc0) !== 0x80) return index
    }
    // Overlong, surrogate and out-of-range sequences are invalid too.
    const second = bytes[index + 1]
    if ((byte === 0xe0 && second < 0xa0) || (byte === 0xed && second > 0x9f)) return index
    if ((byte === 0xf0 && second < 0x90) || (byte === 0xf4 && second > 0x8f)) return index
    index += length
  }
  return bytes.length - 1
}

/** Line and column (in characters) of a byte offset; CRLF, CR and LF end lines, a BOM takes no column. */
function placeOfByte(bytes: Uint8Array, offset: number): Place {
  let line = 1
  let column = 1
  const from = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  for (let index = from; index < offset; index++) {
    const byte = bytes[index]
    if (byte === 0x0a || (byte === 0x0d && bytes[index + 1] !== 0x0a)) {
      line++
      column = 1
    } else if (byte !== 0x0d && (byte & 0xc0) !== 0x80) {
      // Continuation bytes belong to the character before them.
      column++
    }
  }
  return { line, column }
}

/** Maps offsets of a text to 1-based lines and columns. */
export class LineIndex {
  private readonly starts: number[] = [0]
  private readonly length: number

  constructor(text: string) {
    this.length = text.length
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
      this.starts.push(index + 1)
    }
  }

  /** How many lines the text has (a final line ending starts no new line). */
  count(): number {
    const last = this.starts[this.starts.length - 1]
    return last === this.length && this.starts.length > 1 ? this.starts.length - 1 : this.starts.length
  }

  place(offset: number): Place {
    let low = 0
    let high = this.starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (this.starts[middle] <= offset) low = middle
      else high = middle - 1
    }
    return { line: low + 1, column: offset - this.starts[low] + 1 }
  }
}
