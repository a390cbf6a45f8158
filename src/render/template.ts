/** Templates: `{{name}}` placeholders; a line whose placeholders are all empty is left out. */

/** Fill a template. Unknown placeholders are left as written so a typo shows in the output. */
export function fillTemplate(template: string, values: Record<string, string | undefined>): string {
  const lines: string[] = []
  for (const line of template.replace(/\r\n?/g, '\n').split('\n')) {
    const names = [...line.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1])
    const known = names.filter((name) => name in values)
    if (known.length > 0 && known.every((name) => !values[name])) continue
    lines.push(line.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => (name in values ? values[name] ?? '' : whole)))
  }
  // Lines left out must not leave a gap of several blank lines.
  return lines.join('\n').replace(/\n{3,}/g, '\n\n')
}
