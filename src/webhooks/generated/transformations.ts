/**
 * What `@wix/sdk` does to a payload before a generated webhook's handler sees it: `runHandler`'s
 * envelope for the payload kind, then the EventDefinition's `transformPaths` groups and the
 * `id`/`createdDate`/`updatedDate` renames at every depth (dotted keys and `sort.fieldName`
 * values included). `modifiedFields` are unflattened before and flattened after, as the SDK does.
 */
import { restAddressToSdk, restFloatToSdk, restPageUrlToSdk, restTimestampToSdk } from '../../sdk/rest-values.js';
import type { DeliveryContext } from '../../sdk/to-sdk-envelope.js';
import type { ManifestTransformations, PayloadKindName, TransformKind, TransformPath } from './manifest.js';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null;

const restToSdkNames: Record<string, string> = { id: '_id', createdDate: '_createdDate', updatedDate: '_updatedDate' };

/** The envelope `runHandler` builds before transformations. */
export function runHandlerEnvelope(kind: PayloadKindName, payload: Json, context: DeliveryContext): Json {
  const base: Json = { instanceId: context.instanceId, identity: context.identity, accountInfo: context.accountInfo };
  if (kind === 'legacy') return { data: payload, metadata: base };
  const { deletedEvent, actionEvent, createdEvent, updatedEvent, ...rest } = payload;
  const metadata = { ...base, ...rest };
  if (deletedEvent) return isRecord(deletedEvent) && deletedEvent.deletedEntity ? { entity: deletedEvent.deletedEntity, metadata } : { metadata };
  if (actionEvent) return { data: (actionEvent as Json).body, metadata };
  if (updatedEvent) {
    const updated = updatedEvent as Json;
    return { entity: updated.currentEntity, metadata, ...(updated.modifiedFields ? { modifiedFields: updated.modifiedFields } : {}) };
  }
  return { entity: (createdEvent as Json | undefined)?.entity, metadata };
}


function image(value: unknown): unknown {
  if (!value) return undefined;
  const v = value as Json;
  const name = v.filename || v.altText ? `/${encodeURIComponent(String(v.filename || v.altText))}` : '';
  return v.id ? `wix:image://v1/${String(v.id)}${name}#originWidth=${String(v.width)}&originHeight=${String(v.height)}` : v.url;
}

function video(value: unknown): unknown {
  if (!value) return undefined;
  const v = value as Json;
  const thumbnail = v.thumbnail as Json | undefined;
  const poster = thumbnail?.id ? `#posterUri=${String(thumbnail.id)}&posterWidth=${String(thumbnail.width)}&posterHeight=${String(thumbnail.height)}` : '';
  return v.id ? `wix:video://v1/${String(v.id)}${poster}` : v.url;
}

function videoV2(value: unknown): unknown {
  if (!value) return undefined;
  const v = value as Json;
  const file = v.filename ? `/${encodeURIComponent(String(v.filename))}` : '';
  let poster = '';
  const posters = v.posters as Json[] | undefined;
  if (posters?.length) {
    const chosen = posters[1] || posters[0]!;
    let posterId = (chosen.id as string) || '';
    if (!posterId && typeof chosen.url === 'string') {
      const slash = chosen.url.lastIndexOf('/');
      if (slash !== -1) posterId = chosen.url.substring(slash + 1);
    }
    if (posterId) poster = `#posterUri=${posterId}&posterWidth=${String(chosen.width)}&posterHeight=${String(chosen.height)}`;
  }
  return v.id ? `wix:video://v1/${String(v.id)}${file}${poster}` : v.url;
}

function fileLike(scheme: 'document' | 'audio') {
  return (value: unknown): unknown => {
    if (!value) return undefined;
    const v = value as Json;
    const file = v.filename ? `/${encodeURIComponent(String(v.filename))}` : '';
    if (scheme === 'document') return v.id ? `wix:document://v1/${String(v.id)}${file}` : v.url;
    const url = v.id ? `wix:audio://v1/${String(v.id)}${file}` : v.url;
    return `${String(url)}${v.id ? `#duration=${String(v.duration ?? 0)}` : ''}`;
  };
}

function duration(value: unknown): unknown {
  const text = String(value);
  const [seconds = '', nanos] = text.substring(0, text.length - 1).split('.');
  return { seconds: seconds.length ? seconds : '0', nanos: nanos === undefined ? 0 : Number.parseInt(nanos, 10) * 1000 ** (3 - nanos.length / 3) };
}

const transforms: Record<TransformKind, (value: unknown) => unknown> = {
  timestamp: restTimestampToSdk,
  float: restFloatToSdk,
  address: restAddressToSdk,
  image,
  video,
  videoV2,
  document: fileLike('document'),
  audio: fileLike('audio'),
  pageUrl: restPageUrlToSdk,
  pageUrlV2: (value) => (value ? (value as Json).url : undefined),
  fieldMask: (value) => (!value ? value : typeof value === 'object' ? (value as Json).paths : String(value).split(',')),
  duration,
  bytes: (value) => Uint8Array.from(atob(String(value)), (char) => char.charCodeAt(0)),
};

