import { afterEach, describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../src/delivery/clock.js';
import { deliver, handlerRequestUrl } from '../../src/delivery/deliver.js';
import { attemptErrorCodes, type Attempt } from '../../src/delivery/report.js';
import { DeliveryAbortedError, InvalidDeliveryOptionError } from '../../src/delivery/errors.js';
import { resendPolicy, wixResendPolicy } from '../../src/delivery/resend-policy.js';
import { WixhookError } from '../../src/errors.js';
import { signWebhook } from '../../src/signing/sign.js';
import { docsExample } from '../helpers/docs-examples.js';
import { loopback, type Behaviour, type Loopback } from './loopback.js';

const minute = 60_000;
const hour = 60 * minute;
/** Cumulative start times of the 13 Wix attempts when every failure is immediate. */
const wixTimes = wixResendPolicy.retryDelaysMs.reduce<number[]>((times, delay) => [...times, times.at(-1)! + delay], [0]);

const jwt = await signWebhook('participation-created', docsExample('participation-created'), { issuedAt: new Date('2025-01-02T12:00:00Z') });

let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the Wix resend policy', () => {
  it('is the documented schedule', () => {
    expect(wixResendPolicy.timeoutMs).toBe(1250);
    expect(wixResendPolicy.retryDelaysMs).toEqual([1, 10, 60, 120, 120, 120, 240, 240, 240, 480, 480, 720].map((minutes) => minutes * minute));
    expect(wixTimes).toHaveLength(13);
    expect(wixTimes.at(-1)).toBe(2831 * minute);
  });

  it('can be overridden, and checks overrides', () => {
    expect(resendPolicy({ retryDelaysMs: [] })).toEqual({ timeoutMs: 1250, retryDelaysMs: [] });
    expect(() => resendPolicy({ timeoutMs: -1 })).toThrow(InvalidDeliveryOptionError);
  });
});

describe.each(['node:http', 'fetch'] as const)('deliver to a URL over %s', (transport) => {
  it('a receiver failing in every way gets exactly the documented attempts at the documented times, and nothing is lost', async () => {
    const script: Behaviour[] = [500, 404, 'slow', 'reset', 200];
    server = await loopback((index) => script[index] ?? 200);
    const clock = createVirtualClock(0, { realTimeoutMs: 400 });
    const logged: Attempt[] = [];
    const report = await deliver(jwt, server.url, { transport, clock, onAttempt: (attempt) => logged.push(attempt) });

    expect(report.delivered).toBe(true);
    expect(report.attempts).toEqual(logged);
    expect(report.attempts.map(({ number, at, status, outcome, error }) => ({ number, at, status, outcome, code: error?.code }))).toEqual([
      { number: 1, at: 0, status: 500, outcome: 'failed', code: attemptErrorCodes.status },
      { number: 2, at: minute, status: 404, outcome: 'failed', code: attemptErrorCodes.status },
      { number: 3, at: 11 * minute, status: undefined, outcome: 'failed', code: attemptErrorCodes.timeout },
      // "1 hour after the previous failure": the timeout failed 1250 ms after attempt 3 started.
      { number: 4, at: 71 * minute + 1250, status: undefined, outcome: 'failed', code: attemptErrorCodes.connectionReset },
      { number: 5, at: 191 * minute + 1250, status: 200, outcome: 'delivered', code: undefined },
    ]);
    for (const attempt of report.attempts) expect(attempt.latencyMs).toBeGreaterThanOrEqual(0);
    // Nothing lost: every attempt reached the receiver with the JWT exactly as the body.
    expect(server.bodies).toEqual(Array(5).fill(jwt));
    expect(server.requests[0]!.method).toBe('POST');
    expect(server.requests[0]!.headers['content-type']).toBe('text/plain');
  });

  it('a receiver that never answers 200 gets exactly 13 attempts, then the delivery fails', async () => {
    server = await loopback((index) => (index % 2 ? 500 : 404));
    const clock = createVirtualClock(1_000);
    const report = await deliver(jwt, server.url, { transport, clock });
    expect(report.delivered).toBe(false);
    expect(report.attempts.map((attempt) => attempt.at)).toEqual(wixTimes.map((time) => 1_000 + time));
    expect(report.attempts.every((attempt) => attempt.outcome === 'failed')).toBe(true);
    expect(server.bodies).toHaveLength(13);
    expect(clock.now()).toBe(1_000 + wixTimes.at(-1)!);
  });

  it('a slow receiver times out under the real 1250 ms on the real clock', async () => {
    server = await loopback(() => 'slow');
    const started = Date.now();
    const report = await deliver(jwt, server.url, { transport, policy: { retryDelaysMs: [] } });
    const elapsed = Date.now() - started;
    expect(report.attempts).toHaveLength(1);
    expect(report.attempts[0]!.error?.code).toBe(attemptErrorCodes.timeout);
    // It waited for the timeout; no upper bound on a shared machine (speed lives in benchmarks).
    expect(elapsed).toBeGreaterThanOrEqual(1240);
  });

  it('counts only 200 as delivered: 201 fails', async () => {
    server = await loopback((index) => (index === 0 ? 201 : 200));
    const report = await deliver(jwt, server.url, { transport, clock: createVirtualClock() });
    expect(report.attempts.map((attempt) => [attempt.status, attempt.outcome])).toEqual([
      [201, 'failed'],
      [200, 'delivered'],
    ]);
  });

  it('does not follow redirects', async () => {
    const { createServer } = await import('node:http');
    const redirecting = createServer((req, res) => res.writeHead(307, { location: 'http://127.0.0.1:1/elsewhere' }).end());
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    const port = (redirecting.address() as { port: number }).port;
    const report = await deliver(jwt, `http://127.0.0.1:${port}/`, { transport, clock: createVirtualClock(), policy: { retryDelaysMs: [] } });
    await new Promise((resolve) => redirecting.close(resolve));
    expect(report.attempts[0]).toMatchObject({ status: 307, outcome: 'failed', error: { code: attemptErrorCodes.status } });
  });

  it('reports a refused connection with its code', async () => {
    server = await loopback(() => 200);
    const url = server.url;
    await server.close();
    server = undefined;
    const report = await deliver(jwt, url, { transport, clock: createVirtualClock(), policy: { retryDelaysMs: [0] } });
    expect(report.attempts.map((attempt) => attempt.error?.code)).toEqual([attemptErrorCodes.connectionRefused, attemptErrorCodes.connectionRefused]);
  });

  it('refuses a target that is not an http(s) URL, with a code', async () => {
    await expect(deliver(jwt, 'not a url')).rejects.toMatchObject({ code: InvalidDeliveryOptionError.code });
    await expect(deliver(jwt, 'ftp://example.com/')).rejects.toBeInstanceOf(WixhookError);
  });
});

