import { describe, expect, it } from 'vitest';
import { getWebhook, getWebhookByEventType, isWebhookName } from '../../../src/catalog/catalog.js';
import { deliver } from '../../../src/delivery/deliver.js';
import { build } from '../../../src/build/build.js';
import { wixMatchers, type WixMatchers } from '../../../src/matchers/matchers.js';
import { createWixMock } from '../../../src/msw/index.js';
import { wixMessagePact } from '../../../src/pact/consumer.js';
import { wixMessage } from '../../../src/pact/message.js';
import { verifyWixPacts } from '../../../src/pact/verify.js';
import { testKeyPair } from '../../../src/signing/keys.js';
import { parseWebhook } from '../../../src/signing/parse-webhook.js';
import { signWebhook } from '../../../src/signing/sign.js';
import { loopback } from '../../delivery/loopback.js';
import { tempDir } from '../../pact/pacts.js';
import { startWixServer } from '../../../src/server/server.js';
import { wixhook } from '../../helpers/run-cli.js';

expect.extend(wixMatchers);
// Vitest 4 (Node 20) and 5 (Node 24) type matcher augmentations differently (src/matchers/vitest.ts),
// so the test types its own view of `expect`, as test/matchers does.
const wixExpect = expect as unknown as (value: unknown) => WixMatchers<void>;

/** One of each kind, from different services. */
const samples = ['contact-updated', 'ecom-order-created', 'member-deleted', 'booking-confirmed', 'product-changed'];
const publicKey = testKeyPair().publicKeyPem;

