import { describe, expect, it } from 'vitest';
import { getWebhook } from '../../../src/catalog/catalog.js';
import { createAjv } from '../../helpers/ajv.js';
import { docsExample } from '../../helpers/docs-examples.js';
import { expectRejectedEverywhere, type InvalidCase } from '../../helpers/rejection.js';

const webhook = getWebhook('guest-event-starts');
const ajv = createAjv();
const body = 'actionEvent.bodyAsJson';

const invalidCases: InvalidCase[] = [
  { label: 'unknown timing', mutate: (p) => (p.actionEvent.bodyAsJson.timing = 'STARTS_IN_2_DAYS'), path: `${body}.timing` },
  { label: 'timing missing', mutate: (p) => delete p.actionEvent.bodyAsJson.timing, path: `${body}.timing` },
  { label: 'unknown guest type', mutate: (p) => (p.actionEvent.bodyAsJson.guest.guestType = 'VIP'), path: `${body}.guest.guestType` },
  { label: 'unknown attendance status', mutate: (p) => (p.actionEvent.bodyAsJson.guest.attendanceStatus = 'MAYBE'), path: `${body}.guest.attendanceStatus` },
  { label: 'order number longer than 36', mutate: (p) => (p.actionEvent.bodyAsJson.guest.orderNumber = 'X'.repeat(37)), path: `${body}.guest.orderNumber` },
  { label: 'ticket name longer than 30', mutate: (p) => (p.actionEvent.bodyAsJson.guest.tickets[0].name = 'T'.repeat(31)), path: `${body}.guest.tickets[0].name` },
  { label: 'ticket definition id not a GUID', mutate: (p) => (p.actionEvent.bodyAsJson.guest.tickets[0].definitionId = 'early-bird'), path: `${body}.guest.tickets[0].definitionId` },
  { label: 'checkedIn as a string', mutate: (p) => (p.actionEvent.bodyAsJson.guest.guestDetails.checkedIn = 'no'), path: `${body}.guest.guestDetails.checkedIn` },
  { label: 'guest email malformed', mutate: (p) => (p.actionEvent.bodyAsJson.guest.guestDetails.email = 'jane.at.example.com'), path: `${body}.guest.guestDetails.email` },
  { label: 'totalGuests negative', mutate: (p) => (p.actionEvent.bodyAsJson.guest.totalGuests = -1), path: `${body}.guest.totalGuests` },
  { label: 'guest id missing', mutate: (p) => delete p.actionEvent.bodyAsJson.guest.id, path: `${body}.guest.id` },
  { label: 'guest missing', mutate: (p) => delete p.actionEvent.bodyAsJson.guest, path: `${body}.guest` },
  { label: 'latitude above 90', mutate: (p) => (p.actionEvent.bodyAsJson.event.location.address.geocode.latitude = 91), path: `${body}.event.location.address.geocode.latitude` },
  { label: 'longitude as a string', mutate: (p) => (p.actionEvent.bodyAsJson.event.location.address.geocode.longitude = '-102.4'), path: `${body}.event.location.address.geocode.longitude` },
  { label: 'country not an ISO code', mutate: (p) => (p.actionEvent.bodyAsJson.event.location.address.country = 'United States'), path: `${body}.event.location.address.country` },
  {
    label: 'both streetAddress and addressLine',
    mutate: (p) => (p.actionEvent.bodyAsJson.event.location.address.addressLine = '1531 Street Road'),
    path: `${body}.event.location.address.addressLine`,
    pointer: `/actionEvent/bodyAsJson/event/location/address`,
  },
  { label: 'seven subdivisions', mutate: (p) => p.actionEvent.bodyAsJson.event.location.address.subdivisions.push(...Array(3).fill({ code: 'X' })), path: `${body}.event.location.address.subdivisions` },
  { label: 'unknown subdivision type', mutate: (p) => (p.actionEvent.bodyAsJson.event.location.address.subdivisions[0].type = 'STATE'), path: `${body}.event.location.address.subdivisions[0].type` },
  { label: 'location name longer than 50', mutate: (p) => (p.actionEvent.bodyAsJson.event.location.name = 'B'.repeat(51)), path: `${body}.event.location.name` },
  { label: 'unknown location type', mutate: (p) => (p.actionEvent.bodyAsJson.event.location.type = 'HYBRID'), path: `${body}.event.location.type` },
  { label: 'event title longer than 120', mutate: (p) => (p.actionEvent.bodyAsJson.event.title = 'W'.repeat(121)), path: `${body}.event.title` },
  { label: 'startDate not a date', mutate: (p) => (p.actionEvent.bodyAsJson.event.dateAndTimeSettings.startDate = 'January 4'), path: `${body}.event.dateAndTimeSettings.startDate` },
  { label: 'unknown recurrence status', mutate: (p) => (p.actionEvent.bodyAsJson.event.dateAndTimeSettings.recurrenceStatus = 'WEEKLY'), path: `${body}.event.dateAndTimeSettings.recurrenceStatus` },
  { label: 'unknown event status', mutate: (p) => (p.actionEvent.bodyAsJson.event.status = 'CANCELLED'), path: `${body}.event.status` },
  { label: 'eventPageUrl as a string', mutate: (p) => (p.actionEvent.bodyAsJson.event.eventPageUrl = 'https://www.wix-site.com/event-details/wine-and-music'), path: `${body}.event.eventPageUrl` },
  { label: 'neither body nor bodyAsJson', mutate: (p) => (p.actionEvent = {}), path: 'actionEvent.body', pointer: '/actionEvent' },
];

describe('guest-event-starts schemas', () => {
  it.each(invalidCases)('rejects $label, naming $path', (invalid) => {
    const payload = structuredClone(docsExample(webhook.name));
    invalid.mutate(payload);
    expectRejectedEverywhere(ajv, webhook, payload, invalid);
  });

  it('accepts the body under actionEvent.body, the form @wix/sdk reads', () => {
    const payload = structuredClone(docsExample(webhook.name)) as any;
    payload.actionEvent = { body: payload.actionEvent.bodyAsJson };
    expect(webhook.schemas('strict').payload.safeParse(payload).success).toBe(true);
  });

  it('validates actionEvent.body at depth too', () => {
    const payload = structuredClone(docsExample(webhook.name)) as any;
    payload.actionEvent = { body: payload.actionEvent.bodyAsJson };
    payload.actionEvent.body.timing = 'LATER';
    expectRejectedEverywhere(ajv, webhook, payload, { label: 'body timing', mutate: () => {}, path: 'actionEvent.body.timing' });
  });

  it('accepts the seventh timing of @wix/events, STARTS_IN_2_HOURS, which the reference notes omit', () => {
    const payload = structuredClone(docsExample(webhook.name)) as any;
    payload.actionEvent.bodyAsJson.timing = 'STARTS_IN_2_HOURS';
    expect(webhook.schemas('strict').payload.safeParse(payload).success).toBe(true);
  });
});