describe('deliver to an in-process handler', () => {
  it('hands the handler a POST Request whose body is the JWT', async () => {
    let seen: { method: string; url: string; body: string; type: string | null } | undefined;
    const report = await deliver(jwt, async (request) => {
      seen = { method: request.method, url: request.url, body: await request.text(), type: request.headers.get('content-type') };
      return new Response('ok');
    });
    expect(report).toEqual({ delivered: true, target: 'handler', attempts: [expect.objectContaining({ number: 1, status: 200, outcome: 'delivered' })] });
    expect(seen).toEqual({ method: 'POST', url: handlerRequestUrl, body: jwt, type: 'text/plain' });
  });

  it('a throwing handler is a failed attempt, never a crash; so is a non-Response', async () => {
    let calls = 0;
    const report = await deliver(
      jwt,
      () => {
        calls++;
        if (calls === 1) throw new Error('boom');
        if (calls === 2) return Promise.reject(new Error('async boom'));
        if (calls === 3) return 'ok' as unknown as Response;
        return new Response(null, { status: 200 });
      },
      { clock: createVirtualClock() },
    );
    expect(report.attempts.map((attempt) => attempt.error?.code)).toEqual([attemptErrorCodes.handler, attemptErrorCodes.handler, attemptErrorCodes.handler, undefined]);
    expect(report.attempts[0]!.error?.message).toContain('boom');
    expect(report.attempts.map((attempt) => attempt.at)).toEqual(wixTimes.slice(0, 4));
  });

  it('a handler slow on the virtual clock itself times out at exactly +1250 ms, and a fast one wins', async () => {
    const clock = createVirtualClock(0, { realTimeoutMs: 100 });
    let calls = 0;
    const report = await deliver(
      jwt,
      async () => {
        calls++;
        if (calls === 1) await clock.sleep(5_000);
        if (calls === 2) await new Promise(() => {});
        return new Response('ok');
      },
      { clock },
    );
    expect(report.attempts.map((attempt) => [attempt.at, attempt.error?.code])).toEqual([
      [0, attemptErrorCodes.timeout],
      [1250 + minute, attemptErrorCodes.timeout],
      [2500 + 11 * minute, undefined],
    ]);
  });

  it('204 is not 200', async () => {
    const report = await deliver(jwt, () => new Response(null, { status: 204 }), { clock: createVirtualClock(), policy: { retryDelaysMs: [] } });
    expect(report).toMatchObject({ delivered: false, attempts: [{ status: 204, outcome: 'failed' }] });
  });

  it('stops on abort with the attempts made so far', async () => {
    const controller = new AbortController();
    const promise = deliver(jwt, () => new Response(null, { status: 500 }), {
      clock: createVirtualClock(),
      signal: controller.signal,
      onAttempt: (attempt) => attempt.number === 3 && controller.abort(),
    });
    const error = await promise.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DeliveryAbortedError);
    expect((error as DeliveryAbortedError).attempts).toHaveLength(3);
  });
});
