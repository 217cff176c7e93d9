import { sign } from 'node:crypto';
import { encodeDeliveryData } from '../../src/signing/sign.js';
import { testKeyPair } from '../../src/signing/keys.js';

export const b64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/**
 * A compact RS256 JWS over any header and claims text, signed with the committed test key: the
 * toolkit's signer only writes what Wix writes, attacks need the rest (no `exp`, odd headers).
 */
export function signRaw(header: unknown, claims: unknown, privateKey = testKeyPair().privateKey): string {
  const input = `${b64url(header)}.${b64url(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

/** Claims as Wix sends them for `eventType` and `payload`, issued at `iat` and valid for an hour. */
export function wixClaims(eventType: string, payload: unknown, iat: number, extra: Record<string, unknown> = {}) {
  return { data: encodeDeliveryData(eventType, payload), iat, exp: iat + 3600, ...extra };
}

export const rsHeader = { kid: 'wixhook-test-key', alg: 'RS256' };
