import { expect as jestExpect } from 'expect';
import { describe, expect, it } from 'vitest';
import '../../src/matchers/vitest.js';
import { wixMatchers, type WixMatchers } from '../../src/matchers/matchers.js';
import { buildPayload } from '../../src/build/build.js';
import { generateKeyPair, testKeyPair } from '../../src/signing/keys.js';
import { signWebhook } from '../../src/signing/sign.js';

// The repo runs on Vitest 4 (Node 20) and 5 (Node 24), whose augmentations differ (see
// src/matchers/vitest.ts), so the test types its own view of `expect` instead.
type WixExpect = (value: unknown) => WixMatchers<void> & { not: WixMatchers<void> };
const wixExpect = expect as unknown as WixExpect;

describe('matchers with Vitest', () => {
  it('toBeWixPayload passes for a built payload and explains a failure with paths', () => {
    const payload = buildPayload('participation-created', { seed: 1 });
    wixExpect(payload).toBeWixPayload('participation-created', { mode: 'strict' });
    wixExpect({ ...payload, slug: 'updated' }).not.toBeWixPayload('participation-created');
    expect(() => wixExpect({ ...payload, slug: 'updated' }).toBeWixPayload('participation-created')).toThrow(/slug: expected "created"/);
    expect(() => wixExpect(payload).toBeWixPayload('order-created' as never)).toThrow(/Unknown webhook "order-created"/);
  });

  it('toBeSignedWixWebhook verifies the body and the webhook', async () => {
    const jwt = await signWebhook('guest-event-starts', buildPayload('guest-event-starts', { seed: 2 }));
    await wixExpect(jwt).toBeSignedWixWebhook('guest-event-starts', { publicKey: testKeyPair().publicKeyPem });
    await wixExpect(jwt).toBeSignedWixWebhook(undefined, { publicKey: testKeyPair().publicKeyPem });
    await wixExpect(jwt).not.toBeSignedWixWebhook('participation-created', { publicKey: testKeyPair().publicKeyPem });
    await expect(wixExpect(jwt).toBeSignedWixWebhook('guest-event-starts', { publicKey: generateKeyPair().publicKeyPem })).rejects.toThrow(/ERR_JWT_SIGNATURE/);
  });
});

describe("the same matchers with Jest's expect", () => {
  jestExpect.extend(wixMatchers);
  const jest = jestExpect as unknown as (value: unknown) => { toBeWixPayload(name: string): void; not: { toBeWixPayload(name: string): void }; toBeSignedWixWebhook(name: string, options: object): Promise<void> };

  it('toBeWixPayload and toBeSignedWixWebhook work unchanged', async () => {
    const payload = buildPayload('event-recurring-split', { seed: 3 });
    jest(payload).toBeWixPayload('event-recurring-split');
    jest({}).not.toBeWixPayload('event-recurring-split');
    expect(() => jest({}).toBeWixPayload('event-recurring-split')).toThrow(/expected a valid event-recurring-split payload/);
    await jest(await signWebhook('event-recurring-split', payload)).toBeSignedWixWebhook('event-recurring-split', { publicKey: testKeyPair().publicKeyPem });
  });
});
