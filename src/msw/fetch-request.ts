import type { IncomingMessage } from 'node:http';

/** Headers a fetch `Request` sets itself (or refuses), so they are not copied from the Node request. */
const ownHeaders = new Set(['host', 'connection', 'content-length', 'transfer-encoding']);

/**
 * A Node request as the fetch `Request` MSW's `getResponse` takes, its path resolved against
 * `base`, with the body already read; `undefined` when the URL is malformed, so each server answers
 * that in its own words.
 */
export function toFetchRequest(req: IncomingMessage, path: string, base: string, body: Buffer | undefined): Request | undefined {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || ownHeaders.has(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  try {
    return new Request(new URL(path, base), { method: req.method ?? 'GET', headers, ...(body && body.length > 0 ? { body: new Uint8Array(body) } : {}) });
  } catch {
    return undefined;
  }
}
