import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import type { RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiFile } from '../../src/generate/openapi.js';
import { adminHandlers, createWixMock, unhandledRequests } from '../../src/msw/index.js';
import { appId, base, instanceId, token } from './helpers.js';

type Operation = { responses: Record<string, { content?: Record<string, { schema: object }> }> };
const document = JSON.parse(readFileSync(new URL(`../../${openApiFile}`, import.meta.url), 'utf8')) as { paths: Record<string, Record<string, Operation>> };
const mock = createWixMock({ appId, instanceId, webhookHandler: () => new Response('ok'), seed: 5 });
const handlers = [...mock.handlers, ...adminHandlers(mock)];
/** The endpoints: handlers of one method and path (not the catch-alls for malformed URLs and CORS preflights). */
const endpointHandlers = handlers.filter((handler) => {
  const info = handler.info as unknown as { method?: unknown; path?: unknown };
  return typeof info.path === 'string' && !info.path.endsWith('*') && typeof info.method === 'string' && ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].includes(info.method);
});
const server = setupServer(...handlers);
beforeAll(() => server.listen(unhandledRequests('error')));
afterAll(() => server.close());

/** `POST https://www.wixapis.com/calendar/v3/events/:eventId` as `post /calendar/v3/events/{eventId}`. */
function routeOf(handler: RequestHandler): string {
  const info = handler.info as unknown as { method: string; path: string };
  return `${info.method.toLowerCase()} ${new URL(info.path).pathname.replace(/:(\w+)/g, '{$1}')}`;
}
const documented = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`));

describe('the OpenAPI 3.1 document of the simulated Wix', () => {
  it('is valid OpenAPI 3.1 (@seriousme/openapi-schema-validator)', async () => {
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect((document as { openapi?: string }).openapi).toBe('3.1.0');
  });

  it('documents every endpoint the twin serves (REST and admin), and only those', () => {
    expect(endpointHandlers.map(routeOf).sort()).toEqual([...documented].sort());
    expect(endpointHandlers.length).toBeGreaterThanOrEqual(handlers.length - 4);
  });

  it('is served at GET /_wixhook/openapi.json, as committed', async () => {
    const served = await (await fetch(`${base}/_wixhook/openapi.json`)).json();
    expect(served).toEqual(document);
  });

  it('describes what the endpoints answer: real answers validate against the 200 schemas', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajvFormats.default(ajv);
    const check = (route: string, body: unknown) => {
      const [method, path] = route.split(' ') as [string, string];
      const validate = ajv.compile(document.paths[path]![method]!.responses['200']!.content!['application/json']!.schema);
      expect(validate(body), `${route}: ${JSON.stringify(validate.errors)}`).toBe(true);
    };
    const tokenAnswer = await (await fetch(`${base}/oauth2/token`, { method: 'POST', body: JSON.stringify({ grant_type: 'client_credentials', client_id: appId, client_secret: 's', instance_id: instanceId }) })).json();
    check('post /oauth2/token', tokenAnswer);
    const auth = { authorization: await token() };
    const events = await (await fetch(`${base}/calendar/v3/events/query`, { method: 'POST', headers: auth, body: JSON.stringify({ fromLocalDate: '2025-03-01T00:00:00', toLocalDate: '2025-06-01T00:00:00' }) })).json();
    check('post /calendar/v3/events/query', events);
    check('get /calendar/v3/events/{eventId}', await (await fetch(`${base}/calendar/v3/events/${events.events[0].id}`, { headers: auth })).json());
    const participations = await (await fetch(`${base}/calendar/v3/participations/query`, { method: 'POST', headers: auth, body: '{}' })).json();
    check('post /calendar/v3/participations/query', participations);
    check('get /calendar/v3/participations/{participationId}', await (await fetch(`${base}/calendar/v3/participations/${participations.participations[0].id}`, { headers: auth })).json());
    check('post /events/v2/guests/query', await (await fetch(`${base}/events/v2/guests/query`, { method: 'POST', headers: auth, body: JSON.stringify({ query: {}, fields: ['GUEST_DETAILS', 'GUEST_TOTAL'] }) })).json());
    check('post /_wixhook/webhooks/{name}', await (await fetch(`${base}/_wixhook/webhooks/guest-event-starts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json());
    check('get /_wixhook/deliveries', await (await fetch(`${base}/_wixhook/deliveries`)).json());
  });
});
