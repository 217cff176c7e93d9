import type { KeyObject } from 'node:crypto';
import type * as z from 'zod';
import { catalog, getWebhookByEventType, type CuratedWebhookName, type WebhookName } from '../catalog/catalog.js';
import type { GeneratedWebhookName } from '../webhooks/generated/names.js';
import type { AccountInfo, Identity } from '../definition/define-webhook.js';
import { webhookLayers } from '../catalog/layers.js';
import { UnknownEventTypeError } from '../errors.js';
import type { PayloadOf } from '../catalog/parse.js';
import { describeValue } from '../wire/issues.js';
import { schemaModes, type SchemaMode } from '../wire/mode.js';
import { safeValidate } from '../catalog/validate.js';
import { decodeJsonSegment, splitCompact, verifyRs256 } from './compact-jws.js';
import type { DeliveryTracker } from './delivery-tracker.js';
import {
  BodyTooLargeError,
  DataNotStringError,
  DuplicateDeliveryError,
  InnerJsonError,
  InvalidClaimsError,
  InvalidVerifyOptionError,
  JsonTooDeepError,
  JwtExpiredError,
  JwtNotYetValidError,
  MalformedJwtError,
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
  eventType: Name extends CuratedWebhookName ? ((typeof catalog)[number] extends infer W ? (W extends { name: Name; eventType: infer E } ? E : never) : never) : string;
  instanceId: string;
  identity: Identity;
  accountInfo?: AccountInfo;
  payload: PayloadOf<Name>;
  header: { alg: 'RS256'; kid?: string };
  claims: { iat?: number; exp: number };
};

/** A verified, decoded and validated delivery, discriminated by `name` (or `eventType`); a generated webhook's payload is not typed further. */
export type ParsedWebhook = { [Name in CuratedWebhookName]: ParsedOf<Name> }[CuratedWebhookName] | ParsedOf<Exclude<GeneratedWebhookName, CuratedWebhookName>>;

const textDecoder = new TextDecoder('utf-8', { fatal: false });

/** Parsing a PEM costs more than checking a signature; an endpoint passes the same key text every time. */
const parsedKeys = new Map<string, KeyObject>();
function publicKeyOf(input: KeyInput): KeyObject {
  if (typeof input !== 'string') return loadPublicKey(input);
  let key = parsedKeys.get(input);
  if (!key) {
    key = loadPublicKey(input);
    if (parsedKeys.size >= 16) parsedKeys.clear();
    parsedKeys.set(input, key);
  }
  return key;
}

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

interface Limits {
  now: Date;
  tolerance: number;
  maxBodyBytes: number;
  maxDepth: number;
  mode: SchemaMode;
}

/** The options, checked before the body is looked at: a bad option is the caller's error, not the delivery's. */
function readOptions(options: ParseWebhookOptions): Limits {
  if (typeof options !== 'object' || options === null) throw new InvalidVerifyOptionError('options', 'expected an object with at least `publicKey`.');
  const positiveInteger = (name: keyof ParseWebhookOptions, fallback: number) => {
    const value = options[name];
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw new InvalidVerifyOptionError(name, `expected a positive integer, got ${describeValue(value)}.`);
    return value;
  };
  const now = options.now ?? new Date();
  if (!(now instanceof Date) || !Number.isFinite(now.getTime())) throw new InvalidVerifyOptionError('now', `expected a valid Date, got ${describeValue(now)}.`);
  const tolerance = options.clockToleranceSeconds ?? 60;
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
    throw new InvalidVerifyOptionError('clockToleranceSeconds', `expected a finite number of seconds >= 0, got ${describeValue(tolerance)}.`);
  }
  const mode = options.mode ?? 'loose';
  if (!schemaModes.includes(mode)) throw new InvalidVerifyOptionError('mode', `expected ${schemaModes.join(' or ')}, got ${describeValue(mode)}.`);
  const tracker = options.tracker;
  if (tracker !== undefined && (typeof tracker?.check !== 'function' || typeof tracker.record !== 'function')) {
    throw new InvalidVerifyOptionError('tracker', 'expected a DeliveryTracker (createDeliveryTracker()).');
  }
  return { now, tolerance, maxBodyBytes: positiveInteger('maxBodyBytes', 1024 * 1024), maxDepth: positiveInteger('maxDepth', 64), mode };
}

