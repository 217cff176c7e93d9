import type { DeliveryAttemptEvent, DeliveryObserver, DeliveryRecord } from '../msw/index.js';

/** How `wixhook serve` prints deliveries: a line of text each, or one JSON object per line. */
export type DeliveryLogFormat = 'text' | 'json';
export const deliveryLogFormats: readonly DeliveryLogFormat[] = ['text', 'json'];

const iso = (ms: number) => new Date(ms).toISOString();

function outcomeText({ attempt }: DeliveryAttemptEvent): string {
  if (attempt.outcome === 'delivered') return `${attempt.status} delivered`;
  if (attempt.status !== undefined) return `${attempt.status} failed`;
  return `no answer (${attempt.error?.code}: ${attempt.error?.message})`;
}

/** One delivery attempt: time, webhook, target, status, attempt n of N and when the next is due. */
export function formatAttempt(event: DeliveryAttemptEvent, format: DeliveryLogFormat): string {
  const { record, attempt, maxAttempts, nextAttemptAt, target } = event;
  if (format === 'json') {
    return JSON.stringify({
      time: iso(attempt.at),
      webhook: record.name,
      eventType: record.eventType,
      cause: record.cause,
      target,
      ...(attempt.status !== undefined ? { status: attempt.status } : {}),
      ...(attempt.error ? { error: attempt.error } : {}),
      outcome: attempt.outcome,
      attempt: attempt.number,
      of: maxAttempts,
      ...(nextAttemptAt !== undefined ? { nextAttemptAt: iso(nextAttemptAt) } : {}),
    });
  }
  const next = attempt.outcome === 'delivered' ? '' : nextAttemptAt !== undefined ? `, next attempt at ${iso(nextAttemptAt)}` : ', no more attempts';
  return `${iso(attempt.at)} ${record.name} → ${target}: ${outcomeText(event)}, attempt ${attempt.number} of ${maxAttempts}${next}`;
}

/** A webhook signed but sent nowhere (no webhook URL): name, eventType, cause. */
export function formatSigned(record: DeliveryRecord, format: DeliveryLogFormat): string {
  if (format === 'json') return JSON.stringify({ time: record.sentAt, webhook: record.name, eventType: record.eventType, cause: record.cause, sent: false });
  return `${record.sentAt} signed ${record.name} (${record.eventType}), cause ${record.cause}, not sent (no --webhook-url; GET /_wixhook/deliveries has the JWT)`;
}

/**
 * The observer `wixhook serve` gives the mock: with a webhook URL, a line per attempt; without one,
 * a line per signed webhook (its "attempts" only reach a stand-in that answers 200).
 */
export function deliveryLogger(write: (line: string) => void, format: DeliveryLogFormat, sending: boolean): DeliveryObserver {
  return sending ? { onDeliveryAttempt: (event) => write(`${formatAttempt(event, format)}\n`) } : { onWebhookSigned: (record) => write(`${formatSigned(record, format)}\n`) };
}
