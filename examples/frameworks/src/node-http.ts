import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ParsedWebhook } from 'wix-webhook-testkit';
import { receiver } from './receive.js';

/** Plain node:http: read the body's bytes, then verify them. */
export function createNodeListener(publicKey: string, onWebhook: (delivery: ParsedWebhook) => void) {
  const receive = receiver(publicKey, onWebhook);
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') return void res.writeHead(405).end();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const { status, body } = await receive(Buffer.concat(chunks).toString('utf8'));
    res.writeHead(status, { 'content-type': 'text/plain' }).end(body);
  }; // in tests: createWixMock({ webhookListener: listener, ... }); in production: http.createServer(listener)
}
