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
    // The JSON report is what .ci/run counts passed and failed tests from.
    reporters: ['default', ['json', { outputFile: 'test-artifacts/vitest.json' }]],
  },
})
