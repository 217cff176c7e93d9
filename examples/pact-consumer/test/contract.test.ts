import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyWixPacts, wixMessagePact } from 'wix-webhook-testkit/pact';
import { createStore, onEventRecurringSplit, onGuestEventStarts, onParticipationCreated } from '../src/handler.js';

// Flow 3: Pact. The consumer states what it reads from each webhook (the helper supplies the
// realistic message and the matching rules from Wix's schema), its handlers run with the message,
// and the pact is written; then the pact is verified against the Wix model, as a provider would.
// In CI the pact files go to a Pact Broker instead of a temp folder (see README.md).
const pactDir = process.env.PACT_DIR ?? (await mkdtemp(join(tmpdir(), 'bookings-app-pacts-')));
// A temp folder of our own is removed when the file's tests end; a PACT_DIR given is kept for the broker.
if (process.env.PACT_DIR === undefined) afterAll(() => rm(pactDir, { recursive: true, force: true }));
const pact = wixMessagePact({ consumer: 'bookings-app', dir: pactDir });

describe('bookings-app consumer pact with Wix', () => {
  it('participation-created: reads the schedule and the party size', async () => {
    await pact.receive(
      'participation-created',
      { layer: 'sdk', traits: ['for-schedule'], fields: ['entity._id', 'entity.scheduleId', 'entity.partySize'] },
      (envelope) => {
        const store = createStore();
        onParticipationCreated(store, envelope);
        expect(store.seats.get(envelope.entity.scheduleId!)).toBe(envelope.entity.partySize);
      },
    );
  });

  it('event-recurring-split: reads both MASTER ids', async () => {
    await pact.receive(
      'event-recurring-split',
      { layer: 'sdk', fields: ['data.updatedRecurringEventEndingBeforeSplit._id', 'data.newRecurringEventStartingFromSplit._id'] },
      (envelope) => onEventRecurringSplit(createStore(), envelope),
    );
  });

  it('guest-event-starts: reads the guest, the event title and start, and the timing', async () => {
    await pact.receive(
      'guest-event-starts',
      { layer: 'sdk', traits: ['starts-in-1-hour'], fields: ['data.guest._id', 'data.event.title', 'data.event.dateAndTimeSettings.startDate', 'data.timing'] },
      (envelope) => {
        const store = createStore();
        onGuestEventStarts(store, envelope);
        expect(store.reminders).toHaveLength(1);
      },
    );
  });

  it('the pact verifies against what Wix sends', async () => {
    const result = await verifyWixPacts({ pactUrls: [pactDir] });
    expect(result.sources.filter((source) => source.consumer === 'bookings-app')).toHaveLength(3);
  });
});
