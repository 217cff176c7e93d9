import { WixhookError } from '../errors.js';
import { civilFromDays, msPerDay, utcYear } from './civil.js';

/**
 * Zoned-date arithmetic on `Intl.DateTimeFormat`, so the real IANA rules (DST included) apply
 * and no runtime dependency is needed. Only numeric parts are read from Intl, so the results do
 * not depend on the ICU version's wording.
 */

/** A wall-clock date and time, without zone. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export const weekdayNames = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof weekdayNames)[number];

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function readParts(ms: number, timeZone: string): LocalDateTime {
  const local: LocalDateTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type in local) local[part.type as keyof LocalDateTime] = Number(part.value);
  }
  if (local.hour === 24) local.hour = 0;
  return local;
}

function localAsUtc(local: LocalDateTime): number {
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
}

/** The offset Intl reports at `ms` (slow: one `formatToParts`). */
function rawOffset(ms: number, timeZone: string): number {
  return Math.round((localAsUtc(readParts(ms, timeZone)) - ms) / 60_000);
}

interface Segment {
  from: number;
  offset: number;
}

const quarterHour = 15 * 60_000;
/** Zone → year → segments: nested maps, since building a string key per lookup showed in profiles. */
const yearSegments = new Map<string, Map<number, Segment[]>>();

/**
 * A zone's offsets through one UTC year, as segments: Intl is asked for the offset at each month
 * start, and each change is located by bisection on quarter hours (IANA changes fall on UTC
 * quarter hours). About 25 `formatToParts` calls per zone and year, then lookups are arithmetic.
 * Assumes at most one change per month, which holds for every zone the factories use.
 */
function segmentsFor(timeZone: string, year: number): Segment[] {
  let years = yearSegments.get(timeZone);
  if (years === undefined) yearSegments.set(timeZone, (years = new Map()));
  let segments = years.get(year);
  if (segments === undefined) {
    const starts = Array.from({ length: 13 }, (_, month) => Date.UTC(year, month, 1));
    const offsets = starts.map((ms) => rawOffset(ms, timeZone));
    segments = [{ from: starts[0]!, offset: offsets[0]! }];
    for (let month = 0; month < 12; month++) {
      if (offsets[month] === offsets[month + 1]) continue;
      let low = starts[month]! / quarterHour;
      let high = starts[month + 1]! / quarterHour;
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (rawOffset(middle * quarterHour, timeZone) === offsets[month]) low = middle;
        else high = middle;
      }
      segments.push({ from: high * quarterHour, offset: rawOffset(high * quarterHour, timeZone) });
    }
    years.set(year, segments);
  }
  return segments;
}

/** The UTC offset of `timeZone` at the instant `ms`, in minutes (east positive). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const segments = segmentsFor(timeZone, utcYear(ms));
  let offset = segments[0]!.offset;
  for (let index = 1; index < segments.length && segments[index]!.from <= ms; index++) offset = segments[index]!.offset;
  return offset;
}

/** The wall-clock time in `timeZone` at the UTC instant `ms` (whole seconds). */
export function utcToLocal(ms: number, timeZone: string): LocalDateTime {
  const shifted = Math.floor(ms / 1000) + offsetMinutes(ms, timeZone) * 60;
  const days = Math.floor(shifted / 86_400);
  const { year, month, day } = civilFromDays(days);
  const secondOfDay = shifted - days * 86_400;
  return { year, month, day, hour: Math.floor(secondOfDay / 3600), minute: Math.floor(secondOfDay / 60) % 60, second: secondOfDay % 60 };
}

/**
 * The UTC instant of a wall-clock time in `timeZone`. A time skipped by a DST change resolves
 * with the offset before the change; a repeated time takes its first occurrence.
 */
export function localToUtc(local: LocalDateTime, timeZone: string): number {
  const guess = localAsUtc(local);
  // The offsets a day before and a day after bracket at most one change (changes are months apart).
  const before = guess - offsetMinutes(guess - msPerDay, timeZone) * 60_000;
  const after = guess - offsetMinutes(guess + msPerDay, timeZone) * 60_000;
  // The same offset on both sides: no change in between, so `before` is the one reading.
  if (before === after) return before;
  const beforeValid = sameLocal(utcToLocal(before, timeZone), local);
  const afterValid = sameLocal(utcToLocal(after, timeZone), local);
  if (beforeValid && afterValid) return Math.min(before, after);
  return afterValid ? after : before;
}

function sameLocal(a: LocalDateTime, b: LocalDateTime): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute && a.second === b.second;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `2024-10-11T12:00:00`: a `ZonedDate.localDate`. */
export function formatLocal(local: LocalDateTime): string {
  return `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}`;
}

/** Reads a `localDate` (`2024-10-11T12:00` or `2024-10-11T12:00:00[.sss]`). */
export function parseLocal(text: string): LocalDateTime {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(text);
  if (!match) throw new WixhookError('ERR_LOCAL_DATE', `Not a local date-time (YYYY-MM-DDTHH:mm[:ss]): ${JSON.stringify(text)}.`);
  const [, year, month, day, hour, minute, second] = match;
  return { year: Number(year), month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second ?? 0) };
}

/** The same wall-clock time `days` calendar days later (or earlier), whatever DST does in between. */
export function addLocalDays(local: LocalDateTime, days: number): LocalDateTime {
  const date = civilFromDays(Math.floor(Date.UTC(local.year, local.month - 1, local.day + days) / msPerDay));
  return { ...local, year: date.year, month: date.month, day: date.day };
}

/** The same calendar day at another wall-clock time. */
export function atTime(local: LocalDateTime, hour: number, minute: number): LocalDateTime {
  return { ...local, hour, minute, second: 0 };
}

/** The day of the week of a wall-clock date. */
export function weekdayOf(local: LocalDateTime): Weekday {
  // Day 0, 1970-01-01, was a Thursday (index 3 from Monday).
  const days = Math.floor(Date.UTC(local.year, local.month - 1, local.day) / msPerDay);
  return weekdayNames[(((days + 3) % 7) + 7) % 7]!;
}

/** Whole calendar days from `a` to `b` (dates only). */
export function daysBetween(a: LocalDateTime, b: LocalDateTime): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}