/** One path of a `transformPaths` group, with the SDK's semantics for arrays, maps (`x{}`) and `*`. */
function transformPath(target: Json, { path, repeated, map }: TransformPath, fn: (value: unknown) => unknown): Json {
  const parts = path.split('.');
  if (parts.length === 1 && path in target) {
    const value = target[path];
    target[path] = repeated ? (value as unknown[]).map(fn) : map ? Object.fromEntries(Object.entries(value as Json).map(([key, inner]) => [key, fn(inner)])) : fn(value);
    return target;
  }
  const [first = '', ...rest] = parts;
  const next = { path: rest.join('.'), ...(repeated ? { repeated } : {}), ...(map ? { map } : {}) } as TransformPath;
  if (first.endsWith('{}')) {
    const clean = first.slice(0, -2);
    target[clean] = Object.fromEntries(Object.entries(target[clean] as Json).map(([key, value]) => [key, transformPath(value as Json, next, fn)]));
  } else if (Array.isArray(target[first])) {
    target[first] = (target[first] as Json[]).map((item) => transformPath(item, next, fn));
  } else if (first in target && isRecord(target[first])) {
    target[first] = transformPath(target[first] as Json, next, fn);
  } else if (first === '*') {
    for (const key of Object.keys(target)) target[key] = transformPath(target[key] as Json, next, fn);
  }
  return target;
}

function renameKey(key: string): string {
  if (key.includes('.')) return key.split('.').map((part) => restToSdkNames[part] ?? part).join('.');
  return restToSdkNames[key] ?? key;
}

/** `renameKeysFromRESTResponseToSDKResponse`: in place, at every depth. */
function renameAllKeys(payload: unknown, ignore: readonly string[]): void {
  const traverse = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      for (const item of value) traverse(item, path);
      return;
    }
    if (!isRecord(value) || value instanceof Date || value instanceof Uint8Array) return;
    for (const key of Object.keys(value)) {
      const nextPath = path === '' ? key : `${path}.${key}`;
      if (ignore.includes(nextPath)) continue;
      const renamed = renameKey(key);
      if (renamed !== key && !(renamed in value)) {
        value[renamed] = value[key];
        delete value[key];
      }
      const isSortFieldName = nextPath === 'sort.fieldName' || nextPath.endsWith('.sort.fieldName');
      if (isSortFieldName && typeof value[renamed] === 'string') value[renamed] = (value[renamed] as string).split('.').map((segment) => restToSdkNames[segment] ?? segment).join('.');
      traverse(value[renamed], nextPath);
    }
  };
  traverse(payload, '');
}

export function applyTransformations(envelope: Json, transformations: ManifestTransformations): Json {
  let result = envelope;
  for (const group of transformations.groups) for (const path of group.paths) result = transformPath(result, path, transforms[group.kind]);
  if (transformations.renameKeys) renameAllKeys(result, transformations.renameIgnore ?? []);
  return result;
}

/**
 * `modifiedFields` arrive flattened (`{"a.b": value}`); the SDK unflattens them, transforms the
 * envelope, and flattens them back under the transformed key names.
 */
function withModifiedFields(envelope: Json, transformations: ManifestTransformations): Json | undefined {
  const flat = envelope.modifiedFields as Json;
  const nested: Json = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split('.');
    let cursor = nested;
    parts.forEach((part, index) => {
      if (index === parts.length - 1) cursor[part] = value;
      else cursor = (cursor[part] ??= {}) as Json;
    });
  }
  const transformed = applyTransformations({ ...envelope, modifiedFields: nested }, transformations);
  const after = transformed.modifiedFields as Json | undefined;
  if (!after) return undefined;
  const flattened: Json = {};
  for (const key of Object.keys(flat)) {
    let current: unknown = after;
    const path: string[] = [];
    for (const part of key.split('.')) {
      if (!isRecord(current)) return undefined;
      const renamed = part in current ? part : restToSdkNames[part] !== undefined && restToSdkNames[part]! in current ? restToSdkNames[part]! : undefined;
      if (renamed === undefined) return undefined;
      path.push(renamed);
      current = current[renamed];
    }
    flattened[path.join('.')] = current;
  }
  transformed.modifiedFields = flattened;
  return transformed;
}

/** The envelope a generated webhook's handler receives for `payload`. The payload is not modified. */
export function generatedSdkEnvelope(kind: PayloadKindName, payload: Json, context: DeliveryContext, transformations: ManifestTransformations): Json {
  const envelope = runHandlerEnvelope(kind, structuredClone(payload), structuredClone(context));
  if (isRecord(envelope.modifiedFields) && !Array.isArray(envelope.modifiedFields)) {
    const transformed = withModifiedFields(structuredClone(envelope), transformations);
    if (transformed) return transformed;
  }
  return applyTransformations(envelope, transformations);
}

