import type { RecurringEventSplit } from '../domains/calendar/event.js';
import { day, hour, isoNanos } from '../fake/instants.js';
import { buildSchedule, calendarEvent, drawTimeOfDay, localDayAfter, slotEnd, type Schedule } from '../domains/calendar/fake.js';
import { defineFactory, knob } from '../definition/define-factory.js';
import { calendarEventId } from '../fake/ids.js';
import { dstZones, zones } from '../fake/time-zones.js';
import { addLocalDays, localToUtc, offsetMinutes } from '../fake/zoned.js';

export interface SplitKnobs {
  /** Weeks between occurrences, 1 to 4. */
  interval: 1 | 2 | 3 | 4;
  /** `true`: the last occurrence before the split and the first after it have different UTC offsets. `false`: the same offset. */
  dstChange: boolean;
}

export interface SplitRelated {
  /** The schedule whose weekly series is split: its id, name, time zone, location, resources and capacity. */
  schedule: Schedule;
}

const weeks = [1, 2, 3, 4] as const;

export const eventRecurringSplitFactory = defineFactory<RecurringEventSplit, SplitKnobs, SplitRelated>()({
  traits: {
    'every-week': { description: 'A weekly series (interval 1).', group: 'interval', knobs: { interval: 1 } },
    'every-2-weeks': { description: 'Every second week (interval 2).', group: 'interval', knobs: { interval: 2 } },
    'every-3-weeks': { description: 'Every third week (interval 3).', group: 'interval', knobs: { interval: 3 } },
    'every-4-weeks': { description: 'Every fourth week (interval 4, the maximum).', group: 'interval', knobs: { interval: 4 } },
    'dst-change': {
      description: 'A DST change falls between the two halves: the last occurrence before the split and the first after it have different UTC offsets.',
      group: 'dst',
      knobs: { dstChange: true },
    },
    'no-dst-change': { description: 'Both halves have the same UTC offset around the split.', group: 'dst', knobs: { dstChange: false } },
  },
  build({ faker, now, knobs, related }) {
    const interval = knob(knobs.interval, () => faker.helpers.arrayElement(weeks));
    const dstZone = faker.helpers.arrayElement(dstZones).id;
    const anyZone = faker.helpers.arrayElement(zones).id;
    const drawnSchedule = buildSchedule(faker, knobs.dstChange === true ? dstZone : anyZone);
    const schedule = related.schedule ?? drawnSchedule;
    const tz = schedule.timeZone;
    const time = drawTimeOfDay(faker);
    const daysToNext = faker.number.int({ min: 1, max: 7 * interval - 1 });
    const pastOccurrences = faker.number.int({ min: 0, max: 10 });
    const createdBefore = faker.number.int({ min: hour, max: 14 * day });
    const revision = faker.number.int({ min: 2, max: 6 });
    const remainingCapacity = faker.number.int({ min: 0, max: schedule.totalCapacity });
    const oldId = calendarEventId(schedule.scheduleId, faker);
    const newId = calendarEventId(schedule.scheduleId, faker);
    const delay = faker.number.int({ min: 300, max: 900 });

    // The split happens at `splitAt`; the next occurrence is `daysToNext` days later, the one before it a full interval earlier.
    // For a DST requirement, move the split week by week until the two occurrences around it have the wanted offsets.
    let splitAt = now;
    let next = localDayAfter(splitAt, tz, daysToNext, time.hour, time.minute);
    let previous = addLocalDays(next, -7 * interval);
    const offsetsDiffer = () => offsetMinutes(localToUtc(previous, tz), tz) !== offsetMinutes(localToUtc(next, tz), tz);
    for (let week = 0; knobs.dstChange !== undefined && offsetsDiffer() !== knobs.dstChange && week < 104; week++) {
      splitAt += 7 * day;
      next = localDayAfter(splitAt, tz, daysToNext, time.hour, time.minute);
      previous = addLocalDays(next, -7 * interval);
    }
    const first = addLocalDays(previous, -7 * interval * pastOccurrences);
    const createdMs = localToUtc(first, tz) - createdBefore;

    const updatedRecurringEventEndingBeforeSplit = calendarEvent(schedule, {
      id: oldId,
      recurrenceType: 'MASTER',
      slot: { start: first, durationMinutes: time.durationMinutes },
      interval,
      until: slotEnd({ start: previous, durationMinutes: time.durationMinutes }, tz),
      revision,
      createdMs,
      updatedMs: splitAt,
      remainingCapacity,
    });
    const newRecurringEventStartingFromSplit = calendarEvent(schedule, {
      id: newId,
      recurrenceType: 'MASTER',
      slot: { start: next, durationMinutes: time.durationMinutes },
      interval,
      revision: 1,
      createdMs: splitAt,
      updatedMs: splitAt,
      remainingCapacity,
    });
    return {
      data: { updatedRecurringEventEndingBeforeSplit, newRecurringEventStartingFromSplit },
      entityId: oldId,
      eventTime: isoNanos(splitAt + delay, faker),
      related: { schedule },
    };
  },
});
