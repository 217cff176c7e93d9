import type { Faker } from '@faker-js/faker';
import type { WebhookName } from '../catalog/catalog.js';
import type { VirtualClock } from '../delivery/clock.js';
import type { Attempt, DeliveryReport } from '../delivery/report.js';
import type { ResendPolicy } from '../delivery/resend-policy.js';
import type { KeyPair } from '../signing/keys.js';

/** One webhook the mock sent to the app. */
export interface DeliveryRecord {
  /** Sequence number in the log, from 1. */
  sequence: number;
  name: WebhookName;
  eventType: string;
  /**
   * What caused it: a REST write, `trigger`, the clock (a webhook due at a time, such as an event
   * reminder), a resend of a recorded delivery, or a duplicate delivery (`mock.faults.duplicates`).
   */
  cause: 'rest' | 'trigger' | 'clock' | 'resend' | 'duplicate';
  /** For a resend or a duplicate: the sequence number of the delivery whose JWT was sent again. */
  resendOf?: number;
  /** The domain event inside the JWT. */
  payload: Record<string, unknown>;
  /** The signed body, as POSTed. */
  jwt: string;
  /** Mock-clock time it was sent, ISO. */
  sentAt: string;
  /** `pending` while attempts run; then the outcome of the last attempt. */
  status: 'pending' | 'delivered' | 'failed';
  /** Every attempt, with the resend schedule (on a virtual clock from `sentAt`). Absent while pending. */
  report?: DeliveryReport;
  /** Why the webhook could not be sent at all (e.g. signing failed). */
  error?: string;
}

/** What a simulated service says when a write of its own sends a webhook: the data and whose it is. */
export interface Emission {
  /** The payload's `entityId`. */
  entityId: string;
  /** `createdEvent.entity` or `actionEvent.body`, as the service stores it. */
  data: unknown;
  /** When it happens on the mock clock. Default: now. */
  at?: number;
  entityEventSequence?: string;
}

/** The part of the store every service shares: the seeded faker new ids and dates are drawn from. */
export interface SeededStore {
  faker: Faker;
}

/** One attempt at delivering a webhook the mock sent, reported as it happens. */
export interface DeliveryAttemptEvent {
  record: DeliveryRecord;
  attempt: Attempt;
  /** How many attempts the resend policy allows in all: 13 with Wix's. */
  maxAttempts: number;
  /** When the next attempt is due, in milliseconds on the mock's clock; absent when delivered or out of attempts. */
  nextAttemptAt?: number;
  /** The webhook URL, or `handler` for an in-process handler. */
  target: string;
}

/** What the mock reports while it sends webhooks: for logs such as `wixhook serve`'s. */
export interface DeliveryObserver {
  /** A webhook was signed and is about to be sent. */
  onWebhookSigned?(record: DeliveryRecord): void;
  /** An attempt at delivering it ended, delivered or failed. */
  onDeliveryAttempt?(event: DeliveryAttemptEvent): void;
}

/** Shared state of one mock, as each simulated service's endpoints see it, with the service's own store slice. */
export interface MockContext<Store extends object = object> {
  appId: string;
  instanceId: string;
  appSecret: string | undefined;
  baseUrl: string;
  /** Time zone of the adjusted dates when a request names none (the site's, in Wix). */
  siteTimeZone: string;
  keys: KeyPair;
  store: Store & SeededStore;
  clock: VirtualClock;
  /** Issued access tokens → expiry on the mock clock. */
  tokens: Map<string, number>;
  policy: Partial<ResendPolicy> | undefined;
  /** Signs and sends a payload to the app (asynchronously) and logs it; resolves when its attempts end. */
  send(name: WebhookName, payload: Record<string, unknown>, cause: DeliveryRecord['cause']): Promise<DeliveryRecord>;
  /** Wraps what a service wrote into the webhook's payload, dated on the mock clock, and sends it. */
  emit(name: WebhookName, emission: Emission, cause: DeliveryRecord['cause']): Promise<DeliveryRecord>;
}
