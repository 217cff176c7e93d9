import type { VirtualClock } from '../delivery/clock.js';
import type { DeliveryReport } from '../delivery/deliver.js';
import type { ResendPolicy } from '../delivery/resend-policy.js';
import type { WebhookName } from '../catalog/catalog.js';
import type { KeyPair } from '../signing/keys.js';
import type { WixStore } from './store.js';

/** One webhook the mock sent to the app. */
export interface DeliveryRecord {
  /** Sequence number in the log, from 1. */
  sequence: number;
  name: WebhookName;
  eventType: string;
  /** What caused it: a REST write, `trigger`, or the clock (`guest-event-starts`). */
  cause: 'rest' | 'trigger' | 'clock';
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

/** Shared state of one mock: what every endpoint module reads and writes. */
export interface MockContext {
  appId: string;
  instanceId: string;
  appSecret: string | undefined;
  baseUrl: string;
  /** Time zone of the adjusted dates when a request names none (the site's, in Wix). */
  siteTimeZone: string;
  keys: KeyPair;
  store: WixStore;
  clock: VirtualClock;
  /** Issued access tokens → expiry on the mock clock. */
  tokens: Map<string, number>;
  policy: Partial<ResendPolicy> | undefined;
  /** Signs and sends a webhook to the app (asynchronously) and logs it; resolves when its attempts end. */
  send(name: WebhookName, payload: Record<string, unknown>, cause: DeliveryRecord['cause']): Promise<DeliveryRecord>;
}
