import { defineWebhook } from '../catalog/define-webhook.js';
import { calendarEventSchemas } from '../entities/calendar-event.js';

export const eventRecurringSplit = defineWebhook({
  name: 'event-recurring-split',
  eventType: 'wix.calendar.v3.event_recurring_split',
  entityFqdn: 'wix.calendar.v3.event',
  slug: 'recurring_split',
  title: 'Event Recurring Split',
  description: 'Triggered when a MASTER event is split.',
  docsUrl: 'https://dev.wix.com/docs/api-reference/business-management/calendar/events-v3/event-recurring-split',
  provider: 'wix-calendar-events-v3',
  payload: { kind: 'action', data: (_object, mode) => calendarEventSchemas(mode).RecurringEventSplit },
  entities: calendarEventSchemas,
});
