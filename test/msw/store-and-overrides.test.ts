import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { compileFilter } from '../../src/msw/query.js';
import { call, inProcessMock, startServer, token } from './helpers.js';

const { mock } = inProcessMock();
const server = startServer(mock);
afterEach(() => {
  server.resetHandlers();
  mock.reset();
});
afterAll(() => server.close());

describe('seeding', () => {
  it('is deterministic per seed and start time, and differs across seeds', () => {
    const snapshot = (seed: number) => {
      const { mock: other } = inProcessMock({ seed });
      return JSON.stringify([...other.store.calendarEvents.values(), ...other.store.participations.values(), ...other.store.guests.values()]);
    };
    expect(snapshot(5)).toBe(snapshot(5));
    expect(snapshot(5)).not.toBe(snapshot(6));
    expect(mock.store.calendarEvents.size).toBe(6);
    expect(mock.store.participations.size).toBe(4);
    expect(mock.store.guests.size).toBe(6);
  });

  it('reset restores the seeded store and forgets tokens', async () => {
    const auth = await token();
    const before = JSON.stringify([...mock.store.participations.values()]);
    const event = [...mock.store.calendarEvents.values()][1]!;
    await call('POST', '/calendar/v3/participations', auth, { participation: { eventId: event.id, participant: { name: 'A' }, partySize: 1 } });
    await mock.idle();
    mock.reset();
    expect(JSON.stringify([...mock.store.participations.values()])).toBe(before);
    expect(mock.deliveries).toHaveLength(0);
    expect((await call('POST', '/calendar/v3/events/query', auth, {})).status).toBe(401);
  });
});

describe('plain MSW handlers', () => {
  it("a user's server.use(...) override wins over the mock's handler", async () => {
    const auth = await token();
    server.use(http.post('https://www.wixapis.com/calendar/v3/events/query', () => HttpResponse.json({ message: 'boom', details: {} }, { status: 503 })));
    expect((await call('POST', '/calendar/v3/events/query', auth, {})).status).toBe(503);
    server.resetHandlers();
    expect((await call('POST', '/calendar/v3/events/query', auth, {})).status).toBe(200);
  });

  it('baseUrl moves every endpoint', async () => {
    const { mock: other } = inProcessMock({ baseUrl: 'http://wix.test/' });
    server.use(...other.handlers);
    const response = await fetch('http://wix.test/oauth2/token', {
      method: 'POST',
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: other.appId, client_secret: 's', instance_id: other.instanceId }),
    });
    expect(response.status).toBe(200);
  });
});

describe('events', () => {
  it('queries a local-date window in a time zone', async () => {
    const auth = await token();
    const all = (await call('POST', '/calendar/v3/events/query', auth, {})).body.events;
    const first = all[0];
    const window = await call('POST', '/calendar/v3/events/query', auth, { fromLocalDate: first.start.localDate, toLocalDate: first.end.localDate, timeZone: first.timeZone });
    expect(window.body.events.map((event: { id: string }) => event.id)).toContain(first.id);
    expect(window.body.events.every((event: any) => event.adjustedStart.timeZone === first.timeZone)).toBe(true);
    const reversed = await call('POST', '/calendar/v3/events/query', auth, { fromLocalDate: first.end.localDate, toLocalDate: first.start.localDate });
    expect(reversed.status).toBe(400);
  });

  it('PATCH with a stale revision is a 409 and leaves the event unchanged; an INSTANCE becomes an EXCEPTION', async () => {
    const auth = await token();
    const instance = [...mock.store.calendarEvents.values()].find((event) => event.recurrenceType === 'INSTANCE')!;
    const updated = await call('PATCH', `/calendar/v3/events/${instance.id}`, auth, { event: { title: 'Moved', revision: instance.revision } });
    expect(updated.body.event).toMatchObject({ title: 'Moved', revision: '2', recurrenceType: 'EXCEPTION' });
    const before = structuredClone(mock.store.calendarEvents.get(instance.id));
    const stale = await call('PATCH', `/calendar/v3/events/${instance.id}`, auth, { event: { title: 'Again', revision: '1' } });
    expect(stale.status).toBe(409);
    expect(stale.body.details.applicationError.code).toBe('REVISION_MISMATCH');
    expect(mock.store.calendarEvents.get(instance.id)).toEqual(before);
    const noRevision = await call('PATCH', `/calendar/v3/events/${instance.id}`, auth, { event: { title: 'Again' } });
    expect(noRevision.body.details.validationError.fieldViolations[0]).toMatchObject({ field: 'event.revision', violatedRule: 'REQUIRED_FIELD' });
  });

  it('creates a weekly MASTER; refuses a weekday that is not the start day', async () => {
    const auth = await token();
    const scheduleId = [...mock.store.calendarEvents.values()][0]!.scheduleId;
    const event = { scheduleId, start: { localDate: '2025-03-10T10:00:00' }, end: { localDate: '2025-03-10T11:00:00' } };
    const master = await call('POST', '/calendar/v3/events', auth, { event: { ...event, recurrenceRule: { frequency: 'WEEKLY', days: ['MONDAY'] } } });
    expect(master.body.event).toMatchObject({ recurrenceType: 'MASTER', recurrenceRule: { interval: 1, days: ['MONDAY'] } });
    const wrong = await call('POST', '/calendar/v3/events', auth, { event: { ...event, recurrenceRule: { frequency: 'WEEKLY', days: ['TUESDAY'] } } });
    expect(wrong.body.details.validationError.fieldViolations[0].field).toBe('event.recurrenceRule.days');
  });
});

describe('query language', () => {
  const records = [
    { id: 'a', n: 1, tags: [{ id: 'x' }, { id: 'y' }], nested: { type: 'B' } },
    { id: 'b', n: 5, tags: [{ id: 'y' }], nested: { type: 'C' } },
    { id: 'c', n: 9 },
  ];
  const ids = (filter: unknown) => records.filter(compileFilter(filter, { n: ['$eq', '$gt', '$lte', '$in', '$exists'], 'tags.id': ['$hasSome', '$hasAll'], 'nested.type': ['$eq', '$in', '$exists'] })).map((record) => record.id);

  it('evaluates operators, nested paths, arrays and logical combinators', () => {
    expect(ids({ n: 5 })).toEqual(['b']);
    expect(ids({ n: { $gt: 1, $lte: 9 } })).toEqual(['b', 'c']);
    expect(ids({ 'tags.id': { $hasAll: ['x', 'y'] } })).toEqual(['a']);
    expect(ids({ 'tags.id': { $hasSome: ['y'] } })).toEqual(['a', 'b']);
    expect(ids({ 'nested.type': { $exists: false } })).toEqual(['c']);
    expect(ids({ $or: [{ n: 1 }, { 'nested.type': 'C' }] })).toEqual(['a', 'b']);
    expect(ids({ $not: { n: { $in: [1, 9] } } })).toEqual(['b']);
  });

  it('refuses unsupported fields and operators with a 400 naming the field', () => {
    expect(() => ids({ other: 1 })).toThrow(expect.objectContaining({ status: 400, body: expect.objectContaining({ details: { validationError: { fieldViolations: [expect.objectContaining({ field: 'query.filter.other' })] } } }) }));
    expect(() => ids({ n: { $startsWith: '1' } })).toThrow(expect.objectContaining({ status: 400 }));
  });
});
