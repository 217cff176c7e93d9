import Fastify from 'fastify';
import type { ParsedWebhook } from 'wix-webhook-testkit';
import { receiver } from './receive.js';

/** Fastify: take every body as a string, since the signature covers the raw body. */
export async function createFastifyApp(publicKey: string, onWebhook: (delivery: ParsedWebhook) => void) {
  const app = Fastify();
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  const receive = receiver(publicKey, onWebhook);
  app.post('/webhooks/wix', async (request, reply) => {
    const { status, body } = await receive(request.body as string);
    return reply.code(status).type('text/plain').send(body);
  });
  await app.ready();
  return app; // in tests: createWixMock({ webhookListener: app.routing, ... })
}
