import * as z from 'zod';
import { calendarEventSchemas, recurrenceTypes, type CalendarEvent } from '../../../domains/calendar/event.js';
import { isoMillis } from '../../../fake/instants.js';
import { bookingsAppId, zonedDate } from '../../../domains/calendar/fake.js';
import { calendarEventId } from '../../../fake/ids.js';
import { formatLocal, localToUtc, parseLocal, utcToLocal, weekdayOf } from '../../../fake/zoned.js';
import { guid, int64String, localDateTime, timeZoneId } from '../../../wire/common.js';
import type { MockContext } from '../../context.js';
import { eventStartOrder, utcStartMs, type CalendarStore } from './store.js';
import { fieldError, notFound, revisionMismatch, zodValidationError } from '../../errors.js';
import { authorize, readJson } from '../../http.js';
import { jsonAnswer, route, routeAnswer } from '../../route.js';
import { compileFilter, cursorPage, firstMatches, readCursorQuery, sortRecords, type SupportedFilters } from '../../query.js';
import { cursorPagingMetadata, type Endpoint } from '../../endpoint.js';
import { splitMaster } from './split.js';

/** Builds a schema on first use, then reuses it (zod schemas are costly to construct per request). */
const once = <T>(make: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

const schemas = () => calendarEventSchemas('loose');

/** Fields Query Events filters on, with their operators (Query Events docs, newer SDK page). */
const eventFilters: SupportedFilters = {
  transparency: ['$eq'],
  appId: ['$eq', '$in'],
  scheduleId: ['$eq', '$in'],
  externalScheduleId: ['$eq', '$in'],
  type: ['$eq', '$in'],
  recurringEventId: ['$eq', '$in'],
  'location.id': ['$eq', '$in'],
  'location.type': ['$eq', '$in'],
  remainingCapacity: ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte'],
  'participants.total': ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte'],
  totalCapacity: ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$exists'],
  'resources.id': ['$hasSome', '$hasAll'],
  'resources.type': ['$hasSome', '$hasAll'],
  'resources.transparency': ['$hasSome', '$hasAll'],
  location: ['$exists'],
  conferencingDetails: ['$exists'],
};

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};
const ianaZone = () => timeZoneId().refine(isTimeZone, { error: 'expected an IANA time zone name, e.g. Europe/Dublin' });

/** An event as returned: with `adjustedStart`/`adjustedEnd` in the request's (or the site's) time zone. */
function present(event: CalendarEvent, timeZone: string): CalendarEvent {
  const adjusted = (utc: string | undefined) => (utc ? { localDate: formatLocal(utcToLocal(Date.parse(utc), timeZone)), timeZone } : undefined);
  const out = structuredClone(event);
  const start = adjusted(event.start.utcDate);
  const end = adjusted(event.end.utcDate);
  if (start) out.adjustedStart = start;
  if (end) out.adjustedEnd = end;
  return out;
}

function requestZone(context: MockContext<CalendarStore>, zone: unknown, field: string): string {
  if (zone === undefined || zone === null || zone === '') return context.siteTimeZone;
  if (typeof zone !== 'string' || !isTimeZone(zone)) throw fieldError(field, 'must be an IANA time zone name, e.g. Europe/Dublin', 'FORMAT');
  return zone;
}

const createRequest = once(() =>
  z.object({
    event: schemas().Event.extend({
      id: z.string().optional(),
      scheduleId: guid(),
      start: schemas().ZonedDate,
      end: schemas().ZonedDate,
      timeZone: ianaZone().optional(),
    }),
    timeZone: ianaZone().optional(),
    idempotencyKey: z.string().optional(),
  }));

const queryRequest = once(() =>
  z.object({
    fromLocalDate: localDateTime().optional(),
    toLocalDate: localDateTime().optional(),
    timeZone: ianaZone().optional(),
    recurrenceType: z.array(z.enum(recurrenceTypes)).max(5).optional(),
    fields: z.array(z.enum(['PI_FIELDS', 'OWN_PI_FIELDS'])).max(1).optional(),
    query: z
      .object({
        filter: z.record(z.string(), z.unknown()).optional(),
        sort: z.array(z.object({ fieldName: z.enum(['start', 'end']), order: z.enum(['ASC', 'DESC']).optional() })).max(1).optional(),
        cursorPaging: z.object({ limit: z.unknown().optional(), cursor: z.string().optional() }).optional(),
      })
      .optional(),
  }));

