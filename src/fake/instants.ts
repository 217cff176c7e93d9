import type { Faker } from '@faker-js/faker';
import { isoText } from './civil.js';

/** Epoch milliseconds of a Date, an ISO string or a number; `undefined` when it names no valid instant. */
export function toEpochMs(value: Date | number | string): number | undefined {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

export const minute = 60_000;
export const hour = 60 * minute;
export const day = 24 * hour;
export const second = 1000;

/** `2024-10-15T11:29:39.013Z`: Wix's entity dates, with milliseconds. */
export function isoMillis(ms: number): string {
  return `${isoText(ms, true)}Z`;
}

/** `2024-10-11T11:00:00Z`: zoned `utcDate` and Wix Events dates, whole seconds without milliseconds. */
export function isoSeconds(ms: number): string {
  return `${isoText(ms, false)}Z`;
}

/** `2024-10-14T09:28:48.693666801Z`: a payload `eventTime`, with nanoseconds. */
export function isoNanos(ms: number, faker: Faker): string {
  return `${isoText(ms, true)}${faker.string.numeric({ length: 6, allowLeadingZeros: true })}Z`;
}
