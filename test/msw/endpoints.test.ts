import { AppStrategy, createClient, EventDefinition } from '@wix/sdk';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { call, inProcessMock, startServer, token } from './helpers.js';

const { mock, received } = inProcessMock();
const server = startServer(mock);
afterAll(() => server.close());
beforeEach(() => {
  mock.reset();
  received.length = 0;
});

describe('token endpoint', () => {
  it('issues a 4-hour Bearer token for the app and instance', async () => {
    const response = await call('POST', '/oauth2/token', undefined, { grant_type: 'client_credentials', client_id: mock.appId, client_secret: 's', instance_id: mock.instanceId });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ access_token: expect.stringMatching(/^OauthNG\.JWS\./), token_type: 'Bearer', expires_in: 14400 });
  });

  it('names the missing field in a 400, refuses another app with a 401', async () => {
    const missing = await call('POST', '/oauth2/token', undefined, { grant_type: 'client_credentials', client_id: mock.appId, client_secret: 's' });
    expect(missing.status).toBe(400);
    expect(missing.body.details.validationError.fieldViolations).toEqual([{ field: 'instance_id', description: 'is required', violatedRule: 'REQUIRED_FIELD' }]);
    const other = await call('POST', '/oauth2/token', undefined, { grant_type: 'client_credentials', client_id: 'other', client_secret: 's', instance_id: mock.instanceId });
    expect(other.status).toBe(401);
  });

  it('401 without a valid token, with or without Bearer, and after expiry', async () => {
    expect((await call('POST', '/calendar/v3/events/query', undefined, {})).status).toBe(401);
    expect((await call('POST', '/calendar/v3/events/query', 'OauthNG.JWS.forged', {})).status).toBe(401);
    const auth = await token();
    expect((await call('POST', '/calendar/v3/events/query', auth, {})).status).toBe(200);
    expect((await call('POST', '/calendar/v3/events/query', `Bearer ${auth}`, {})).status).toBe(200);
    await mock.clock.advance(4 * 3600_000);
    expect((await call('POST', '/calendar/v3/events/query', auth, {})).status).toBe(401);
  });
});

