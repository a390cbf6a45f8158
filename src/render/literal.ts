/**
 * Literal brackets (docs/reference.md, Brackets): `\[` `\]` written in a text
 * are brackets that are not negotiating brackets. On the threads they are
 * replaced in the parsed text by characters of the Private Use Area, which no
 * format marks as a bracket; each format writes them back as `[` and `]`.
 */
export const LITERAL = { '[': '\ue05b', ']': '\ue05d' } as const

/** The literal brackets' stand-ins, written back as brackets. */
export function unliteral(text: string): string {
  return text.includes('\ue05b') || text.includes('\ue05d') ? text.replace(/\ue05b/g, '[').replace(/\ue05d/g, ']') : text
}
