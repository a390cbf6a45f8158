import { configDefaults, defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The pathological corpus takes minutes: `npm run test:slow` (vitest.slow.config.ts).
    exclude: [...configDefaults.exclude, 'test/slow/**'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    // Both cores: vitest's default leaves one free, which on a 2-core machine runs the files one at a time.
    maxWorkers: 2,
    // Worker threads, not processes: less to start and to copy between them (measured: a fifth less CPU time over the suite).
    pool: 'threads',
    // The files of a worker share the modules they import (src/ is transformed and loaded once per worker, not once per file):
    // nothing in src/ keeps state between runs, and the tests that change the environment put it back.
    isolate: false,
    // The JSON report is what .ci/run counts passed and failed tests from.
    reporters: ['default', ['json', { outputFile: 'test-artifacts/vitest.json' }]],
  },
})
