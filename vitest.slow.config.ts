import { defineConfig } from 'vitest/config'

/**
 * The property tests of `npm test` try a tenth of their cases there (test/helpers/runs.ts);
 * the slow suite runs them again with all of them.
 */
const PROPERTY_TESTS = ['fuzz', 'property', 'labels-property', 'place-property', 'schema', 'writer'].map((name) => `test/${name}.test.ts`)

/** The slow suite (`npm run test:slow`): the pathological corpus through the compiled CLI, one build at a time, and the property tests in full. */
export default defineConfig({
  test: {
    include: ['test/slow/**/*.test.ts', ...PROPERTY_TESTS],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 300_000,
    // Builds are timed: one at a time, so they do not slow one another.
    fileParallelism: false,
    env: { CONSOLIDATE_TEST_FULL: '1' },
    reporters: ['default', ['json', { outputFile: 'test-artifacts/vitest-slow.json' }]],
  },
})
