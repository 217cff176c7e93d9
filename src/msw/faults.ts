import { http, HttpResponse, type RequestHandler } from 'msw';
import * as z from 'zod';
import { WixhookError } from '../errors.js';

/** The order held deliveries are released in. */
export type ReleaseOrder = 'sent' | 'reverse' | 'shuffle';

/**
 * A fault of the simulated Wix's REST API, as MSW users inject them: a delay, a 5xx, or a 429 with
 * `Retry-After`, on the requests whose method and path match, for `times` requests or all of them.
 */
export const restFaultSchema = z.strictObject({
  method: z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']).optional().describe('Only requests with this method. Default: any.'),
  path: z
    .string()
    .regex(/^\/[^?#]*$/, { error: 'a path such as /calendar/v3/events/* (no query)' })
    .max(500)
    .describe('The request path; `*` stands for one path segment, a trailing `/**` for any rest.'),
  status: z.int().min(400).max(599).optional().describe('Answer with this status (a Wix error body) instead of the real answer.'),
  retryAfterSeconds: z.int().min(0).max(86_400).optional().describe('Adds `Retry-After` to the fault answer (with 429 or 503, as Wix sends it).'),
  latencyMs: z.int().min(0).max(60_000).optional().describe('Real milliseconds to wait before answering (the real or the fault answer).'),
  times: z.int().min(1).optional().describe('How many matching requests it applies to. Default: every one until removed.'),
});
export type RestFault = z.input<typeof restFaultSchema>;

interface ActiveFault {
  id: number;
  fault: z.output<typeof restFaultSchema>;
  matches: (method: string, path: string) => boolean;
  remaining: number;
}

/** What the mock's faults are now, as the admin API reports them. */
export interface FaultState {
  rest: Array<RestFault & { id: number; remaining?: number }>;
  duplicates: number;
  holding: boolean;
  held: number;
}

function pathMatcher(pattern: string): (path: string) => boolean {
  const escaped = pattern
    .split('/')
    .map((segment) => (segment === '**' ? '.*' : segment === '*' ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  const regex = new RegExp(`^${escaped.replace(/\/\.\*$/, '(?:/.*)?')}$`);
  return (path) => regex.test(path);
}

/** Parses a fault; a bad one is a typed error naming the field. */
export function parseRestFault(input: unknown): z.output<typeof restFaultSchema> {
  const parsed = restFaultSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new WixhookError('ERR_INVALID_FAULT', `Invalid REST fault at "${issue.path.join('.') || '(root)'}": ${issue.message}.`);
}

/** The REST faults of one mock: the rules, and the MSW handler that applies them before any endpoint answers. */
export interface RestFaults {
  /** The MSW handler that applies the faults; the mock lists it before every endpoint. */
  handler: RequestHandler;
  /** Adds a fault; returns the function that removes it. */
  add(fault: RestFault): () => void;
  list(): FaultState['rest'];
  /** Whether any fault is in force (the standalone server's direct dispatch applies none). */
  active(): boolean;
  clear(): void;
}

export function createRestFaults(baseUrl: string, adminPrefix = '/_wixhook/'): RestFaults {
  let active: ActiveFault[] = [];
  let nextId = 1;
  const remove = (id: number) => {
    active = active.filter((entry) => entry.id !== id);
  };
  const handler: RequestHandler = http.all(`${baseUrl}/*`, async ({ request }) => {
    if (active.length === 0) return undefined;
    const path = new URL(request.url).pathname;
    if (path.startsWith(adminPrefix)) return undefined;
    const entry = active.find((candidate) => candidate.matches(request.method, path));
    if (!entry) return undefined;
    if (--entry.remaining <= 0) remove(entry.id);
    const { status, retryAfterSeconds, latencyMs } = entry.fault;
    if (latencyMs) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    // Without a status the fault only delays: the endpoint answers as usual.
    if (status === undefined) return undefined;
    const code = status === 429 ? 'TOO_MANY_REQUESTS' : status >= 500 ? 'INTERNAL' : 'FAULT';
    return HttpResponse.json(
      { message: `${code}: injected fault (wixhook)`, details: { applicationError: { code, description: `A fault injected with mock.faults.rest on ${entry.fault.method ?? 'any method'} ${entry.fault.path}.` } } },
      { status, headers: retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) } },
    );
  });
  return {
    handler,
    add(input: RestFault): () => void {
      const fault = parseRestFault(input);
      const matchesPath = pathMatcher(fault.path);
      const id = nextId++;
      active.push({ id, fault, remaining: fault.times ?? Number.POSITIVE_INFINITY, matches: (method, path) => (fault.method === undefined || fault.method === method) && matchesPath(path) });
      return () => remove(id);
    },
    active: () => active.length > 0,
    list: () => active.map(({ id, fault, remaining }) => ({ id, ...fault, ...(Number.isFinite(remaining) ? { remaining } : {}) })),
    clear() {
      active = [];
    },
  };
}
