import type { JsonWebKey, KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { packagePath } from '../package-root.js';
import { InvalidKeyError } from './errors.js';
import { nodeCrypto } from './node-crypto.js';

/** A key as users hold one: PEM text (PKCS#8 private, SPKI public), a JWK, or a `KeyObject`. */
export type KeyInput = string | JsonWebKey | KeyObject;

function toKeyObject(input: KeyInput, kind: 'private' | 'public'): KeyObject {
  const { createPrivateKey, createPublicKey, KeyObject } = nodeCrypto();
  try {
    if (input instanceof KeyObject) {
      if (input.type === 'secret') throw new InvalidKeyError(`Expected an RSA ${kind} key, got a secret (symmetric) key.`);
      if (kind === 'private' && input.type !== 'private') throw new InvalidKeyError('Expected an RSA private key, got a public key: signing needs the private key.');
      return requireRsa(kind === 'public' && input.type !== 'public' ? createPublicKey(input) : input);
    }
    const key =
      typeof input === 'string'
        ? kind === 'private'
          ? createPrivateKey(normalizePem(input))
          : createPublicKey(normalizePem(input))
        : kind === 'private'
          ? createPrivateKey({ key: input, format: 'jwk' })
          : createPublicKey({ key: input, format: 'jwk' });
    return requireRsa(key);
  } catch (error) {
    if (error instanceof InvalidKeyError) throw error;
    throw new InvalidKeyError(`Could not read the ${kind} key: ${(error as Error).message}. Give PEM text (${kind === 'private' ? 'PKCS#8 "BEGIN PRIVATE KEY"' : 'SPKI "BEGIN PUBLIC KEY"'}), a JWK or a KeyObject.`, {
      cause: error,
    });
  }
}

function requireRsa(key: KeyObject): KeyObject {
  if (key.asymmetricKeyType !== 'rsa') throw new InvalidKeyError(`Expected an RSA key, got ${key.asymmetricKeyType ?? 'an unknown key type'}: Wix signs webhooks with RS256.`);
  return key;
}

/** Keys pasted from a dashboard or an `.env` file arrive with literal `\n`s or without line breaks. */
function normalizePem(text: string): string {
  const unescaped = text.includes('\\n') ? text.replaceAll('\\n', '\n') : text;
  return unescaped.trim();
}

/** Reads a private key for signing. Throws {@link InvalidKeyError} naming what was wrong. */
export function loadPrivateKey(input: KeyInput): KeyObject {
  return toKeyObject(input, 'private');
}

/** Reads a public key for verification; a private key is accepted and its public half used. */
export function loadPublicKey(input: KeyInput): KeyObject {
  return toKeyObject(input, 'public');
}

/**
 * The public key in the form to paste into `AppStrategy({ publicKey })` of `@wix/sdk`: SPKI PEM
 * with its header lines (the SDK refuses a bare base64 body or a PEM with escaped newlines).
 */
export function publicKeyPem(input: KeyInput): string {
  return loadPublicKey(input).export({ type: 'spki', format: 'pem' }).toString();
}

export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** PKCS#8 PEM of the private key. */
  privateKeyPem: string;
  /** SPKI PEM of the public key: what `AppStrategy` takes. */
  publicKeyPem: string;
  /** `kid` written into the JWT header. */
  keyId: string;
}

/**
 * A fresh RSA-2048 key pair, as Wix uses. For deterministic tests use {@link testKeyPair}.
 *
 * @example
 * const keys = generateKeyPair();
 * const client = createClient({ auth: AppStrategy({ appId, publicKey: keys.publicKeyPem }) });
 */
export function generateKeyPair(keyId = 'wixhook-generated'): KeyPair {
  return keyPairOf(nodeCrypto().generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, keyId);
}

/** The full {@link KeyPair} of a private key (PEM, JWK or KeyObject): its public half and both PEMs. */
export function keyPairOf(privateKeyInput: KeyInput, keyId: string): KeyPair {
  const privateKey = loadPrivateKey(privateKeyInput);
  const publicKey = loadPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId,
  };
}

/** What options that take signing keys accept: a private key, or one with its `kid`. */
export type SigningKeysInput = KeyInput | { privateKey: KeyInput; keyId?: string };

/** The key pair signing options name, or the committed test pair when they name none. */
export function resolveKeyPair(keys: SigningKeysInput | undefined, defaultKeyId = 'wixhook'): KeyPair {
  if (keys === undefined) return testKeyPair();
  if (typeof keys === 'object' && keys !== null && 'privateKey' in keys && !('kty' in keys)) {
    const pair = keys as { privateKey: KeyInput; keyId?: string };
    return keyPairOf(pair.privateKey, pair.keyId ?? defaultKeyId);
  }
  return keyPairOf(keys as KeyInput, defaultKeyId);
}

/** The committed test pair's files, from the package root. */
const testKeyFiles = {
  privateKey: 'mocks/keys/test-private-key.pem',
  publicKey: 'mocks/keys/test-public-key.pem',
};

let cachedTestKeys: KeyPair | undefined;

/**
 * The committed test key pair in `mocks/keys/`: public, so never trust it outside tests. Using it
 * makes signed examples reproducible and needs no set-up.
 *
 * @example
 * const { publicKeyPem } = testKeyPair();
 * AppStrategy({ appId, publicKey: publicKeyPem });
 */
export function testKeyPair(): KeyPair {
  if (!cachedTestKeys) {
    const privateKeyPem = readFileSync(packagePath(testKeyFiles.privateKey), 'utf8');
    const publicKeyPem = readFileSync(packagePath(testKeyFiles.publicKey), 'utf8');
    cachedTestKeys = { privateKey: loadPrivateKey(privateKeyPem), publicKey: loadPublicKey(publicKeyPem), privateKeyPem, publicKeyPem, keyId: 'wixhook-test-key' };
  }
  return cachedTestKeys;
}
