import type { Faker, Randomizer } from '@faker-js/faker';
// The `en` entry point loads one locale; the package root loads all ~70 (130 ms and 23 MB more at import).
import { faker as enFaker } from '@faker-js/faker/locale/en';

/** Faker's `refDate`, pinned so that no faker method can read the wall clock (the factories never call `faker.date`). */
const pinnedRefDate = Date.UTC(2025, 0, 1);
/** `en` with `base` merged, as the `en` entry point builds it. */
const locale = enFaker.rawDefinitions;
const FakerClass = enFaker.constructor as new (options: { locale: Faker['rawDefinitions']; randomizer: Randomizer; config: { defaultRefDate: () => Date } }) => Faker;

/**
 * sfc32, a small fast PRNG with a 128-bit state: seeding it is a few operations, where faker's
 * default Mersenne Twister spends tens of microseconds per seed. Pure integer arithmetic, so a
 * seed draws the same sequence on every engine.
 */
function sfc32Randomizer(initial: number): Randomizer & { seed(value: number | number[]): void } {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  const seed = (value: number | number[]) => {
    const n = Array.isArray(value) ? (value[0] ?? 0) : value;
    a = 0x9e3779b9;
    b = 0x243f6a88;
    c = 0xb7e15162;
    d = (n >>> 0) ^ Math.floor(n / 2 ** 32);
    for (let i = 0; i < 15; i++) next();
  };
  seed(initial);
  return { next, seed };
}

/**
 * A fresh, seeded faker for one build (`en` locale). Never the global `faker`: no state leaks
 * between builds, and the same seed draws the same values on any machine and any day.
 */
export function createFaker(seed: number): Faker {
  return newFaker(sfc32Randomizer(seed));
}

function newFaker(randomizer: Randomizer): Faker {
  return new FakerClass({ locale, randomizer, config: { defaultRefDate: () => new Date(pinnedRefDate) } });
}

interface Reusable {
  faker: Faker;
  randomizer: ReturnType<typeof sfc32Randomizer>;
}
const idle: Reusable[] = [];

/**
 * Runs `use` with a faker seeded with `seed`, as {@link createFaker} would give, but reused across
 * calls: constructing a Faker binds every method of its ~30 modules, which was 45% of a build.
 * Re-seeding resets the whole state, so output is the same as a fresh instance's. A nested call
 * (a build inside a build) takes another instance, so neither disturbs the other's sequence.
 */
export function withSeededFaker<T>(seed: number, use: (faker: Faker) => T): T {
  let reusable = idle.pop();
  if (!reusable) {
    const randomizer = sfc32Randomizer(seed);
    reusable = { faker: newFaker(randomizer), randomizer };
  }
  reusable.randomizer.seed(seed);
  try {
    return use(reusable.faker);
  } finally {
    idle.push(reusable);
  }
}
