import type { Faker } from '@faker-js/faker';
import type { CalendarEvent, RecurrenceRule, ZonedDate } from './event.js';
import { day, isoMillis, isoSeconds, minute } from '../../fake/instants.js';
import { businessName, calendarEventId, guid, instanceEventId, streetName } from '../../fake/ids.js';
import { zones } from '../../fake/time-zones.js';
import { addLocalDays, atTime, formatLocal, localToUtc, utcToLocal, weekdayOf, type LocalDateTime } from '../../fake/zoned.js';

/** Wix Bookings' app id: the `appId` of Bookings schedules, events and participations. */
export const bookingsAppId = '13d21c63-b5ec-5912-8397-c3a5ddb27a97';
/** The resource type of Bookings staff members, as in the docs examples. */
const staffResourceType = '1cd44cf8-756f-41c3-bd90-3e2ffcaf1155';

const classNames = [
  'Pump It Up', 'Morning Yoga', 'Pilates Core', 'Spin Express', 'HIIT Bootcamp', 'Zumba Party', 'Barre Basics', 'Power Lifting',
  'Aqua Aerobics', 'Mindful Meditation', 'Kickboxing', 'Stretch & Release', 'Salsa for Beginners', 'Watercolor Workshop',
  'Pottery Wheel', 'Kids Coding Club', 'Guitar Fundamentals', 'French Conversation', 'Sourdough Baking', 'Tennis Clinic',
] as const;

/** What the events of one schedule share. */
export interface Schedule {
  scheduleId: string;
  externalScheduleId: string;
  scheduleName: string;
  type: 'CLASS' | 'COURSE' | 'APPOINTMENT';
  timeZone: string;
  location: NonNullable<CalendarEvent['location']>;
  resources: NonNullable<CalendarEvent['resources']>;
  totalCapacity: number;
}

export function buildSchedule(faker: Faker, timeZone?: string): Schedule {
  const scheduleId = guid(faker);
  const externalScheduleId = guid(faker);
  const scheduleName = faker.helpers.arrayElement(classNames);
  const type = faker.helpers.weightedArrayElement([
    { weight: 6, value: 'CLASS' as const },
    { weight: 2, value: 'COURSE' as const },
    { weight: 2, value: 'APPOINTMENT' as const },
  ]);
  const drawnZone = faker.helpers.arrayElement(zones).id;
  const staffName = faker.helpers.maybe(() => `${faker.person.firstName()} ${faker.person.lastName()}`, { probability: 0.5 }) ?? `Staff Member #${faker.number.int({ min: 1, max: 9 })}`;
  const resources = [
    { id: guid(faker), name: staffName, type: staffResourceType, scheduleId: guid(faker), transparency: 'OPAQUE' as const, permissionRole: 'WRITER' as const },
  ];
  const location: Schedule['location'] = faker.datatype.boolean({ probability: 0.7 })
    ? { type: 'BUSINESS' }
    : { type: 'CUSTOM', name: businessName(faker), address: `${faker.number.int({ min: 1, max: 2999 })} ${streetName(faker)}, ${faker.location.city()}` };
  const totalCapacity = type === 'APPOINTMENT' ? 1 : faker.helpers.arrayElement([8, 10, 12, 15, 20, 25, 30, 40]);
  return { scheduleId, externalScheduleId, scheduleName, type, timeZone: timeZone ?? drawnZone, location, resources, totalCapacity };
}

/** A zoned date whose `utcDate` is `localDate` in `timeZone`. */
export function zonedDate(local: LocalDateTime, timeZone: string): Required<ZonedDate> {
  return { localDate: formatLocal(local), timeZone, utcDate: isoSeconds(localToUtc(local, timeZone)) };
}

/** A slot: a wall-clock start and a duration. */
export interface Slot {
  start: LocalDateTime;
  durationMinutes: number;
}

/** The wall-clock end of a slot (the duration is elapsed time, so it holds across a DST change). */
export function slotEnd(slot: Slot, timeZone: string): LocalDateTime {
  return utcToLocal(localToUtc(slot.start, timeZone) + slot.durationMinutes * minute, timeZone);
}

/** A start time of day between 07:00 and 20:45, on the quarter hour, and a duration. */
export function drawTimeOfDay(faker: Faker): { hour: number; minute: number; durationMinutes: number } {
  return {
    hour: faker.number.int({ min: 7, max: 20 }),
    minute: faker.helpers.arrayElement([0, 0, 15, 30, 30, 45]),
    durationMinutes: faker.helpers.arrayElement([30, 45, 60, 60, 60, 90, 120]),
  };
}

/** The local day `daysAhead` days after `now` in `timeZone`, at `hour:minute`. */
export function localDayAfter(now: number, timeZone: string, daysAhead: number, hour: number, minuteOfHour: number): LocalDateTime {
  return atTime(addLocalDays(utcToLocal(now, timeZone), daysAhead), hour, minuteOfHour);
}

