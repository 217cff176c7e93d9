import { HttpResponse } from 'msw';
import { fieldError, WixHttpError } from './errors.js';
import type { MockContext } from './context.js';
import { parseClientJson } from './json-body.js';
import type { RouteRequest } from './route.js';

/** Runs an endpoint; Wix errors become their status and body, anything unexpected a 500 with an empty body (as Wix sends system errors). */
export async function answer(run: () => Promise<Response> | Response): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof WixHttpError) return HttpResponse.json(error.body, { status: error.status });
    return new HttpResponse(null, { status: 500 });
  }
}

/** The JSON object body; a 400 naming `body` when it is not one (or too deep, or with a prototype key). */
export async function readJson(request: RouteRequest): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.trim() === '') return {};
  const value = parseClientJson(text, 'body');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw fieldError('body', 'must be a JSON object', 'FORMAT');
  return value as Record<string, unknown>;
}

/** Checks `Authorization: <token>` (with or without `Bearer `): issued by this mock's token endpoint and not expired on its clock. */
export function authorize(context: MockContext, request: RouteRequest): void {
  const header = request.headers.get('authorization');
  const token = header?.replace(/^Bearer\s+/i, '').trim();
  const expires = token ? context.tokens.get(token) : undefined;
  if (expires === undefined || expires <= context.clock.now()) {
    throw new WixHttpError(401, {
      message: 'UNAUTHENTICATED: missing, unknown or expired access token',
      details: { applicationError: { code: 'UNAUTHENTICATED', description: 'Send the access token of POST /oauth2/token in the Authorization header.' } },
    });
  }
}

export const json = (body: unknown, status = 200) => HttpResponse.json(body as never, { status });
