import * as z from 'zod';
import { calendarParticipationSchemas, type Participation } from '../../../domains/calendar/participation.js';
import { isoMillis } from '../../../fake/instants.js';
import { bookingsAppId } from '../../../domains/calendar/fake.js';
import { guid } from '../../../fake/ids.js';
import { int64String } from '../../../wire/common.js';
import type { MockContext } from '../../context.js';
import { participationOrder, type CalendarStore } from './store.js';
import { notFound, revisionMismatch, zodValidationError } from '../../errors.js';
import { authorize, readJson } from '../../http.js';
import { jsonAnswer, route, routeAnswer } from '../../route.js';
import { compileFilter, cursorPage, firstMatches, readCursorQuery, type SupportedFilters } from '../../query.js';
import { cursorPagingMetadata, type Endpoint } from '../../endpoint.js';

/** Query Participations filters (participations introduction). */
const participationFilters: SupportedFilters = {
  id: ['$in'],
  eventId: ['$eq', '$in'],
  scheduleId: ['$eq', '$in'],
  externalId: ['$eq', '$in'],
};

/** Builds a schema on first use, then reuses it (zod schemas are costly to construct per request). */
const once = <T>(make: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

const schemas = () => calendarParticipationSchemas('loose');

const createRequest = once(() =>
  z.object({
    participation: z.preprocess(
      // `id` is read-only: ignored on create (the participation schema requires one, so a placeholder stands in).
      (value) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value, id: '00000000-0000-4000-8000-000000000000' } : value),
      schemas().Participation,
    ),
    idempotencyKey: z.string().optional(),
  }));

const updateRequest = once(() =>
  z.object({
    participation: z.looseObject({
      revision: int64String(),
      participant: schemas().Participant.optional(),
      partySize: z.int().min(1).max(1000).optional(),
      status: schemas().Participation.shape.status,
      extendedFields: schemas().Participation.shape.extendedFields,
    }),
  }));

const queryRequest = once(() =>
  z.object({
    query: z
      .object({
        filter: z.record(z.string(), z.unknown()).optional(),
        sort: z.array(z.object({ fieldName: z.literal('createdDate'), order: z.enum(['ASC', 'DESC']).optional() })).max(1).optional(),
        cursorPaging: z.object({ limit: z.unknown().optional(), cursor: z.string().optional() }).optional(),
      })
      .optional(),
  }));

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (!result.success) throw zodValidationError(result.error);
  return result.data;
}

/**
 * Calendar v3 participations: `POST /calendar/v3/participations` (sends
 * `participation-created`), `GET /calendar/v3/participations/{participationId}`,
 * `POST /calendar/v3/participations/query`, and `PATCH /calendar/v3/participations/{participation.id}`
 * (revision-checked: a stale `revision` is a 409 and changes nothing).
 */