export interface EventParts {
  id: string;
  recurrenceType: 'NONE' | 'MASTER' | 'INSTANCE';
  slot: Slot;
  interval?: number;
  until?: LocalDateTime;
  recurringEventId?: string;
  revision: number;
  createdMs: number;
  updatedMs: number;
  remainingCapacity: number;
}

/** A weekly rule on the start's weekday, optionally ending at `until`. */
export function weeklyRule(start: LocalDateTime, interval: number, until: LocalDateTime | undefined, timeZone: string): RecurrenceRule {
  const rule: RecurrenceRule = { frequency: 'WEEKLY', interval, days: [weekdayOf(start)] };
  if (until) rule.until = zonedDate(until, timeZone);
  return rule;
}

/** A calendar v3 event of `schedule`, fields in the order of the docs examples. */
export function calendarEvent(schedule: Schedule, parts: EventParts): CalendarEvent {
  const tz = schedule.timeZone;
  const event: CalendarEvent = {
    id: parts.id,
    scheduleId: schedule.scheduleId,
    externalScheduleId: schedule.externalScheduleId,
    scheduleName: schedule.scheduleName,
    type: schedule.type,
    status: 'CONFIRMED',
    title: schedule.scheduleName,
    start: zonedDate(parts.slot.start, tz),
    end: zonedDate(slotEnd(parts.slot, tz), tz),
    timeZone: tz,
    recurrenceType: parts.recurrenceType,
  };
  if (parts.recurrenceType !== 'NONE') event.recurrenceRule = weeklyRule(parts.slot.start, parts.interval ?? 1, parts.until, tz);
  if (parts.recurringEventId) event.recurringEventId = parts.recurringEventId;
  Object.assign(event, {
    transparency: 'OPAQUE',
    location: { ...schedule.location },
    resources: schedule.resources.map((resource) => ({ ...resource })),
    totalCapacity: schedule.totalCapacity,
    remainingCapacity: parts.remainingCapacity,
    inheritedFields:
      parts.recurrenceType === 'INSTANCE'
        ? ['TITLE', 'CAPACITY', 'TIME_ZONE', 'CONFERENCING_DETAILS', 'TIME', 'LOCATION', 'RESOURCES', 'PARTICIPANTS']
        : ['TITLE', 'CAPACITY', 'TIME_ZONE', 'CONFERENCING_DETAILS'],
    appId: bookingsAppId,
    permissions: [],
    revision: String(parts.revision),
    createdDate: isoMillis(parts.createdMs),
    updatedDate: isoMillis(parts.updatedMs),
  } satisfies Partial<CalendarEvent>);
  return event;
}

/**
 * An event a participant can join, starting 1 to 28 days after `now`: a single event, an
 * INSTANCE of a weekly MASTER, or the MASTER itself. Created and updated before `now`.
 */
export function upcomingEvent(faker: Faker, now: number, kind: 'NONE' | 'MASTER' | 'INSTANCE', schedule = buildSchedule(faker)): CalendarEvent {
  const time = drawTimeOfDay(faker);
  const start = localDayAfter(now, schedule.timeZone, faker.number.int({ min: 1, max: 28 }), time.hour, time.minute);
  const interval = faker.helpers.weightedArrayElement([
    { weight: 6, value: 1 },
    { weight: 2, value: 2 },
    { weight: 1, value: 3 },
    { weight: 1, value: 4 },
  ]);
  const pastOccurrences = faker.number.int({ min: 0, max: 12 });
  const createdMs = now - faker.number.int({ min: 2 * day, max: 90 * day });
  const updatedMs = faker.datatype.boolean() ? createdMs : faker.number.int({ min: createdMs, max: now - minute });
  const revision = updatedMs === createdMs ? 1 : faker.number.int({ min: 2, max: 6 });
  const remainingCapacity = faker.number.int({ min: 0, max: schedule.totalCapacity });
  const masterId = calendarEventId(schedule.scheduleId, faker);
  const instanceId = instanceEventId(faker);
  if (kind === 'NONE') {
    return calendarEvent(schedule, { id: masterId, recurrenceType: 'NONE', slot: { start, durationMinutes: time.durationMinutes }, revision, createdMs, updatedMs, remainingCapacity });
  }
  if (kind === 'MASTER') {
    // A MASTER starts no earlier than the day it was created; `start` is its first occurrence.
    const weeksSinceCreated = Math.floor((localToUtc(start, schedule.timeZone) - createdMs) / (7 * day));
    const first = addLocalDays(start, -7 * interval * Math.min(pastOccurrences, Math.floor(weeksSinceCreated / interval)));
    return calendarEvent(schedule, { id: masterId, recurrenceType: 'MASTER', slot: { start: first, durationMinutes: time.durationMinutes }, interval, revision, createdMs, updatedMs, remainingCapacity });
  }
  return calendarEvent(schedule, {
    id: instanceId,
    recurrenceType: 'INSTANCE',
    slot: { start, durationMinutes: time.durationMinutes },
    interval,
    recurringEventId: masterId,
    revision,
    createdMs,
    updatedMs,
    remainingCapacity,
  });
}
