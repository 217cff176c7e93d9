import { build } from '../../../build/build.js';
import type { EventDetails, EventGuest } from '../../../domains/events/guest.js';
import type { Seeding } from '../../service.js';
import { indexOrder } from '../../query.js';
import { SortedMap } from '../../sorted-map.js';

/** A Wix Events event, as far as the guests API and its reminders need it. */
export interface StoredEventsEvent {
  id: string;
  details: EventDetails;
}

/** Wix Events: events and their guests. */
export interface EventsStore {
  /** In the order Query Event Guests reads them by default: by createdDate, then id. */
  guests: SortedMap<string, EventGuest>;
  eventsEvents: Map<string, StoredEventsEvent>;
}

/** Query Event Guests' default order: by createdDate. */
export const guestOrder = indexOrder<EventGuest>((guest) => guest.createdDate ?? '');

export function createEventsStore(): EventsStore {
  return { guests: new SortedMap(guestOrder.byKeyThenId), eventsEvents: new Map() };
}

/** Two Wix Events events (one tomorrow, one next week) with three guests each. */
export function seedEvents(store: EventsStore, { seed, now }: Seeding): void {
  (['starts-in-1-day', 'starts-in-1-week'] as const).forEach((timing, eventIndex) => {
    const first = build('guest-event-starts', { seed: seed + 10 * (eventIndex + 1), now, traits: [timing, 'one-time-event'] });
    const eventId = first.body.guest.eventId!;
    const details = structuredClone(first.body.event);
    details.status = 'UPCOMING';
    store.eventsEvents.set(eventId, { id: eventId, details });
    for (let guestIndex = 0; guestIndex < 3; guestIndex++) {
      const guest = guestIndex === 0 ? first.body.guest : build('guest-event-starts', { seed: seed + 10 * (eventIndex + 1) + guestIndex, now, traits: [timing], related: { eventId } }).body.guest;
      store.guests.set(guest.id!, guest);
    }
  });
}
