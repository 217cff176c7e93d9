import { readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { guests } from '@wix/events';
import { AppStrategy, createClient } from '@wix/sdk';
import { decodeJwt } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { catalog } from '../../../src/catalog/catalog.js';
import { assetNames, contentSecurityPolicy } from '../../../src/msw/inspector/assets.js';
import { curlCommand, type DeliveryDetail, type DeliverySummary } from '../../../src/msw/inspector/delivery-view.js';
import { createWixMock, simulatedServices, type DeliveryChange } from '../../../src/msw/index.js';
import { testKeyPair } from '../../../src/signing/keys.js';
import { startWixServer } from '../../../src/server/server.js';
import { appId, instanceId } from '../helpers.js';

/** A mock whose receiver fails every JWT's first attempt, then takes it. */
function flakyMock() {
  const seen = new Map<string, number>();
  const received: string[] = [];
  const mock = createWixMock({
    appId,
    instanceId,
    webhookHandler: async (request) => {
      const jwt = await request.text();
      received.push(jwt);
      const count = (seen.get(jwt) ?? 0) + 1;
      seen.set(jwt, count);
      return new Response(null, { status: count === 1 ? 503 : 200 });
    },
  });
  return { mock, received };
}

const { mock, received } = flakyMock();
const inspector = await mock.inspect({ port: 0 });
const origin = new URL(inspector.url).origin;
afterAll(() => inspector.close());

const get = (path: string) => fetch(`${origin}${path}`);
const post = (path: string, body: unknown = {}) => fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Reads server-sent events until `until` says enough. */
async function readEvents(until: (events: Array<{ event: string; data: any }>) => boolean, during: () => Promise<unknown>) {
  const controller = new AbortController();
  const response = await fetch(`${origin}/_wixhook/events`, { signal: controller.signal });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: Array<{ event: string; data: any }> = [];
  let buffer = '';
  let started = false;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(frame)?.[1];
      const data = /^data: (.*)$/m.exec(frame)?.[1];
      if (event && data) events.push({ event, data: JSON.parse(data) });
    }
    if (!started && events.length > 0) {
      started = true;
      void during();
    }
    if (until(events)) break;
  }
  controller.abort();
  return events;
}

