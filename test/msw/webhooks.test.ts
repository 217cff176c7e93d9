import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { http, HttpResponse } from 'msw';
import { afterAll, describe, expect, it } from 'vitest';
import { createWixMock } from '../../src/msw/index.js';
import { parseWebhook } from '../../src/signing/parse-webhook.js';
import { addLocalDays, formatLocal, parseLocal } from '../../src/fake/zoned.js';
import { appId, call, inProcessMock, instanceId, startServer, token } from './helpers.js';

describe('split', () => {
  const { mock } = inProcessMock({ seed: 3 });
  const server = startServer(mock);
  afterAll(() => server.close());

  it('applies the split rules to the store and delivers event-recurring-split', async () => {
    const auth = await token();
    const master = [...mock.store.calendarEvents.values()].find((event) => event.recurrenceType === 'MASTER')!;
    const instances = [...mock.store.calendarEvents.values()].filter((event) => event.recurringEventId === master.id);
    const interval = master.recurrenceRule!.interval!;
    // Split a day after the second upcoming instance starts: two instances stay, two move.
    const split = formatLocal(addLocalDays(parseLocal(instances[1]!.start.localDate), 1));
    const response = await call('POST', `/calendar/v3/events/${master.id}/split`, auth, { splitLocalDate: split });
    expect(response.status).toBe(200);
    const { updatedRecurringEventEndingBeforeSplit: old, newRecurringEventStartingFromSplit: created } = response.body;
    expect(old.id).toBe(master.id);
    expect(old.revision).toBe(String(Number(master.revision) + 1));
    expect(old.recurrenceRule.until).toEqual(instances[1]!.end);
    expect(created.id.slice(0, 32)).toBe(master.id.slice(0, 32));
    expect(created.start).toEqual(instances[2]!.start);
    expect(created).toMatchObject({ revision: '1', recurrenceType: 'MASTER', recurrenceRule: { interval, days: master.recurrenceRule!.days } });
    expect(created.recurrenceRule.until).toBeUndefined();
    expect(mock.store.calendarEvents.get(instances[1]!.id)!.recurringEventId).toBe(master.id);
    expect(mock.store.calendarEvents.get(instances[2]!.id)!.recurringEventId).toBe(created.id);
    expect(mock.store.calendarEvents.get(instances[3]!.id)!.recurringEventId).toBe(created.id);

    await mock.idle();
    const [delivery] = mock.deliveries;
    expect(delivery!.name).toBe('event-recurring-split');
    const parsed = await parseWebhook(delivery!.jwt, { publicKey: mock.publicKeyPem });
    expect(parsed.payload).toMatchObject({ entityId: master.id, actionEvent: { body: { updatedRecurringEventEndingBeforeSplit: { id: master.id }, newRecurringEventStartingFromSplit: { id: created.id } } } });
  });

  it('refuses a split in the past or of a non-MASTER with a 400 naming the field, leaving the store unchanged', async () => {
    const auth = await token();
    const snapshot = structuredClone([...mock.store.calendarEvents.entries()]);
    const master = [...mock.store.calendarEvents.values()].find((event) => event.recurrenceType === 'MASTER')!;
    const instances = [...mock.store.calendarEvents.values()].filter((event) => event.recurringEventId === master.id);
    const past = await call('POST', `/calendar/v3/events/${master.id}/split`, auth, { splitLocalDate: '2020-01-01T10:00:00' });
    expect(past.status).toBe(400);
    expect(past.body.details.validationError.fieldViolations[0].field).toBe('splitLocalDate');
    const beforeNext = await call('POST', `/calendar/v3/events/${master.id}/split`, auth, { splitLocalDate: formatLocal(addLocalDays(parseLocal(instances[0]!.start.localDate), -1)) });
    expect(beforeNext.status).toBe(400);
    const missing = await call('POST', `/calendar/v3/events/${master.id}/split`, auth, {});
    expect(missing.body.details.validationError.fieldViolations[0]).toMatchObject({ field: 'splitLocalDate', violatedRule: 'REQUIRED_FIELD' });
    const instance = [...mock.store.calendarEvents.values()].find((event) => event.recurrenceType === 'INSTANCE')!;
    expect((await call('POST', `/calendar/v3/events/${instance.id}/split`, auth, { splitLocalDate: '2030-01-01T10:00:00' })).status).toBe(400);
    expect((await call('POST', `/calendar/v3/events/${'f'.repeat(64)}/split`, auth, { splitLocalDate: '2030-01-01T10:00:00' })).status).toBe(404);
    expect([...mock.store.calendarEvents.entries()]).toEqual(snapshot);
  });
});

