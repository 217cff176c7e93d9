import { describe, expect, it } from 'vitest';
import { build, buildSdkEnvelope } from 'wix-webhook-testkit';
import { createStore, onEventRecurringSplit, onGuestEventStarts, onParticipationCreated } from '../src/handler.js';

// Flow 1: factories in unit tests. Seeded, realistic SDK envelopes; traits pick the case under test.
describe('handlers, with factory-built envelopes', () => {
  it('counts seats per schedule', () => {
    const store = createStore();
    const first = buildSdkEnvelope('participation-created', { seed: 1, traits: ['for-schedule', 'large-party'] });
    const second = buildSdkEnvelope('participation-created', { seed: 2, traits: ['for-schedule', 'individual'], overrides: { createdEvent: { entity: { scheduleId: first.entity.scheduleId } } } });
    onParticipationCreated(store, first);
    onParticipationCreated(store, second);
    expect(store.seats.get(first.entity.scheduleId!)).toBe(first.entity.partySize + 1);
  });

  it('follows a split series to its new MASTER event', () => {
    const store = createStore();
    const { sdkEnvelope, body } = build('event-recurring-split', { seed: 7, traits: ['every-2-weeks', 'dst-change'] });
    onEventRecurringSplit(store, sdkEnvelope);
    expect(store.series.get(body.updatedRecurringEventEndingBeforeSplit.id)).toBe(body.newRecurringEventStartingFromSplit.id);
  });

  it('refuses the bodyAsJson form the SDK hands over as data: undefined', () => {
    const envelope = buildSdkEnvelope('guest-event-starts', { seed: 3, traits: ['body-as-json'] });
    const store = createStore();
    onGuestEventStarts(store, envelope);
    expect(store.reminders).toEqual([]);
  });

  it('queues a reminder an hour before the event', () => {
    const store = createStore();
    const envelope = buildSdkEnvelope('guest-event-starts', { seed: 4, traits: ['starts-in-1-hour', 'ticket-holder'] });
    onGuestEventStarts(store, envelope);
    expect(store.reminders).toEqual([{ guestId: envelope.data!.guest!._id, eventTitle: envelope.data!.event!.title, startsAt: expect.any(String), timing: 'STARTS_IN_1_HOUR' }]);
  });
});
