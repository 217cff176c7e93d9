import { realClock, type Clock } from './clock.js';
import { DeliveryAbortedError, InvalidDeliveryOptionError } from './errors.js';
import { handlerRequestPath, isNodeListener, listenerUrl, type NodeListener } from './node-listener.js';
import { attemptErrorCodes, type Attempt, type AttemptErrorCode, type DeliveryReport } from './report.js';
import { resendPolicy, wixResendPolicy, type ResendPolicy } from './resend-policy.js';
import { parseHttpUrl } from './http-url.js';

export type { NodeListener } from './node-listener.js';

/** An in-process receiver, fetch style: what a Next.js route, Hono or a Worker exports. */
export type FetchHandler = (request: Request) => Response | Promise<Response>;

/**
 * Where deliveries go: an http(s) URL, or a receiver in process: a fetch-style handler
 * (`(request) => Response`: Hono's `app.fetch`, a Next.js route handler) or a Node listener
 * (`(req, res)`: an Express app, `fastify.routing`, a `node:http` handler).
 */
export type DeliveryTarget = string | URL | FetchHandler | NodeListener;

export interface DeliverOptions {
  /** Default: {@link realClock}. Give `createVirtualClock()` to run a whole schedule in milliseconds. */
  clock?: Clock;
  /** Default: {@link wixResendPolicy}. `{ retryDelaysMs: [] }` tries once. */
  policy?: Partial<ResendPolicy>;
  /** Extra request headers; they override the defaults (`content-type: text/plain`). */
  headers?: Record<string, string>;
  /** Called after every attempt, before any wait for the next one. */
  onAttempt?(attempt: Attempt): void;
  /** Aborts the delivery: the promise rejects with {@link DeliveryAbortedError}. */
  signal?: AbortSignal;
  /**
   * How URL targets are sent. `node:http` (default): `http.request` over a keep-alive agent,
   * about 4x the throughput of Node 20's undici `fetch` on loopback. `fetch`: the global
   * `fetch`, for environments that stub or instrument it.
   */
  transport?: 'node:http' | 'fetch';
}

/**
 * The URL in-process receivers see (`request.url`, or `req.url` for a Node listener): the webhook
 * path the README and examples route, so an app's own router matches it.
 */
export const handlerRequestUrl = `http://wixhook.local${handlerRequestPath}`;

/**
 * Wix POSTs the JWT as the raw body. The docs do not state the content type; their Express
 * examples read the body with `express.text()`, which only accepts `text/plain`, so that is what
 * we send (a receiver should not depend on it: `express.text({ type: '*\/*' })` is the safe read).
 */
const defaultHeaders: Record<string, string> = { 'content-type': 'text/plain' };

interface Outcome {
  status?: number;
  error?: { code: AttemptErrorCode; message: string };
}

class TimedOut {}

function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'ABORT_ERR') return code;
  }
  return undefined;
}

function describe(error: unknown): string {
  const parts: string[] = [];
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    parts.push(current instanceof Error ? current.message : String(current));
  }
  return parts.join(': ');
}

/** Maps a fetch failure to an attempt error code. */
function networkError(error: unknown): Outcome['error'] {
  const code = errorCode(error);
  const message = describe(error);
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE' || /other side closed|socket hang up/i.test(message)) return { code: attemptErrorCodes.connectionReset, message };
  if (code === 'ECONNREFUSED') return { code: attemptErrorCodes.connectionRefused, message };
  return { code: attemptErrorCodes.network, message: code ? `${code}: ${message}` : message };
}

function statusOutcome(status: number): Outcome {
  return status === 200 ? { status } : { status, error: { code: attemptErrorCodes.status, message: `Expected status 200, got ${status}.` } };
}

/** node:http and node:https load on the first delivery over HTTP, not with the package: most imports never send one. */
let nodeHttp: Promise<typeof import('./node-http-post.js')> | undefined;
const postWithNodeHttp = async (url: URL, jwt: string, headers: Record<string, string>, signal: AbortSignal): Promise<number> =>
  (await (nodeHttp ??= import('./node-http-post.js'))).postWithNodeHttp(url, jwt, headers, signal);

function sender(target: DeliveryTarget, headers: Record<string, string>, transport: 'node:http' | 'fetch'): { label: string; send: (jwt: string, signal: AbortSignal) => Promise<Outcome> } {
  if (typeof target === 'function' && isNodeListener(target)) {
    // Served on loopback, so the listener gets a real IncomingMessage and ServerResponse.
    return {
      label: 'handler',
      async send(jwt, signal) {
        try {
          return statusOutcome(await postWithNodeHttp(await listenerUrl(target), jwt, headers, signal));
        } catch (error) {
          return { error: networkError(error) };
        }
      },
    };
  }
  if (typeof target === 'function') {
    return {
      label: 'handler',
      async send(jwt, signal) {
        let response: unknown;
        try {
          response = await (target as FetchHandler)(new Request(handlerRequestUrl, { method: 'POST', body: jwt, headers, signal }));
        } catch (error) {
          return { error: { code: attemptErrorCodes.handler, message: `The handler threw: ${describe(error)}` } };
        }
        if (!(response instanceof Response)) return { error: { code: attemptErrorCodes.handler, message: `The handler returned ${response === null ? 'null' : typeof response}, not a Response.` } };
        void response.body?.cancel().catch(() => {});
        return statusOutcome(response.status);
      },
    };
  }
  const url = parseHttpUrl(target);
  if (!url) throw new InvalidDeliveryOptionError('target', `expected an http(s) URL or a fetch handler, got ${JSON.stringify(String(target))}`);
  return {
    label: url.href,
    async send(jwt, signal) {
      if (transport === 'node:http') {
        try {
          // node:http never follows redirects: a 3xx is the receiver's answer, and it is not 200.
          return statusOutcome(await postWithNodeHttp(url, jwt, headers, signal));
        } catch (error) {
          return { error: networkError(error) };
        }
      }
      try {
        // No redirects: a 3xx is the receiver's answer, and it is not 200.
        const response = await fetch(url, { method: 'POST', body: jwt, headers, redirect: 'manual', signal });
        // Read the body so the keep-alive connection can be reused.
        await response.arrayBuffer();
        return statusOutcome(response.status);
      } catch (error) {
        return { error: networkError(error) };
      }
    },
  };
}