const splitRequest = once(() => z.object({ splitLocalDate: localDateTime(), timeZone: ianaZone().optional() }));

const updateRequest = once(() =>
  z.object({
    event: z.looseObject({
      revision: int64String(),
      title: z.string().min(1).max(200).optional(),
      start: schemas().ZonedDate.optional(),
      end: schemas().ZonedDate.optional(),
      location: schemas().Location.optional(),
      totalCapacity: z.int().min(0).optional(),
      notes: z.string().min(1).max(5000).optional(),
      transparency: schemas().Event.shape.transparency,
      conferencingDetails: schemas().ConferencingDetails.optional(),
      extendedFields: schemas().Event.shape.extendedFields,
    }),
    timeZone: ianaZone().optional(),
  }));

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (!result.success) throw zodValidationError(result.error);
  return result.data;
}

/** The zoned date of a request `localDate` in the event's zone. */
const zoned = (localDate: string, timeZone: string) => zonedDate(parseLocal(localDate), timeZone);

/**
 * Calendar v3 events: `GET /calendar/v3/events/{eventId}`, `POST /calendar/v3/events/query`,
 * `POST /calendar/v3/events`, `POST /calendar/v3/events/{recurringEventId}/split` (which sends
 * `event-recurring-split`), and `PATCH /calendar/v3/events/{event.id}` (revision-checked).
 */
