import { restAddressToSdk, restFloatToSdk, restPageUrlToSdk, restTimestampToSdk } from './rest-values.js';
import { sdkRenamedKeys, type SdkTransformSpec } from './transform-spec.js';

/** What a delivery adds to the payload's own metadata. */
export interface DeliveryContext<Identity = unknown, AccountInfo = unknown> {
  instanceId: string;
  identity: Identity;
  accountInfo?: AccountInfo;
}

const bodyKeys = new Set(['createdEvent', 'updatedEvent', 'deletedEvent', 'actionEvent']);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * The REST-shaped envelope `@wix/sdk` builds before its transformations: `{ entity, metadata }`
 * for created events, `{ data: actionEvent.body, metadata }` for action events. `metadata` is the
 * delivery context plus every payload field except the body members.
 */
export function restEnvelope(kind: 'created' | 'action', payload: Json, context: DeliveryContext): Json {
  const metadata: Json = { instanceId: context.instanceId, identity: context.identity, accountInfo: context.accountInfo };
  for (const [key, value] of Object.entries(payload)) if (!bodyKeys.has(key)) metadata[key] = value;
  if (kind === 'created') return { entity: (payload.createdEvent as Json | undefined)?.entity, metadata };
  return { data: (payload.actionEvent as Json | undefined)?.body, metadata };
}

/** Applies `transform` at `path`, entering arrays element by element. Mutates `target`. */
function transformAt(target: unknown, segments: readonly string[], transform: (value: unknown) => unknown): void {
  if (Array.isArray(target)) {
    for (const element of target) transformAt(element, segments, transform);
    return;
  }
  if (!isObject(target)) return;
  const [head, ...rest] = segments;
  if (head === undefined || !Object.hasOwn(target, head)) return;
  if (rest.length === 0) target[head] = transform(target[head]);
  else transformAt(target[head], rest, transform);
}

/** Sets an own property; an own `__proto__` key (JSON.parse makes them) stays a key instead of replacing the prototype. */
function setOwn(target: Json, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** A deep copy of JSON data (objects, arrays, primitives): cheaper than structuredClone for payload-sized values. */
function copyJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyJson);
  if (!isObject(value)) return value;
  const copy: Json = {};
  for (const key of Object.keys(value)) setOwn(copy, key, copyJson(value[key]));
  return copy;
}

function renameKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(renameKeysDeep);
  if (!isObject(value)) return value;
  const renamed: Json = {};
  for (const key of Object.keys(value)) {
    const target = sdkRenamedKeys.get(key);
    setOwn(renamed, target !== undefined && !Object.hasOwn(value, target) ? target : key, renameKeysDeep(value[key]));
  }
  return renamed;
}

/** A spec's paths split into segments once: specs are per-webhook constants, envelopes are built per delivery. */
const splitSpecs = new WeakMap<SdkTransformSpec, ReadonlyArray<readonly [readonly string[], (value: unknown) => unknown]>>();

function splitSpec(spec: SdkTransformSpec) {
  let steps = splitSpecs.get(spec);
  if (!steps) {
    const split = (paths: readonly string[], transform: (value: unknown) => unknown) => paths.map((path) => [path.split('.'), transform] as const);
    steps = [...split(['metadata.eventTime', ...spec.timestamps], restTimestampToSdk), ...split(spec.floats, restFloatToSdk), ...split(spec.addresses, restAddressToSdk), ...split(spec.pageUrls, restPageUrlToSdk)];
    splitSpecs.set(spec, steps);
  }
  return steps;
}

/**
 * Builds, from a REST payload, the envelope `@wix/sdk` hands a registered handler, applying the
 * webhook's transformations the way the SDK does. The input is not modified.
 */
export function transformToSdkEnvelope(kind: 'created' | 'action', payload: Json, context: DeliveryContext, spec: SdkTransformSpec): Json {
  const envelope = restEnvelope(kind, copyJson(payload) as Json, copyJson(context) as DeliveryContext);
  for (const [segments, transform] of splitSpec(spec)) transformAt(envelope, segments, transform);
  return renameKeysDeep(envelope) as Json;
}
