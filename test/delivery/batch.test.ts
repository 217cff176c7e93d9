import { describe, expect, it } from 'vitest';
import { deliverBatch, percentile, summarize } from '../../src/delivery/batch.js';
import { createVirtualClock } from '../../src/delivery/clock.js';
import { InvalidDeliveryOptionError } from '../../src/delivery/errors.js';
import { mulberry32, seededShuffle } from '../../src/delivery/shuffle.js';
import { wixResendPolicy } from '../../src/delivery/resend-policy.js';
import { loopback } from './loopback.js';

const items = Array.from({ length: 20 }, (_, index) => ({ id: `item-${index}`, jwt: `jwt-${index}` }));

describe('deliverBatch', () => {
  it('never has more than `concurrency` deliveries in flight, and delivers everything', async () => {
    let inFlight = 0;
    let most = 0;
    const received: string[] = [];
    const result = await deliverBatch(
      items,
      async (request) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 2));
        received.push(await request.text());
        inFlight--;
        return new Response('ok');
      },
      { concurrency: 3 },
    );
    expect(most).toBe(3);
    expect(received.sort()).toEqual(items.map((item) => item.jwt).sort());
    expect(result.summary).toMatchObject({ total: 20, delivered: 20, failed: 0, retries: 0, statuses: { '200': 20 } });
  });

  it('keeps a slot while a delivery waits to resend, and every resend lands on its own schedule', async () => {
    const clock = createVirtualClock();
    const failures = new Map<string, number>();
    const result = await deliverBatch(
      items.slice(0, 6),
      async (request) => {
        const body = await request.text();
        const seen = failures.get(body) ?? 0;
        failures.set(body, seen + 1);
        return new Response(null, { status: seen < Number(body.slice(4)) % 3 ? 500 : 200 });
      },
      { concurrency: 2, clock },
    );
    expect(result.reports.every((delivery) => delivery.report.delivered)).toBe(true);
    for (const delivery of result.reports) {
      const failuresBefore = Number(delivery.id.slice(5)) % 3;
      const times = delivery.report.attempts.map((attempt) => attempt.at - delivery.report.attempts[0]!.at);
      expect(times).toEqual([0, 60_000, 660_000].slice(0, failuresBefore + 1));
    }
    expect(result.summary).toMatchObject({ total: 6, delivered: 6, retries: 0 + 1 + 2 + 0 + 1 + 2, statuses: { '200': 6, '500': 6 } });
  });

  it('sends `duplicates` extra copies of every item, and over HTTP nothing is lost', async () => {
    const server = await loopback(() => 200);
    try {
      const result = await deliverBatch(items.slice(0, 5), server.url, { duplicates: 2, concurrency: 4 });
      expect(result.summary.total).toBe(15);
      expect(result.reports.map((delivery) => `${delivery.id}#${delivery.copy}`)).toEqual(items.slice(0, 5).flatMap((item) => [0, 1, 2].map((copy) => `${item.id}#${copy}`)));
      expect([...server.bodies].sort()).toEqual(items.slice(0, 5).flatMap((item) => [item.jwt, item.jwt, item.jwt]).sort());
    } finally {
      await server.close();
    }
  });

  it('shuffles deterministically by seed, and reports the seed it drew', async () => {
    const order = async (seed?: number) => {
      const received: string[] = [];
      const result = await deliverBatch(
        items,
        async (request) => {
          received.push(await request.text());
          return new Response('ok');
        },
        { shuffle: true, concurrency: 1, duplicates: 1, ...(seed === undefined ? {} : { seed }) },
      );
      return { received, result };
    };
    const first = await order(42);
    const second = await order(42);
    const other = await order(7);
    expect(first.received).toEqual(second.received);
    expect(first.received).not.toEqual(other.received);
    expect(first.received).not.toEqual(items.flatMap((item) => [item.jwt, item.jwt]));
    expect([...first.received].sort()).toEqual(items.flatMap((item) => [item.jwt, item.jwt]).sort());
    expect(first.result.seed).toBe(42);
    expect(first.result.reports.map((delivery) => delivery.sequence)).toEqual(items.flatMap((_, index) => [2 * index, 2 * index + 1]));
    const drawn = await order();
    expect(drawn.result.seed).toEqual(expect.any(Number));
    expect((await order(drawn.result.seed)).received).toEqual(drawn.received);
  });

  it('reports progress', async () => {
    const progress: number[] = [];
    await deliverBatch(items.slice(0, 4), () => new Response('ok'), { onProgress: ({ done, total }) => progress.push(done / total) });
    expect(progress).toEqual([0.25, 0.5, 0.75, 1]);
  });

  it('checks its options', async () => {
    await expect(deliverBatch(items, () => new Response('ok'), { concurrency: 0 })).rejects.toBeInstanceOf(InvalidDeliveryOptionError);
    await expect(deliverBatch(items, () => new Response('ok'), { duplicates: 0.5 })).rejects.toMatchObject({ code: 'ERR_DELIVERY_OPTION', option: 'duplicates' });
  });
});

