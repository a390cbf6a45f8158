/** Templates: `{{name}}` placeholders; a line whose placeholders are all empty is left out. */

/**
 * Fill a template. Only the names `values` has as its own are placeholders:
 * any other `{{…}}` (a typo, or `{{constructor}}`, which every object inherits) is left as written.
 */
export function fillTemplate(template: string, values: Record<string, string | undefined>): string {
  const known = (name: string): boolean => Object.hasOwn(values, name)
  const lines: string[] = []
  for (const line of template.replace(/\r\n?/g, '\n').split('\n')) {
    const names = [...line.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1]).filter(known)
    if (names.length > 0 && names.every((name) => !values[name])) continue
    lines.push(line.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => (known(name) ? (values[name] ?? '') : whole)))
  }
  // Lines left out must not leave a gap of several blank lines.
  return lines.join('\n').replace(/\n{3,}/g, '\n\n')
}