export function eventHandlers(context: MockContext<CalendarStore>) {
  const base = `/calendar/v3/events`;
  const events = () => context.store.calendarEvents;
  const find = (id: string) => {
    const event = events().get(id);
    if (!event) throw notFound('Event', id);
    return event;
  };

  return [
    route('POST', `${base}/query`, ({ request }) =>
      routeAnswer(async () => {
        authorize(context, request);
        const { body, offset, limit } = readCursorQuery((raw) => parse(queryRequest(), raw), await readJson(request), 1000);
        const zone = requestZone(context, body.timeZone, 'timeZone');
        const from = body.fromLocalDate ? localToUtc(parseLocal(body.fromLocalDate), zone) : undefined;
        const to = body.toLocalDate ? localToUtc(parseLocal(body.toLocalDate), zone) : undefined;
        const sort = body.query?.sort?.[0] ?? { fieldName: 'start' as const, order: 'ASC' as const };
        const order = sort.order ?? 'ASC';
        if (from !== undefined && to !== undefined && from >= to && order === 'ASC') throw fieldError('toLocalDate', 'must be later than fromLocalDate', 'OTHER');
        const types = body.recurrenceType ?? ['NONE', 'INSTANCE', 'EXCEPTION'];
        const filter = body.query?.filter ?? {};
        const matches = compileFilter(filter, eventFilters);
        const asksWorkingHours = JSON.stringify(filter).includes('WORKING_HOURS');
        const [low, high] = order === 'DESC' && from !== undefined && to !== undefined && from > to ? [to, from] : [from, to];
        const selects = (event: CalendarEvent) => {
          if (!types.includes(event.recurrenceType ?? 'NONE')) return false;
          if (event.type === 'WORKING_HOURS' && !asksWorkingHours) return false;
          if (low !== undefined && Date.parse(event.end.utcDate!) <= low) return false;
          if (high !== undefined && utcStartMs(event) >= high) return false;
          return matches(event);
        };
        // By start, the store's own order: read the first matches, one past the page to know whether
        // there is more. By end, sort the events that match.
        const sorted =
          sort.fieldName === 'start'
            ? firstMatches(events().ordered(), order, eventStartOrder.byKey, selects, offset + limit + 1)
            : sortRecords([...events().values()].filter(selects), [{ fieldName: 'end', order }], (event) => Date.parse(event.end.utcDate!));
        const { page, pagingMetadata } = cursorPage(sorted, { ...body, query: { ...body.query, cursorPaging: { limit } } }, offset, limit, false);
        return jsonAnswer({ events: page.map((event) => present(event, zone)), pagingMetadata });
      }),
    ),

    route('GET', `${base}/:eventId`, ({ request, params }) =>
      routeAnswer(() => {
        authorize(context, request);
        const zone = requestZone(context, new URL(request.url).searchParams.get('timeZone') ?? undefined, 'timeZone');
        return jsonAnswer({ event: present(find(String(params.eventId)), zone) });
      }),
    ),

    route('POST', base, ({ request }) =>
      routeAnswer(async () => {
        authorize(context, request);
        const body = parse(createRequest(), await readJson(request));
        const input = body.event;
        const known = context.store.schedules.get(input.scheduleId);
        const timeZone = input.timeZone ?? known?.timeZone ?? context.siteTimeZone;
        const start = zoned(input.start.localDate, timeZone);
        const end = zoned(input.end.localDate, timeZone);
        if (Date.parse(end.utcDate) <= Date.parse(start.utcDate)) throw fieldError('event.end.localDate', 'must be later than event.start.localDate', 'OTHER');
        const now = context.clock.now();
        let recurrenceRule: CalendarEvent['recurrenceRule'];
        if (input.recurrenceRule) {
          const rule = input.recurrenceRule;
          if (rule.frequency !== 'WEEKLY') throw fieldError('event.recurrenceRule.frequency', rule.frequency === undefined ? 'is required' : 'must be WEEKLY', rule.frequency === undefined ? 'REQUIRED_FIELD' : 'INVALID_ENUM_VALUE');
          if (!rule.days) throw fieldError('event.recurrenceRule.days', 'is required', 'REQUIRED_FIELD');
          if (rule.days[0] !== weekdayOf(parseLocal(input.start.localDate))) throw fieldError('event.recurrenceRule.days', "must be the weekday of event.start.localDate", 'OTHER');
          if (utcToLocal(now, timeZone).year * 10_000 + utcToLocal(now, timeZone).month * 100 + utcToLocal(now, timeZone).day > Number(input.start.localDate.slice(0, 10).replaceAll('-', ''))) {
            throw fieldError('event.start.localDate', "of a MASTER event can't be in the past", 'OTHER');
          }
          recurrenceRule = { frequency: 'WEEKLY', interval: rule.interval ?? 1, days: rule.days };
          if (rule.until) recurrenceRule.until = zoned(rule.until.localDate, timeZone);
        }
        const totalCapacity = input.totalCapacity ?? 1;
        const event: CalendarEvent = {
          id: calendarEventId(input.scheduleId, context.store.faker),
          scheduleId: input.scheduleId,
          ...(input.externalScheduleId ? { externalScheduleId: input.externalScheduleId } : {}),
          ...(input.type ? { type: input.type } : { type: 'DEFAULT' }),
          status: 'CONFIRMED',
          ...(input.title ? { title: input.title } : {}),
          start,
          end,
          timeZone,
          recurrenceType: recurrenceRule ? 'MASTER' : 'NONE',
          ...(recurrenceRule ? { recurrenceRule } : {}),
          transparency: input.transparency ?? 'OPAQUE',
          ...(input.location ? { location: input.location } : {}),
          ...(input.resources ? { resources: input.resources } : {}),
          totalCapacity,
          remainingCapacity: totalCapacity,
          ...(input.conferencingDetails ? { conferencingDetails: input.conferencingDetails } : {}),
          ...(input.notes ? { notes: input.notes } : {}),
          inheritedFields: [],
          appId: known?.appId ?? bookingsAppId,
          permissions: [],
          ...(input.extendedFields ? { extendedFields: input.extendedFields } : {}),
          revision: '1',
          createdDate: isoMillis(now),
          updatedDate: isoMillis(now),
        };
        events().set(event.id, event);
        if (!known) context.store.schedules.set(event.scheduleId, { timeZone, appId: event.appId! });
        return jsonAnswer({ event: present(event, requestZone(context, body.timeZone, 'timeZone')) });
      }),
    ),

    route('POST', `${base}/:recurringEventId/split`, ({ request, params }) =>
      routeAnswer(async () => {
        authorize(context, request);
        const body = parse(splitRequest(), await readJson(request));
        const master = find(String(params.recurringEventId));
        if (master.recurrenceType !== 'MASTER') throw fieldError('recurringEventId', `must be the id of a MASTER event; "${master.id}" is ${master.recurrenceType ?? 'NONE'}`, 'OTHER');
        const zone = requestZone(context, body.timeZone, 'timeZone');
        const result = splitMaster(master, body.splitLocalDate, [...events().values()], context.clock.now(), context.store.faker);
        // Validated and computed: commit all of it at once.
        const { updatedRecurringEventEndingBeforeSplit: old, newRecurringEventStartingFromSplit: created, movedInstances } = result;
        events().set(old.id, old);
        events().set(created.id, created);
        for (const instance of movedInstances) events().set(instance.id, instance);
        const data = structuredClone({ updatedRecurringEventEndingBeforeSplit: old, newRecurringEventStartingFromSplit: created });
        void context.emit('event-recurring-split', { entityId: old.id, data }, 'rest');
        return jsonAnswer({ updatedRecurringEventEndingBeforeSplit: present(old, zone), newRecurringEventStartingFromSplit: present(created, zone) });
      }),
    ),

    route('PATCH', `${base}/:eventId`, ({ request, params }) =>
      routeAnswer(async () => {
        authorize(context, request);
        const body = parse(updateRequest(), await readJson(request));
        const current = find(String(params.eventId));
        if (body.event.revision !== current.revision) throw revisionMismatch('Event', current.revision ?? '1', body.event.revision);
        const patch = body.event;
        const timeZone = current.timeZone ?? 'UTC';
        const next = structuredClone(current);
        for (const key of ['title', 'location', 'totalCapacity', 'notes', 'transparency', 'conferencingDetails', 'extendedFields'] as const) {
          if (patch[key] !== undefined) (next as Record<string, unknown>)[key] = patch[key];
        }
        if (patch.start) next.start = zoned(patch.start.localDate, timeZone);
        if (patch.end) next.end = zoned(patch.end.localDate, timeZone);
        if (Date.parse(next.end.utcDate!) <= Date.parse(next.start.utcDate!)) throw fieldError('event.end.localDate', 'must be later than event.start.localDate', 'OTHER');
        if (next.recurrenceType === 'INSTANCE') next.recurrenceType = 'EXCEPTION';
        next.revision = String(BigInt(current.revision ?? '1') + 1n);
        next.updatedDate = isoMillis(context.clock.now());
        events().set(next.id, next);
        return jsonAnswer({ event: present(next, requestZone(context, body.timeZone, 'timeZone')) });
      }),
    ),
  ];
}

