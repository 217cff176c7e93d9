import type { AccountInfo, Identity } from '../definition/define-webhook.js';
import type { DeliveryContext } from '../sdk/to-sdk-envelope.js';

/**
 * The delivery each built payload was built with, keyed by the payload object itself: signing a
 * built payload without delivery options then gives exactly the SDK envelope `build()` returned
 * beside it, instead of the signer's defaults. Weak, so built payloads are collected as usual.
 */
const deliveries = new WeakMap<object, DeliveryContext<Identity, AccountInfo>>();

export function rememberDelivery(payload: object, delivery: DeliveryContext<Identity, AccountInfo>): void {
  deliveries.set(payload, delivery);
}

/** The delivery `payload` was built with, when it came from `build()`. */
export function builtDeliveryOf(payload: unknown): DeliveryContext<Identity, AccountInfo> | undefined {
  return typeof payload === 'object' && payload !== null ? deliveries.get(payload) : undefined;
}
