import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { WixMatchers } from 'wix-webhook-testkit/matchers';
import { createWixTest } from 'wix-webhook-testkit/msw/vitest';
import { testKeyPair } from 'wix-webhook-testkit';
import { startWebhookEndpoint } from '../src/endpoint.js';
import { createStore } from '../src/handler.js';

const appId = 'a3c4b1de-7f7e-4a8e-9a7c-5d1d3c2b1a00';
const store = createStore();
let endpoint: { url: string; server: Server };

beforeAll(async () => {
  endpoint = await startWebhookEndpoint(store, { appId, publicKey: testKeyPair().publicKeyPem });
});
afterAll(() => new Promise<void>((resolve) => endpoint.server.close(() => resolve())));

// A fresh simulated Wix per test, served by MSW; its webhooks reach the endpoint over HTTP.
const test = createWixTest(() => ({ appId, webhookUrl: endpoint.url }));
const wixExpect = expect as unknown as (value: unknown) => WixMatchers<void>;

async function wixApi(wix: { baseUrl: string; appId: string; instanceId: string }) {
  const { access_token: token } = (await fetch(`${wix.baseUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: wix.appId, client_secret: 'secret', instance_id: wix.instanceId }),
  }).then((response) => response.json())) as { access_token: string };
  return async (path: string, body: unknown) => {
    const response = await fetch(`${wix.baseUrl}${path}`, { method: 'POST', headers: { authorization: token, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as any };
  };
}

describe('the bookings app against a simulated Wix (MSW)', () => {
  test('a participation created through the REST API reaches the seat count', async ({ wix }) => {
    const post = await wixApi(wix);
    const { body } = await post('/calendar/v3/events/query', {});
    const event = body.events[0];
    const created = await post('/calendar/v3/participations', { participation: { eventId: event.id, participant: { name: 'Jane Doe' }, partySize: 3 } });
    expect(created.status).toBe(200);
    await wixExpect(wix).toHaveDeliveredWixWebhook('participation-created', { times: 1 });
    expect(store.seats.get(event.id)).toBe(3);
  });

  test('a split of the weekly series is followed', async ({ wix }) => {
    const post = await wixApi(wix);
    const master = (await post('/calendar/v3/events/query', { recurrenceType: ['MASTER'] })).body.events[0];
    const instances = (await post('/calendar/v3/events/query', { query: { filter: { recurringEventId: master.id } } })).body.events;
    const splitLocalDate = new Date(Date.parse(`${instances[1].start.localDate}Z`) + 86_400_000).toISOString().slice(0, 19);
    const split = await post(`/calendar/v3/events/${master.id}/split`, { splitLocalDate });
    expect(split.status).toBe(200);
    await wixExpect(wix).toHaveDeliveredWixWebhook('event-recurring-split', { times: 1 });
    expect(store.series.get(master.id)).toBe(split.body.newRecurringEventStartingFromSplit.id);
  });

  test('moving the clock a week sends guest-event-starts, and the app queues reminders', async ({ wix }) => {
    const before = store.reminders.length;
    await wix.clock.advance(7 * 24 * 60 * 60 * 1000);
    await wixExpect(wix).toHaveDeliveredWixWebhook('guest-event-starts');
    expect(store.reminders.length).toBeGreaterThan(before);
    expect(new Set(store.reminders.map((reminder) => reminder.timing))).toContain('NOW');
  });
});
