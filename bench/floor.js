/**
 * The floor: what any tool reading these proposals must at least do, in the
 * same process model as the CLI (one cold Node process). It reads the
 * configuration and every proposal file, parses each with remark-parse +
 * remark-gfm + remark-frontmatter and its front matter with yaml; nothing else.
 *
 * Usage: node bench/floor.js ROOT
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { parseDocument } from 'yaml'

const root = process.argv[2]
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze()

parseDocument(readFileSync(path.join(root, 'consolidate.yaml'), 'utf8'))
let nodes = 0
for (const entry of readdirSync(path.join(root, 'proposals'), { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.md')) continue
  const tree = processor.parse(readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
  const head = tree.children[0]
  if (head?.type === 'yaml') parseDocument(head.value)
  nodes += tree.children.length
}
process.stdout.write(`${nodes}\n`)
