/**
 * The property names that reach an object's prototype instead of the object: writing
 * `target['__proto__'][key]` (or through `constructor.prototype`) changes every object in the
 * process. `JSON.parse` creates `__proto__` as an ordinary own key, so any code that copies user
 * JSON key by key must skip these. This module is the one list; the factories (set paths,
 * overrides), the mock's request bodies, query filters and the admin API all consult it.
 */
export const forbiddenKeys: readonly string[] = Object.freeze(['__proto__', 'constructor', 'prototype']);

const forbidden = new Set(forbiddenKeys);

/** Whether `key` may not be used as a path segment or copied as an own key. */
export function isForbiddenKey(key: PropertyKey): boolean {
  return typeof key === 'string' && forbidden.has(key);
}

/** `Object.entries` without the forbidden keys: what a merge or copy of user data iterates. */
export function safeEntries(value: object): Array<[string, unknown]> {
  return Object.entries(value).filter(([key]) => !forbidden.has(key));
}

/**
 * The path of the first forbidden own key in a JSON value, e.g. `['participation', 'extendedFields',
 * '__proto__']`, or undefined when there is none. Iterative, so a deep value cannot exhaust the stack.
 */
export function findForbiddenKey(value: unknown): Array<string | number> | undefined {
  const stack: Array<{ node: unknown; path: Array<string | number> }> = [{ node: value, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      node.forEach((item, index) => stack.push({ node: item, path: [...path, index] }));
      continue;
    }
    for (const [key, child] of Object.entries(node)) {
      if (forbidden.has(key)) return [...path, key];
      stack.push({ node: child, path: [...path, key] });
    }
  }
  return undefined;
}
