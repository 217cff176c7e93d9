import { safeEntries } from '../fake/safe-keys.js';

/**
 * What an override may give for a value of type `T`: any subset of an object's fields, at any
 * depth. Arrays are replaced whole (an override array is the new array). A key given as
 * `undefined` removes the field.
 */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends Date
    ? T
    : T extends object
      ? { [K in keyof T]?: DeepPartial<T[K]> | undefined }
      : T;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * Merges `overrides` into `target` in place and returns it: objects field by field, arrays and
 * scalars replaced, `undefined` deleting the key. Override values are cloned, so the caller's
 * objects are never shared with a built payload. Own `__proto__`, `constructor` and `prototype`
 * keys (as `JSON.parse` makes them) are skipped at every depth: they would write into prototypes.
 */
export function mergeOverrides<T>(target: T, overrides: DeepPartial<T> | undefined): T {
  if (overrides === undefined) return target;
  if (!isPlainObject(target) || !isPlainObject(overrides)) return cloneWithoutForbiddenKeys(overrides) as T;
  const node: Record<string, unknown> = target;
  for (const [key, value] of safeEntries(overrides)) {
    if (value === undefined) delete node[key];
    else if (isPlainObject(value) && isPlainObject(node[key])) mergeOverrides(node[key], value);
    else node[key] = cloneWithoutForbiddenKeys(value);
  }
  return target;
}

/** A deep copy of override data without the forbidden keys; Dates and other non-plain values are cloned as they are. */
function cloneWithoutForbiddenKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cloneWithoutForbiddenKeys);
  if (typeof value !== 'object' || value === null || ![Object.prototype, null].includes(Object.getPrototypeOf(value))) return structuredClone(value);
  const copy: Record<string, unknown> = {};
  for (const [key, child] of safeEntries(value as object)) copy[key] = cloneWithoutForbiddenKeys(child);
  return copy;
}
