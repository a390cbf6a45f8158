/**
 * Ship the Word writer, docx, inside dist/: its ES module build is one file
 * with nothing to import (its own dependencies are bundled into it), so
 * dist/node_modules/docx/ is all Node needs to resolve `import … from 'docx'`
 * in dist/render/. The package then does not depend on docx at install time:
 * docx declares nanoid 6, whose `engines` exclude Node 20, and `overrides`
 * apply only to the project that installs, never to its dependencies
 * (docs/decisions.md, "The Word writer travels inside the package").
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

const root = fileURLToPath(new URL('..', import.meta.url))
const from = path.join(root, 'node_modules', 'docx')
const to = path.join(root, 'dist', 'node_modules', 'docx')
const manifest = JSON.parse(readFileSync(path.join(from, 'package.json'), 'utf8'))
const module = readFileSync(path.join(from, 'dist', 'index.mjs'), 'utf8')
// Refuse a build of docx that would need its dependencies after all.
const imports = [...module.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']/gm)].map((match) => match[1])
if (imports.length > 0) throw new Error(`docx ${manifest.version} imports ${imports.join(', ')}: it can no longer be shipped as one file`)

rmSync(to, { recursive: true, force: true })
mkdirSync(to, { recursive: true })
writeFileSync(path.join(to, 'index.js'), module)
copyFileSync(path.join(from, 'dist', 'index.d.ts'), path.join(to, 'index.d.ts'))
copyFileSync(path.join(from, 'LICENSE'), path.join(to, 'LICENSE'))
const shipped = {
  name: 'docx',
  version: manifest.version,
  description: `${manifest.description} (its ES module build, shipped inside consolidate-negotiation)`,
  license: manifest.license,
  type: 'module',
  exports: { '.': { types: './index.d.ts', default: './index.js' } },
  main: 'index.js',
  types: 'index.d.ts',
}
writeFileSync(path.join(to, 'package.json'), `${JSON.stringify(shipped, null, 2)}\n`)