describe('every feature takes a generated webhook, by name or eventType', () => {
  it('lookups: by name and by eventType give the same definition', () => {
    for (const name of samples) {
      const webhook = getWebhook(name);
      expect(getWebhook(webhook.eventType)).toBe(webhook);
      expect(getWebhookByEventType(webhook.eventType)).toBe(webhook);
      expect(isWebhookName(name)).toBe(true);
    }
    expect(isWebhookName('no-such-webhook')).toBe(false);
    expect(() => getWebhook('no-such-webhook')).toThrow(expect.objectContaining({ code: 'ERR_UNKNOWN_WEBHOOK' }));
  });

  it.each(samples)('%s: signWebhook by eventType, parseWebhook gives the payload back in both modes', async (name) => {
    const webhook = getWebhook(name);
    const built = build(name as never, { seed: 11, traits: ['full'] as never });
    const jwt = await signWebhook(webhook.eventType as never, built.payload, built.delivery);
    for (const mode of ['loose', 'strict'] as const) {
      const parsed = await parseWebhook(jwt, { publicKey, mode });
      expect(parsed.name).toBe(name);
      expect(parsed.payload).toEqual(built.payload);
    }
    await wixExpect(jwt).toBeSignedWixWebhook(name as never, { publicKey, mode: 'strict' });
    wixExpect(built.payload).toBeWixPayload(name as never, { mode: 'strict' });
  });

  it('parseWebhook reports a generated payload that breaks its schema, naming the path', async () => {
    const built = build('contact-updated', { seed: 2 });
    const broken = { ...(built.payload as object), entityFqdn: 'wix.contacts.v4.nope' };
    const jwt = await signWebhook('contact-updated', broken, built.delivery);
    await expect(parseWebhook(jwt, { publicKey })).rejects.toMatchObject({ code: 'ERR_SCHEMA_MISMATCH' });
  });

  it('deliver sends a generated webhook to an endpoint', async () => {
    const server = await loopback(() => 200);
    try {
      const built = build('ecom-order-created', { seed: 4 });
      const report = await deliver(await signWebhook('ecom-order-created', built.payload, built.delivery), server.url);
      expect(report.attempts.at(-1)?.status).toBe(200);
      expect((await parseWebhook(server.bodies[0]!, { publicKey })).eventType).toBe('wix.ecom.v1.order_created');
    } finally {
      await server.close();
    }
  });

  it('mock.trigger sends a generated webhook, by name or eventType', async () => {
    const received: string[] = [];
    const mock = createWixMock({ appId: 'a3c4b1de-7f7e-4a8e-9a7c-5d1d3c2b1a00', webhookHandler: async (request: Request) => (received.push(await request.text()), new Response('ok')) } as never);
    await mock.trigger('member-created', { seed: 3 });
    await mock.trigger('wix.contacts.v4.contact_updated' as never, { seed: 3 });
    await mock.idle();
    const parsed = await Promise.all(received.map((body) => parseWebhook(body, { publicKey: mock.publicKeyPem })));
    expect(parsed.map((delivery) => delivery.name)).toEqual(['member-created', 'contact-updated']);
  });

  it("the server's admin trigger sends a generated webhook, by name or eventType", async () => {
    const wix = await startWixServer({ port: 0 });
    try {
      const byEventType = await fetch(`${wix.url}/_wixhook/webhooks/wix.ecom.v1.order_created`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ traits: ['full'] }) });
      expect(byEventType.status).toBe(200);
      expect(((await byEventType.json()) as { name: string }).name).toBe('ecom-order-created');
      const badTrait = await fetch(`${wix.url}/_wixhook/webhooks/contact-updated`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ traits: ['for-schedule'] }) });
      expect(badTrait.status).toBe(400);
    } finally {
      await wix.close();
    }
  });

  it('Pact: wixMessage and receive state a generated webhook', async () => {
    const message = wixMessage('booking-confirmed', { seed: 1 });
    expect(message.metadata.eventType).toBe('wix.bookings.v2.booking_confirmed');
    const dir = await tempDir();
    const pact = wixMessagePact({ consumer: 'generated-app', dir });
    const status = await pact.receive('booking-confirmed' as never, { traits: ['full'], fields: ['actionEvent.body.booking.status'] } as never, (payload: any) => payload.actionEvent.body.booking.status);
    expect(typeof status).toBe('string');
    const verified = await verifyWixPacts({ pactUrls: [dir], seed: 7 });
    expect(verified.sources.map((source) => source.provider)).toEqual(['wix-bookings']);
  });

  it('CLI: list --json has every webhook with name, eventType, kind, service, tier; example takes an eventType in every layer', async () => {
    const list = await wixhook('list', '--json');
    const rows = JSON.parse(list.stdout) as Array<Record<string, string>>;
    expect(rows.length).toBeGreaterThanOrEqual(250);
    for (const row of rows) expect(Object.keys(row)).toEqual(expect.arrayContaining(['name', 'eventType', 'kind', 'service', 'tier']));
    expect(new Set(rows.map((row) => row.name)).size).toBe(rows.length);
    expect(new Set(rows.map((row) => row.eventType)).size).toBe(rows.length);
    const ecom = JSON.parse((await wixhook('list', '--json', '--service', 'ecom')).stdout) as Array<{ service: string }>;
    expect(ecom.length).toBeGreaterThan(10);
    expect(ecom.every((row) => row.service === 'ecom')).toBe(true);
    const counts = await wixhook('list', '--counts');
    expect(counts.stdout).toMatch(new RegExp(`total\\s+${rows.length}\\n$`));
    const payload = JSON.parse((await wixhook('example', 'wix.contacts.v4.contact_updated', '--seed', '5')).stdout);
    expect(payload.slug).toBe('updated');
    const sdk = JSON.parse((await wixhook('example', 'contact-updated', '--seed', '5', '--layer', 'sdk')).stdout);
    expect(sdk.entity._id).toBe(payload.updatedEvent.currentEntity.id);
    const jwt = (await wixhook('example', 'contact-updated', '--seed', '5', '--layer', 'jwt')).stdout.trim();
    expect((await parseWebhook(jwt, { publicKey })).payload).toEqual(payload);
    const schema = JSON.parse((await wixhook('schema', 'contact-updated')).stdout);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });
});