export function participationHandlers(context: MockContext<CalendarStore>) {
  const base = `/calendar/v3/participations`;
  const store = () => context.store.participations;
  const find = (id: string) => {
    const participation = store().get(id);
    if (!participation) throw notFound('Participation', id);
    return participation;
  };

  return [
    route('POST', `${base}/query`, ({ request }) =>
      routeAnswer(async () => {
        authorize(context, request);
        const { body, offset, limit } = readCursorQuery((raw) => parse(queryRequest(), raw), await readJson(request), 1000);
        const matches = compileFilter(body.query?.filter, participationFilters);
        // "Always sorted by createdDate. The default sort order is descending."
        const order = body.query?.sort?.[0]?.order ?? 'DESC';
        // The store keeps them by createdDate: read the first matches in order, one past the page to know whether there is more.
        const first = firstMatches(store().ordered(), order, participationOrder.byKey, matches, offset + limit + 1);
        const { page, pagingMetadata } = cursorPage(first, body, offset, limit, true);
        return jsonAnswer({ participations: page, pagingMetadata });
      }),
    ),

    route('GET', `${base}/:participationId`, ({ request, params }) =>
      routeAnswer(() => {
        authorize(context, request);
        return jsonAnswer({ participation: find(String(params.participationId)) });
      }),
    ),

    route('POST', base, ({ request }) =>
      routeAnswer(async () => {
        authorize(context, request);
        const input = parse(createRequest(), await readJson(request)).participation;
        const events = context.store.calendarEvents;
        const event = input.eventId !== undefined ? events.get(input.eventId) : undefined;
        if (input.eventId !== undefined && !event) throw notFound('Event', input.eventId);
        const scheduleEvent = input.scheduleId !== undefined ? [...events.values()].find((candidate) => candidate.scheduleId === input.scheduleId) : undefined;
        if (input.scheduleId !== undefined && !scheduleEvent && !context.store.schedules.has(input.scheduleId)) throw notFound('Schedule', input.scheduleId);
        const now = isoMillis(context.clock.now());
        const participation = {
          id: guid(context.store.faker),
          ...(input.externalId ? { externalId: input.externalId } : {}),
          participant: input.participant,
          ...(input.eventId !== undefined ? { eventId: input.eventId } : { scheduleId: input.scheduleId }),
          partySize: input.partySize,
          status: input.status ?? 'CONFIRMED',
          appId: (event ?? scheduleEvent)?.appId ?? context.store.schedules.get(input.scheduleId ?? '')?.appId ?? bookingsAppId,
          revision: '1',
          createdDate: now,
          updatedDate: now,
          ...(input.extendedFields ? { extendedFields: input.extendedFields } : {}),
        } as Participation;
        store().set(participation.id, participation);
        if (event) event.remainingCapacity = (event.remainingCapacity ?? 0) - participation.partySize;
        void context.emit('participation-created', { entityId: participation.id, data: structuredClone(participation), entityEventSequence: '1' }, 'rest');
        return jsonAnswer({ participation });
      }),
    ),

    route('PATCH', `${base}/:participationId`, ({ request, params }) =>
      routeAnswer(async () => {
        authorize(context, request);
        const patch = parse(updateRequest(), await readJson(request)).participation;
        const current = find(String(params.participationId));
        if (patch.revision !== current.revision) throw revisionMismatch('Participation', current.revision ?? '1', patch.revision);
        const next: Participation = { ...structuredClone(current) };
        if (patch.participant) next.participant = patch.participant;
        if (patch.partySize !== undefined) next.partySize = patch.partySize;
        if (patch.status) next.status = patch.status;
        if (patch.extendedFields) next.extendedFields = patch.extendedFields;
        next.revision = String(BigInt(current.revision ?? '1') + 1n);
        next.updatedDate = isoMillis(context.clock.now());
        store().set(next.id, next);
        return jsonAnswer({ participation: next });
      }),
    ),
  ];
}

const oneParticipation = () => z.object({ participation: schemas().Participation });

/** The participation endpoints as data, for the OpenAPI document: the same request schemas the handlers parse. */
export const participationEndpoints: readonly Endpoint[] = [
  {
    method: 'post',
    path: '/calendar/v3/participations',
    summary: 'Create Participation; sends participation-created to the app. `participation.id` is read-only: whatever is sent is replaced by a new GUID.',
    request: createRequest,
    response: oneParticipation,
    errors: [401, 404],
  },
  { method: 'get', path: '/calendar/v3/participations/{participationId}', summary: 'Get Participation.', response: oneParticipation, errors: [401, 404] },
  {
    method: 'post',
    path: '/calendar/v3/participations/query',
    summary: 'Query Participations: filters id ($in), eventId, scheduleId, externalId ($eq, $in); sort by createdDate; cursor paging.',
    request: queryRequest,
    response: () => z.object({ participations: z.array(schemas().Participation), pagingMetadata: cursorPagingMetadata() }),
    errors: [401],
  },
  { method: 'patch', path: '/calendar/v3/participations/{participationId}', summary: 'Update Participation; a stale revision is a 409 and changes nothing.', request: updateRequest, response: oneParticipation, errors: [401, 404, 409] },
];
