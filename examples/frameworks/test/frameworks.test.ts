import { setupServer } from 'msw/node';
import { buildPayload, deliver, signWebhook, testKeyPair, type ParsedWebhook } from 'wix-webhook-testkit';
import { createWixMock, unhandledRequests, type WixMockOptions } from 'wix-webhook-testkit/msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFastifyApp } from '../src/fastify.js';
import { createHonoApp } from '../src/hono.js';
import { createNextRoute } from '../src/next-route.js';
import { createNodeListener } from '../src/node-http.js';

// Each framework's app gets the mock's webhooks in process: fetch-style apps as webhookHandler,
// Node (req, res) listeners as webhookListener.
const appId = '2f4a1f6b-4a0e-4e36-9a8c-3c1f0e0b5d21';
const publicKey = testKeyPair().publicKeyPem;
const msw = setupServer();
beforeAll(() => msw.listen(unhandledRequests('error')));
afterAll(() => msw.close());

type Target = Pick<WixMockOptions, 'webhookHandler' | 'webhookListener'>;
const frameworks: Array<[string, (onWebhook: (delivery: ParsedWebhook) => void) => Promise<Target> | Target]> = [
  ['Fastify (fastify.routing as a Node listener)', async (onWebhook) => ({ webhookListener: (await createFastifyApp(publicKey, onWebhook)).routing })],
  ['Hono (app.fetch)', (onWebhook) => {
    const app = createHonoApp(publicKey, onWebhook);
    return { webhookHandler: (request: Request) => app.fetch(request) };
  }],
  ['a Next.js route handler (POST)', (onWebhook) => ({ webhookHandler: createNextRoute(publicKey, onWebhook).POST })],
  ['plain node:http', (onWebhook) => ({ webhookListener: createNodeListener(publicKey, onWebhook) })],
];

describe.each(frameworks)('%s', (_name, create) => {
  it('receives the mock’s webhook, verified, and answers a duplicate with 200 and a bad body with 400', async () => {
    const received: ParsedWebhook[] = [];
    const target = await create((delivery) => received.push(delivery));
    const mock = createWixMock({ appId, ...target } as WixMockOptions);
    msw.resetHandlers(...mock.handlers);
    const record = await mock.trigger('participation-created', { seed: 1 });
    expect(record.status).toBe('delivered');
    expect(received.map((delivery) => delivery.payload.id)).toEqual([record.payload.id]);

    const direct = target.webhookListener ?? target.webhookHandler!;
    const again = await deliver(record.jwt, direct as never, { policy: { retryDelaysMs: [] } });
    expect(again.attempts[0]!.status).toBe(200);
    expect(received).toHaveLength(1);
    const tampered = await deliver(`${await signWebhook('participation-created', buildPayload('participation-created', { seed: 2 }))}x`, direct as never, { policy: { retryDelaysMs: [] } });
    expect(tampered.attempts[0]!.status).toBe(400);
  });
});
