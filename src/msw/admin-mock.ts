import type { WebhookName } from '../catalog/catalog.js';
import type { ResendPolicy } from '../delivery/resend-policy.js';
import type { DeliveryRecord } from './context.js';
import type { DeliveryListener, TriggerOptions } from './sender.js';
import type { FaultState, ReleaseOrder, RestFault } from './faults.js';

/**
 * What the admin API and the inspector drive: the parts of a `WixMock` they call. Spelled out
 * rather than picked from `WixMock`, so the mock can serve them itself (`mock.inspect`) without
 * an import cycle; every `WixMock` is one.
 */
export interface AdminMock {
  trigger(name: WebhookName, options?: TriggerOptions<WebhookName>): Promise<DeliveryRecord>;
  clock: { now(): number; advance(ms: number): Promise<DeliveryRecord[]>; set(to: Date | number | string): Promise<DeliveryRecord[]> };
  deliveries: readonly DeliveryRecord[];
  resend(sequence: number): Promise<DeliveryRecord>;
  faults: {
    rest(fault: RestFault): () => void;
    duplicates(count: number): void;
    hold(): void;
    release(order?: ReleaseOrder, seed?: number): Promise<DeliveryRecord[]>;
    list(): FaultState;
    clear(): Promise<void>;
  };
  onDeliveryChange(listener: DeliveryListener): () => void;
  resendPolicy: ResendPolicy;
  webhookTarget: string;
  /** The simulated services' store slices, by key. */
  store: object;
  idle(): Promise<void>;
  reset(): void;
  publicKeyPem: string;
  baseUrl: string;
}