describe('guest-event-starts on the clock', () => {
  it('moving the clock past start minus each timing delivers to each guest of the event, once', async () => {
    const { mock } = inProcessMock();
    const events = [...mock.store.eventsEvents.values()];
    const start = Math.min(...events.map((event) => Date.parse(event.details.dateAndTimeSettings!.startDate!)));
    const first = events.find((event) => Date.parse(event.details.dateAndTimeSettings!.startDate!) === start)!;
    const guests = [...mock.store.guests.values()].filter((guest) => guest.eventId === first.id);
    const sent = await mock.clock.set(start - 60 * 60_000 + 1);
    const hour = sent.filter((delivery) => (delivery.payload as any).actionEvent.body.timing === 'STARTS_IN_1_HOUR');
    expect(hour.map((delivery) => delivery.payload.entityId).sort()).toEqual(guests.map((guest) => guest.id).sort());
    expect(sent.every((delivery) => delivery.status === 'delivered' && delivery.cause === 'clock')).toBe(true);
    const again = await mock.clock.advance(1000);
    expect(again).toEqual([]);
    const now = await mock.clock.set(start);
    expect(now.map((delivery) => (delivery.payload as any).actionEvent.body.timing)).toEqual(['STARTS_IN_30_MINUTES', 'STARTS_IN_30_MINUTES', 'STARTS_IN_30_MINUTES', 'NOW', 'NOW', 'NOW']);
    expect((now[5]!.payload as any).actionEvent.body.event.status).toBe('STARTED');
    await expect(mock.clock.set(start - 1)).rejects.toMatchObject({ code: 'ERR_CLOCK_BACKWARDS' });
  });
});

describe('trigger', () => {
  it('sends any catalog webhook with traits and overrides; unknown names are refused', async () => {
    const { mock, received } = inProcessMock();
    const record = await mock.trigger('guest-event-starts', { traits: ['starts-in-1-hour'], overrides: { actionEvent: { body: { guest: { totalGuests: 3 } } } } });
    expect(record.status).toBe('delivered');
    const parsed = await parseWebhook(received[0]!, { publicKey: mock.publicKeyPem });
    expect(parsed.payload).toMatchObject({ actionEvent: { body: { timing: 'STARTS_IN_1_HOUR', guest: { totalGuests: 3 } } } });
    expect(parsed.instanceId).toBe(instanceId);
    await expect(mock.trigger('nope' as never)).rejects.toMatchObject({ code: 'ERR_UNKNOWN_WEBHOOK' });
  });

  it('a failing app gets the resend policy, on a virtual clock, without moving the mock clock', async () => {
    const mock = createWixMock({ appId, webhookHandler: () => new Response('no', { status: 500 }), policy: { retryDelaysMs: [60_000, 600_000] } });
    const before = mock.clock.now();
    const record = await mock.trigger('participation-created');
    expect(record.status).toBe('failed');
    expect(record.report!.attempts.map((attempt) => attempt.at - before)).toEqual([0, 60_000, 660_000]);
    expect(mock.clock.now()).toBe(before);
  });
});

describe('deliveries to a real URL bypass MSW', () => {
  it('reaches a loopback server even with onUnhandledRequest: error and a catch-all user handler', async () => {
    const bodies: string[] = [];
    const app = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        bodies.push(body);
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(app.address() as AddressInfo).port}/webhooks/wix`;
    const mock = createWixMock({ appId, instanceId, webhookUrl: url });
    const server = startServer(mock);
    server.use(http.all('http://127.0.0.1*', () => HttpResponse.text('intercepted', { status: 418 })));
    try {
      const auth = await token();
      const event = [...mock.store.calendarEvents.values()].find((candidate) => candidate.recurrenceType === 'NONE')!;
      expect((await call('POST', '/calendar/v3/participations', auth, { participation: { eventId: event.id, participant: { name: 'A' }, partySize: 1 } })).status).toBe(200);
      await mock.idle();
      expect(mock.deliveries[0]!.status).toBe('delivered');
      expect(bodies).toEqual([mock.deliveries[0]!.jwt]);
    } finally {
      server.close();
      app.closeAllConnections();
      await new Promise((resolve) => app.close(resolve));
    }
  });
});
