import * as z from 'zod';
import { eventsGuestSchemas, type EventGuest } from '../../../domains/events/guest.js';
import { offsetPagingMetadata, type Endpoint } from '../../endpoint.js';
import type { MockContext } from '../../context.js';
import { guestOrder, type EventsStore } from './store.js';
import { fieldError, zodValidationError } from '../../errors.js';
import { authorize, readJson } from '../../http.js';
import { jsonAnswer, route, routeAnswer } from '../../route.js';
import { compileFilter, firstMatches, limitOf, sortRecords, type Operator, type SupportedFilters } from '../../query.js';

const all: Operator[] = ['$eq', '$ne', '$lt', '$lte', '$gt', '$gte', '$in', '$nin', '$exists'];
/** Query Event Guests filters (event guests introduction). */
const guestFilters: SupportedFilters = {
  createdDate: all,
  updatedDate: all,
  attendanceStatusUpdatedDate: all,
  id: all,
  eventId: all,
  rsvpId: all,
  memberId: all,
  contactId: all,
  attendanceStatus: all,
  ticketNumber: all,
  orderNumber: all,
  guestType: all,
  secondaryLanguageCode: all,
  'guestDetails.checkedIn': ['$eq', '$ne', '$exists'],
  tickets: ['$exists'],
};
const sortable = ['createdDate', 'updatedDate', 'attendanceStatusUpdatedDate'] as const;

const queryRequest = z.object({
  query: z.object({
    filter: z.record(z.string(), z.unknown()).optional(),
    sort: z.array(z.object({ fieldName: z.string(), order: z.enum(['ASC', 'DESC']).optional() })).optional(),
    paging: z.object({ limit: z.unknown().optional(), offset: z.unknown().optional() }).optional(),
  }),
  fields: z.array(z.enum(['GUEST_DETAILS', 'GUEST_TOTAL'])).max(3).optional(),
});

/** What a guest looks like without the requested field sets: `guestDetails` and `tickets` need `GUEST_DETAILS`, `totalGuests` needs `GUEST_TOTAL`. */
function present(guest: EventGuest, fields: readonly string[]): EventGuest {
  const out = structuredClone(guest);
  if (!fields.includes('GUEST_DETAILS')) {
    delete out.guestDetails;
    delete out.tickets;
  }
  if (!fields.includes('GUEST_TOTAL')) delete out.totalGuests;
  return out;
}

/** Wix Events guests: `POST /events/v2/guests/query` (the path `@wix/events` calls), offset paging. */
export function guestHandlers(context: MockContext<EventsStore>) {
  return [
    route('POST', `/events/v2/guests/query`, ({ request }) =>
      routeAnswer(async () => {
        authorize(context, request);
        const parsed = queryRequest.safeParse(await readJson(request));
        if (!parsed.success) throw zodValidationError(parsed.error);
        const { query, fields = [] } = parsed.data;
        const limit = limitOf(query.paging?.limit, 'query.paging.limit', 100, 1000);
        const offset = limitOf(query.paging?.offset, 'query.paging.offset', 0, Number.MAX_SAFE_INTEGER);
        const sort = (query.sort ?? [{ fieldName: 'createdDate', order: 'ASC' as const }]).map((entry, index) => {
          if (!(sortable as readonly string[]).includes(entry.fieldName)) throw fieldError(`query.sort[${index}].fieldName`, `must be one of ${sortable.join(', ')}`, 'INVALID_ENUM_VALUE');
          return { fieldName: entry.fieldName, order: entry.order ?? 'ASC' };
        });
        const matches = compileFilter(query.filter, guestFilters);
        // Sorted by createdDate alone (the default), the store's own order is read; other sorts sort the matches.
        const selected =
          sort.length === 1 && sort[0]!.fieldName === 'createdDate'
            ? firstMatches(context.store.guests.ordered(), sort[0]!.order, guestOrder.byKey, matches, Number.POSITIVE_INFINITY)
            : sortRecords([...context.store.guests.values()].filter(matches), sort);
        const page = selected.slice(offset, offset + limit);
        return jsonAnswer({
          guests: page.map((guest) => present(guest, fields)),
          pagingMetadata: { count: page.length, offset, total: selected.length, hasNext: offset + limit < selected.length, cursors: {} },
        });
      }),
    ),
  ];
}

/** The guest endpoint as data, for the OpenAPI document: the same request schema the handler parses. */
export const guestEndpoints: readonly Endpoint[] = [
  {
    method: 'post',
    path: '/events/v2/guests/query',
    summary: 'Query Event Guests (the path @wix/events calls): filters on eventId, guestType, attendanceStatus and more; sort by createdDate, updatedDate, attendanceStatusUpdatedDate; offset paging; `fields` adds guestDetails, tickets and totalGuests.',
    request: () => queryRequest,
    response: () => z.object({ guests: z.array(eventsGuestSchemas('loose').EventGuest), pagingMetadata: offsetPagingMetadata() }),
    errors: [401],
  },
];
