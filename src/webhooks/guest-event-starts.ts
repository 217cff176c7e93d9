import { defineWebhook } from '../definition/define-webhook.js';
import { eventsGuestSchemas } from '../domains/events/guest.js';
import { guestEventStartsFactory } from './guest-event-starts.factory.js';

export const guestEventStarts = defineWebhook({
  name: 'guest-event-starts',
  eventType: 'wix.events.guests.v1.guest_guest_event_starts',
  entityFqdn: 'wix.events.guests.v1.guest',
  slug: 'guest_event_starts',
  title: 'Guest Event Starts',
  description: 'Triggered when an event has started.',
  docsUrl: 'https://dev.wix.com/docs/api-reference/business-solutions/events/event-guests/guest-event-starts',
  provider: 'wix-events-guests-v1',
  // The docs example carries the body in `actionEvent.bodyAsJson`; `@wix/sdk` reads `actionEvent.body`.
  payload: { kind: 'action', data: (_object, mode) => eventsGuestSchemas(mode).GuestEventStarts, acceptBodyAsJson: true },
  entities: eventsGuestSchemas,
  // As `@wix/events` registers `onGuestEventStarts` (module `@wix/auto_sdk_events_guests`).
  sdk: {
    package: '@wix/events',
    module: 'guests',
    handler: 'onGuestEventStarts',
    transformations: {
      timestamps: [
        'data.guest.createdDate',
        'data.guest.updatedDate',
        'data.guest.attendanceStatusUpdatedDate',
        'data.guest.guestDetails.formResponse.inputValues.dateTime',
        'data.guest.guestDetails.checkInDetails.checkInDate',
        'data.guest.guestDetails.checkInDetails.checkInCanceledDate',
        'data.guest.additionalDetails.createdDate',
        'data.guest.additionalDetails.updatedDate',
        'data.event.dateAndTimeSettings.startDate',
        'data.event.dateAndTimeSettings.endDate',
        'data.event.dateAndTimeSettings.recurringEvents.individualEventDates.startDate',
        'data.event.dateAndTimeSettings.recurringEvents.individualEventDates.endDate',
      ],
      floats: ['data.guest.guestDetails.formResponse.inputValues.number'],
      addresses: ['data.guest.guestDetails.formResponse.inputValues.address.address', 'data.event.location.address'],
      pageUrls: ['data.event.eventPageUrl'],
    },
  },
  factory: guestEventStartsFactory,
});
