import { http, HttpResponse } from 'msw';
import * as z from 'zod';
import { webhookNameOf, webhookNames } from '../catalog/catalog.js';
import { inspectorHandlers } from './inspector/handlers.js';
import { WixhookError } from '../errors.js';
import { ConflictingTraitsError, InvalidFactoryOptionError, InvalidSetPathError, InvalidSetValueError, UnknownTraitError } from '../build/errors.js';
import { guardAdminRequest, type AdminGuardOptions } from './admin-guard.js';
import { applicationError, fieldError, WixHttpError, zodValidationError } from './errors.js';
import { answer, json, readJson } from './http.js';
import type { AdminMock } from './admin-mock.js';
import type { Endpoint } from './endpoint.js';
import { openApiDocument } from './openapi.js';
import { simulatedServices } from './services/index.js';
import { malformedUrlHandler } from './malformed-url.js';
import { restFaultSchema } from './faults.js';

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

/** A delivery as the admin API lists it (the mock's DeliveryRecord). */
const deliveryRecord = () =>
  z.looseObject({
    sequence: z.int(),
    name: z.string(),
    eventType: z.string(),
    cause: z.enum(['rest', 'trigger', 'clock', 'resend', 'duplicate']),
    resendOf: z.int().optional(),
    payload: z.record(z.string(), z.unknown()),
    jwt: z.string(),
    sentAt: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    report: z.record(z.string(), z.unknown()).optional(),
    error: z.string().optional(),
  });
const clockState = () => z.object({ now: z.string() });

const faultsBody = z.strictObject({
  rest: z.array(restFaultSchema).max(100).optional().describe('REST faults to add.'),
  duplicates: z.int().min(0).max(10).optional().describe('Deliver every webhook signed from now on 1 + this many times, the same JWT each time.'),
  hold: z.boolean().optional().describe('true: hold webhook deliveries until released; false: release the held ones in order.'),
});
const releaseBody = z.strictObject({
  order: z.enum(['sent', 'reverse', 'shuffle']).optional().describe('Default: the order they were sent in.'),
  seed: z.int().min(0).optional().describe('Seed of the shuffle.'),
});
const faultState = () =>
  z.object({ rest: z.array(restFaultSchema.extend({ id: z.int(), remaining: z.int().optional() })), duplicates: z.int(), holding: z.boolean(), held: z.int() });

