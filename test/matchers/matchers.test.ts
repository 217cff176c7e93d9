import { expect as jestExpect } from 'expect';
import { describe, expect, it } from 'vitest';
import '../../src/matchers/vitest.js';
import { wixMatchers } from '../../src/matchers/matchers.js';
import { buildPayload } from '../../src/factories/build.js';
import { generateKeyPair, testKeyPair } from '../../src/signing/keys.js';
import { signWebhook } from '../../src/signing/sign.js';

describe('matchers with Vitest', () => {
  it('toBeWixPayload passes for a built payload and explains a failure with paths', () => {
    const payload = buildPayload('participation-created', { seed: 1 });
    expect(payload).toBeWixPayload('participation-created', { mode: 'strict' });
    expect({ ...payload, slug: 'updated' }).not.toBeWixPayload('participation-created');
    expect(() => expect({ ...payload, slug: 'updated' }).toBeWixPayload('participation-created')).toThrow(/slug: expected "created"/);
    expect(() => expect(payload).toBeWixPayload('order-created' as never)).toThrow(/Unknown webhook "order-created"/);
  });

  it('toBeSignedWixWebhook verifies the body and the webhook', async () => {
    const jwt = await signWebhook('guest-event-starts', buildPayload('guest-event-starts', { seed: 2 }));
    await expect(jwt).toBeSignedWixWebhook('guest-event-starts', { publicKey: testKeyPair().publicKeyPem });
    await expect(jwt).toBeSignedWixWebhook(undefined, { publicKey: testKeyPair().publicKeyPem });
    await expect(jwt).not.toBeSignedWixWebhook('participation-created', { publicKey: testKeyPair().publicKeyPem });
    await expect(expect(jwt).toBeSignedWixWebhook('guest-event-starts', { publicKey: generateKeyPair().publicKeyPem })).rejects.toThrow(/ERR_JWT_SIGNATURE/);
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
