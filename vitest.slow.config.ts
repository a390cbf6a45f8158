import { defineConfig } from 'vitest/config'

/** The slow suite (`npm run test:slow`): the pathological corpus through the compiled CLI, one build at a time. */
export default defineConfig({
  test: {
    include: ['test/slow/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 300_000,
    // Builds are timed: one at a time, so they do not slow one another.
    fileParallelism: false,
    reporters: ['default', ['json', { outputFile: 'test-artifacts/vitest-slow.json' }]],
  },
})
