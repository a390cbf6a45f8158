#!/usr/bin/env node
import { createRequire } from 'node:module'

// The CLI's start, bundled as CommonJS with what it needs (see src/launch.ts, scripts/bundle.js).
const { launch } = createRequire(import.meta.url)('../dist/launch.cjs')
process.exitCode = await launch(process.argv.slice(2))
