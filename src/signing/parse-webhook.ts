import type { KeyObject } from 'node:crypto';
import { errors as joseErrors, jwtVerify } from 'jose';
import type * as z from 'zod';
import { catalog, getWebhookByEventType, type WebhookName } from '../catalog/catalog.js';
import type { AccountInfo, Identity } from '../definition/define-webhook.js';
import { webhookLayers } from '../catalog/layers.js';
import { UnknownEventTypeError } from '../errors.js';
import type { PayloadOf } from '../catalog/parse.js';
import type { SchemaMode } from '../wire/mode.js';
import { safeValidate } from '../catalog/validate.js';
import type { DeliveryTracker } from './delivery-tracker.js';
import {
  BodyTooLargeError,
  DataNotStringError,
  DuplicateDeliveryError,
  InnerJsonError,
  InvalidClaimsError,
  JsonTooDeepError,
  JwtExpiredError,
  JwtNotYetValidError,
  MalformedJwtError,
  SignatureMismatchError,
  StaleEventError,
  UnsupportedAlgorithmError,
} from './errors.js';
import { jsonDepth } from './json-depth.js';
import { loadPublicKey, type KeyInput } from './keys.js';

export interface ParseWebhookOptions {
  /** The app's public key (SPKI PEM, JWK or KeyObject): the one from the app dashboard. */
  publicKey: KeyInput;
  /** Schema mode for every layer. Default `loose`. */
  mode?: SchemaMode;
  /** The time to check `exp`, `nbf` and `iat` against. Default: now. */
  now?: Date;
  /** Leeway for clock skew, in seconds. Default 60. */
  clockToleranceSeconds?: number;
  /** Larger bodies are refused before any parsing. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Deeper JSON is refused before it is parsed. Default 64. */
  maxDepth?: number;
  /** Remembers handled deliveries to refuse duplicates and stale sequences. */
  tracker?: DeliveryTracker;
}

/** A verified delivery of one named webhook. */
export type ParsedOf<Name extends WebhookName> = {
  name: Name;
  eventType: (typeof catalog)[number] extends infer W ? (W extends { name: Name; eventType: infer E } ? E : never) : never;
  instanceId: string;
  identity: Identity;
  accountInfo?: AccountInfo;
  payload: PayloadOf<Name>;
  header: { alg: 'RS256'; kid?: string };
  claims: { iat?: number; exp?: number };
};

/** A verified, decoded and validated delivery, discriminated by `name` (or `eventType`). */
export type ParsedWebhook = { [Name in WebhookName]: ParsedOf<Name> }[WebhookName];

const textDecoder = new TextDecoder('utf-8', { fatal: false });

