import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { adminHandlers } from '../../src/msw/index.js';
import { parseWebhook } from '../../src/signing/parse-webhook.js';
import { base, call, inProcessMock, startServer, token } from './helpers.js';

const { mock, received } = inProcessMock();
const server = startServer(mock);
server.use(...adminHandlers(mock));
afterEach(() => {
  mock.reset();
  received.length = 0;
});
afterAll(() => server.close());

const firstEvent = () => [...mock.store.calendarEvents.values()].find((event) => event.recurrenceType === 'NONE')!;
const participation = (eventId: string) => ({ participation: { eventId, participant: { name: 'Ada Lovelace' }, partySize: 1, status: 'CONFIRMED' } });
const admin = (path: string, body?: unknown) =>
  fetch(`${base}/_wixhook${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }).then(async (response) => ({ status: response.status, headers: response.headers, body: (await response.json()) as any }));

describe('REST faults', () => {
  it('a 429 with Retry-After for the given number of requests, then the real answer; nothing is written by the refused one', async () => {
    const auth = await token();
    const before = mock.store.participations.size;
    mock.faults.rest({ method: 'POST', path: '/calendar/v3/participations', status: 429, retryAfterSeconds: 2, times: 1 });
    const response = await fetch(`${base}/calendar/v3/participations`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: auth }, body: JSON.stringify(participation(firstEvent().id)) });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(await response.json()).toMatchObject({ details: { applicationError: { code: 'TOO_MANY_REQUESTS' } } });
    expect(mock.store.participations.size).toBe(before);
    expect((await call('POST', '/calendar/v3/participations', auth, participation(firstEvent().id))).status).toBe(200);
    expect(mock.faults.list().rest).toEqual([]);
  });

  it('a 5xx on a path pattern until removed; latency delays the real answer; other methods and paths are untouched', async () => {
    const auth = await token();
    const remove = mock.faults.rest({ method: 'GET', path: '/calendar/v3/events/*', status: 503 });
    const id = firstEvent().id;
    expect((await call('GET', `/calendar/v3/events/${id}`, auth)).status).toBe(503);
    expect((await call('GET', `/calendar/v3/events/${id}`, auth)).status).toBe(503);
    expect((await call('POST', '/calendar/v3/events/query', auth, { query: {} })).status).toBe(200);
    remove();
    expect((await call('GET', `/calendar/v3/events/${id}`, auth)).status).toBe(200);
    mock.faults.rest({ path: '/calendar/v3/**', latencyMs: 150, times: 1 });
    const started = performance.now();
    expect((await call('GET', `/calendar/v3/events/${id}`, auth)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('a bad fault is a typed error naming the field', () => {
    expect(() => mock.faults.rest({ path: 'no-slash' })).toThrow(expect.objectContaining({ code: 'ERR_INVALID_FAULT', message: expect.stringContaining('"path"') }));
    expect(() => mock.faults.rest({ path: '/x', status: 200 } as never)).toThrow(expect.objectContaining({ code: 'ERR_INVALID_FAULT', message: expect.stringContaining('"status"') }));
  });
});

describe('webhook faults', () => {
  it('duplicates: each webhook arrives 1 + n times with the same JWT, logged as duplicates of the first', async () => {
    mock.faults.duplicates(2);
    await mock.trigger('participation-created', { seed: 1 });
    await mock.idle();
    expect(received).toHaveLength(3);
    expect(new Set(received).size).toBe(1);
    expect(mock.deliveries.map((delivery) => [delivery.cause, delivery.resendOf])).toEqual([
      ['trigger', undefined],
      ['duplicate', 1],
      ['duplicate', 1],
    ]);
  });

  it('hold and release in reverse: the app gets the newer event first', async () => {
    mock.faults.hold();
    const first = mock.trigger('participation-created', { seed: 1 });
    const second = mock.trigger('participation-created', { seed: 2 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(received).toEqual([]);
    expect(mock.faults.list()).toMatchObject({ holding: true, held: 2 });
    const released = await mock.faults.release('reverse');
    await Promise.all([first, second]);
    expect(released.map((record) => record.sequence)).toEqual([2, 1]);
    const ids = await Promise.all(received.map(async (jwt) => (await parseWebhook(jwt, { publicKey: mock.publicKeyPem })).payload.id));
    expect(ids).toEqual([mock.deliveries[1]!.payload.id, mock.deliveries[0]!.payload.id]);
  });

  it('reset drops held deliveries (their promises settle) and clears every fault', async () => {
    mock.faults.hold();
    mock.faults.duplicates(1);
    mock.faults.rest({ path: '/calendar/v3/**', status: 500 });
    const held = mock.trigger('participation-created', { seed: 1 });
    mock.reset();
    await expect(held).resolves.toMatchObject({ status: 'failed', error: expect.stringContaining('dropped by a reset') });
    expect(mock.faults.list()).toEqual({ rest: [], duplicates: 0, holding: false, held: 0 });
  });
});

describe('the admin API', () => {
  it('injects, lists, releases and clears faults; refuses a bad body naming the field and changes nothing', async () => {
    const bad = await admin('/faults', { rest: [{ path: '/x', status: 99 }] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('rest[0].status');
    expect(mock.faults.list().rest).toEqual([]);
    const set = await admin('/faults', { rest: [{ method: 'GET', path: '/calendar/v3/events/*', status: 500, times: 3 }], duplicates: 1, hold: true });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ rest: [{ path: '/calendar/v3/events/*', status: 500, remaining: 3 }], duplicates: 1, holding: true, held: 0 });
    void mock.trigger('participation-created', { seed: 4 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const released = await admin('/faults/release', { order: 'shuffle', seed: 3 });
    expect(released.body.deliveries.map((record: { sequence: number }) => record.sequence)).toEqual([1]);
    await mock.idle();
    expect(received).toHaveLength(2);
    expect((await admin('/faults/clear', {})).body).toEqual({ rest: [], duplicates: 0, holding: false, held: 0 });
  });
});
