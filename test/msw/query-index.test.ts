/**
 * Query Events (by start) and Query Event Guests (by createdDate) read the store's own order
 * instead of sorting per request. Over stores with many records and tied keys, every page they
 * answer must be exactly what filtering and sorting the whole store gives.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { CalendarEvent } from '../../src/domains/calendar/event.js';
import type { EventGuest } from '../../src/domains/events/guest.js';
import { call, inProcessMock, startServer, token } from './helpers.js';

const { mock } = inProcessMock();
const server = startServer(mock);
afterAll(() => server.close());

let state = 7;
const next = (below: number) => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) % below;
const hex = (length: number) => Array.from({ length }, () => next(16).toString(16)).join('');
const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/** Filter, then sort by the key (ties by id, ascending whatever the order), as the endpoints promise. */
function reference<T extends { id?: string }>(records: Iterable<T>, keep: (record: T) => boolean, key: (record: T) => string | number, order: 'ASC' | 'DESC'): string[] {
  const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return [...records]
    .filter(keep)
    .sort((a, b) => (order === 'DESC' ? -1 : 1) * compare(key(a), key(b)) || compare(a.id ?? '', b.id ?? ''))
    .map((record) => record.id!);
}

describe('indexed queries answer what a full sort would', () => {
  it('Query Events by start, ASC and DESC, with date ranges and pages, over 300 events with tied starts', async () => {
    const auth = await token();
    const template = [...mock.store.calendarEvents.values()].find((event) => event.recurrenceType === 'NONE')!;
    const base = Date.parse(template.start.utcDate!);
    for (let index = 0; index < 300; index++) {
      const start = base + next(40) * 3_600_000; // 40 distinct starts: many ties
      const event: CalendarEvent = structuredClone(template);
      event.id = `${template.scheduleId.replaceAll('-', '')}${hex(32)}`;
      event.start = { ...event.start, utcDate: iso(start) };
      event.end = { ...event.end, utcDate: iso(start + (1 + next(5)) * 3_600_000) };
      mock.store.calendarEvents.set(event.id, event);
    }
    // A moved event takes its new place.
    const moved = structuredClone([...mock.store.calendarEvents.values()][5]!);
    moved.start = { ...moved.start, utcDate: iso(base - 86_400_000) };
    mock.store.calendarEvents.set(moved.id, moved);

    const types = ['NONE', 'INSTANCE', 'EXCEPTION'];
    const cases = [
      { order: 'ASC' as const },
      { order: 'DESC' as const },
      { order: 'ASC' as const, from: base + 5 * 3_600_000, to: base + 20 * 3_600_000 },
      { order: 'DESC' as const, from: base + 30 * 3_600_000, to: base + 10 * 3_600_000 },
    ];
    for (const { order, from, to } of cases) {
      const [low, high] = from !== undefined && to !== undefined && from > to ? [to, from] : [from, to];
      const expected = reference(
        mock.store.calendarEvents.values(),
        (event) => types.includes(event.recurrenceType ?? 'NONE') && event.type !== 'WORKING_HOURS' && (low === undefined || Date.parse(event.end.utcDate!) > low) && (high === undefined || Date.parse(event.start.utcDate!) < high),
        (event) => Date.parse(event.start.utcDate!),
        order,
      );
      const range = from === undefined ? {} : { fromLocalDate: iso(from).slice(0, 19), toLocalDate: iso(to!).slice(0, 19), timeZone: 'UTC' };
      const received: string[] = [];
      let response = await call('POST', '/calendar/v3/events/query', auth, { ...range, query: { sort: [{ fieldName: 'start', order }], cursorPaging: { limit: 37 } } });
      for (;;) {
        expect(response.status).toBe(200);
        received.push(...response.body.events.map((event: CalendarEvent) => event.id));
        const cursor = response.body.pagingMetadata.cursors.next;
        if (!cursor) break;
        response = await call('POST', '/calendar/v3/events/query', auth, { query: { cursorPaging: { cursor, limit: 37 } } });
      }
      expect(expected.length).toBeGreaterThan(37);
      expect(received).toEqual(expected);
    }
  });

  it('Query Event Guests by createdDate, ASC and DESC, with a filter and offsets, over 300 guests with tied dates', async () => {
    const auth = await token();
    const template = [...mock.store.guests.values()][0]!;
    const events = [...new Set([...mock.store.guests.values()].map((guest) => guest.eventId!))];
    const base = Date.parse(template.createdDate!);
    for (let index = 0; index < 300; index++) {
      const guest: EventGuest = structuredClone(template);
      guest.id = `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`;
      guest.eventId = events[next(events.length)]!;
      guest.createdDate = new Date(base + next(25) * 60_000).toISOString();
      mock.store.guests.set(guest.id, guest);
    }
    for (const order of ['ASC', 'DESC'] as const) {
      for (const filter of [{}, { eventId: events[0] }]) {
        const expected = reference(mock.store.guests.values(), (guest) => !('eventId' in filter) || guest.eventId === filter.eventId, (guest) => guest.createdDate ?? '', order);
        const received: string[] = [];
        for (let offset = 0; offset < expected.length; offset += 41) {
          const response = await call('POST', '/events/v2/guests/query', auth, { query: { filter, sort: [{ fieldName: 'createdDate', order }], paging: { limit: 41, offset } } });
          expect(response.status).toBe(200);
          expect(response.body.pagingMetadata.total).toBe(expected.length);
          received.push(...response.body.guests.map((guest: EventGuest) => guest.id));
        }
        expect(received).toEqual(expected);
      }
    }
    // The default sort is createdDate ascending.
    const byDefault = await call('POST', '/events/v2/guests/query', auth, { query: { paging: { limit: 1000 } } });
    expect(byDefault.body.guests.map((guest: EventGuest) => guest.id)).toEqual(reference(mock.store.guests.values(), () => true, (guest) => guest.createdDate ?? '', 'ASC'));
  });
});
