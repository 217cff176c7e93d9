import { http, HttpResponse } from 'msw';
import * as z from 'zod';
import { isWebhookName, webhookNames } from '../catalog/catalog.js';
import { inspectorHandlers } from './inspector/handlers.js';
import { WixhookError } from '../errors.js';
import { ConflictingTraitsError, InvalidFactoryOptionError, InvalidSetPathError, InvalidSetValueError, UnknownTraitError } from '../build/errors.js';
import { guardAdminRequest, type AdminGuardOptions } from './admin-guard.js';
import { applicationError, fieldError, WixHttpError, zodValidationError } from './errors.js';
import { answer, json, readJson } from './http.js';
import type { AdminMock } from './admin-mock.js';
import { malformedUrlHandler } from './malformed-url.js';

export type { AdminMock } from './admin-mock.js';
export type { AdminGuardOptions } from './admin-guard.js';
export { adminTokenHeader } from './admin-guard.js';

const triggerBody = z.object({
  seed: z.int().min(0).optional(),
  traits: z.array(z.string()).optional(),
  overrides: z.record(z.string(), z.unknown()).optional(),
  set: z.array(z.string()).optional(),
});

/** The largest epoch millisecond a Date holds. */
const maxDateMs = 8.64e15;

const clockBody = z.union([z.object({ advanceMs: z.number() }), z.object({ to: z.union([z.string(), z.number()]) })]);

/** The instant a clock request asks for, validated before anything moves; a 400 naming the field otherwise. */
function clockTarget(body: unknown, now: number): { field: 'advanceMs'; ms: number } | { field: 'to'; at: number } {
  const parsed = clockBody.safeParse(body);
  if (!parsed.success) throw fieldError('advanceMs', 'send { "advanceMs": milliseconds >= 0 } or { "to": ISO date-time | epoch milliseconds }', 'REQUIRED_FIELD');
  if ('advanceMs' in parsed.data) {
    const ms = parsed.data.advanceMs;
    if (ms < 0) throw fieldError('advanceMs', 'must be at least 0: the mock clock only moves forward', 'MIN');
    if (now + ms > maxDateMs) throw fieldError('advanceMs', `would move the clock past the largest date (${new Date(maxDateMs).toISOString()})`, 'MAX');
    return { field: 'advanceMs', ms };
  }
  const { to } = parsed.data;
  const at = typeof to === 'number' ? to : Date.parse(to);
  if (!Number.isFinite(at)) throw fieldError('to', 'must be an ISO date-time or epoch milliseconds', 'FORMAT');
  if (Math.abs(at) > maxDateMs) throw fieldError('to', `must be within ±${maxDateMs} epoch milliseconds`, 'MAX');
  if (at < now) throw fieldError('to', `is before the mock clock (${new Date(now).toISOString()}): the clock only moves forward`, 'MIN');
  return { field: 'to', at };
}

/** The body field a toolkit error of a trigger is about. */
function triggerField(error: WixhookError): string {
  if (error instanceof UnknownTraitError || error instanceof ConflictingTraitsError) return 'traits';
  if (error instanceof InvalidSetPathError || error instanceof InvalidSetValueError) return 'set';
  if (error instanceof InvalidFactoryOptionError) return error.option;
  return 'body';
}

/** A toolkit error (unknown trait, clock moving back, ...) as a 400 naming the field. */
function asBadRequest(field: string | ((error: WixhookError) => string), error: unknown): never {
  if (error instanceof WixhookError && !(error instanceof WixHttpError)) throw fieldError(typeof field === 'string' ? field : field(error), error.message, error.code);
  throw error;
}

const allowedMethods = 'GET, POST, OPTIONS';

/**
 * The admin API of the standalone server (and of anyone who wants it in process), under
 * `/_wixhook/`: trigger a webhook, move the clock, list deliveries, read the public key, reset.
 * Every request is checked first (no cross-site callers, JSON writes,
 * the token when one is set); every write validates its whole body before it changes anything.
 */
export function adminHandlers(mock: AdminMock, origin = mock.baseUrl, guard: AdminGuardOptions = {}) {
  const base = `${origin}/_wixhook`;
  const origins = (guard.origins ?? [origin]).map((item) => item.toLowerCase());
  const check = (request: Request, { write = false, needsToken = true } = {}) => guardAdminRequest(request, { token: guard.token, origins, needsToken, write });
  return [
    malformedUrlHandler(origin),
    // A preflight is answered (so it is not a 404) but grants nothing: no Access-Control-Allow-* header.
    http.options(`${base}/*`, () => new HttpResponse(null, { status: 204, headers: { allow: allowedMethods } })),
    http.post(`${base}/webhooks/:name`, ({ request, params }) =>
      answer(async () => {
        check(request, { write: true });
        const name = String(params.name);
        if (!isWebhookName(name)) throw applicationError(404, 'NOT_FOUND', `Unknown webhook "${name}". Known webhooks: ${webhookNames.join(', ')}.`);
        const body = triggerBody.safeParse(await readJson(request));
        if (!body.success) throw zodValidationError(body.error);
        const record = await mock.trigger(name, body.data).catch((error: unknown) => asBadRequest(triggerField, error));
        return json(record);
      }),
    ),
    http.get(`${base}/clock`, ({ request }) =>
      answer(() => {
        check(request);
        return json({ now: new Date(mock.clock.now()).toISOString() });
      }),
    ),
    http.post(`${base}/clock`, ({ request }) =>
      answer(async () => {
        check(request, { write: true });
        const target = clockTarget(await readJson(request), mock.clock.now());
        const deliveries = await (target.field === 'advanceMs' ? mock.clock.advance(target.ms) : mock.clock.set(target.at)).catch((error: unknown) => asBadRequest(target.field, error));
        return json({ now: new Date(mock.clock.now()).toISOString(), deliveries });
      }),
    ),
    http.get(`${base}/deliveries`, ({ request }) =>
      answer(async () => {
        check(request);
        await mock.idle();
        return json({ deliveries: mock.deliveries });
      }),
    ),
    http.get(`${base}/public-key`, ({ request }) =>
      answer(() => {
        check(request, { needsToken: false });
        return new HttpResponse(mock.publicKeyPem, { headers: { 'content-type': 'application/x-pem-file' } });
      }),
    ),
    http.post(`${base}/reset`, ({ request }) =>
      answer(async () => {
        check(request, { write: true });
        await mock.idle();
        mock.reset();
        return json({});
      }),
    ),
    ...inspectorHandlers(mock, base, check),
  ];
}
