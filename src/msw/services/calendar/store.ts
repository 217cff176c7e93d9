import { build } from '../../../build/build.js';
import type { CalendarEvent } from '../../../domains/calendar/event.js';
import { buildSchedule, calendarEvent, upcomingEvent, type Schedule } from '../../../domains/calendar/fake.js';
import type { Participation } from '../../../domains/calendar/participation.js';
import { instanceEventId } from '../../../fake/ids.js';
import { minute } from '../../../fake/instants.js';
import { addLocalDays, localToUtc, parseLocal } from '../../../fake/zoned.js';
import type { Seeding } from '../../service.js';
import { indexOrder } from '../../query.js';
import { SortedMap } from '../../sorted-map.js';

/** Calendar v3: events, participations, and the schedules known from the seeded events (time zone and app of new events). */
export interface CalendarStore {
  /** In the order Query Events reads them by default: by start, then id. */
  calendarEvents: SortedMap<string, CalendarEvent>;
  /** In the order Query Participations reads them: by createdDate, then id. */
  participations: SortedMap<string, Participation>;
  schedules: Map<string, { timeZone: string; appId?: string }>;
}

export const durationMs = (event: CalendarEvent) => Date.parse(event.end.utcDate!) - Date.parse(event.start.utcDate!);

/** Query Participations' order: by createdDate. */
export const participationOrder = indexOrder<Participation>((participation) => participation.createdDate ?? '');

/** An event's start, epoch ms: Query Events' default sort key. */
export const utcStartMs = (event: CalendarEvent) => Date.parse(event.start.utcDate!);

/** Query Events' order by start. */
export const eventStartOrder = indexOrder<CalendarEvent>(utcStartMs);

export function createCalendarStore(): CalendarStore {
  return { calendarEvents: new SortedMap(eventStartOrder.byKeyThenId), participations: new SortedMap(participationOrder.byKeyThenId), schedules: new Map() };
}

/** A weekly MASTER whose series is under way, its next four INSTANCE events and a single event; participations in them. */
export function seedCalendar(store: CalendarStore, { faker, seed, now }: Seeding): void {
  const schedule: Schedule = buildSchedule(faker);
  const master = upcomingEvent(faker, now, 'MASTER', schedule);
  const interval = master.recurrenceRule?.interval ?? 1;
  const durationMinutes = durationMs(master) / minute;
  let occurrence = parseLocal(master.start.localDate);
  const instances: CalendarEvent[] = [];
  while (instances.length < 4) {
    if (localToUtc(occurrence, schedule.timeZone) > now) {
      instances.push(
        calendarEvent(schedule, {
          id: instanceEventId(faker),
          recurrenceType: 'INSTANCE',
          slot: { start: occurrence, durationMinutes },
          interval,
          recurringEventId: master.id,
          revision: 1,
          createdMs: Date.parse(master.createdDate!),
          updatedMs: Date.parse(master.createdDate!),
          remainingCapacity: master.totalCapacity ?? 0,
        }),
      );
    }
    occurrence = addLocalDays(occurrence, 7 * interval);
  }
  const single = upcomingEvent(faker, now, 'NONE', buildSchedule(faker));
  for (const event of [master, ...instances, single]) {
    store.calendarEvents.set(event.id, event);
    store.schedules.set(event.scheduleId, { timeZone: event.timeZone!, ...(event.appId ? { appId: event.appId } : {}) });
  }

  // Participations in the first instance and the single event, and one for the whole schedule.
  const targets = [instances[0]!, instances[0]!, single];
  targets.forEach((event, index) => {
    const participation = build('participation-created', { seed: seed + index, now, traits: ['for-event', 'confirmed'], related: { event } }).entity;
    store.participations.set(participation.id, participation);
    event.remainingCapacity = Math.max(0, (event.remainingCapacity ?? 0) - participation.partySize);
  });
  const forSchedule = build('participation-created', { seed: seed + 3, now, traits: ['for-schedule'], related: { event: master } }).entity;
  store.participations.set(forSchedule.id, forSchedule);
}
