import { http } from 'msw';
import type { AdminMock } from '../admin-mock.js';
import { applicationError } from '../errors.js';
import { answer, json } from '../http.js';
import { assetResponse } from './assets.js';
import { catalogEntries } from './catalog-view.js';
import { describeDelivery, summarize } from './delivery-view.js';
import { deliveryEventStream } from './event-stream.js';
import { storeSnapshot } from './store-view.js';

/** Where the page is, under the admin API's base path. */
export const inspectorPath = '/_wixhook/inspector';

/** The admin API's check of a request (origin, JSON writes, the token); throws the Wix error to answer with. */
export type AdminCheck = (request: Request, options?: { write?: boolean; needsToken?: boolean }) => void;

function recordOf(mock: AdminMock, sequence: string) {
  const record = /^\d{1,15}$/.test(sequence) ? mock.deliveries.find((delivery) => delivery.sequence === Number(sequence)) : undefined;
  if (!record) throw applicationError(404, 'NOT_FOUND', `No delivery with sequence number "${sequence}" in the log.`);
  return record;
}

/**
 * The inspector's part of the admin API, under `base` (`<origin>/_wixhook`): the page and its
 * files, the live delivery log (server-sent events), one delivery with every layer decoded, a
 * resend of a recorded delivery, the catalog for the trigger form, and the store. Every request
 * passes the admin API's `check`; the page's own files hold no data, so they need no token.
 */
export function inspectorHandlers(mock: AdminMock, base: string, check: AdminCheck) {
  return [
    http.get(`${base}/inspector`, ({ request }) =>
      answer(async () => {
        check(request, { needsToken: false });
        return (await assetResponse('index.html'))!;
      }),
    ),
    http.get(`${base}/inspector/:file`, ({ request, params }) =>
      answer(async () => {
        check(request, { needsToken: false });
        const response = await assetResponse(String(params.file));
        if (!response) throw applicationError(404, 'NOT_FOUND', `The inspector has no file "${String(params.file)}".`);
        return response;
      }),
    ),
    http.get(`${base}/events`, ({ request }) =>
      answer(() => {
        check(request);
        return deliveryEventStream(mock);
      }),
    ),
    http.get(`${base}/catalog`, ({ request }) =>
      answer(() => {
        check(request);
        return json({ webhooks: catalogEntries() });
      }),
    ),
    http.get(`${base}/store`, ({ request }) =>
      answer(() => {
        check(request);
        return json({ now: new Date(mock.clock.now()).toISOString(), services: storeSnapshot(mock.store) });
      }),
    ),
    http.get(`${base}/deliveries/:sequence`, ({ request, params }) =>
      answer(() => {
        check(request);
        return json(describeDelivery(recordOf(mock, String(params.sequence)), mock.webhookTarget));
      }),
    ),
    http.post(`${base}/deliveries/:sequence/resend`, ({ request, params }) =>
      answer(async () => {
        check(request, { write: true });
        const record = await mock.resend(recordOf(mock, String(params.sequence)).sequence);
        return json(summarize(record, mock.webhookTarget));
      }),
    ),
  ];
}