/** `exp` (required: Wix always sends it), `nbf` and `iat`, checked against `now` with the tolerance. */
function checkTimes(claims: Record<string, unknown>, { now, tolerance }: Limits): { iat?: number; exp: number } {
  for (const claim of ['exp', 'nbf', 'iat'] as const) {
    const value = claims[claim];
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) {
      throw new InvalidClaimsError(`The JWT claim "${claim}" is invalid: expected seconds since the epoch, got ${describeValue(value)}.`);
    }
  }
  const { exp, nbf, iat } = claims as { exp?: number; nbf?: number; iat?: number };
  if (exp === undefined) throw new InvalidClaimsError('The JWT claim "exp" is missing: Wix always sends one, and a JWT without it would be valid forever.');
  const seconds = now.getTime() / 1000;
  if (exp <= seconds - tolerance) throw new JwtExpiredError(`The JWT expired: exp ${exp} is before ${new Date(now).toISOString()} (tolerance ${tolerance} s).`);
  if (nbf !== undefined && nbf > seconds + tolerance) throw new JwtNotYetValidError(`The JWT is not valid yet: nbf ${nbf} is after ${new Date(now).toISOString()}.`);
  if (iat !== undefined && iat > seconds + tolerance) throw new JwtNotYetValidError(`The JWT was issued in the future (iat ${iat}).`);
  return { ...(iat !== undefined ? { iat } : {}), exp };
}

/**
 * Verifies and decodes a webhook request body as Wix sends it (one RS256 JWT), validates every
 * layer against the catalog's schemas and returns the delivery typed by its webhook. Every
 * failure is a `WixhookError` with its own code: `ERR_INVALID_VERIFY_OPTION` and `ERR_INVALID_KEY`
 * (the caller's options), `ERR_BODY_TOO_LARGE`, `ERR_JWT_MALFORMED` (shape, size or a
 * non-canonical encoding of a segment),
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
  const limits = readOptions(options);
  const { maxBodyBytes, maxDepth } = limits;
  const size = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
  if (size > maxBodyBytes) throw new BodyTooLargeError(`The body is ${size} bytes, more than the ${maxBodyBytes} allowed.`);
  const jwt = (typeof body === 'string' ? body : textDecoder.decode(body)).trim();

  // Cheapest checks first: the shape of every segment, then the (small) header, then the key and
  // the signature; the claims are decoded only once the signature holds.
  const segments = splitCompact(jwt);
  const header = decodeJsonSegment(segments.header, 'header', maxDepth);
  // Refuse other algorithms before touching the key: `none`, and HS256 "signed" with the public key as a secret.
  if (header.alg !== 'RS256') throw new UnsupportedAlgorithmError(`The JWT header says alg ${describeValue(header.alg)}; Wix signs with RS256 only.`);
  if (header.crit !== undefined || header.b64 !== undefined) throw new MalformedJwtError('The JWT header has "crit" or "b64": extensions Wix never uses.');
  verifyRs256(segments, publicKeyOf(options.publicKey));
  const claims = decodeJsonSegment(segments.claims, 'claims', maxDepth);
  const times = checkTimes(claims, limits);
  if (typeof claims.data !== 'string') {
    throw new DataNotStringError(`The "data" claim must be a string of JSON, as Wix sends it; got ${claims.data === undefined ? 'no data claim' : typeof claims.data}.`);
  }

  const outer = parseJsonLayer(claims.data, 'The "data" claim', maxDepth);
  for (const member of ['data', 'identity'] as const) {
    if (typeof outer[member] !== 'string') {
      throw new InnerJsonError(`The "${member}" member of the data claim must be a string of JSON, as Wix sends it; got ${outer[member] === null ? 'null' : typeof outer[member]}.`);
    }
    parseJsonLayer(outer[member], `The "${member}" member of the data claim`, maxDepth);
  }
  if (typeof outer.eventType !== 'string') throw new UnknownEventTypeError(describeValue(outer.eventType), catalog.map((webhook) => webhook.eventType));
  const webhook = getWebhookByEventType(outer.eventType);

  const { mode } = limits;
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
    header: { alg: 'RS256', ...(typeof header.kid === 'string' ? { kid: header.kid } : {}) },
    claims: times,
  } as ParsedWebhook;
}
