import type { Faker } from '@faker-js/faker';
import type { CalendarEvent } from '../entities/calendar-event.js';
import type { Participation } from '../entities/calendar-participation.js';
import type { EventDetails, EventGuest } from '../entities/events-guest.js';
import { build } from '../factories/build.js';
import { minute } from '../factories/clock.js';
import { buildSchedule, calendarEvent, upcomingEvent, type Schedule } from '../factories/entities/calendar.js';
import { instanceEventId } from '../factories/ids.js';
import { createFaker } from '../factories/random.js';
import { addLocalDays, localToUtc, parseLocal } from '../factories/zoned.js';

/** A Wix Events event, as far as the guests API and `guest-event-starts` need it. */
export interface StoredEventsEvent {
  id: string;
  details: EventDetails;
}

export interface StoreData {
  calendarEvents: Map<string, CalendarEvent>;
  participations: Map<string, Participation>;
  guests: Map<string, EventGuest>;
  eventsEvents: Map<string, StoredEventsEvent>;
  /** Schedules known from the seeded events: time zone and app of new events. */
  schedules: Map<string, { timeZone: string; appId?: string }>;
}

/**
 * The mock's in-memory Wix: calendar v3 events and participations, Wix Events events and their
 * guests. Seeded from the factories, deterministic per `seed` and start time. Every id and
 * date the endpoints create is drawn from the store's own seeded faker.
 */
export interface WixStore extends StoreData {
  /** The faker new ids are drawn from (seeded, so a replayed test gets the same ids). */
  faker: Faker;
  /** Replaces everything with the seeded initial state. */
  reset(now: number): void;
}

export interface SeedSummary {
  master: CalendarEvent;
  instances: CalendarEvent[];
  single: CalendarEvent;
}

export const durationMs = (event: CalendarEvent) => Date.parse(event.end.utcDate!) - Date.parse(event.start.utcDate!);

function scheduleOf(event: CalendarEvent): Schedule {
  return {
    scheduleId: event.scheduleId,
    externalScheduleId: event.externalScheduleId!,
    scheduleName: event.scheduleName!,
    type: event.type as Schedule['type'],
    timeZone: event.timeZone!,
    location: event.location!,
    resources: event.resources!,
    totalCapacity: event.totalCapacity!,
  };
}

function seedInto(data: StoreData, seed: number, now: number): Faker {
  const faker = createFaker(seed);
  for (const map of Object.values(data)) (map as Map<string, unknown>).clear();

  // A weekly MASTER whose series is under way, its next four INSTANCE events, and a single event.
  const schedule = buildSchedule(faker);
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
    data.calendarEvents.set(event.id, event);
    data.schedules.set(event.scheduleId, { timeZone: event.timeZone!, ...(event.appId ? { appId: event.appId } : {}) });
  }

  // Participations in the first instance and the single event, and one for the whole schedule.
  const targets = [instances[0]!, instances[0]!, single];
  targets.forEach((event, index) => {
    const participation = build('participation-created', { seed: seed + index, now, traits: ['for-event', 'confirmed'], related: { event } }).entity;
    data.participations.set(participation.id, participation);
    event.remainingCapacity = Math.max(0, (event.remainingCapacity ?? 0) - participation.partySize);
  });
  const forSchedule = build('participation-created', { seed: seed + 3, now, traits: ['for-schedule'], related: { event: master } }).entity;
  data.participations.set(forSchedule.id, forSchedule);

  // Two Wix Events events (one tomorrow, one next week) with three guests each.
  (['starts-in-1-day', 'starts-in-1-week'] as const).forEach((timing, eventIndex) => {
    const first = build('guest-event-starts', { seed: seed + 10 * (eventIndex + 1), now, traits: [timing, 'one-time-event'] });
    const eventId = first.body.guest.eventId!;
    const details = structuredClone(first.body.event);
    details.status = 'UPCOMING';
    data.eventsEvents.set(eventId, { id: eventId, details });
    for (let guestIndex = 0; guestIndex < 3; guestIndex++) {
      const guest = guestIndex === 0 ? first.body.guest : build('guest-event-starts', { seed: seed + 10 * (eventIndex + 1) + guestIndex, now, traits: [timing], related: { eventId } }).body.guest;
      data.guests.set(guest.id!, guest);
    }
  });
  return faker;
}

export function createStore(seed: number, now: number): WixStore {
  const data: StoreData = { calendarEvents: new Map(), participations: new Map(), guests: new Map(), eventsEvents: new Map(), schedules: new Map() };
  const store: WixStore = {
    ...data,
    faker: seedInto(data, seed, now),
    reset(at) {
      store.faker = seedInto(data, seed, at);
    },
  };
  return store;
}
