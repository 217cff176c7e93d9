import { expect } from 'vitest';
import type { createApp } from '../src/app.js';

type App = ReturnType<typeof createApp>;

/** The next day's local date-time: `2025-03-10T18:00:00` → `2025-03-11T18:00:00`. */
const dayAfter = (localDate: string) => new Date(Date.parse(`${localDate}Z`) + 86_400_000).toISOString().slice(0, 19);

/** Books a seat through the app; the mock answers and sends participation-created back to it. */
export async function bookASeat(appUrl: string, app: App, waitForDeliveries: () => Promise<void>) {
  const events = await app.wixPost('/calendar/v3/events/query', {});
  const event = events.body.events[0];
  const booked = await fetch(`${appUrl}/bookings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ eventId: event.id, name: 'Jane Doe', partySize: 2 }) });
  expect(booked.status).toBe(200);
  const { participation } = (await booked.json()) as { participation: { id: string } };
  await waitForDeliveries();
  const webhook = app.received.find((entry) => entry.eventType === 'wix.calendar.v3.participation_created');
  expect(webhook?.data.createdEvent.entity).toEqual(participation);
  const again = await app.wixPost('/calendar/v3/participations/query', { query: { filter: { eventId: event.id } } });
  expect(again.body.participations.map((entry: { id: string }) => entry.id)).toContain(participation.id);
}

/** Splits the seeded weekly series through the app; the mock sends event-recurring-split back. */
export async function splitTheSeries(appUrl: string, app: App, waitForDeliveries: () => Promise<void>) {
  const masters = await app.wixPost('/calendar/v3/events/query', { recurrenceType: ['MASTER'] });
  const master = masters.body.events[0];
  const instances = await app.wixPost('/calendar/v3/events/query', { query: { filter: { recurringEventId: master.id } } });
  const from = dayAfter(instances.body.events[1].start.localDate);
  const split = await fetch(`${appUrl}/series/${master.id}/split`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from }) });
  expect(split.status).toBe(200);
  const result = (await split.json()) as { newRecurringEventStartingFromSplit: { id: string; start: unknown } };
  expect(result.newRecurringEventStartingFromSplit.start).toEqual(instances.body.events[2].start);
  await waitForDeliveries();
  const webhook = app.received.find((entry) => entry.eventType === 'wix.calendar.v3.event_recurring_split');
  expect(webhook?.data.entityId).toBe(master.id);
  expect(webhook?.data.actionEvent.body.newRecurringEventStartingFromSplit.id).toBe(result.newRecurringEventStartingFromSplit.id);
}

/** After the clock moves a week, every guest got guest-event-starts through the SDK handler. */
export async function expectReminders(app: App) {
  const guests = await app.wixPost('/events/v2/guests/query', { query: {} });
  const reminded = app.received.filter((entry) => entry.eventType === 'wix.events.guests.v1.guest_guest_event_starts');
  const guestIds = new Set(reminded.map((entry) => entry.data.guest._id));
  expect(guestIds).toEqual(new Set(guests.body.guests.map((guest: { id: string }) => guest.id)));
  expect(new Set(reminded.map((entry) => entry.data.timing))).toContain('NOW');
}
