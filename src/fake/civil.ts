/**
 * Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), as `Date`
 * computes it, without allocating a `Date`: `toISOString` and the `getUTC*` getters were a
 * quarter of a factory build in profiles. The algorithm is Howard Hinnant's `civil_from_days`.
 */

export const msPerDay = 86_400_000;

/** A calendar date. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** The calendar date of day number `days` (any integer, negative before 1970). */
export function civilFromDays(days: number): CivilDate {
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1 };
}

/** The UTC calendar year of the instant `ms`. */
export function utcYear(ms: number): number {
  return civilFromDays(Math.floor(ms / msPerDay)).year;
}

const twoDigits = Array.from({ length: 100 }, (_, value) => String(value).padStart(2, '0'));
const threeDigits = Array.from({ length: 1000 }, (_, value) => String(value).padStart(3, '0'));

/** `Date#toISOString` covers years 0 to 9999 with four digits; outside them (or for non-integers) it is asked directly. */
const firstMs = -62_167_219_200_000;
const endMs = 253_402_300_800_000;

/**
 * `YYYY-MM-DDTHH:mm:ss` of the instant `ms` followed by `.sss` when `withMillis`: the same text as
 * `new Date(ms).toISOString()` (sliced), for every integer `ms` in years 0 to 9999.
 */
export function isoText(ms: number, withMillis: boolean): string {
  if (!Number.isInteger(ms) || ms < firstMs || ms >= endMs) {
    const text = new Date(ms).toISOString();
    return withMillis ? text.slice(0, -1) : text.slice(0, -5);
  }
  const days = Math.floor(ms / msPerDay);
  const { year, month, day } = civilFromDays(days);
  let rest = ms - days * msPerDay;
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  const hours = (rest - minutes) / 60;
  const date = `${year < 1000 ? String(year).padStart(4, '0') : year}-${twoDigits[month]}-${twoDigits[day]}T${twoDigits[hours]}:${twoDigits[minutes]}:${twoDigits[seconds]}`;
  return withMillis ? `${date}.${threeDigits[millis]}` : date;
}
