import type { ParsedWebhook } from 'wix-webhook-testkit';
import { receiver } from './receive.js';

/**
 * A Next.js App Router route handler (app/api/webhooks/wix/route.ts exports `POST`): a
 * fetch-style function of the Web `Request`, so it is its own in-process target.
 */
export function createNextRoute(publicKey: string, onWebhook: (delivery: ParsedWebhook) => void) {
  const receive = receiver(publicKey, onWebhook);
  return {
    async POST(request: Request): Promise<Response> {
      const { status, body } = await receive(await request.text());
      return new Response(body, { status, headers: { 'content-type': 'text/plain' } });
    },
  };
}