/**
 * Delivers a signed webhook as Wix does: POST with the JWT as the body; an attempt fails on
 * any status but 200 (201 and 204 too), on no answer within the policy's timeout, on a
 * connection error, or when a handler throws; failures are resent on the policy's schedule,
 * each wait counted from the previous failure (for a timeout, from `at + timeoutMs`). Never
 * throws for a failing receiver: the report says what happened.
 *
 * @example
 * const jwt = await signWebhook('participation-created', payload);
 * const report = await deliver(jwt, 'http://localhost:3000/webhooks', { clock: createVirtualClock() });
 * if (!report.delivered) console.table(report.attempts);
 *
 * @example
 * // In process, with a fetch-style handler:
 * const report = await deliver(jwt, (request) => app.fetch(request));
 */
// Two signatures, so an inline `(request) => ...` handler is typed as a fetch handler.
export async function deliver(jwt: string, target: string | URL | FetchHandler, options?: DeliverOptions): Promise<DeliveryReport>;
export async function deliver(jwt: string, target: NodeListener, options?: DeliverOptions): Promise<DeliveryReport>;
export async function deliver(jwt: string, target: DeliveryTarget, options?: DeliverOptions): Promise<DeliveryReport>;
export async function deliver(jwt: string, target: DeliveryTarget, options: DeliverOptions = {}): Promise<DeliveryReport> {
  const clock = options.clock ?? realClock;
  const policy = options.policy ? resendPolicy(options.policy) : wixResendPolicy;
  const { label, send } = sender(target, { ...defaultHeaders, ...options.headers }, options.transport ?? 'node:http');
  const attempts: Attempt[] = [];
  const abort = () => {
    const error = new DeliveryAbortedError(options.signal?.reason);
    error.attempts = attempts;
    return error;
  };

  for (let number = 1; number <= policy.retryDelaysMs.length + 1; number++) {
    if (options.signal?.aborted) throw abort();
    const { attempt, endAt } = await attemptOnce(jwt, number, send, clock, policy.timeoutMs, options.signal);
    if (options.signal?.aborted) throw abort();
    attempts.push(attempt);
    options.onAttempt?.(attempt);
    if (attempt.outcome === 'delivered') return { delivered: true, attempts, target: label };
    const delay = policy.retryDelaysMs[number - 1];
    if (delay === undefined) break;
    try {
      await clock.sleep(Math.max(0, endAt + delay - clock.now()), options.signal);
    } catch (error) {
      if (error instanceof DeliveryAbortedError) throw abort();
      throw error;
    }
  }
  return { delivered: false, attempts, target: label };
}

/**
 * Why an attempt's controller is aborted once the attempt has its outcome: made once, so an
 * attempt creates no Error (and captures no stack) only to cancel its timeout and request.
 */
const settledReason = new DeliveryAbortedError('the attempt settled');
const timedOutReason = new DeliveryAbortedError('the attempt timed out');

async function attemptOnce(
  jwt: string,
  number: number,
  send: (jwt: string, signal: AbortSignal) => Promise<Outcome>,
  clock: Clock,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<{ attempt: Attempt; endAt: number }> {
  const release = clock.hold();
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const at = clock.now();
  const started = performance.now();
  try {
    const sending = send(jwt, controller.signal);
    const timer = clock.timeout(timeoutMs, controller.signal).then(
      () => new TimedOut(),
      () => new TimedOut(),
    );
    const result = await Promise.race([sending, timer]);
    const latencyMs = performance.now() - started;
    if (result instanceof TimedOut) {
      controller.abort(timedOutReason);
      return {
        attempt: { number, at, latencyMs, outcome: 'failed', error: { code: attemptErrorCodes.timeout, message: `No answer within ${timeoutMs} ms.` } },
        endAt: Math.max(clock.now(), at + timeoutMs),
      };
    }
    controller.abort(settledReason);
    const attempt: Attempt = { number, at, latencyMs, outcome: result.error ? 'failed' : 'delivered' };
    if (result.status !== undefined) attempt.status = result.status;
    if (result.error) attempt.error = result.error;
    return { attempt, endAt: clock.now() };
  } finally {
    signal?.removeEventListener('abort', onAbort);
    release();
  }
}
