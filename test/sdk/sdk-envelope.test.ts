import { guests } from '@wix/events';
import { describe, expect, it } from 'vitest';
import { catalog, getWebhook } from '../../src/catalog/catalog.js';
import { validate } from '../../src/catalog/validate.js';
import { docsExample } from '../helpers/docs-examples.js';
import { AppStrategy, createClient } from '@wix/sdk';
import { testKeyPair } from '../../src/signing/keys.js';
import { signWebhook } from '../../src/signing/sign.js';

const appId = '2f4a1f6b-4a0e-4e36-9a8c-3c1f0e0b5d21';
const context = {
  instanceId: 'b2c3d4e5-0000-4000-8000-000000000002',
  identity: { identityType: 'MEMBER' as const, memberId: '5f4a86c5-fadf-427e-96e7-d57c14a4f49d' },
  accountInfo: { accountId: 'c3d4e5f6-0000-4000-8000-000000000003', siteId: 'd4e5f6a7-0000-4000-8000-000000000004' },
};

/** The docs example in the form `@wix/sdk` reads: the guest-event-starts body under `actionEvent.body`. */
function sdkReadableExample(name: string): any {
  const example = structuredClone(docsExample(name)) as any;
  if (example.actionEvent?.bodyAsJson) example.actionEvent = { body: example.actionEvent.bodyAsJson };
  return example;
}

describe('toSdkEnvelope', () => {
  it('builds, from the guest-event-starts docs example, exactly what the real @wix/sdk hands onGuestEventStarts', async () => {
    const webhook = getWebhook('guest-event-starts');
    const payload = sdkReadableExample(webhook.name);
    const received: unknown[] = [];
    const client = createClient({ auth: AppStrategy({ appId, publicKey: testKeyPair().publicKeyPem }), modules: { guests } });
    client.guests.onGuestEventStarts((envelope) => {
      received.push(envelope);
    });
    await client.webhooks.process(await signWebhook(webhook.name, payload, context));

    expect(received).toHaveLength(1);
    const ours = webhook.toSdkEnvelope(payload, context);
    expect(ours).toEqual(received[0]);
    // Spot checks of the transformations, so a regression names what broke.
    expect(ours.data?.guest._id).toBe(payload.actionEvent.body.guest.id);
    expect(ours.data?.guest._createdDate).toEqual(new Date('2024-12-21T14:38:28.274Z'));
    expect(ours.data?.event.eventPageUrl).toBe('https://www.wix-site.com/event-details/wine-and-music');
    expect(ours.data?.event.location?.address).not.toHaveProperty('subdivisions');
    expect(ours.metadata.eventTime).toEqual(new Date('2025-01-02T11:49:40.235Z'));
    expect(ours.metadata._id).toBe(payload.id);
  });

  it('does not modify the payload it is given', () => {
    for (const webhook of catalog) {
      const payload = sdkReadableExample(webhook.name);
      const before = JSON.stringify(payload);
      webhook.toSdkEnvelope(payload, context);
      expect(JSON.stringify(payload)).toBe(before);
    }
  });

  it.each(catalog.map((webhook) => ({ webhook, name: webhook.name })))('$name: the envelope built from the docs example matches its SDK envelope schema in strict mode', ({ webhook }) => {
    const envelope = webhook.toSdkEnvelope(sdkReadableExample(webhook.name), context);
    validate(webhook.schemas('strict').sdkEnvelope, envelope, `${webhook.name} SDK envelope`);
  });

  it('gives data: undefined for the docs bodyAsJson form, as the SDK does', async () => {
    const webhook = getWebhook('guest-event-starts');
    const received: any[] = [];
    const client = createClient({ auth: AppStrategy({ appId, publicKey: testKeyPair().publicKeyPem }), modules: { guests } });
    client.guests.onGuestEventStarts((envelope) => {
      received.push(envelope);
    });
    const asDocumented = docsExample(webhook.name) as any;
    await client.webhooks.process(await signWebhook(webhook.name, asDocumented, context));
    expect(received[0].data).toBeUndefined();
    expect(webhook.toSdkEnvelope(asDocumented, context).data).toBeUndefined();
  });

  it('participation-created: the calendar entity gets _id and Date timestamps, metadata keeps the sequence', () => {
    const envelope = getWebhook('participation-created').toSdkEnvelope(sdkReadableExample('participation-created'), context);
    expect(envelope.entity._id).toBe('b9d81e37-3883-4318-b746-dcf2e6c0fc01');
    expect(envelope.entity._createdDate).toEqual(new Date('2024-10-15T11:29:39.013Z'));
    expect(envelope.entity).not.toHaveProperty('id');
    expect(envelope.metadata.entityEventSequence).toBe('1');
    expect(envelope.metadata.instanceId).toBe(context.instanceId);
    expect(envelope.metadata.identity).toEqual(context.identity);
  });

  it('event-recurring-split: zoned utcDates become Dates, localDates stay strings', () => {
    const envelope = getWebhook('event-recurring-split').toSdkEnvelope(sdkReadableExample('event-recurring-split'), context);
    const old = envelope.data!.updatedRecurringEventEndingBeforeSplit;
    expect(old.start.utcDate).toEqual(new Date('2024-10-11T11:00:00Z'));
    expect(old.start.localDate).toBe('2024-10-11T12:00:00');
    expect(old.recurrenceRule?.until?.utcDate).toEqual(new Date('2024-10-11T12:00:00Z'));
    expect(old._id).toBe('a96c3c31c9fc495db55b40c694fe196c7ca6da6772184e2983571dcba732b296');
  });
});
