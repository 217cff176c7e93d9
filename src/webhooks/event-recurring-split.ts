import { defineWebhook } from '../definition/define-webhook.js';
import { calendarEventSchemas } from '../domains/calendar/event.js';
import { eventRecurringSplitFactory } from './event-recurring-split.factory.js';

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
  sdk: {
    package: '@wix/calendar',
    module: 'events',
    handler: 'onEventRecurringSplit',
    transformations: {
      // Zoned dates keep `localDate` a string; only `utcDate` is a Date in the SDK's `ZonedDate`.
      timestamps: [
        'data.updatedRecurringEventEndingBeforeSplit.start.utcDate',
        'data.updatedRecurringEventEndingBeforeSplit.end.utcDate',
        'data.updatedRecurringEventEndingBeforeSplit.adjustedStart.utcDate',
        'data.updatedRecurringEventEndingBeforeSplit.adjustedEnd.utcDate',
        'data.updatedRecurringEventEndingBeforeSplit.recurrenceRule.until.utcDate',
        'data.updatedRecurringEventEndingBeforeSplit.recurrenceRule.adjustedUntil.utcDate',
        'data.updatedRecurringEventEndingBeforeSplit.createdDate',
        'data.updatedRecurringEventEndingBeforeSplit.updatedDate',
        'data.newRecurringEventStartingFromSplit.start.utcDate',
        'data.newRecurringEventStartingFromSplit.end.utcDate',
        'data.newRecurringEventStartingFromSplit.adjustedStart.utcDate',
        'data.newRecurringEventStartingFromSplit.adjustedEnd.utcDate',
        'data.newRecurringEventStartingFromSplit.recurrenceRule.until.utcDate',
        'data.newRecurringEventStartingFromSplit.recurrenceRule.adjustedUntil.utcDate',
        'data.newRecurringEventStartingFromSplit.createdDate',
        'data.newRecurringEventStartingFromSplit.updatedDate',
      ],
      addresses: [],
      pageUrls: [],
      floats: [],
    },
  },
  factory: eventRecurringSplitFactory,
});
