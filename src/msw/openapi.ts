import * as z from 'zod';
import { wixErrorBody, type Endpoint } from './endpoint.js';

const statusText: Record<number, string> = {
  400: 'INVALID_ARGUMENT: a field violation names the field and the rule.',
  401: 'UNAUTHENTICATED: a missing, unknown or expired access token, or another app or instance.',
  404: 'NOT_FOUND: no such resource.',
  409: 'REVISION_MISMATCH: the revision is stale; nothing changed.',
};

/** A request body as it arrives on the wire (`io: 'input'`), a response as the mock writes it. */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any', reused: 'inline', cycles: 'ref' }) as Record<string, unknown>;
  return rest;
}

const operationId = (endpoint: Endpoint) =>
  `${endpoint.method}${endpoint.path
    .split(/[/{}._-]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('')}`;

function operation(endpoint: Endpoint, tag: string): Record<string, unknown> {
  const pathParameters = [...endpoint.path.matchAll(/\{([^}]+)\}/g)].map((match) => ({ name: match[1], in: 'path', required: true, schema: { type: 'string' } }));
  const queryParameters = Object.entries(endpoint.query ?? {}).map(([name, description]) => ({ name, in: 'query', required: false, description, schema: { type: 'string' } }));
  const errors = [...new Set([...(endpoint.request ? [400] : []), ...(endpoint.errors ?? [])])].sort();
  return {
    operationId: operationId(endpoint),
    tags: [tag],
    summary: endpoint.summary,
    ...(endpoint.docs ? { externalDocs: { url: endpoint.docs } } : {}),
    ...(endpoint.authorized === false ? { security: [] } : {}),
    ...(pathParameters.length + queryParameters.length > 0 ? { parameters: [...pathParameters, ...queryParameters] } : {}),
    ...(endpoint.request ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(endpoint.request(), 'input') } } } } : {}),
    responses: {
      '200': {
        description: 'OK',
        content:
          endpoint.responseType && endpoint.responseType !== 'application/json'
            ? { [endpoint.responseType]: { schema: { type: 'string' } } }
            : { 'application/json': { schema: schemaOf(endpoint.response(), 'output') } },
      },
      ...Object.fromEntries(errors.map((status) => [String(status), { $ref: `#/components/responses/Error${status}` }])),
    },
  };
}

/**
 * The OpenAPI 3.1 document of the simulated Wix: every REST endpoint its services serve and the
 * `/_wixhook/` admin API, from the same zod request schemas the handlers parse with and the
 * response schemas of what they answer.
 */
export function openApiDocument(endpoints: { wix: readonly Endpoint[]; admin: readonly Endpoint[] }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [tag, list] of [['wix', endpoints.wix], ['admin', endpoints.admin]] as const) {
    for (const endpoint of list) (paths[endpoint.path] ??= {})[endpoint.method] = operation(endpoint, tag);
  }
  const statuses = [400, 401, 404, 409];
  return {
    openapi: '3.1.0',
    info: {
      title: 'Simulated Wix REST API (wix-webhook-testkit)',
      version: '1.0.0',
      description:
        'What createWixMock (in process, over MSW) and `wixhook serve` (over HTTP) answer: the Wix endpoints behind the modelled webhooks, with Wix-style errors, and the admin API under /_wixhook/. Writes send the matching signed webhook to the app.',
    },
    servers: [
      { url: 'https://www.wixapis.com', description: 'createWixMock: MSW answers the real Wix origin in process.' },
      { url: 'http://127.0.0.1:{port}', description: 'wixhook serve', variables: { port: { default: '8080' } } },
    ],
    tags: [
      { name: 'wix', description: "Wix's REST API, simulated." },
      { name: 'admin', description: 'The toolkit’s admin API: trigger webhooks, move the clock, read deliveries and the public key, reset. No Wix access token; writes take JSON, and `wixhook serve` on a non-loopback host (or with --admin-token) requires its admin token.' },
    ],
    security: [{ wixAccessToken: [] }],
    paths,
    components: {
      securitySchemes: {
        wixAccessToken: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'The access_token of POST /oauth2/token, with or without a `Bearer ` prefix.' },
      },
      schemas: { WixError: schemaOf(wixErrorBody(), 'output') },
      responses: Object.fromEntries(statuses.map((status) => [`Error${status}`, { description: statusText[status], content: { 'application/json': { schema: { $ref: '#/components/schemas/WixError' } } } }])),
    },
  };
}
