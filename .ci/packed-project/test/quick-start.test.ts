// The README's quick start, as a new user writes it against the installed tarball.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { build, buildPayload, getWebhook, parseWebhook, signWebhook, testKeyPair } from 'wix-webhook-testkit';
import { wixMatchers } from 'wix-webhook-testkit/matchers';
import { createWixMock, unhandledRequests } from 'wix-webhook-testkit/msw';
import { contractsDir, verifyWixPacts, wixMessagePact } from 'wix-webhook-testkit/pact';

expect.extend(wixMatchers);
const wix = expect as unknown as (value: unknown) => { toBeWixPayload(name: string, options?: object): void; toHaveDeliveredWixWebhook(name: string, options?: object): Promise<void> };

describe('1. factories in unit tests', () => {
  it('builds seeded, valid payloads and the SDK envelope', () => {
    const { payload, sdkEnvelope } = build('participation-created', { seed: 42, traits: ['for-schedule', 'large-party'] });
    wix(payload).toBeWixPayload('participation-created', { mode: 'strict' });
    expect(sdkEnvelope.entity._createdDate).toBeInstanceOf(Date);
    expect(buildPayload('participation-created', { seed: 42 })).toEqual(buildPayload('participation-created', { seed: 42 }));
  });

  it('signs as Wix does and verifies', async () => {
    const payload = buildPayload('guest-event-starts', { traits: ['starts-in-1-hour'] });
    const delivery = await parseWebhook(await signWebhook('guest-event-starts', payload), { publicKey: testKeyPair().publicKeyPem });
    expect(delivery.name).toBe('guest-event-starts');
  });
});

describe('2. the MSW mock in integration tests', () => {
  it('a REST write sends the signed webhook to the app', async () => {
    const received: string[] = [];
    const mock = createWixMock({
      appId: 'a3c4b1de-7f7e-4a8e-9a7c-5d1d3c2b1a00',
      webhookHandler: async (request) => {
        received.push((await parseWebhook(await request.text(), { publicKey: testKeyPair().publicKeyPem })).name);
        return new Response(null, { status: 200 });
      },
    });
    const server = setupServer(...mock.handlers);
    server.listen(unhandledRequests('error'));
    try {
      const { access_token } = await (await fetch('https://www.wixapis.com/oauth2/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials', client_id: mock.appId, client_secret: 's', instance_id: mock.instanceId }),
      })).json() as { access_token: string };
      const { events } = await (await fetch('https://www.wixapis.com/calendar/v3/events/query', { method: 'POST', headers: { authorization: access_token }, body: '{}' })).json() as { events: Array<{ id: string }> };
      const created = await fetch('https://www.wixapis.com/calendar/v3/participations', {
        method: 'POST',
        headers: { authorization: access_token, 'content-type': 'application/json' },
        body: JSON.stringify({ participation: { eventId: events[0]!.id, participant: { name: 'Jane Doe' }, partySize: 2 } }),
      });
      expect(created.status).toBe(200);
      await wix(mock).toHaveDeliveredWixWebhook('participation-created', { times: 1 });
      expect(received).toEqual(['participation-created']);
    } finally {
      server.close();
    }
  });
});

describe('3. Pact verification', () => {
  it('a consumer pact written with the helper verifies against the Wix model', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pacts-'));
    const pact = wixMessagePact({ consumer: 'bookings-app', dir });
    await pact.receive('participation-created', { layer: 'sdk', fields: ['entity._id', 'entity.partySize'] }, (envelope) => {
      expect(envelope.entity.partySize).toBeGreaterThan(0);
    });
    expect(readdirSync(dir)).toEqual(['bookings-app-wix-calendar-participations-v3.json']);
    await verifyWixPacts({ pactUrls: [dir] });
  });

  it('the shipped contracts verify', async () => {
    await verifyWixPacts({ pactUrls: [contractsDir] });
    expect(getWebhook('guest-event-starts').provider).toBe('wix-events-guests-v1');
  });
});
