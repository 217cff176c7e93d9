import { http, HttpResponse } from 'msw';
import { fieldError } from './errors.js';

/** Whether every `%` of the path starts a valid UTF-8 percent-escape, as route parameters need. */
export function hasMalformedEscapes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A first handler for the mock's origin that answers a path with a malformed percent-escape
 * (`/calendar/v3/events/%ZZ`) with a 400 naming `url`. MSW decodes route parameters while it
 * matches and throws on such a path, so this guard must run before any handler with a `:param`;
 * it is a RegExp route because a string route would be decoded too. Every other request falls
 * through to the next handler.
 */
export function malformedUrlHandler(baseUrl: string) {
  return http.all(new RegExp(`^${escapeRegExp(baseUrl)}/`), ({ request }) => {
    if (!hasMalformedEscapes(new URL(request.url).pathname)) return undefined;
    const error = fieldError('url', 'has a malformed percent-escape', 'FORMAT');
    return HttpResponse.json(error.body, { status: error.status });
  });
}