/** The `utcDate` of a start in its zone (for tests and seeds). */
export const startMs = (event: CalendarEvent) => localToUtc(parseLocal(event.start.localDate), event.timeZone ?? 'UTC');

const oneEvent = () => z.object({ event: schemas().Event });
const zoneQuery = { timeZone: 'IANA time zone the adjusted dates are given in. Default: the site time zone.' };

/** The calendar event endpoints as data, for the OpenAPI document: the same request schemas the handlers parse. */
export const eventEndpoints: readonly Endpoint[] = [
  {
    method: 'post',
    path: '/calendar/v3/events/query',
    summary: 'Query Events in a local date range: filters id, scheduleId, appId, externalScheduleId, type, recurringEventId and more; sort by start or end; cursor paging.',
    request: queryRequest,
    response: () => z.object({ events: z.array(schemas().Event), pagingMetadata: cursorPagingMetadata() }),
    errors: [401],
  },
  { method: 'get', path: '/calendar/v3/events/{eventId}', summary: 'Get Event.', query: zoneQuery, response: oneEvent, errors: [401, 404] },
  { method: 'post', path: '/calendar/v3/events', summary: 'Create Event.', request: createRequest, response: oneEvent, errors: [401] },
  {
    method: 'post',
    path: '/calendar/v3/events/{recurringEventId}/split',
    summary: "Split Recurring Event at a local date, by Wix's split rules; sends event-recurring-split to the app.",
    request: splitRequest,
    response: () => z.object({ updatedRecurringEventEndingBeforeSplit: schemas().Event, newRecurringEventStartingFromSplit: schemas().Event }),
    errors: [401, 404],
  },
  { method: 'patch', path: '/calendar/v3/events/{eventId}', summary: 'Update Event; a stale revision is a 409 and changes nothing.', request: updateRequest, response: oneEvent, errors: [401, 404, 409] },
];
