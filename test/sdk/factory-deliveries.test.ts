import { guests } from '@wix/events';
import { AppStrategy, createClient, EventDefinition } from '@wix/sdk';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { build, listTraits } from '../../src/build/build.js';
import { testKeyPair } from '../../src/signing/keys.js';
import { parseWebhook } from '../../src/signing/parse-webhook.js';
import { signWebhook } from '../../src/signing/sign.js';

const appId = 'a3c4b1de-7f7e-4a8e-9a7c-5d1d3c2b1a00';

describe('toolkit deliveries of factory payloads, through the real @wix/sdk', () => {
  it.each(listTraits('guest-event-starts').filter((trait) => trait.name !== 'body-as-json').map((trait) => trait.name))(
    'guest-event-starts (%s) reaches onGuestEventStarts with the factory data, field for field',
    async (trait) => {
      for (const seed of [1, 2, 3]) {
        const built = build('guest-event-starts', { seed, traits: [trait] });
        const client = createClient({ auth: AppStrategy({ appId, publicKey: testKeyPair().publicKeyPem }), modules: { guests } });
        const received: unknown[] = [];
        client.guests.onGuestEventStarts((envelope) => void received.push(envelope));
        await client.webhooks.process(await signWebhook('guest-event-starts', built.payload, built.delivery));
        expect(received).toEqual([built.sdkEnvelope]);
      }
    },
  );

  it.each(catalog.filter((webhook) => webhook.name !== 'guest-event-starts').map((webhook) => webhook.name))(
    '%s passes webhooks.process with expectedEvents and returns the factory payload',
    async (name) => {
      const webhook = catalog.find((candidate) => candidate.name === name)!;
      const client = createClient({ auth: AppStrategy({ appId, publicKey: testKeyPair().publicKeyPem }) });
      for (const trait of [undefined, ...listTraits(webhook.name).map((entry) => entry.name as string)]) {
        const built = build(webhook.name, { seed: 5, traits: trait ? [trait as never] : [] });
        const result = await client.webhooks.process(await signWebhook(webhook.name, built.payload, built.delivery), {
          expectedEvents: [EventDefinition(webhook.eventType)()],
        });
        expect(result.eventType).toBe(webhook.eventType);
        expect(result.instanceId).toBe(built.delivery.instanceId);
        expect(result.identity).toEqual(built.delivery.identity);
        expect(result.payload).toEqual(built.payload);
      }
    },
  );

  it.each(catalog.map((webhook) => webhook.name))('%s: signing a built payload without options gives exactly its SDK envelope (instance, identity, account)', async (name) => {
    const webhook = catalog.find((candidate) => candidate.name === name)!;
    const client = createClient({ auth: AppStrategy({ appId, publicKey: testKeyPair().publicKeyPem }), modules: { guests } });
    const received: unknown[] = [];
    client.guests.onGuestEventStarts((envelope) => void received.push(envelope));
    for (let seed = 1; seed <= 20; seed++) {
      const built = build(webhook.name, { seed });
      const jwt = await signWebhook(webhook.name, built.payload);
      const result = await client.webhooks.process(jwt, { expectedEvents: [EventDefinition(webhook.eventType)()] });
      expect(result.instanceId, `seed ${seed}`).toBe(built.delivery.instanceId);
      expect(result.identity, `seed ${seed}`).toEqual(built.delivery.identity);
      const delivered = await parseWebhook(jwt, { publicKey: testKeyPair().publicKeyPem });
      expect(webhook.toSdkEnvelope(delivered.payload as never, delivered), `seed ${seed}`).toEqual(built.sdkEnvelope);
      if (webhook.name === 'guest-event-starts') expect(received.at(-1)).toEqual(built.sdkEnvelope);
    }
  });

  it('explicit delivery options still win over the built delivery', async () => {
    const built = build('participation-created', { seed: 3 });
    const jwt = await signWebhook('participation-created', built.payload, { instanceId: '11111111-2222-4333-8444-555555555555' });
    const delivered = await parseWebhook(jwt, { publicKey: testKeyPair().publicKeyPem });
    expect(delivered.instanceId).toBe('11111111-2222-4333-8444-555555555555');
    expect(delivered.identity).toEqual({ identityType: 'APP', appId });
    expect(delivered.accountInfo).toBeUndefined();
  });

  it('the bodyAsJson trait reaches the handler as data: undefined, as the SDK reads only actionEvent.body', async () => {
    const built = build('guest-event-starts', { seed: 9, traits: ['body-as-json'] });
    const client = createClient({ auth: AppStrategy({ appId, publicKey: testKeyPair().publicKeyPem }), modules: { guests } });
    const received: Array<{ data: unknown }> = [];
    client.guests.onGuestEventStarts((envelope) => void received.push(envelope));
    await client.webhooks.process(await signWebhook('guest-event-starts', built.payload, built.delivery));
    expect(received[0]!.data).toBeUndefined();
  });
});