describe('mock.inspect: the inspector on a port of its own', () => {
  it('serves the page and its files under a strict content security policy, and nothing else', async () => {
    expect(inspector.url).toBe(`http://127.0.0.1:${inspector.port}/_wixhook/inspector`);
    const page = await fetch(inspector.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(contentSecurityPolicy).toContain("default-src 'self'");
    const html = await page.text();
    expect(html).toContain('<script type="module" src="/_wixhook/inspector/inspector.js"></script>');
    const script = await get('/_wixhook/inspector/inspector.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('/_wixhook/inspector/inspector.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    for (const path of ['/_wixhook/inspector/nope.js', '/_wixhook/inspector/..%2Fassets.ts', '/_wixhook/inspector/%2e%2e%2fhandlers.ts']) expect((await get(path)).status, path).toBe(404);
    expect((await get('/calendar/v3/events')).status).toBe(404);
  });

  it('answers only requests addressed to it by a loopback name (no DNS rebinding)', async () => {
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const request = httpRequest({ host: '127.0.0.1', port: inspector.port, path: '/_wixhook/catalog', headers: { host } }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        request.on('error', reject);
        request.end();
      });
    expect(await status(`localhost:${inspector.port}`)).toBe(200);
    expect(await status(`evil.example:${inspector.port}`)).toBe(403);
  });

  it('refuses a port that is not one', async () => {
    await expect(mock.inspect({ port: 70_000 })).rejects.toMatchObject({ code: 'ERR_INVALID_INSPECT_OPTION' });
    await expect(mock.inspect({ port: inspector.port })).rejects.toMatchObject({ code: 'ERR_INSPECTOR_LISTEN' });
  });

  it('ships exactly the files it serves, with no outside URL in any of them', () => {
    const directory = new URL('../../../src/msw/inspector/assets/', import.meta.url);
    expect(readdirSync(directory).sort()).toEqual([...assetNames].sort());
    for (const name of assetNames) {
      const text = readFileSync(new URL(name, directory), 'utf8');
      // The SVG namespace is a name, never fetched; any other absolute URL would be an outside request.
      const urls = (text.match(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s'"]*/gi) ?? []).filter((url) => url !== 'http://www.w3.org/2000/svg');
      expect(urls, name).toEqual([]);
    }
  });
});

describe('the live delivery log (server-sent events)', () => {
  it('starts with a snapshot, then pushes each delivery as it is logged, attempted and settled', async () => {
    const events = await readEvents(
      (all) => all.some((event) => event.event === 'delivery' && event.data.status === 'delivered'),
      () => post('/_wixhook/webhooks/participation-created', { seed: 11 }),
    );
    const [snapshot, ...deliveries] = events;
    expect(snapshot!.event).toBe('snapshot');
    expect(snapshot!.data).toMatchObject({ now: '2025-03-03T09:00:00.000Z', target: 'handler', policy: mock.resendPolicy });
    const updates = deliveries.map((event) => event.data as DeliverySummary);
    expect(updates.map((update) => [update.status, update.attempts.length])).toEqual([
      ['pending', 0],
      ['pending', 1],
      ['pending', 2],
      ['delivered', 2],
    ]);
    expect(updates[1]!.attempts[0]).toMatchObject({ number: 1, status: 503, outcome: 'failed' });
    expect(updates.at(-1)).toMatchObject({ name: 'participation-created', eventType: 'wix.calendar.v3.participation_created', cause: 'trigger', target: 'handler' });
  });

  it('sends a fresh snapshot when the mock is reset', async () => {
    const events = await readEvents(
      (all) => all.filter((event) => event.event === 'snapshot').length === 2,
      () => post('/_wixhook/reset'),
    );
    expect(events[0]!.data.deliveries.length).toBeGreaterThan(0);
    expect(events[1]!.data.deliveries).toEqual([]);
  });

  it('keeps delivering when a listener throws, and stops calling one that unsubscribed', async () => {
    const seen: DeliveryChange['type'][] = [];
    const unsubscribe = mock.onDeliveryChange((change) => {
      seen.push(change.type);
      throw new Error('a broken listener');
    });
    const record = await mock.trigger('guest-event-starts', { seed: 1 });
    expect(record.status).toBe('delivered');
    expect(seen).toEqual(['record', 'attempt', 'attempt', 'record']);
    unsubscribe();
    await mock.trigger('guest-event-starts', { seed: 2 });
    expect(seen).toHaveLength(4);
  });
});

describe('one delivery, every layer', () => {
  it('decodes the JWT as the receiver sees it; the SDK envelope is what the real @wix/sdk hands the handler', async () => {
    const record = await mock.trigger('guest-event-starts', { seed: 4, traits: ['starts-in-1-hour'] });
    const detail = (await (await get(`/_wixhook/deliveries/${record.sequence}`)).json()) as DeliveryDetail;
    expect(detail).toMatchObject({ sequence: record.sequence, name: 'guest-event-starts', status: 'delivered', jwt: record.jwt });
    expect(detail.attempts.map((attempt) => attempt.status)).toEqual([503, 200]);
    const value = (layer: keyof DeliveryDetail['layers']) => (detail.layers[layer] as { value: any }).value;
    expect(value('jwtHeader')).toEqual({ alg: 'RS256', kid: testKeyPair().keyId });
    expect(value('jwtClaims')).toEqual(decodeJwt(record.jwt));
    expect(value('deliveryData')).toMatchObject({ eventType: 'wix.events.guests.v1.guest_guest_event_starts', instanceId, identity: { identityType: 'APP', appId }, data: record.payload });
    expect(value('payload')).toEqual(record.payload);

    const client = createClient({ auth: AppStrategy({ appId, publicKey: mock.publicKeyPem }), modules: { guests } });
    const handed: unknown[] = [];
    client.guests.onGuestEventStarts((envelope) => void handed.push(envelope));
    await client.webhooks.process(record.jwt);
    expect(value('sdkEnvelope')).toEqual(JSON.parse(JSON.stringify(handed[0])));
    expect(detail.curl).toBe(curlCommand(record.jwt, 'handler'));
  });

  it('says which layer could not be decoded instead of failing the whole view', async () => {
    const record = await mock.trigger('participation-created', { seed: 1 });
    const original = record.jwt;
    record.jwt = 'not.a.jwt';
    const detail = (await (await get(`/_wixhook/deliveries/${record.sequence}`)).json()) as DeliveryDetail;
    record.jwt = original;
    expect(detail.layers.jwtHeader).toEqual({ error: expect.any(String) });
    expect(detail.layers.sdkEnvelope).toEqual({ error: 'the data claim could not be decoded' });
    expect(detail.layers.payload).toEqual({ value: record.payload });
  });

  it('answers 404 for a delivery not in the log', async () => {
    for (const sequence of ['999999', 'abc', '1e3']) {
      const response = await get(`/_wixhook/deliveries/${sequence}`);
      expect(response.status, sequence).toBe(404);
      expect(((await response.json()) as { message: string }).message).toContain(`"${sequence}"`);
    }
    expect((await post('/_wixhook/deliveries/999999/resend')).status).toBe(404);
  });

  it('writes curl commands a shell reads back exactly', () => {
    expect(curlCommand('a.b.c', "http://127.0.0.1:3000/it's")).toBe(`curl -i -X POST 'http://127.0.0.1:3000/it'\\''s' -H 'content-type: text/plain' --data-raw 'a.b.c'`);
    expect(curlCommand('a.b.c', 'handler')).toBe(`curl -i -X POST "$WEBHOOK_URL" -H 'content-type: text/plain' --data-raw 'a.b.c'`);
  });
});

describe('resend', () => {
  it('sends the recorded JWT again, unchanged, as a new delivery', async () => {
    const original = await mock.trigger('participation-created', { seed: 3 });
    const before = received.length;
    const response = await post(`/_wixhook/deliveries/${original.sequence}/resend`);
    expect(response.status).toBe(200);
    const resent = (await response.json()) as DeliverySummary;
    expect(resent).toMatchObject({ sequence: original.sequence + 1, cause: 'resend', resendOf: original.sequence, status: 'delivered', name: original.name });
    // The receiver took this JWT before, so the resend needs one attempt.
    expect(resent.attempts).toHaveLength(1);
    expect(received.slice(before)).toEqual([original.jwt]);
    expect(mock.deliveries.at(-1)!.jwt).toBe(original.jwt);
  });

  it('mock.resend refuses a sequence number not in the log with a typed error', async () => {
    await expect(mock.resend(424_242)).rejects.toMatchObject({ code: 'ERR_UNKNOWN_DELIVERY' });
  });
});

describe('catalog and store', () => {
  it('lists every catalog webhook with its traits, for the trigger form', async () => {
    const { webhooks } = (await (await get('/_wixhook/catalog')).json()) as { webhooks: Array<{ name: string; eventType: string; traits: Array<{ name: string }> }> };
    expect(webhooks.map((webhook) => webhook.name)).toEqual(catalog.map((webhook) => webhook.name));
    for (const webhook of catalog) {
      const listed = webhooks.find((entry) => entry.name === webhook.name)!;
      expect(listed.eventType).toBe(webhook.eventType);
      expect(listed.traits.map((trait) => trait.name)).toEqual(Object.keys(webhook.factory.traits));
    }
  });

  it('shows every Map of every simulated service, entry for entry', async () => {
    const { services } = (await (await get('/_wixhook/store')).json()) as { services: Array<{ service: string; collections: Array<{ key: string; size: number; entries: Array<[unknown, unknown]> }> }> };
    expect(services.map((entry) => entry.service)).toEqual(simulatedServices.map((service) => service.name));
    const store = mock.store as unknown as Record<string, unknown>;
    const maps = Object.keys(store).filter((key) => store[key] instanceof Map);
    expect(services.flatMap((entry) => entry.collections.map((collection) => collection.key)).sort()).toEqual(maps.sort());
    for (const collection of services.flatMap((entry) => entry.collections)) {
      const map = store[collection.key] as Map<unknown, unknown>;
      expect(collection.size).toBe(map.size);
      expect(collection.entries).toEqual(JSON.parse(JSON.stringify([...map.entries()])));
    }
  });
});

describe('behind the admin API\'s guard', () => {
  it('refuses cross-site callers, non-JSON writes and, with a token, callers without it; the page itself needs no token', async () => {
    const wix = await startWixServer({ adminToken: 'inspector-test-token' });
    try {
      const auth = { authorization: 'Bearer inspector-test-token' };
      const page = await fetch(`${wix.url}/_wixhook/inspector`);
      expect(page.status).toBe(200);
      expect((await fetch(`${wix.url}/_wixhook/inspector/inspector.js`)).status).toBe(200);
      for (const path of ['/_wixhook/events', '/_wixhook/catalog', '/_wixhook/store', '/_wixhook/deliveries/1']) {
        expect((await fetch(`${wix.url}${path}`)).status, path).toBe(401);
        expect((await fetch(`${wix.url}${path}`, { headers: { ...auth, 'sec-fetch-site': 'cross-site' } })).status, path).toBe(403);
        expect((await fetch(`${wix.url}${path}`, { headers: { ...auth, origin: 'https://evil.example' } })).status, path).toBe(403);
      }
      expect((await fetch(`${wix.url}/_wixhook/catalog`, { headers: auth })).status).toBe(200);
      const trigger = await fetch(`${wix.url}/_wixhook/webhooks/participation-created`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' });
      const { sequence } = (await trigger.json()) as { sequence: number };
      expect((await fetch(`${wix.url}/_wixhook/deliveries/${sequence}/resend`, { method: 'POST', headers: { ...auth, 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415);
      expect((await fetch(`${wix.url}/_wixhook/deliveries/${sequence}/resend`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
      expect(wix.mock.deliveries).toHaveLength(1);
      expect((await fetch(`${wix.url}/_wixhook/deliveries/${sequence}/resend`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
      expect(wix.mock.deliveries).toHaveLength(2);
    } finally {
      await wix.close();
    }
  });
});
