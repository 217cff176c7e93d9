import { guests } from '@wix/events';
import { AppStrategy, createClient } from '@wix/sdk';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { createDeliveryTracker } from '../../src/signing/delivery-tracker.js';
import { testKeyPair } from '../../src/signing/keys.js';
import { signWebhook } from '../../src/signing/sign.js';

const appId = 'a3c4b1de-7f7e-4a8e-9a7c-5d1d3c2b1a00';
type GuestEnvelope = Parameters<Parameters<ReturnType<typeof client>['guests']['onGuestEventStarts']>[0]>[0];
const client = () => createClient({ auth: AppStrategy({ appId, publicKey: testKeyPair().publicKeyPem }), modules: { guests } });

/** What the README's "What @wix/sdk leaves to your app" section states, checked against the real SDK. */
describe('what @wix/sdk leaves to the app', () => {
  it('accepts a JWT issued in the future', async () => {
    const wix = client();
    const received: GuestEnvelope[] = [];
    wix.guests.onGuestEventStarts((envelope) => void received.push(envelope));
    const built = build('guest-event-starts', { seed: 1 });
    await wix.webhooks.process(await signWebhook('guest-event-starts', built.payload, { ...built.delivery, issuedAt: Date.now() + 3600_000 }));
    expect(received).toHaveLength(1);
  });

  it('hands the same delivery to the handler every time it arrives, and older events after newer ones', async () => {
    const wix = client();
    const received: GuestEnvelope[] = [];
    wix.guests.onGuestEventStarts((envelope) => void received.push(envelope));
    const built = build('guest-event-starts', { seed: 2 });
    const jwt = await signWebhook('guest-event-starts', built.payload, built.delivery);
    await wix.webhooks.process(jwt);
    await wix.webhooks.process(jwt);
    const newer = { ...built.payload, id: '0c7d2a57-0d4b-4d76-9a42-93b3d6f2c1e1', entityEventSequence: '5' };
    const older = { ...built.payload, id: '7f1e9b0a-4c3d-4e2f-8a1b-2c3d4e5f6a7b', entityEventSequence: '4' };
    await wix.webhooks.process(await signWebhook('guest-event-starts', newer, built.delivery));
    await wix.webhooks.process(await signWebhook('guest-event-starts', older, built.delivery));
    expect(received).toHaveLength(4);
  });

  it("the toolkit's tracker in an SDK handler skips duplicates and stale events (the README's snippet)", async () => {
    const wix = client();
    const handled: string[] = [];
    // As in the README: the SDK renames the payload's id to metadata._id.
    const tracker = createDeliveryTracker();
    wix.guests.onGuestEventStarts((envelope) => {
      const { _id: id, entityFqdn, entityId, entityEventSequence } = envelope.metadata;
      const event = { id: id!, entityFqdn: entityFqdn!, entityId: entityId!, ...(entityEventSequence ? { entityEventSequence } : {}) };
      if (tracker.check(event)) return; // a duplicate or an older event: already handled, nothing to do
      tracker.record(event);
      handled.push(event.id);
    });
    const built = build('guest-event-starts', { seed: 3 });
    const jwt = await signWebhook('guest-event-starts', { ...built.payload, entityEventSequence: '5' }, built.delivery);
    await wix.webhooks.process(jwt);
    await wix.webhooks.process(jwt);
    await wix.webhooks.process(await signWebhook('guest-event-starts', { ...built.payload, id: '7f1e9b0a-4c3d-4e2f-8a1b-2c3d4e5f6a7b', entityEventSequence: '4' }, built.delivery));
    expect(handled).toEqual([built.payload.id]);
  });
});