/** The admin API as data, for the OpenAPI document: the same request schemas the handlers parse. */
export const adminEndpoints: readonly Endpoint[] = [
  { method: 'post', path: '/_wixhook/webhooks/{name}', summary: 'Build a webhook (seed, traits, overrides, set) at the mock’s time and send it; answers its delivery.', request: () => triggerBody, response: deliveryRecord, authorized: false, errors: [404] },
  { method: 'get', path: '/_wixhook/clock', summary: 'The mock’s time.', response: clockState, authorized: false },
  { method: 'post', path: '/_wixhook/clock', summary: 'Move the clock forward ({ advanceMs } or { to }); answers the webhooks due on the way, delivered.', request: () => clockBody, response: () => clockState().extend({ deliveries: z.array(deliveryRecord()) }), authorized: false },
  { method: 'get', path: '/_wixhook/deliveries', summary: 'Every webhook sent, oldest first, once none is in flight.', response: () => z.object({ deliveries: z.array(deliveryRecord()) }), authorized: false },
  { method: 'get', path: '/_wixhook/public-key', summary: 'The SPKI PEM of the signing key: what AppStrategy({ publicKey }) takes.', response: () => z.string(), responseType: 'application/x-pem-file', authorized: false },
  { method: 'post', path: '/_wixhook/reset', summary: 'Back to the seeded store, no deliveries, no tokens, the clock at its start.', response: () => z.object({}), authorized: false },
  { method: 'get', path: '/_wixhook/faults', summary: 'The faults in force: REST faults, duplicates, held deliveries.', response: faultState, authorized: false },
  { method: 'post', path: '/_wixhook/faults', summary: 'Inject faults: REST errors and delays ({ rest: [...] }), duplicate deliveries ({ duplicates }), held deliveries ({ hold }).', request: () => faultsBody, response: faultState, authorized: false },
  { method: 'post', path: '/_wixhook/faults/release', summary: 'Send the held deliveries in the order sent, reversed or shuffled; answers them, delivered.', request: () => releaseBody, response: () => z.object({ deliveries: z.array(deliveryRecord()) }), authorized: false },
  { method: 'post', path: '/_wixhook/faults/clear', summary: 'Remove every fault and release held deliveries in order.', response: faultState, authorized: false },
  { method: 'get', path: '/_wixhook/openapi.json', summary: 'This document.', response: () => z.record(z.string(), z.unknown()), authorized: false },
  { method: 'get', path: '/_wixhook/inspector', summary: 'The inspector: a web page of the deliveries, the catalog and the store.', response: () => z.string(), responseType: 'text/html', authorized: false },
  { method: 'get', path: '/_wixhook/inspector/{file}', summary: "One of the inspector page's own files (scripts, styles).", response: () => z.string(), responseType: 'text/javascript', authorized: false, errors: [404] },
  { method: 'get', path: '/_wixhook/events', summary: 'Server-sent events: every change of the delivery log, live.', response: () => z.string(), responseType: 'text/event-stream', authorized: false },
  { method: 'get', path: '/_wixhook/catalog', summary: 'Every webhook of the catalog with its traits, for the send form.', response: () => z.object({ webhooks: z.array(z.looseObject({ name: z.string(), eventType: z.string() })) }), authorized: false },
  { method: 'get', path: '/_wixhook/store', summary: "Every simulated service's entities, and the mock's time.", response: () => z.object({ now: z.string(), services: z.unknown() }), authorized: false },
  { method: 'get', path: '/_wixhook/deliveries/{sequence}', summary: 'One delivery with every layer decoded and its attempts on the resend schedule.', response: () => z.looseObject({}), authorized: false, errors: [404] },
  { method: 'post', path: '/_wixhook/deliveries/{sequence}/resend', summary: "Send a recorded delivery's JWT again, unchanged, as Wix's resends are.", response: () => z.looseObject({}), authorized: false, errors: [404] },
];

/** The OpenAPI 3.1 document of every simulated service and the admin API. */
export function wixMockOpenApi(): Record<string, unknown> {
  return openApiDocument({ wix: simulatedServices.flatMap((service) => service.endpoints), admin: adminEndpoints });
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
        const requested = String(params.name);
        const name = webhookNameOf(requested);
        if (name === undefined) throw applicationError(404, 'NOT_FOUND', `Unknown webhook "${requested}". Known webhooks: ${webhookNames.join(', ')} (and every webhook of \`wixhook list\`, by name or eventType).`);
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
    http.get(`${base}/openapi.json`, ({ request }) =>
      answer(() => {
        check(request, { needsToken: false });
        return json(wixMockOpenApi());
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
    http.get(`${base}/faults`, ({ request }) =>
      answer(() => {
        check(request);
        return json(mock.faults.list());
      }),
    ),
    http.post(`${base}/faults`, ({ request }) =>
      answer(async () => {
        check(request, { write: true });
        const body = faultsBody.safeParse(await readJson(request));
        if (!body.success) throw zodValidationError(body.error);
        const { rest = [], duplicates, hold } = body.data;
        for (const fault of rest) mock.faults.rest(fault);
        if (duplicates !== undefined) mock.faults.duplicates(duplicates);
        if (hold === true) mock.faults.hold();
        if (hold === false) void mock.faults.release('sent');
        return json(mock.faults.list());
      }),
    ),
    http.post(`${base}/faults/release`, ({ request }) =>
      answer(async () => {
        check(request, { write: true });
        const body = releaseBody.safeParse(await readJson(request));
        if (!body.success) throw zodValidationError(body.error);
        return json({ deliveries: await mock.faults.release(body.data.order, body.data.seed) });
      }),
    ),
    http.post(`${base}/faults/clear`, ({ request }) =>
      answer(async () => {
        check(request, { write: true });
        await mock.faults.clear();
        return json(mock.faults.list());
      }),
    ),
    ...inspectorHandlers(mock, base, check),
  ];
}
