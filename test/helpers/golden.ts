/** Golden files: written when missing or with UPDATE=1, then compared byte for byte. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect } from 'vitest'

export function golden(file: string, actual: string): void {
  if (process.env.UPDATE || !existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, actual)
  }
  expect(actual, file).toBe(readFileSync(file, 'utf8'))
}
