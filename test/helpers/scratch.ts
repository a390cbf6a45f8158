/** Temporary folders and workspaces for tests, removed when the test file is done. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'

const folders: string[] = []
afterAll(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

/** A new empty folder. */
export function scratch(prefix = 'consolidate-test-'): string {
  const folder = mkdtempSync(path.join(tmpdir(), prefix))
  folders.push(folder)
  return folder
}

/** A new folder holding `files` (relative paths), written in `order`. */
export function workspace(files: Record<string, string | Uint8Array>, order = Object.keys(files)): string {
  const root = scratch('consolidate-workspace-')
  for (const name of order) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true })
    writeFileSync(path.join(root, name), files[name])
  }
  return root
}
