/**
 * A redline in Markdown marks changes with CriticMarkup (`{++ ++}`, `{-- --}`,
 * `{>> <<}`): text written by an author that would read as CriticMarkup is
 * broken by a backslash escape, which Markdown shows as the character itself,
 * so no author can forge a change. Pure.
 */

/** `written` with every CriticMarkup delimiter broken. */
export function neutralise(written: string): string {
  return written.replace(/\{([+\-~=>])(?=\1)/g, '{\\$1').replace(/([+\-~=<])\1\}/g, '$1\\$1}')
}
