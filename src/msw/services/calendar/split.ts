import type { CalendarEvent } from '../../../domains/calendar/event.js';
import { isoMillis, minute } from '../../../fake/instants.js';
import { slotEnd, weeklyRule, zonedDate } from '../../../domains/calendar/fake.js';
import { calendarEventId } from '../../../fake/ids.js';
import type { Faker } from '@faker-js/faker';
import { addLocalDays, localToUtc, parseLocal, type LocalDateTime } from '../../../fake/zoned.js';
import { fieldError } from '../../errors.js';
import { durationMs } from './store.js';

export interface SplitResult {
  updatedRecurringEventEndingBeforeSplit: CalendarEvent;
  newRecurringEventStartingFromSplit: CalendarEvent;
  /** INSTANCE and EXCEPTION events after the split, moved to the new MASTER. */
  movedInstances: CalendarEvent[];
}

/**
 * Split Recurring Event (calendar v3 §3.6, split rules §4.1 of the notes), computed without
 * touching the store: the caller commits the result, so a refused split changes nothing.
 *
 * - The old MASTER keeps its id, start and `createdDate`; `recurrenceRule.until` becomes the end
 *   of the last occurrence starting before `splitLocalDate` (later than the split when that
 *   occurrence spans it); `revision` + 1, `updatedDate` now.
 * - The new MASTER (`revision` "1", created now, id on the same schedule prefix) starts at the
 *   first occurrence after the split, same weekday, times and rule, keeping the old `until`.
 * - INSTANCE and EXCEPTION events starting after the split point to the new MASTER.
 *
 * Refused with a 400 naming `splitLocalDate`: a split in the past, one not after the start of the
 * next upcoming occurrence, or one with no occurrence after it before the series' `until`.
 */
export function splitMaster(master: CalendarEvent, splitLocalDate: string, instances: readonly CalendarEvent[], now: number, faker: Faker): SplitResult {
  const timeZone = master.timeZone ?? master.start.timeZone ?? 'UTC';
  const rule = master.recurrenceRule;
  const interval = rule?.interval ?? 1;
  const split = parseLocal(splitLocalDate);
  const splitMs = localToUtc(split, timeZone);
  if (splitMs <= now) throw fieldError('splitLocalDate', `must be in the future (now is ${new Date(now).toISOString()})`, 'OTHER');

  const durationMinutes = durationMs(master) / minute;
  const first = parseLocal(master.start.localDate);
  const untilMs = rule?.until ? localToUtc(parseLocal(rule.until.localDate), rule.until.timeZone ?? timeZone) : Infinity;
  // Walk the series: `previous` is the last occurrence starting before the split, `next` the first one after it.
  let previous: LocalDateTime | undefined;
  let next = first;
  for (let step = 0; localToUtc(next, timeZone) < splitMs; step++) {
    if (step > 100_000) throw fieldError('splitLocalDate', 'is too far in the future', 'MAX');
    previous = next;
    next = addLocalDays(next, 7 * interval);
  }
  // "Must be a future date that's after the start date of the next INSTANCE or EXCEPTION event in the series" (to change
  // the series from its very next occurrence, Wix says to update the MASTER instead).
  if (previous === undefined || localToUtc(previous, timeZone) <= now) {
    throw fieldError('splitLocalDate', 'must be after the start of the next upcoming occurrence of the series (to change the series from that occurrence on, update the MASTER)', 'OTHER');
  }
  if (localToUtc(next, timeZone) > untilMs) throw fieldError('splitLocalDate', 'must leave at least one occurrence after the split, before the series ends', 'OTHER');

  const updatedDate = isoMillis(now);
  const old = structuredClone(master);
  old.recurrenceRule = { ...weeklyRule(first, interval, undefined, timeZone), ...rule, until: zonedDate(slotEnd({ start: previous, durationMinutes }, timeZone), timeZone) };
  old.revision = String(BigInt(master.revision ?? '1') + 1n);
  old.updatedDate = updatedDate;

  const created = structuredClone(master);
  created.id = calendarEventId(master.scheduleId, faker);
  created.start = zonedDate(next, timeZone);
  created.end = zonedDate(slotEnd({ start: next, durationMinutes }, timeZone), timeZone);
  created.recurrenceRule = weeklyRule(next, interval, undefined, timeZone);
  if (rule?.until) created.recurrenceRule.until = structuredClone(rule.until);
  created.revision = '1';
  created.createdDate = updatedDate;
  created.updatedDate = updatedDate;

  const movedInstances = instances
    .filter((event) => event.recurringEventId === master.id && Date.parse(event.start.utcDate ?? '') >= splitMs)
    .map((event) => ({ ...structuredClone(event), recurringEventId: created.id, updatedDate }));
  return { updatedRecurringEventEndingBeforeSplit: old, newRecurringEventStartingFromSplit: created, movedInstances };
}
