import { Hono } from 'hono';
import type { ParsedWebhook } from 'wix-webhook-testkit';
import { receiver } from './receive.js';

/** Hono: a fetch-style app; `c.req.text()` is the raw body. */
export function createHonoApp(publicKey: string, onWebhook: (delivery: ParsedWebhook) => void) {
  const app = new Hono();
  const receive = receiver(publicKey, onWebhook);
  app.post('/webhooks/wix', async (c) => {
    const { status, body } = await receive(await c.req.text());
    return c.text(body, status as 200 | 400);
  });
  return app; // in tests: createWixMock({ webhookHandler: (request) => app.fetch(request), ... })
}
