import { realClock, type Clock } from './clock.js';
import { deliver, type DeliverOptions, type DeliveryTarget, type FetchHandler, type NodeListener } from './deliver.js';
import type { Attempt, DeliveryReport } from './report.js';
import { InvalidDeliveryOptionError } from './errors.js';
import { resendPolicy } from './resend-policy.js';
import { mulberry32, seededShuffle } from './shuffle.js';

/** One webhook to deliver: `id` names it in the reports (the payload id is a good choice). */
export interface BatchItem {
  id: string;
  jwt: string;
}

export interface BatchOptions extends Pick<DeliverOptions, 'policy' | 'headers' | 'signal' | 'transport'> {
  /** Deliveries in flight at once, retries included (a delivery waiting to resend keeps its slot). Default 4. */
  concurrency?: number;
  /**
   * Extra copies of every item, as Wix may deliver a webhook more than once: a whole number,
   * `1` sends each item twice. Copies go out in sequence with their original unless `shuffle`.
   * Default 0.
   */
  duplicates?: number;
  /** Send in a seeded random order, as resends and parallel senders make Wix deliveries arrive. Default false. */
  shuffle?: boolean;
  /** Seed of the shuffle; the same seed gives the same order. Default: drawn, and reported as `seed`. */
  seed?: number;
  /** Shared by every delivery of the batch. Default: {@link realClock}. */
  clock?: Clock;
  /** Called as each delivery ends, delivered or not. */
  onProgress?(progress: { done: number; total: number; delivery: BatchDelivery }): void;
  /** Called after every attempt of every delivery, before any wait for the next one. */
  onAttempt?(event: BatchAttempt): void;
}

/** One attempt of a batch delivery, as it happens. */
export interface BatchAttempt {
  id: string;
  copy: number;
  sequence: number;
  attempt: Attempt;
  /** Attempts the policy allows in all: 13 with Wix's. */
  maxAttempts: number;
  /** When the next attempt is due, on the batch's clock; absent when delivered or out of attempts. */
  nextAttemptAt?: number;
}

/** One delivery of a batch: which item, which copy (0 = the original), and its report. */
export interface BatchDelivery {
  id: string;
  copy: number;
  /** Position in the send order (after shuffling). */
  sequence: number;
  report: DeliveryReport;
}

export interface BatchSummary {
  /** Deliveries made, copies included. */
  total: number;
  delivered: number;
  failed: number;
  /** Attempts beyond the first, over every delivery. */
  retries: number;
  /** Attempts by outcome: the status (`"200"`, `"500"`) or, with no status, the error code (`"ERR_DELIVERY_TIMEOUT"`). */
  statuses: Record<string, number>;
  /** Per-attempt latency percentiles (nearest rank), real milliseconds. */
  latencyMs: { p50: number; p90: number; p99: number; max: number };
}

export interface BatchReport {
  /** In send order. */
  reports: BatchDelivery[];
  summary: BatchSummary;
  /** The shuffle seed used, to replay the order; absent without `shuffle`. */
  seed?: number;
}

/** Nearest-rank percentile of sorted values; 0 for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * Summarises delivery reports: counts, retries, attempts per status, latency percentiles.
 *
 * @example
 * const reports = [await deliver(jwtA, url), await deliver(jwtB, url)];
 * summarize(reports).latencyMs.p90;
 */
export function summarize(reports: readonly DeliveryReport[]): BatchSummary {
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  let delivered = 0;
  let retries = 0;
  for (const report of reports) {
    if (report.delivered) delivered++;
    retries += Math.max(0, report.attempts.length - 1);
    for (const attempt of report.attempts) {
      const key = attempt.status !== undefined ? String(attempt.status) : (attempt.error?.code ?? 'unknown');
      statuses[key] = (statuses[key] ?? 0) + 1;
      latencies.push(attempt.latencyMs);
    }
  }
  latencies.sort((a, b) => a - b);
  return {
    total: reports.length,
    delivered,
    failed: reports.length - delivered,
    retries,
    statuses,
    latencyMs: { p50: percentile(latencies, 50), p90: percentile(latencies, 90), p99: percentile(latencies, 99), max: latencies.at(-1) ?? 0 },
  };
}

function wholeNumber(option: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new InvalidDeliveryOptionError(option, `expected a whole number >= ${min}, got ${String(value)}`);
  return value;
}

/**
 * Delivers many webhooks to one target with bounded concurrency, optional duplicates and a
 * seeded shuffle, every delivery with the full resend policy, and summarises the run.
 *
 * @example
 * const items = await Promise.all(payloads.map(async (payload) => ({ id: payload.id, jwt: await signWebhook('participation-created', payload) })));
 * const { summary } = await deliverBatch(items, 'http://localhost:3000/webhooks', { concurrency: 8, duplicates: 1, shuffle: true, seed: 42 });
 * console.log(summary.delivered, summary.latencyMs.p99);
 */
// Two signatures, so an inline `(request) => ...` handler is typed as a fetch handler.
export async function deliverBatch(items: readonly BatchItem[], target: string | URL | FetchHandler, options?: BatchOptions): Promise<BatchReport>;
export async function deliverBatch(items: readonly BatchItem[], target: NodeListener, options?: BatchOptions): Promise<BatchReport>;
export async function deliverBatch(items: readonly BatchItem[], target: DeliveryTarget, options?: BatchOptions): Promise<BatchReport>;
export async function deliverBatch(items: readonly BatchItem[], target: DeliveryTarget, options: BatchOptions = {}): Promise<BatchReport> {
  const concurrency = wholeNumber('concurrency', options.concurrency ?? 4, 1);
  const duplicates = wholeNumber('duplicates', options.duplicates ?? 0, 0);
  const clock = options.clock ?? realClock;
  const { retryDelaysMs } = resendPolicy(options.policy);
  let queue = items.flatMap((item) => Array.from({ length: duplicates + 1 }, (_, copy) => ({ item, copy })));
  let seed: number | undefined;
  if (options.shuffle) {
    seed = options.seed ?? Math.floor(Math.random() * 2 ** 32);
    if (!Number.isInteger(seed)) throw new InvalidDeliveryOptionError('seed', `expected an integer, got ${String(seed)}`);
    queue = seededShuffle(queue, mulberry32(seed));
  }
  const reports: BatchDelivery[] = new Array(queue.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < queue.length) {
      const sequence = next++;
      const { item, copy } = queue[sequence]!;
      const onAttempt = options.onAttempt
        ? (attempt: Attempt) => {
            const delay = attempt.outcome === 'failed' ? retryDelaysMs[attempt.number - 1] : undefined;
            options.onAttempt!({ id: item.id, copy, sequence, attempt, maxAttempts: retryDelaysMs.length + 1, ...(delay !== undefined ? { nextAttemptAt: clock.now() + delay } : {}) });
          }
        : undefined;
      const report = await deliver(item.jwt, target, { clock, policy: options.policy, headers: options.headers, signal: options.signal, transport: options.transport, ...(onAttempt ? { onAttempt } : {}) });
      const delivery: BatchDelivery = { id: item.id, copy, sequence, report };
      reports[sequence] = delivery;
      done++;
      options.onProgress?.({ done, total: queue.length, delivery });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  const result: BatchReport = { reports, summary: summarize(reports.map((delivery) => delivery.report)) };
  if (seed !== undefined) result.seed = seed;
  return result;
}
