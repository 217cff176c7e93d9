import { getWebhook, type WebhookName } from '../catalog/catalog.js';
import { encodeDeliveryData, signDeliveryData, signWebhook, type SignOptions } from './sign.js';
import { generateKeyPair, publicKeyPem, testKeyPair } from './keys.js';
import { nodeCrypto } from './node-crypto.js';

/** One delivery a consumer's endpoint must refuse (or, for `expectedCode: null`, survive unharmed). */
export interface AdversarialDelivery {
  /** Stable label, e.g. `tampered-payload`. */
  label: string;
  description: string;
  /** The error code `parseWebhook` gives; `null` when the delivery is valid and must not harm the consumer. */
  expectedCode: string | null;
  /** Bodies to send first (a duplicate needs its original); the last of `bodies` is the one under test. */
  bodies: string[];
  /** Verify with this public key (SPKI PEM), not the signer's, when the item says so. */
  publicKeyPem: string;
}

const b64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function hs256(header: object, claims: object, secret: string): string {
  const signingInput = `${b64url(header)}.${b64url(claims)}`;
  return `${signingInput}.${nodeCrypto().createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}

function nested(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

export interface AdversarialOptions extends Pick<SignOptions, 'instanceId' | 'identity'> {
  /** A valid payload of the webhook to derive the deliveries from. */
  payload: Record<string, unknown>;
  /** The time the deliveries are made at. Default: now. */
  now?: Date;
}

/**
 * The labelled corpus of bad and tricky deliveries for one webhook, signed with the test key:
 * every failure `parseWebhook` distinguishes, plus a tampered body, another key, a duplicate,
 * a stale `entityEventSequence`, an oversized body, deep nesting and prototype-pollution keys.
 *
 * @example
 * for (const item of await adversarialDeliveries('participation-created', { payload })) {
 *   const response = await app.inject({ method: 'POST', url: '/webhooks', payload: item.bodies.at(-1) });
 *   expect(response.statusCode, item.label).not.toBe(200);
 * }
 */
export async function adversarialDeliveries(name: WebhookName, options: AdversarialOptions): Promise<AdversarialDelivery[]> {
  const webhook = getWebhook(name);
  const keys = testKeyPair();
  const now = options.now ?? new Date();
  const iat = Math.floor(now.getTime() / 1000);
  const sign = (payload: unknown, extra: Partial<SignOptions> = {}) => signWebhook(name, payload, { ...options, issuedAt: iat, ...extra });
  const valid = await sign(options.payload);
  const data = encodeDeliveryData(webhook.eventType, options.payload, options);
  const withPayload = (changes: Record<string, unknown>) => ({ ...options.payload, ...changes });
  const item = (label: string, expectedCode: string | null, description: string, ...bodies: string[]): AdversarialDelivery => ({
    label,
    expectedCode,
    description,
    bodies,
    publicKeyPem: keys.publicKeyPem,
  });
  const [header, , signature] = valid.split('.');
  const tamperedClaims = { data: encodeDeliveryData(webhook.eventType, withPayload({ entityId: `${String(options.payload.entityId)}0` }), options), iat, exp: iat + 3600 };

  return [
    item('valid', null, 'A faithful delivery: must be accepted.', valid),
    item('tampered-payload', 'ERR_JWT_SIGNATURE', 'The claims were changed after signing; the signature no longer matches.', `${header}.${b64url(tamperedClaims)}.${signature}`),
    item('other-key', 'ERR_JWT_SIGNATURE', 'Signed by a key that is not the app key.', await sign(options.payload, { privateKey: generateKeyPair().privateKey })),
    item('alg-none', 'ERR_JWT_ALGORITHM', 'An unsigned JWT (`alg: none`).', `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ data, iat, exp: iat + 3600 })}.`),
    item('hs256-public-key', 'ERR_JWT_ALGORITHM', 'HS256 "signed" with the public key as the HMAC secret (algorithm confusion).', hs256({ alg: 'HS256', typ: 'JWT' }, { data, iat, exp: iat + 3600 }, publicKeyPem(keys.publicKey))),
    item('expired', 'ERR_JWT_EXPIRED', 'Issued and expired two hours ago.', await sign(options.payload, { issuedAt: iat - 7200, expiresInSeconds: 3600 })),
    item('issued-in-the-future', 'ERR_JWT_NOT_YET_VALID', 'Issued an hour from now.', await sign(options.payload, { issuedAt: iat + 3600 })),
    item('malformed-jwt', 'ERR_JWT_MALFORMED', 'Not a compact JWS.', 'this-is-not.a-jwt!'),
    item('data-not-string', 'ERR_DATA_NOT_STRING', 'The data claim is an object, not a string of JSON.', await signDeliveryData(JSON.parse(data) as unknown, { issuedAt: iat })),
    item('inner-json-malformed', 'ERR_INNER_JSON', 'The inner data member is not valid JSON.', await signDeliveryData(JSON.stringify({ ...(JSON.parse(data) as object), data: '{"id":' }), { issuedAt: iat })),
    item('unknown-event-type', 'ERR_UNKNOWN_EVENT_TYPE', 'An eventType no catalog webhook has.', await signDeliveryData(JSON.stringify({ ...(JSON.parse(data) as object), eventType: 'wix.stores.v1.product_created' }), { issuedAt: iat })),
    item('schema-mismatch', 'ERR_SCHEMA_MISMATCH', 'The payload eventTime is not a timestamp.', await sign(withPayload({ eventTime: 'yesterday' }))),
    item('duplicate', 'ERR_DUPLICATE_DELIVERY', 'The same payload id delivered twice (Wix resends).', valid, await sign(options.payload)),
    item(
      'stale-sequence',
      'ERR_STALE_EVENT',
      'An older entityEventSequence arriving after a newer one (out-of-order resend).',
      await sign(withPayload({ id: '11111111-1111-4111-8111-111111111111', entityEventSequence: '7' })),
      await sign(withPayload({ id: '22222222-2222-4222-8222-222222222222', entityEventSequence: '6' })),
    ),
    item('oversized-body', 'ERR_BODY_TOO_LARGE', 'A body over 1 MiB.', await sign(withPayload({ originatedFrom: 'x'.repeat(1024 * 1024) }))),
    item('deeply-nested', 'ERR_JSON_TOO_DEEP', 'Inner JSON nested 10,000 levels deep.', await signDeliveryData(JSON.stringify({ ...(JSON.parse(data) as object), data: nested(10_000) }), { issuedAt: iat })),
    item(
      'prototype-pollution-keys',
      null,
      'A payload with "__proto__" and "constructor" keys: must be accepted without polluting any prototype.',
      await signDeliveryData(
        JSON.stringify({ ...(JSON.parse(data) as object), data: JSON.stringify(options.payload).replace(/^\{/, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},') }),
        { issuedAt: iat },
      ),
    ),
  ];
}