describe('summary', () => {
  it('computes nearest-rank percentiles over every attempt', () => {
    const sorted = Array.from({ length: 100 }, (_, index) => index + 1);
    expect([percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), percentile(sorted, 100)]).toEqual([50, 90, 99, 100]);
    expect(percentile([], 50)).toBe(0);
    const attempt = (latencyMs: number, status?: number) => ({ number: 1, at: 0, latencyMs, outcome: status === 200 ? ('delivered' as const) : ('failed' as const), ...(status ? { status } : { error: { code: 'ERR_DELIVERY_TIMEOUT' as const, message: '' } }) });
    const summary = summarize([
      { delivered: true, target: 'handler', attempts: [attempt(1, 500), attempt(2, 200)] },
      { delivered: false, target: 'handler', attempts: [attempt(1250), attempt(3, 404)] },
      { delivered: true, target: 'handler', attempts: [attempt(4, 200)] },
    ]);
    expect(summary).toEqual({
      total: 3,
      delivered: 2,
      failed: 1,
      retries: 2,
      statuses: { '200': 2, '500': 1, '404': 1, ERR_DELIVERY_TIMEOUT: 1 },
      latencyMs: { p50: 3, p90: 1250, p99: 1250, max: 1250 },
    });
  });
});

describe('virtual clock', () => {
  it('wakes concurrent sleepers in due order at their exact times', async () => {
    const clock = createVirtualClock(100);
    const woke: Array<[string, number]> = [];
    const sleeper = async (name: string, ms: number) => {
      await clock.sleep(ms);
      woke.push([name, clock.now()]);
    };
    await Promise.all([sleeper('late', 3_000), sleeper('early', 1_000), sleeper('middle', 2_000)]);
    expect(woke).toEqual([
      ['early', 1_100],
      ['middle', 2_100],
      ['late', 3_100],
    ]);
  });

  it('stands still while held, and runs a whole Wix schedule in milliseconds', async () => {
    const clock = createVirtualClock();
    const release = clock.hold();
    let woke = false;
    const sleeping = clock.sleep(10).then(() => (woke = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(woke).toBe(false);
    release();
    await sleeping;
    expect(clock.now()).toBe(10);
    // 47 hours of resend schedule; that it finishes at all within the test timeout shows no real wait.
    for (const delay of wixResendPolicy.retryDelaysMs) await clock.sleep(delay);
    expect(clock.now()).toBe(10 + 2831 * 60_000);
  });

  it('seeded shuffle is a permutation, fixed by the seed', () => {
    const list = Array.from({ length: 50 }, (_, index) => index);
    expect(seededShuffle(list, mulberry32(1))).toEqual(seededShuffle(list, mulberry32(1)));
    expect([...seededShuffle(list, mulberry32(1))].sort((a, b) => a - b)).toEqual(list);
  });
});
