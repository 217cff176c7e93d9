import { base, en, Faker } from '@faker-js/faker';
import { InvalidFactoryOptionError } from './errors.js';

/** Faker's `refDate`, pinned so that no faker method can read the wall clock (the factories never call `faker.date`). */
const pinnedRefDate = Date.UTC(2025, 0, 1);

/**
 * A fresh, seeded faker for one build. Never the global `faker`: no state leaks between builds,
 * and the same seed draws the same values on any machine and any day.
 */
export function createFaker(seed: number): Faker {
  return new Faker({ locale: [en, base], seed, config: { defaultRefDate: () => new Date(pinnedRefDate) } });
}

/** Checks a user seed; returns it, or a random one when absent (reported back so a failure can be replayed). */
export function resolveSeed(seed: number | undefined): number {
  if (seed === undefined) return Math.floor(Math.random() * 2 ** 32);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new InvalidFactoryOptionError('seed', `expected a non-negative safe integer, got ${String(seed)}`);
  return seed;
}
