import { describe, expect, it } from 'vitest';
import { civilFromDays, isoText, utcYear } from '../../src/fake/civil.js';
import { isoMillis, isoNanos, isoSeconds } from '../../src/fake/instants.js';
import { addLocalDays, utcToLocal, weekdayOf, weekdayNames } from '../../src/fake/zoned.js';
import { createFaker } from '../../src/fake/random.js';

// Instants across the whole range Date formats with four-digit years, plus the edges and leap days.
const edges = [0, -1, 1, 951_782_400_000, 4_107_542_400_000, -62_167_219_200_000, -62_167_219_200_001, 253_402_300_799_999, 253_402_300_800_000, -8_640_000_000_000_000, 8_640_000_000_000_000];
function* instants(): Generator<number> {
  yield* edges;
  let state = 12_345;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (let index = 0; index < 50_000; index++) yield Math.floor((next() * 2 - 1) * 2.6e14);
  for (let index = 0; index < 10_000; index++) yield Math.floor(1.6e12 + next() * 3e11) + 0.5 * (index % 2);
}

describe('civil calendar arithmetic agrees with Date', () => {
  it('isoText, isoMillis and isoSeconds give exactly toISOString', () => {
    const mismatches: string[] = [];
    for (const ms of instants()) {
      if (!Number.isFinite(new Date(ms).getTime())) continue;
      const expected = new Date(ms).toISOString();
      if (isoMillis(ms) !== expected || isoSeconds(ms) !== expected.replace(/\.\d{3}Z$/, 'Z')) mismatches.push(`${ms}: ${isoMillis(ms)} / ${isoSeconds(ms)} vs ${expected}`);
      if (mismatches.length >= 5) break;
    }
    expect(mismatches).toEqual([]);
    expect(isoText(0, true)).toBe('1970-01-01T00:00:00.000');
    expect(() => isoMillis(Number.NaN)).toThrow(RangeError);
  });

  it('civilFromDays and utcYear give the UTC calendar date of days across ten millennia (every 31st)', () => {
    for (let days = -800_000; days <= 3_000_000; days += 31) {
      const date = new Date(days * 86_400_000);
      const civil = civilFromDays(days);
      if (civil.year !== date.getUTCFullYear() || civil.month !== date.getUTCMonth() + 1 || civil.day !== date.getUTCDate()) expect.fail(`day ${days}: ${JSON.stringify(civil)} vs ${date.toISOString()}`);
    }
    for (const ms of instants()) if (Number.isFinite(ms) && Math.abs(ms) <= 8.64e15) expect(utcYear(ms)).toBe(new Date(ms).getUTCFullYear());
  });

  it('utcToLocal, addLocalDays and weekdayOf agree with Date in UTC and in zones with DST', () => {
    for (let ms = Date.UTC(1990, 0, 1); ms < Date.UTC(2040, 0, 1); ms += 97 * 3_600_123) {
      const utc = new Date(ms);
      expect(utcToLocal(ms, 'UTC')).toEqual({ year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate(), hour: utc.getUTCHours(), minute: utc.getUTCMinutes(), second: utc.getUTCSeconds() });
      const local = utcToLocal(ms, 'America/New_York');
      const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(ms).map((part) => [part.type, Number(part.value)]));
      expect(local).toEqual({ year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second });
      const later = addLocalDays(local, 45);
      const expected = new Date(Date.UTC(local.year, local.month - 1, local.day + 45));
      expect([later.year, later.month, later.day]).toEqual([expected.getUTCFullYear(), expected.getUTCMonth() + 1, expected.getUTCDate()]);
      expect(weekdayOf(local)).toBe(weekdayNames[(new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay() + 6) % 7]);
    }
  });

  it('isoNanos keeps the milliseconds and adds six seeded digits', () => {
    expect(isoNanos(Date.UTC(2024, 9, 14, 9, 28, 48, 693), createFaker(1))).toMatch(/^2024-10-14T09:28:48\.693\d{6}Z$/);
  });
});
