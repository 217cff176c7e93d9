import { guests } from '@wix/events';
import { AppStrategy, createClient, EventDefinition } from '@wix/sdk';
import { describe, expect, it } from 'vitest';
import { catalog, getWebhook } from '../../src/catalog/catalog.js';
import { WixhookError } from '../../src/errors.js';
import { adversarialDeliveries } from '../../src/signing/adversarial.js';
import { createDeliveryTracker } from '../../src/signing/delivery-tracker.js';
import { generateKeyPair, loadPublicKey, publicKeyPem, testKeyPair } from '../../src/signing/keys.js';
import { parseWebhook } from '../../src/signing/parse-webhook.js';
import { signWebhook } from '../../src/signing/sign.js';
import { docsExample } from '../helpers/docs-examples.js';

const now = new Date('2025-01-02T12:00:00Z');

function sdkReadable(name: string): Record<string, any> {
  const example = structuredClone(docsExample(name)) as any;
  if (example.actionEvent?.bodyAsJson) example.actionEvent = { body: example.actionEvent.bodyAsJson };
  return example;
}

describe.each(catalog.map((webhook) => ({ webhook, name: webhook.name })))('$name: signing and parseWebhook', ({ webhook }) => {
  it('parses what signWebhook signs, typed by the webhook', async () => {
    const payload = sdkReadable(webhook.name);
    const jwt = await signWebhook(webhook.name, payload, { issuedAt: now });
    const parsed = await parseWebhook(jwt, { publicKey: testKeyPair().publicKeyPem, now, mode: 'strict' });
    expect(parsed.name).toBe(webhook.name);
    expect(parsed.eventType).toBe(webhook.eventType);
    expect(parsed.payload).toEqual(payload);
    expect(parsed.header).toEqual({ alg: 'RS256', kid: testKeyPair().keyId });
    expect(parsed.claims.exp! - parsed.claims.iat!).toBe(3600);
  });

  it('the real @wix/sdk accepts the delivery and returns the same payload', async () => {
    const payload = sdkReadable(webhook.name);
    const client = createClient({ auth: AppStrategy({ appId: 'a3c4b1de-7f7e-4a8e-9a7c-5d1d3c2b1a00', publicKey: testKeyPair().publicKeyPem }) });
    const result = await client.webhooks.process(await signWebhook(webhook.name, payload), { expectedEvents: [EventDefinition(webhook.eventType)()] });
    expect(result.eventType).toBe(webhook.eventType);
    expect(result.payload).toEqual(payload);
  });

  it('every item of the bad-delivery corpus gets its own error code', async () => {
    const corpus = await adversarialDeliveries(webhook.name, { payload: sdkReadable(webhook.name), now });
    const codes = new Set<string>();
    for (const item of corpus) {
      const tracker = createDeliveryTracker();
      const options = { publicKey: item.publicKeyPem, now, tracker };
      for (const earlier of item.bodies.slice(0, -1)) await parseWebhook(earlier, options);
      const attempt = parseWebhook(item.bodies.at(-1)!, options);
      if (item.expectedCode === null) {
        await expect(attempt, item.label).resolves.toBeDefined();
        continue;
      }
      const error = await attempt.then(
        () => expect.unreachable(`${item.label} was accepted`),
        (caught: unknown) => caught,
      );
      expect(error, item.label).toBeInstanceOf(WixhookError);
      expect((error as WixhookError).code, item.label).toBe(item.expectedCode);
      codes.add(item.expectedCode);
    }
    // One code per failure: a tampered body and another key are both a bad signature; `alg: none`
    // and HS256 are both a refused algorithm.
    expect([...codes].sort()).toEqual([
      'ERR_BODY_TOO_LARGE',
      'ERR_DATA_NOT_STRING',
      'ERR_DUPLICATE_DELIVERY',
      'ERR_INNER_JSON',
      'ERR_JSON_TOO_DEEP',
      'ERR_JWT_ALGORITHM',
      'ERR_JWT_EXPIRED',
      'ERR_JWT_MALFORMED',
      'ERR_JWT_NOT_YET_VALID',
      'ERR_JWT_SIGNATURE',
      'ERR_SCHEMA_MISMATCH',
      'ERR_STALE_EVENT',
      'ERR_UNKNOWN_EVENT_TYPE',
    ]);
  });

  it('keys such as __proto__ in a payload pollute nothing', async () => {
    const item = (await adversarialDeliveries(webhook.name, { payload: sdkReadable(webhook.name), now })).find((entry) => entry.label === 'prototype-pollution-keys')!;
    const parsed = await parseWebhook(item.bodies[0]!, { publicKey: item.publicKeyPem, now });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed.payload)).toBe(Object.prototype);
    expect((parsed.payload as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseWebhook on input of the wrong kind', () => {
  it.each([undefined, null, 42, {}, { data: 'x' }, ['a.b.c']])('%j is a typed error, never a TypeError', async (body) => {
    await expect(parseWebhook(body as never, { publicKey: testKeyPair().publicKeyPem })).rejects.toMatchObject({ code: 'ERR_JWT_MALFORMED' });
  });

  it('a parsed JSON body (a common Express mistake) says how to read the raw body', async () => {
    await expect(parseWebhook({} as never, { publicKey: testKeyPair().publicKeyPem })).rejects.toThrow(/express\.text/);
  });

  it('accepts the body as bytes, with surrounding whitespace', async () => {
    const jwt = await signWebhook('participation-created', sdkReadable('participation-created'));
    await expect(parseWebhook(new TextEncoder().encode(`\n${jwt}\n`), { publicKey: testKeyPair().publicKeyPem })).resolves.toMatchObject({ name: 'participation-created' });
  });
});

describe('keys', () => {
  it('accepts PEM, JWK and KeyObject, and PEM pasted with escaped newlines', async () => {
    const keys = generateKeyPair();
    const payload = sdkReadable('participation-created');
    const jwt = await signWebhook('participation-created', payload, { privateKey: keys.privateKey.export({ format: 'jwk' }) });
    for (const publicKey of [keys.publicKeyPem, keys.publicKey, keys.publicKey.export({ format: 'jwk' }), keys.publicKeyPem.replaceAll('\n', '\\n')]) {
      await expect(parseWebhook(jwt, { publicKey })).resolves.toMatchObject({ name: 'participation-created' });
    }
    expect(publicKeyPem(keys.privateKey)).toBe(keys.publicKeyPem);
  });

  it('a key that cannot be read is a typed error saying what to give', () => {
    expect(() => loadPublicKey('not a key')).toThrow(expect.objectContaining({ code: 'ERR_INVALID_KEY', message: expect.stringContaining('SPKI') }));
  });

  it('a delivery signed with a fresh pair reaches a real @wix/sdk handler pasted with publicKeyPem', async () => {
    const keys = generateKeyPair();
    const client = createClient({ auth: AppStrategy({ appId: 'a3c4b1de-7f7e-4a8e-9a7c-5d1d3c2b1a00', publicKey: publicKeyPem(keys.privateKeyPem) }), modules: { guests } });
    const received: unknown[] = [];
    client.guests.onGuestEventStarts((envelope) => void received.push(envelope));
    const payload = sdkReadable('guest-event-starts');
    const identity = { identityType: 'MEMBER' as const, memberId: '5f4a86c5-fadf-427e-96e7-d57c14a4f49d' };
    await client.webhooks.process(await signWebhook('guest-event-starts', payload, { privateKey: keys.privateKeyPem, identity, instanceId: 'b2c3d4e5-0000-4000-8000-000000000002' }));
    expect(received).toEqual([getWebhook('guest-event-starts').toSdkEnvelope(payload as never, { instanceId: 'b2c3d4e5-0000-4000-8000-000000000002', identity })]);
  });
});
