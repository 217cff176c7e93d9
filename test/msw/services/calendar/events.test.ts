import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { call, inProcessMock, startServer, token } from '../../helpers.js';

const { mock } = inProcessMock();
const server = startServer(mock);
afterEach(() => {
  server.resetHandlers();
  mock.reset();
});
afterAll(() => server.close());

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
