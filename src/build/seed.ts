import type { Faker } from '@faker-js/faker';
import { toEpochMs } from '../fake/instants.js';
import { InvalidFactoryOptionError } from './errors.js';

/** Checks a user seed; returns it, or a random one when absent (reported back so a failure can be replayed). */
export function resolveSeed(seed: number | undefined): number {
  if (seed === undefined) return Math.floor(Math.random() * 2 ** 32);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new InvalidFactoryOptionError('seed', `expected a non-negative safe integer, got ${String(seed)}`);
  return seed;
}

/** The window the reference instant is drawn from: dates near the docs examples, inside the tz data every engine ships. */
const earliest = Date.UTC(2024, 0, 1);
const latest = Date.UTC(2026, 11, 31);

/**
 * The build's "now": the instant the webhook is sent. Derived from the seeded faker (so no wall
 * clock is read), or given by the caller as `now`.
 */
export function referenceNow(faker: Faker, now?: Date | string | number): number {
  if (now === undefined) return faker.number.int({ min: earliest, max: latest });
  const ms = toEpochMs(now);
  if (ms === undefined) throw new InvalidFactoryOptionError('now', `expected a Date, an ISO string or epoch milliseconds, got ${String(now)}`);
  return Math.floor(ms);
}
