import { defineService } from '../../service.js';
import { guestEndpoints, guestHandlers } from './guests.js';
import { sendReminders } from './reminders.js';
import { createEventsStore, seedEvents, type EventsStore } from './store.js';

/** Wix Events: guests (query), and a `guest-event-starts` to each guest at each reminder time the clock passes. */
export const eventsService = defineService<EventsStore>({
  name: 'events',
  emits: ['guest-event-starts'],
  createStore: createEventsStore,
  seed: seedEvents,
  routes: guestHandlers,
  endpoints: guestEndpoints,
  onClockMove: sendReminders,
});
