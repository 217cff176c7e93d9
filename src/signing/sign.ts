import type { KeyObject } from 'node:crypto';
import { getWebhook, type WebhookName } from '../catalog/catalog.js';
import type { AccountInfo, Identity } from '../definition/define-webhook.js';
import { builtDeliveryOf } from '../build/built-deliveries.js';
import { loadPrivateKey, testKeyPair, type KeyInput } from './keys.js';

export interface SignOptions {
  /** Private key (PKCS#8 PEM, JWK or KeyObject). Default: the committed test key of `mocks/keys/`. */
  privateKey?: KeyInput;
  /** `kid` of the JWT header. Default: the test key's id, or `wixhook` for other keys. */
  keyId?: string;
  /**
   * App instance GUID. Default: for a payload from `build()` (and none of `instanceId`, `identity`,
   * `accountInfo` given), the delivery it was built with, so the SDK envelope equals
   * `built.sdkEnvelope`; otherwise a fixed test instance.
   */
  instanceId?: string;
  /** Who triggered the event. Default: the built delivery's, or the app itself (`APP` with a fixed test app id). */
  identity?: Identity;
  /** Account details. Default: the built delivery's; otherwise omitted, as in many Wix deliveries. */
  accountInfo?: AccountInfo;
  /** `iat` as a Date or seconds since the epoch. Default: now. */
  issuedAt?: Date | number;
  /** Seconds from `iat` to `exp`. Default: 3600. */
  expiresInSeconds?: number;
}

export const defaultInstanceId = '6d1c6b9b-8a3e-4f6b-9c51-0d6c1f1e2a7b';
export const defaultAppId = 'a3c4b1de-7f7e-4a8e-9a7c-5d1d3c2b1a00';

/** Parsing a PEM costs more than a signature; callers pass the same key text for every webhook. */
const parsedKeys = new Map<string, KeyObject>();
function privateKeyOf(input: KeyInput): KeyObject {
  if (typeof input !== 'string') return loadPrivateKey(input);
  let key = parsedKeys.get(input);
  if (!key) {
    key = loadPrivateKey(input);
    if (parsedKeys.size >= 16) parsedKeys.clear();
    parsedKeys.set(input, key);
  }
  return key;
}

const seconds = (time: Date | number) => (typeof time === 'number' ? Math.floor(time) : Math.floor(time.getTime() / 1000));

/**
 * The `data` claim exactly as Wix nests it: a string of JSON whose `data` and `identity` members
 * are strings of JSON too; `accountInfo` stays an object.
 */
export function encodeDeliveryData(eventType: string, payload: unknown, options: Pick<SignOptions, 'instanceId' | 'identity' | 'accountInfo'> = {}): string {
  return JSON.stringify({
    eventType,
    instanceId: options.instanceId ?? defaultInstanceId,
    data: JSON.stringify(payload),
    identity: JSON.stringify(options.identity ?? { identityType: 'APP', appId: defaultAppId }),
    ...(options.accountInfo ? { accountInfo: options.accountInfo } : {}),
  });
}

/** jose loads on the first signature, not with the package: importing it costs more than most tests ever sign. */
let jose: Promise<typeof import('jose')> | undefined;
const loadJose = () => (jose ??= import('jose'));

/**
 * Signs a payload of the named webhook as Wix does: RS256, header `{ kid, alg }`, claims
 * `{ data, iat, exp }`. The payload is signed as given, valid or not, so tests can send what
 * Wix should never send; validate it first with `parsePayload` when that matters.
 *
 * @example
 * const jwt = await signWebhook('participation-created', payload, { privateKey: pem });
 * await fetch(endpoint, { method: 'POST', body: jwt });
 */
export async function signWebhook(name: WebhookName, payload: unknown, options: SignOptions = {}): Promise<string> {
  const built = options.instanceId === undefined && options.identity === undefined && options.accountInfo === undefined ? builtDeliveryOf(payload) : undefined;
  return signDeliveryData(encodeDeliveryData(getWebhook(name).eventType, payload, built ? { ...built } : options), options);
}

/** Signs an already encoded `data` claim; the layer under {@link signWebhook}, for deliberately odd deliveries. */
export async function signDeliveryData(data: unknown, options: Pick<SignOptions, 'privateKey' | 'keyId' | 'issuedAt' | 'expiresInSeconds'> = {}): Promise<string> {
  const key: KeyObject = options.privateKey === undefined ? testKeyPair().privateKey : privateKeyOf(options.privateKey);
  const keyId = options.keyId ?? (options.privateKey === undefined ? testKeyPair().keyId : 'wixhook');
  const issuedAt = seconds(options.issuedAt ?? new Date());
  const { SignJWT } = await loadJose();
  return new SignJWT({ data } as Record<string, unknown>)
    .setProtectedHeader({ kid: keyId, alg: 'RS256' })
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + (options.expiresInSeconds ?? 3600))
    .sign(key);
}
