import type { WebhookName } from '../catalog/catalog.js';
import type { ResendPolicy } from '../delivery/resend-policy.js';
import type { DeliveryRecord } from './context.js';
import type { DeliveryListener, TriggerOptions } from './sender.js';
import type { FaultState, ReleaseOrder, RestFault } from './faults.js';

export interface WixMockClock {
  now(): number;
  /** Moves the clock forward and sends every webhook due on the way (event reminders, ...); resolves with them, delivered. */
  advance(ms: number): Promise<DeliveryRecord[]>;
  /** Moves the clock forward to an instant (never back). */
  set(to: Date | number | string): Promise<DeliveryRecord[]>;
}

/**
 * Faults of the simulated Wix, as an integration test injects them.
 *
 * @example
 * mock.faults.rest({ method: 'POST', path: '/calendar/v3/participations', status: 429, retryAfterSeconds: 2, times: 1 });
 * mock.faults.duplicates(1);        // every webhook arrives twice, the same JWT
 * mock.faults.hold();               // webhooks wait...
 * await createAndUpdate();
 * await mock.faults.release('reverse'); // ...and arrive newest first
 */
export interface WixMockFaults {
  /** Delays or fails matching REST requests (`*` is one path segment, a trailing `/**` any rest); returns the function that removes the fault. */
  rest(fault: RestFault): () => void;
  /** Delivers every webhook signed from now on `1 + count` times (0 to 10), the same JWT each time, as Wix sometimes does. */
  duplicates(count: number): void;
  /** Holds webhook deliveries (logged as `pending`) until `release`. */
  hold(): void;
  /** Sends the held deliveries one after another, in the order they were sent, reversed, or shuffled by `seed`; resolves with them, in that order, when their attempts end. */
  release(order?: ReleaseOrder, seed?: number): Promise<DeliveryRecord[]>;
  /** The faults in force. */
  list(): FaultState;
  /** Removes every REST fault, stops duplicating, and releases held deliveries in order. */
  clear(): Promise<void>;
}

/**
 * What the admin API and the inspector drive: the part of a {@link WixMock} they need, which
 * `WixMock` extends. It lives apart from the mock so the mock can serve the inspector itself
 * (`mock.inspect`) without an import cycle.
 */
export interface AdminMock {
  /** The in-memory Wix: every simulated service's store slice, by key. */
  store: object;
  /** The webhooks sent, oldest first: the most recent `keepDeliveries` (default 1000). */
  deliveries: readonly DeliveryRecord[];
  clock: WixMockClock;
  /** Builds any catalog webhook (traits, overrides, seed) at the mock's time and sends it; resolves when delivered or out of attempts. */
  trigger(name: WebhookName, options?: TriggerOptions<WebhookName>): Promise<DeliveryRecord>;
  /** Sends a recorded delivery's signed JWT again, unchanged, as a new delivery (cause `resend`); resolves when its attempts end. */
  resend(sequence: number): Promise<DeliveryRecord>;
  /** Calls `listener` as deliveries are logged, attempted and settled, and when the log is cleared; returns the unsubscribe function. */
  onDeliveryChange(listener: DeliveryListener): () => void;
  /** The resend policy deliveries follow: Wix's unless `policy` replaced parts of it. */
  resendPolicy: ResendPolicy;
  /** Where webhooks go: the webhook URL, or `handler`. */
  webhookTarget: string;
  /** Faults to test an app's resilience with: REST errors and delays, duplicate and out-of-order webhooks. `reset()` clears them. */
  faults: WixMockFaults;
  /** Resolves when no delivery is in flight. REST writes send their webhook asynchronously, as Wix does. */
  idle(): Promise<void>;
  /** Back to the seeded store, an empty delivery log, no tokens, and the clock at its start (the default clock only). */
  reset(): void;
  /** SPKI PEM of the signing key: what `AppStrategy({ publicKey })` takes. */
  publicKeyPem: string;
  baseUrl: string;
}
