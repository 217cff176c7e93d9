import type { KeyObject } from 'node:crypto';
import { JsonTooDeepError, MalformedJwtError, SignatureMismatchError } from './errors.js';
import { jsonDepth } from './json-depth.js';
import { nodeCrypto } from './node-crypto.js';

/** Longest JWT header segment accepted: Wix's (`{"kid":"…","alg":"RS256"}`) is under 100 characters. */
export const maxHeaderChars = 2048;

const base64UrlAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const base64UrlText = /^[A-Za-z0-9_-]*$/;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The three segments of a compact JWS, checked for shape only. */
export interface CompactSegments {
  header: string;
  claims: string;
  signature: string;
}

/**
 * Whether a segment is the one and only unpadded base64url spelling of its bytes: a length that
 * some byte count gives, and zero bits after the last byte. Otherwise several texts decode to the
 * same bytes (16 variants of a 256-byte signature), which a strict verifier does not accept.
 */
function isCanonicalBase64Url(segment: string): boolean {
  const remainder = segment.length % 4;
  if (remainder === 1) return false;
  if (remainder === 0) return true;
  const last = base64UrlAlphabet.indexOf(segment[segment.length - 1]!);
  return remainder === 2 ? (last & 0b1111) === 0 : (last & 0b11) === 0;
}

/** Splits a compact JWS and checks each segment's alphabet, canonical form and (for the header) size, before any decoding. */
export function splitCompact(jwt: string): CompactSegments {
  const first = jwt.indexOf('.');
  const second = first < 0 ? -1 : jwt.indexOf('.', first + 1);
  if (first < 0 || second < 0 || jwt.indexOf('.', second + 1) >= 0) {
    const count = jwt.split('.', 5).length;
    throw new MalformedJwtError(`The body is not a compact JWT (three base64url parts separated by dots); it has ${count > 4 ? 'more than 4' : count} part${count === 1 ? '' : 's'}.`);
  }
  const segments: CompactSegments = { header: jwt.slice(0, first), claims: jwt.slice(first + 1, second), signature: jwt.slice(second + 1) };
  if (segments.header.length > maxHeaderChars) throw new MalformedJwtError(`The JWT header is ${segments.header.length} characters long, more than the ${maxHeaderChars} allowed.`);
  for (const [name, segment] of Object.entries(segments)) {
    if (!base64UrlText.test(segment)) throw new MalformedJwtError(`The JWT ${name} is not base64url (only A-Z a-z 0-9 - _, no padding).`);
    if (!isCanonicalBase64Url(segment)) throw new MalformedJwtError(`The JWT ${name} is not canonical base64url: its last character carries bits that are not part of the data.`);
  }
  return segments;
}

/** Decodes one segment to a JSON object: UTF-8 strictly, depth checked before `JSON.parse`. */
export function decodeJsonSegment(segment: string, what: 'header' | 'claims', maxDepth: number): Record<string, unknown> {
  let text: string;
  try {
    text = strictUtf8.decode(Buffer.from(segment, 'base64url'));
  } catch (error) {
    throw new MalformedJwtError(`The JWT ${what} is not UTF-8.`, { cause: error });
  }
  const depth = jsonDepth(text);
  if (depth > maxDepth) throw new JsonTooDeepError(`The JWT ${what} nests ${depth} levels deep, more than the ${maxDepth} allowed.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new MalformedJwtError(`The JWT ${what} is not JSON: ${(error as Error).message}.`, { cause: error });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MalformedJwtError(`The JWT ${what} is not a JSON object.`);
  return value as Record<string, unknown>;
}

/**
 * Checks an RS256 signature (RSASSA-PKCS1-v1_5 with SHA-256) over `header.claims`. A signature
 * whose length is not the key's modulus length is refused before any hashing.
 */
export function verifyRs256(segments: CompactSegments, key: KeyObject): void {
  const modulusBytes = Math.ceil((key.asymmetricKeyDetails?.modulusLength ?? 0) / 8);
  const expectedChars = Math.ceil((modulusBytes * 4) / 3);
  if (segments.signature.length !== expectedChars) {
    throw new MalformedJwtError(`The JWT signature is ${segments.signature.length} characters long; an RS256 signature by this ${modulusBytes * 8}-bit key is ${expectedChars}.`);
  }
  const signingInput = Buffer.from(`${segments.header}.${segments.claims}`, 'latin1');
  if (!nodeCrypto().verify('sha256', signingInput, key, Buffer.from(segments.signature, 'base64url'))) {
    throw new SignatureMismatchError('The signature does not verify with the given public key: the body was changed, or another key signed it.');
  }
}
