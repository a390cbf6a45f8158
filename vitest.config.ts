import { configDefaults, defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The pathological corpus takes minutes: `npm run test:slow` (vitest.slow.config.ts).
    exclude: [...configDefaults.exclude, 'test/slow/**'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    // The JSON report is what .ci/run counts passed and failed tests from.
    reporters: ['default', ['json', { outputFile: 'test-artifacts/vitest.json' }]],
  },
})
