import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { applicationError, fieldError, zodValidationError } from '../../errors.js';
import type { MockContext } from '../../context.js';
import { jsonAnswer, route, routeAnswer, type RouteRequest } from '../../route.js';
import { parseClientJson } from '../../json-body.js';
import { defineService } from '../../service.js';
import type { Endpoint } from '../../endpoint.js';

/** Wix access tokens live 4 hours: `expires_in` is always 14400. */
export const tokenLifetimeSeconds = 14_400;

const tokenRequest = z.object({
  grant_type: z.literal('client_credentials'),
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  instance_id: z.string().min(1),
});

async function readTokenBody(request: RouteRequest): Promise<Record<string, unknown>> {
  const text = await request.text();
  if ((request.headers.get('content-type') ?? '').includes('application/x-www-form-urlencoded') && !text.trimStart().startsWith('{')) return Object.fromEntries(new URLSearchParams(text));
  const value = parseClientJson(text || '{}', 'body');
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  throw fieldError('body', 'must be a JSON object', 'FORMAT');
}

/** The token endpoint as data, for the OpenAPI document: the same request schema the handler parses. */
const tokenEndpoints: readonly Endpoint[] = [
  {
    method: 'post',
    path: '/oauth2/token',
    summary: 'Create Access Token (client_credentials) for the app and instance; the token lives 4 hours of mock time. JSON or form-urlencoded.',
    request: () => tokenRequest,
    response: () => z.object({ access_token: z.string(), token_type: z.literal('Bearer'), expires_in: z.literal(tokenLifetimeSeconds) }),
    authorized: false,
    errors: [401],
    docs: 'https://dev.wix.com/docs/rest/app-management/oauth-2/create-access-token',
  },
];

/**
 * `POST /oauth2/token` (Create Access Token, client_credentials): `{ access_token, token_type:
 * 'Bearer', expires_in: 14400 }` for this app and instance; 400 naming a missing field; 401 for
 * another app, instance or (when the mock has one) secret.
 */
function tokenHandlers(context: MockContext) {
  return [
    route('POST', `/oauth2/token`, ({ request }) =>
      routeAnswer(async () => {
        const parsed = tokenRequest.safeParse(await readTokenBody(request));
        if (!parsed.success) throw zodValidationError(parsed.error);
        const body = parsed.data;
        if (body.client_id !== context.appId) throw applicationError(401, 'UNAUTHENTICATED', `Unknown app "${body.client_id}".`);
        if (context.appSecret !== undefined && body.client_secret !== context.appSecret) throw applicationError(401, 'UNAUTHENTICATED', 'Wrong client_secret.');
        if (body.instance_id !== context.instanceId) throw applicationError(401, 'UNAUTHENTICATED', `The app is not installed on instance "${body.instance_id}".`);
        const token = `OauthNG.JWS.${randomBytes(36).toString('base64url')}`;
        context.tokens.set(token, context.clock.now() + tokenLifetimeSeconds * 1000);
        return jsonAnswer({ access_token: token, token_type: 'Bearer', expires_in: tokenLifetimeSeconds });
      }),
    ),
  ];
}

/** Wix's OAuth: the token endpoint every other service's `authorize` checks tokens of. No store, no webhooks. */
export const oauthService = defineService({
  name: 'oauth',
  emits: [],
  createStore: () => ({}),
  seed: () => {},
  routes: tokenHandlers,
  endpoints: tokenEndpoints,
});
