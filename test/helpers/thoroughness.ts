/**
 * How thorough the seeded sweeps are. In CI (`CI` set, as `.ci/run` sets it for the main run) or
 * with `WIXHOOK_TEST_EXHAUSTIVE=1`, every sweep runs at full size; otherwise (a developer's
 * `npm test`, and CI's second Node version, which would feed the same seeds to the same code)
 * each runs a sample of the same seeds, large enough to catch a broken rule, small enough to
 * keep the suite quick. Each sweep's own variable still overrides its size.
 */
export const exhaustive = Boolean(process.env.CI || process.env.WIXHOOK_TEST_EXHAUSTIVE);

/** `full` in an exhaustive run, `sample` otherwise; `override` (an environment variable's value) wins. */
export function sweepSize(full: number, sample: number, override?: string): number {
  if (override !== undefined && override !== '') return Number(override);
  return exhaustive ? full : sample;
}
