import { http, HttpResponse, type HttpHandler } from 'msw';
import { WixHttpError } from './errors.js';

/**
 * What an endpoint reads of a request. A fetch `Request` (what MSW hands a handler) is one; the
 * standalone server passes a lighter view of its `node:http` request, so a route runs without a
 * `Request`, `Response` or stream per call.
 */
export interface RouteRequest {
  readonly method: string;
  /** The absolute URL, on the mock's base URL. */
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** An endpoint's answer: a status and a JSON body (none for a system error, as Wix sends them). */
export interface RouteAnswer {
  status: number;
  body?: unknown;
}

export type RouteResolver = (input: { request: RouteRequest; params: Record<string, string> }) => Promise<RouteAnswer> | RouteAnswer;

export type RouteMethod = 'GET' | 'POST' | 'PATCH';

/**
 * One REST endpoint of the simulated Wix, compiled once: both the MSW handler (`mswHandler`)
 * and the standalone server's direct dispatch (`compileRoutes`) are built from it, so the
 * two can never answer differently.
 */
export interface Route {
  method: RouteMethod;
  /** Path under the base URL, with `:name` parameters, e.g. `/calendar/v3/events/:eventId`. */
  path: string;
  resolve: RouteResolver;
}

export const route = (method: RouteMethod, path: string, resolve: RouteResolver): Route => ({ method, path, resolve });

export const jsonAnswer = (body: unknown, status = 200): RouteAnswer => ({ status, body });

/** Runs an endpoint; Wix errors become their status and body, anything unexpected a 500 with an empty body (as Wix sends system errors). */
export async function routeAnswer(run: () => Promise<RouteAnswer> | RouteAnswer): Promise<RouteAnswer> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof WixHttpError) return { status: error.status, body: error.body };
    return { status: 500 };
  }
}

export function toResponse(answer: RouteAnswer): Response {
  if (answer.body === undefined) return new HttpResponse(null, { status: answer.status });
  return HttpResponse.json(answer.body as never, { status: answer.status });
}

const mswMethods = { GET: http.get, POST: http.post, PATCH: http.patch } as const;

/** The route as a plain MSW handler on `baseUrl`. */
export function mswHandler(route: Route, baseUrl: string): HttpHandler {
  return mswMethods[route.method](`${baseUrl}${route.path}`, async ({ request, params }) => toResponse(await route.resolve({ request, params: params as Record<string, string> })));
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** A path segment: a literal, or a parameter's name. */
type Segment = { literal: string } | { param: string };

/** A dot segment, which URL parsing would resolve away: such paths are left to MSW. */
const dotSegment = /^(?:\.|%2e){1,2}$/i;

/**
 * The routes as a dispatch table: `match(method, pathname)` finds the first route of that method
 * whose path matches, as MSW does, with its parameters decoded. It matches a strict subset of what
 * MSW matches (exact case, no trailing slash, no dot segments); anything else returns undefined,
 * and the caller asks MSW, so no request is answered differently.
 */
export function compileRoutes(routes: readonly Route[]): (method: string, pathname: string) => RouteMatch | undefined {
  const byMethod = new Map<string, Array<{ route: Route; segments: Segment[] }>>();
  for (const entry of routes) {
    const segments: Segment[] = entry.path
      .split('/')
      .slice(1)
      .map((part) => (part.startsWith(':') ? { param: part.slice(1) } : { literal: part }));
    const list = byMethod.get(entry.method) ?? [];
    list.push({ route: entry, segments });
    byMethod.set(entry.method, list);
  }
  return (method, pathname) => {
    const candidates = byMethod.get(method);
    if (!candidates || pathname.charCodeAt(0) !== 47 /* / */) return undefined;
    const parts = pathname.split('/');
    parts.shift();
    for (const part of parts) if (part === '' || dotSegment.test(part) || part.includes('\\')) return undefined;
    for (const { route: candidate, segments } of candidates) {
      if (segments.length !== parts.length) continue;
      let params: Record<string, string> | undefined = {};
      for (let index = 0; index < segments.length && params; index++) {
        const segment = segments[index]!;
        const part = parts[index]!;
        if ('literal' in segment) {
          if (segment.literal !== part) params = undefined;
        } else {
          try {
            params[segment.param] = decodeURIComponent(part);
          } catch {
            return undefined;
          }
        }
      }
      if (params) return { route: candidate, params };
    }
    return undefined;
  };
}

/** A mock's routes, and whether a request may skip its MSW handlers and go to them directly (not while a handler in front of them, such as an injected fault, has something to do). */
export interface RouteTable {
  routes: readonly Route[];
  direct: () => boolean;
}

/** Each mock's route table, for the standalone server's direct dispatch (not part of the mock's API). */
const routeTables = new WeakMap<object, RouteTable>();

export function registerRoutes(mock: object, routes: readonly Route[], direct: () => boolean = () => true): void {
  routeTables.set(mock, { routes, direct });
}

export function routeTableOf(mock: object): RouteTable {
  return routeTables.get(mock) ?? { routes: [], direct: () => false };
}