function parseJsonLayer(text: string, layer: string, maxDepth: number): Record<string, unknown> {
  const depth = jsonDepth(text);
  if (depth > maxDepth) throw new JsonTooDeepError(`${layer} nests ${depth} levels deep, more than the ${maxDepth} allowed.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InnerJsonError(`${layer} is not valid JSON: ${(error as Error).message}.`, { cause: error });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InnerJsonError(`${layer} must hold a JSON object, but holds ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}.`);
  }
  return value as Record<string, unknown>;
}

function decodeBase64UrlJson(part: string, what: string): Record<string, unknown> {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new MalformedJwtError(`The JWT ${what} is not base64url-encoded JSON object.`);
}

async function verifySignature(jwt: string, key: KeyObject, now: Date, tolerance: number) {
  try {
    return await jwtVerify(jwt, key, { algorithms: ['RS256'], currentDate: now, clockTolerance: tolerance });
  } catch (error) {
    if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
      throw new SignatureMismatchError('The signature does not verify with the given public key: the body was changed, or another key signed it.', { cause: error });
    }
    if (error instanceof joseErrors.JWTExpired) throw new JwtExpiredError(`The JWT expired: ${error.message}.`, { cause: error });
    if (error instanceof joseErrors.JWTClaimValidationFailed) {
      if (error.claim === 'nbf' && error.reason === 'check_failed') throw new JwtNotYetValidError(`The JWT is not valid yet: ${error.message}.`, { cause: error });
      throw new InvalidClaimsError(`The JWT claim "${error.claim}" is invalid: ${error.message}.`, { cause: error });
    }
    if (error instanceof joseErrors.JOSEAlgNotAllowed) throw new UnsupportedAlgorithmError(`Only RS256 is accepted: ${error.message}.`, { cause: error });
    throw new MalformedJwtError(`The body is not a valid JWT: ${(error as Error).message}.`, { cause: error });
  }
}

/**
 * Verifies and decodes a webhook request body as Wix sends it (one RS256 JWT), validates every
 * layer against the catalog's schemas and returns the delivery typed by its webhook. Every
 * failure is a `WixhookError` with its own code: `ERR_BODY_TOO_LARGE`, `ERR_JWT_MALFORMED`,
 * `ERR_JWT_ALGORITHM`, `ERR_JWT_SIGNATURE`, `ERR_JWT_EXPIRED`, `ERR_JWT_NOT_YET_VALID`,
 * `ERR_JWT_CLAIMS`, `ERR_DATA_NOT_STRING`, `ERR_INNER_JSON`, `ERR_JSON_TOO_DEEP`,
 * `ERR_UNKNOWN_EVENT_TYPE`, `ERR_SCHEMA_MISMATCH` (with paths), and with a tracker
 * `ERR_DUPLICATE_DELIVERY` and `ERR_STALE_EVENT`.
 *
 * @example
 * app.post('/webhooks', express.text({ type: '*\/*' }), async (req, res) => {
 *   const delivery = await parseWebhook(req.body, { publicKey: process.env.WIX_PUBLIC_KEY! });
 *   if (delivery.name === 'participation-created') console.log(delivery.payload.createdEvent.entity.partySize);
 *   res.sendStatus(200);
 * });
 */
export async function parseWebhook(body: string | Uint8Array, options: ParseWebhookOptions): Promise<ParsedWebhook> {
  if (typeof body !== 'string' && !(body instanceof Uint8Array)) {
    throw new MalformedJwtError(`The body must be the raw request body, a string or bytes; got ${body === null ? 'null' : typeof body}. Read it with express.text({ type: '*/*' }) or request.text().`);
  }
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const size = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
  if (size > maxBodyBytes) throw new BodyTooLargeError(`The body is ${size} bytes, more than the ${maxBodyBytes} allowed.`);
  const jwt = (typeof body === 'string' ? body : textDecoder.decode(body)).trim();

  const parts = jwt.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]*$/.test(part))) {
    throw new MalformedJwtError(`The body is not a compact JWT (three base64url parts separated by dots); it has ${parts.length} part${parts.length === 1 ? '' : 's'}.`);
  }
  const header = decodeBase64UrlJson(parts[0]!, 'header');
  // Refuse other algorithms before touching the key: `none`, and HS256 "signed" with the public key as a secret.
  if (header.alg !== 'RS256') throw new UnsupportedAlgorithmError(`The JWT header says alg ${JSON.stringify(header.alg)}; Wix signs with RS256 only.`);

  const now = options.now ?? new Date();
  const tolerance = options.clockToleranceSeconds ?? 60;
  const { payload: claims } = await verifySignature(jwt, loadPublicKey(options.publicKey), now, tolerance);
  if (typeof claims.iat === 'number' && claims.iat > now.getTime() / 1000 + tolerance) {
    throw new JwtNotYetValidError(`The JWT was issued in the future (iat ${claims.iat}).`);
  }
  if (typeof claims.data !== 'string') {
    throw new DataNotStringError(`The "data" claim must be a string of JSON, as Wix sends it; got ${claims.data === undefined ? 'no data claim' : typeof claims.data}.`);
  }

  const maxDepth = options.maxDepth ?? 64;
  const outer = parseJsonLayer(claims.data, 'The "data" claim', maxDepth);
  for (const member of ['data', 'identity'] as const) {
    if (typeof outer[member] !== 'string') {
      throw new InnerJsonError(`The "${member}" member of the data claim must be a string of JSON, as Wix sends it; got ${outer[member] === null ? 'null' : typeof outer[member]}.`);
    }
    parseJsonLayer(outer[member], `The "${member}" member of the data claim`, maxDepth);
  }
  if (typeof outer.eventType !== 'string') throw new UnknownEventTypeError(String(outer.eventType), catalog.map((webhook) => webhook.eventType));
  const webhook = getWebhookByEventType(outer.eventType);

  const mode = options.mode ?? 'loose';
  const { deliveryData } = webhookLayers(webhook.name, { mode });
  const decoded = safeValidate(deliveryData as z.ZodType, outer, `${webhook.name} delivery (${mode})`);
  if (!decoded.success) throw decoded.error;
  const data = decoded.data as { instanceId: string; identity: Identity; accountInfo?: AccountInfo; data: { id: string; entityFqdn: string; entityId: string; entityEventSequence?: string } };

  if (options.tracker) {
    const verdict = options.tracker.check(data.data);
    if (verdict === 'duplicate') throw new DuplicateDeliveryError(`Payload ${data.data.id} was already handled: a duplicate or resent delivery.`);
    if (verdict === 'stale') {
      throw new StaleEventError(`Payload ${data.data.id} has entityEventSequence ${data.data.entityEventSequence}, not newer than the last one handled for ${data.data.entityFqdn} ${data.data.entityId}.`);
    }
    options.tracker.record(data.data);
  }

  return {
    name: webhook.name,
    eventType: webhook.eventType,
    instanceId: data.instanceId,
    identity: data.identity,
    ...(data.accountInfo ? { accountInfo: data.accountInfo } : {}),
    payload: data.data,
    header: header as { alg: 'RS256'; kid?: string },
    claims: { ...(typeof claims.iat === 'number' ? { iat: claims.iat } : {}), ...(typeof claims.exp === 'number' ? { exp: claims.exp } : {}) },
  } as ParsedWebhook;
}