describe('calendar v3 events', () => {
  it('queries NONE and INSTANCE events by default, MASTERs on request, filters and cursor pages', async () => {
    const auth = await token();
    const all = await call('POST', '/calendar/v3/events/query', auth, {});
    expect(all.body.events.map((event: any) => event.recurrenceType).sort()).toEqual(['INSTANCE', 'INSTANCE', 'INSTANCE', 'INSTANCE', 'NONE']);
    const starts = all.body.events.map((event: any) => event.start.utcDate);
    expect([...starts].sort()).toEqual(starts);
    const masters = await call('POST', '/calendar/v3/events/query', auth, { recurrenceType: ['MASTER'] });
    expect(masters.body.events).toHaveLength(1);
    const master = masters.body.events[0];
    const instances = await call('POST', '/calendar/v3/events/query', auth, { query: { filter: { recurringEventId: master.id }, cursorPaging: { limit: 3 } } });
    expect(instances.body.events).toHaveLength(3);
    expect(instances.body.pagingMetadata).toMatchObject({ count: 3, hasNext: true });
    const next = await call('POST', '/calendar/v3/events/query', auth, { query: { cursorPaging: { cursor: instances.body.pagingMetadata.cursors.next } } });
    expect(next.body.events).toHaveLength(1);
    expect(next.body.pagingMetadata).toEqual({ count: 1, cursors: {}, hasNext: false });
    const bad = await call('POST', '/calendar/v3/events/query', auth, { query: { filter: { title: 'x' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.details.validationError.fieldViolations[0].field).toBe('query.filter.title');
  });

  it('gets an event by id, 404 for an unknown one', async () => {
    const auth = await token();
    const [event] = [...mock.store.calendarEvents.values()];
    const got = await call('GET', `/calendar/v3/events/${event!.id}?timeZone=Europe/Dublin`, auth);
    expect(got.status).toBe(200);
    expect(got.body.event).toMatchObject({ id: event!.id, adjustedStart: { timeZone: 'Europe/Dublin' } });
    const missing = await call('GET', `/calendar/v3/events/${'0'.repeat(64)}`, auth);
    expect(missing.status).toBe(404);
    expect(missing.body.details.applicationError.code).toBe('NOT_FOUND');
  });

  it('creates an event (400 naming a missing field, store unchanged)', async () => {
    const auth = await token();
    const scheduleId = [...mock.store.calendarEvents.values()][0]!.scheduleId;
    const before = mock.store.calendarEvents.size;
    const bad = await call('POST', '/calendar/v3/events', auth, { event: { scheduleId, start: { localDate: '2025-04-01T10:00:00' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.details.validationError.fieldViolations).toContainEqual({ field: 'event.end', description: 'is required', violatedRule: 'REQUIRED_FIELD' });
    expect(mock.store.calendarEvents.size).toBe(before);
    const created = await call('POST', '/calendar/v3/events', auth, { event: { scheduleId, title: 'New', start: { localDate: '2025-04-01T10:00:00' }, end: { localDate: '2025-04-01T11:00:00' } } });
    expect(created.status).toBe(200);
    expect(created.body.event).toMatchObject({ scheduleId, recurrenceType: 'NONE', revision: '1', id: expect.stringMatching(new RegExp(`^${scheduleId.replaceAll('-', '')}[0-9a-f]{32}$`)) });
    expect(mock.store.calendarEvents.size).toBe(before + 1);
  });

  it('a malformed body is a 400, never a crash', async () => {
    const auth = await token();
    for (const body of ['{', '[]', '"x"']) {
      const response = await call('POST', '/calendar/v3/participations', auth, body);
      expect(response.status).toBe(400);
      expect(response.body.details.validationError.fieldViolations[0].field).toBe('body');
    }
  });
});

describe('calendar v3 participations', () => {
  it('creates, gets and queries; creating sends participation-created, signed, that @wix/sdk accepts', async () => {
    const auth = await token();
    const event = [...mock.store.calendarEvents.values()].find((candidate) => candidate.recurrenceType === 'INSTANCE')!;
    const created = await call('POST', '/calendar/v3/participations', auth, { participation: { eventId: event.id, participant: { name: 'Jane Doe' }, partySize: 2 } });
    expect(created.status).toBe(200);
    const participation = created.body.participation;
    expect(participation).toMatchObject({ eventId: event.id, partySize: 2, status: 'CONFIRMED', revision: '1' });
    expect((await call('GET', `/calendar/v3/participations/${participation.id}`, auth)).body.participation).toEqual(participation);
    const query = await call('POST', '/calendar/v3/participations/query', auth, { query: { filter: { eventId: event.id } } });
    expect(query.body.participations[0]).toEqual(participation);

    await mock.idle();
    expect(mock.deliveries.map((delivery) => [delivery.name, delivery.status, delivery.cause])).toEqual([['participation-created', 'delivered', 'rest']]);
    const client = createClient({ auth: AppStrategy({ appId: mock.appId, publicKey: mock.publicKeyPem }) });
    const processed = await client.webhooks.process(received[0]!, { expectedEvents: [EventDefinition('wix.calendar.v3.participation_created')()] });
    expect(processed.instanceId).toBe(mock.instanceId);
    expect((processed.payload as any).createdEvent.entity).toEqual(participation);
    expect((processed.payload as any).entityId).toBe(participation.id);
  });

  it('400 naming the field, 404 for an unknown event; the store is unchanged', async () => {
    const auth = await token();
    const before = mock.store.participations.size;
    const event = [...mock.store.calendarEvents.values()][0]!;
    const tooBig = await call('POST', '/calendar/v3/participations', auth, { participation: { eventId: event.id, participant: { name: 'A' }, partySize: 1001 } });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.details.validationError.fieldViolations).toEqual([{ field: 'participation.partySize', description: expect.any(String), violatedRule: 'MAX' }]);
    const noName = await call('POST', '/calendar/v3/participations', auth, { participation: { eventId: event.id, participant: {}, partySize: 1 } });
    expect(noName.body.details.validationError.fieldViolations[0].field).toBe('participation.participant.name');
    const unknown = await call('POST', '/calendar/v3/participations', auth, { participation: { eventId: 'x'.repeat(40), participant: { name: 'A' }, partySize: 1 } });
    expect(unknown.status).toBe(404);
    expect(mock.store.participations.size).toBe(before);
    await mock.idle();
    expect(mock.deliveries).toHaveLength(0);
  });

  it('a stale revision is a 409 and changes nothing', async () => {
    const auth = await token();
    const [participation] = [...mock.store.participations.values()];
    const ok = await call('PATCH', `/calendar/v3/participations/${participation!.id}`, auth, { participation: { partySize: 5, revision: '1' } });
    expect(ok.body.participation).toMatchObject({ partySize: 5, revision: '2' });
    const stale = await call('PATCH', `/calendar/v3/participations/${participation!.id}`, auth, { participation: { partySize: 7, revision: '1' } });
    expect(stale.status).toBe(409);
    expect(mock.store.participations.get(participation!.id)).toMatchObject({ partySize: 5, revision: '2' });
  });
});

describe('event guests', () => {
  it('queries with filter and offset paging, guest details only on request', async () => {
    const auth = await token();
    const all = await call('POST', '/events/v2/guests/query', auth, { query: {} });
    expect(all.body.guests).toHaveLength(6);
    expect(all.body.guests[0].guestDetails).toBeUndefined();
    const eventId = all.body.guests[0].eventId;
    const page = await call('POST', '/events/v2/guests/query', auth, { query: { filter: { eventId }, paging: { limit: 2, offset: 1 } }, fields: ['GUEST_DETAILS'] });
    expect(page.body.guests).toHaveLength(2);
    expect(page.body.pagingMetadata).toMatchObject({ count: 2, offset: 1, total: 3 });
    expect(page.body.guests[0].guestDetails).toBeDefined();
  });
});
