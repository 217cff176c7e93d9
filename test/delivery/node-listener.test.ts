import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../src/delivery/clock.js';
import { deliver } from '../../src/delivery/deliver.js';
import { buildPayload } from '../../src/build/build.js';
import { createWixMock, unhandledRequests } from '../../src/msw/index.js';
import { testKeyPair } from '../../src/signing/keys.js';
import { parseWebhook } from '../../src/signing/parse-webhook.js';
import { signWebhook } from '../../src/signing/sign.js';

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => resolve(body));
  });

describe('a Node (req, res) listener as the delivery target', () => {
  it('an Express app receives the JWT as its raw body, in process', async () => {
    const received: string[] = [];
    const app = express();
    app.post('/webhooks/wix', express.text({ type: '*/*' }), (req, res) => {
      received.push(req.body as string);
      res.sendStatus(200);
    });
    const jwt = await signWebhook('participation-created', buildPayload('participation-created', { seed: 1 }));
    const report = await deliver(jwt, app);
    expect(report).toMatchObject({ delivered: true, target: 'handler' });
    expect(received).toEqual([jwt]);
  });

  it('a plain listener answering 500, or throwing, fails its attempts and is resent', async () => {
    const jwt = await signWebhook('participation-created', buildPayload('participation-created', { seed: 1 }));
    const failing = (_req: IncomingMessage, res: ServerResponse) => void res.writeHead(500).end();
    const failed = await deliver(jwt, failing, { clock: createVirtualClock(), policy: { retryDelaysMs: [1000] } });
    expect(failed.attempts.map((attempt) => attempt.status)).toEqual([500, 500]);
    const throwing = (_req: IncomingMessage, _res: ServerResponse) => {
      throw new Error('boom');
    };
    const thrown = await deliver(jwt, throwing, { clock: createVirtualClock(), policy: { retryDelaysMs: [] } });
    expect(thrown.delivered).toBe(false);
    expect(thrown.attempts[0]!.status).toBe(500);
  });

  it('createWixMock (webhookListener) delivers to it under MSW with onUnhandledRequest: error', async () => {
    const bodies: string[] = [];
    const mock = createWixMock({
      appId: 'a3c4b1de-7f7e-4a8e-9a7c-5d1d3c2b1a00',
      webhookListener: async (req: IncomingMessage, res: ServerResponse) => {
        bodies.push(await readBody(req));
        res.end('ok');
      },
    });
    const server = setupServer(...mock.handlers);
    server.listen(unhandledRequests('error'));
    try {
      const record = await mock.trigger('guest-event-starts', { seed: 1 });
      expect(record.status).toBe('delivered');
      expect((await parseWebhook(bodies[0]!, { publicKey: testKeyPair().publicKeyPem })).name).toBe('guest-event-starts');
    } finally {
      server.close();
    }
  });
});
