import { defineService } from '../../service.js';
import { eventEndpoints, eventHandlers } from './events.js';
import { participationEndpoints, participationHandlers } from './participations.js';
import { createCalendarStore, seedCalendar, type CalendarStore } from './store.js';

/** Wix Calendar v3: events (query, get, create, split, update) and participations (create, get, query, update). */
export const calendarService = defineService<CalendarStore>({
  name: 'calendar',
  emits: ['participation-created', 'event-recurring-split'],
  createStore: createCalendarStore,
  seed: seedCalendar,
  routes: (context) => [...eventHandlers(context), ...participationHandlers(context)],
  endpoints: [...eventEndpoints, ...participationEndpoints],
});
