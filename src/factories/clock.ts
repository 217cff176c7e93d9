import type { Faker } from '@faker-js/faker';
import { InvalidFactoryOptionError } from './errors.js';

/** The window the reference instant is drawn from: dates near the docs examples, inside the tz data every engine ships. */
const earliest = Date.UTC(2024, 0, 1);
const latest = Date.UTC(2026, 11, 31);

/**
 * The build's "now": the instant the webhook is sent. Derived from the seeded faker (so no wall
 * clock is read), or given by the caller as `now`.
 */
export function referenceNow(faker: Faker, now?: Date | string | number): number {
  if (now === undefined) return faker.number.int({ min: earliest, max: latest });
  const ms = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : Date.parse(now);
  if (!Number.isFinite(ms)) throw new InvalidFactoryOptionError('now', `expected a Date, an ISO string or epoch milliseconds, got ${String(now)}`);
  return Math.floor(ms);
}

export const minute = 60_000;
export const hour = 60 * minute;
export const day = 24 * hour;
export const second = 1000;

/** `2024-10-15T11:29:39.013Z`: Wix's entity dates, with milliseconds. */
export function isoMillis(ms: number): string {
  return new Date(ms).toISOString();
}

/** `2024-10-11T11:00:00Z`: zoned `utcDate` and Wix Events dates, whole seconds without milliseconds. */
export function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** `2024-10-14T09:28:48.693666801Z`: a payload `eventTime`, with nanoseconds. */
export function isoNanos(ms: number, faker: Faker): string {
  return `${new Date(ms).toISOString().slice(0, 23)}${faker.string.numeric({ length: 6, allowLeadingZeros: true })}Z`;
}
