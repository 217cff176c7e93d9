/**
 * mulberry32: a tiny seeded PRNG giving floats in [0, 1). Same seed, same sequence, everywhere.
 *
 * @example
 * const random = mulberry32(42);
 * random(); // 0.6011037519201636, always
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A shuffled copy (Fisher-Yates) drawn from `random`.
 *
 * @example
 * seededShuffle([1, 2, 3, 4], mulberry32(7)); // the same order for seed 7, every run
 */
export function seededShuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}
