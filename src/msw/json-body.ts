import { findForbiddenKey } from '../fake/safe-keys.js';
import { formatPath } from '../wire/issues.js';
import { jsonDepth } from '../signing/json-depth.js';
import { fieldError } from './errors.js';

/** Deepest nesting a request body (or a cursor) may have: Wix's own bodies stay under ten levels. */
export const maxRequestDepth = 64;

/**
 * Parses JSON a client sent (a request body, the query inside a cursor) as the mock must before
 * anything reads it: too deep is a 400 before `JSON.parse` runs, a `__proto__`, `constructor` or
 * `prototype` key anywhere is a 400 naming its path. So nothing hostile reaches the store.
 */
export function parseClientJson(text: string, field: string): unknown {
  const depth = jsonDepth(text);
  if (depth > maxRequestDepth) throw fieldError(field, `nests ${depth} levels deep, more than the ${maxRequestDepth} allowed`, 'MAX');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw fieldError(field, 'is not valid JSON', 'FORMAT');
  }
  const forbidden = findForbiddenKey(value);
  if (forbidden) {
    throw fieldError(formatPath(forbidden), `is not allowed: a "${String(forbidden.at(-1))}" key would write into the prototype of every object`, 'FIELD_NOT_ALLOWED');
  }
  return value;
}
