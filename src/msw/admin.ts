import { http, HttpResponse } from 'msw';
import * as z from 'zod';
import { isWebhookName, webhookNames } from '../catalog/catalog.js';
import { WixhookError } from '../errors.js';
import { applicationError, fieldError, WixHttpError, zodValidationError } from './errors.js';
import { answer, json, readJson } from './http.js';
import type { WixMock } from './mock.js';

const triggerBody = z.object({
  seed: z.int().min(0).optional(),
  traits: z.array(z.string()).optional(),
  overrides: z.record(z.string(), z.unknown()).optional(),
  set: z.array(z.string()).optional(),
});

const clockBody = z.union([z.object({ advanceMs: z.number().min(0) }), z.object({ to: z.union([z.string(), z.number()]) })]);

/** A toolkit error (unknown trait, clock moving back, ...) as a 400 naming the field. */
function asBadRequest(field: string, error: unknown): never {
  if (error instanceof WixhookError && !(error instanceof WixHttpError)) throw fieldError(field, error.message, error.code);
  throw error;
}

/**
 * The admin API of the standalone server (and of anyone who wants it in process), under
 * `/_wixhook/`: trigger a webhook, move the clock, list deliveries, read the public key, reset.
 */
export function adminHandlers(mock: WixMock, origin = mock.baseUrl) {
  const base = `${origin}/_wixhook`;
  return [
    http.post(`${base}/webhooks/:name`, ({ request, params }) =>
      answer(async () => {
        const name = String(params.name);
        if (!isWebhookName(name)) throw applicationError(404, 'NOT_FOUND', `Unknown webhook "${name}". Known webhooks: ${webhookNames.join(', ')}.`);
        const body = triggerBody.safeParse(await readJson(request));
        if (!body.success) throw zodValidationError(body.error);
        const record = await mock.trigger(name, body.data).catch((error: unknown) => asBadRequest('traits', error));
        return json(record);
      }),
    ),
    http.get(`${base}/clock`, () => json({ now: new Date(mock.clock.now()).toISOString() })),
    http.post(`${base}/clock`, ({ request }) =>
      answer(async () => {
        const body = clockBody.safeParse(await readJson(request));
        if (!body.success) throw fieldError('advanceMs', 'send { advanceMs: number >= 0 } or { to: ISO date | epoch ms }', 'REQUIRED_FIELD');
        const deliveries = await ('advanceMs' in body.data ? mock.clock.advance(body.data.advanceMs) : mock.clock.set(body.data.to)).catch((error: unknown) =>
          asBadRequest('advanceMs' in body.data ? 'advanceMs' : 'to', error),
        );
        return json({ now: new Date(mock.clock.now()).toISOString(), deliveries });
      }),
    ),
    http.get(`${base}/deliveries`, () =>
      answer(async () => {
        await mock.idle();
        return json({ deliveries: mock.deliveries });
      }),
    ),
    http.get(`${base}/public-key`, () => new HttpResponse(mock.publicKeyPem, { headers: { 'content-type': 'application/x-pem-file' } })),
    http.post(`${base}/reset`, () =>
      answer(async () => {
        await mock.idle();
        mock.reset();
        return json({});
      }),
    ),
  ];
}
