import { timingSafeEqual } from 'node:crypto';
import { applicationError } from './errors.js';

/** How the admin API tells its own callers from a web page the developer happens to visit. */
export interface AdminGuardOptions {
  /**
   * When set, every admin request except `GET /_wixhook/public-key` must carry it, as
   * `Authorization: Bearer <token>` or `x-wixhook-admin-token: <token>`.
   */
  token?: string;
  /** Origins a browser may call the admin API from (the server's own). Default: the admin API's origin only. */
  origins?: readonly string[];
}

/** The header that carries the admin token when `Authorization` is taken by something else. */
export const adminTokenHeader = 'x-wixhook-admin-token';

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Refuses what a hostile web page can send: a request from another site (its `Origin`, or
 * `Sec-Fetch-Site` other than `same-origin`/`none`), a write whose body is not declared
 * `application/json` (a browser sends that only after a CORS preflight, which the admin API never
 * grants), and, with a token, a request without it. Throws the Wix error to answer with.
 */
export function guardAdminRequest(request: Request, options: { token?: string | undefined; origins: readonly string[]; needsToken: boolean; write: boolean }): void {
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite !== null && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    throw applicationError(403, 'FORBIDDEN', `The admin API refuses ${fetchSite} requests (Sec-Fetch-Site): a web page may not drive it.`);
  }
  const origin = request.headers.get('origin');
  if (origin !== null && !options.origins.includes(origin.toLowerCase())) {
    throw applicationError(403, 'FORBIDDEN', `The admin API refuses requests from origin ${JSON.stringify(origin.slice(0, 200))}: only ${options.origins.join(', ')} may call it.`);
  }
  if (options.needsToken && options.token !== undefined) {
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1]?.trim();
    const given = bearer ?? request.headers.get(adminTokenHeader)?.trim();
    if (given === undefined || !sameToken(given, options.token)) {
      throw applicationError(401, 'UNAUTHENTICATED', `The admin API needs its token: send "Authorization: Bearer <token>" or "${adminTokenHeader}: <token>" (printed by wixhook serve at start).`);
    }
  }
  if (options.write) {
    const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (mediaType !== 'application/json') {
      throw applicationError(415, 'UNSUPPORTED_MEDIA_TYPE', `Admin writes take "content-type: application/json"; got ${mediaType ? JSON.stringify(mediaType.slice(0, 100)) : 'none'}.`);
    }
  }
}
