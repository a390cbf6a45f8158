/**
 * How many generated cases a property test tries: a tenth of them in
 * `npm test`, to keep it fast (with a seed, the first tenth of the full run's
 * cases: they do not depend on how many follow); all of them in the slow
 * suite, which CI runs too (vitest.slow.config.ts sets CONSOLIDATE_TEST_FULL).
 */
export function runs(full: number): number {
  return process.env.CONSOLIDATE_TEST_FULL === '1' ? full : Math.max(10, Math.ceil(full / 10))
}
