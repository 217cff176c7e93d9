/**
 * The oracle: a generated webhook's jwt layer, processed by the real `@wix/sdk`
 * (`createClient({ auth: AppStrategy(...), modules: { pkg } }).webhooks.process(jwt)`) with the
 * package's own `onX` handler, must reach the handler as exactly the toolkit's sdk layer.
 */
import { isDeepStrictEqual } from 'node:util';
import { AppStrategy, createClient } from '@wix/sdk';
import { build } from '../../src/build/build.js';
import { testKeyPair } from '../../src/signing/keys.js';
import { signWebhook } from '../../src/signing/sign.js';
import type { ManifestWebhook } from '../../src/webhooks/generated/manifest.js';

const appId = 'a3c4b1de-7f7e-4a8e-9a7c-5d1d3c2b1a00';

/** Seed `n` builds with no trait, `minimal` and `full` in turn, so every detail level is covered. */
export const traitsForSeed = (seed: number): string[] => [[], ['minimal'], ['full']][seed % 3]!;

/** Drops `undefined` members (the SDK leaves `key: undefined` where a transformation found nothing), keeping Dates and typed arrays. */
export function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value === null || typeof value !== 'object' || value instanceof Date || ArrayBuffer.isView(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined).map(([key, inner]) => [key, withoutUndefined(inner)]));
}

export interface RoundTrip {
  /** What the handler received, and what the toolkit says it receives. */
  received: unknown;
  expected: unknown;
}

/** One delivery of `webhook` for `seed`, through the real SDK with the package module's handler. */
export async function roundTrip(webhook: ManifestWebhook, packageModule: Record<string, unknown>, seed: number): Promise<RoundTrip> {
  const built = build(webhook.name as never, { seed, traits: traitsForSeed(seed) as never });
  const client = createClient({ auth: AppStrategy({ appId, publicKey: testKeyPair().publicKeyPem }), modules: { pkg: packageModule as never } });
  const received: unknown[] = [];
  const register = (client.pkg as Record<string, unknown>)[webhook.handler];
  if (typeof register !== 'function') throw new Error(`${webhook.package} exports no handler ${webhook.handler}`);
  (register as (handler: (envelope: unknown) => void) => void)((envelope) => void received.push(envelope));
  await client.webhooks.process(await signWebhook(webhook.name as never, built.payload, built.delivery));
  return { received: withoutUndefined(received[0]), expected: withoutUndefined(built.sdkEnvelope) };
}

export const agrees = (trip: RoundTrip) => isDeepStrictEqual(trip.received, trip.expected);
