import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { WixMatchers } from '../../src/matchers/matchers.js';
import { createWixTest } from '../../src/msw/vitest.js';
import { testKeyPair } from '../../src/signing/keys.js';
import { parseWebhook } from '../../src/signing/parse-webhook.js';

// A receiving app on loopback that verifies what it gets.
const received: string[] = [];
let app: Server;
let url = '';
beforeAll(async () => {
  app = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', async () => {
      const delivery = await parseWebhook(body, { publicKey: testKeyPair().publicKeyPem });
      received.push(delivery.name);
      response.end();
    });
  });
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(app.address() as AddressInfo).port}/webhooks/wix`;
});
afterAll(() => new Promise<void>((resolve) => app.close(() => resolve())));

const test = createWixTest(() => ({ appId: 'a3c4b1de-7f7e-4a8e-9a7c-5d1d3c2b1a00', webhookUrl: url }));
type WixExpect = (value: unknown) => WixMatchers<void> & { not: WixMatchers<void> };
const wixExpect = expect as unknown as WixExpect;

describe('createWixTest fixture', () => {
  test('gives a test its own mock, served by MSW, and the delivery matcher', async ({ wix }) => {
    const token = await fetch(`${wix.baseUrl}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: wix.appId, client_secret: 'secret', instance_id: wix.instanceId }),
    }).then((response) => response.json() as Promise<{ access_token: string }>);
    expect(token.access_token).toBeTypeOf('string');
    await wix.trigger('participation-created', { traits: ['for-schedule'] });
    await wixExpect(wix).toHaveDeliveredWixWebhook('participation-created', { times: 1, where: (payload) => typeof payload.id === 'string' });
    await wixExpect(wix).not.toHaveDeliveredWixWebhook('guest-event-starts');
    expect(received).toContain('participation-created');
  });

  test('the next test starts from a fresh mock', async ({ wix }) => {
    expect(wix.deliveries).toHaveLength(0);
    await expect(wixExpect(wix).toHaveDeliveredWixWebhook('participation-created')).rejects.toThrow(/expected participation-created delivered at least once, got 0/);
  });
});
