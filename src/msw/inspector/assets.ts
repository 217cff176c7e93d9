import { readFile } from 'node:fs/promises';
import { fromSource, packageUrl } from '../../package-root.js';

/**
 * The inspector's files, shipped as they are (no build step, no outside request): the page, its
 * style sheet and its ES modules. They sit in `src/msw/inspector/assets/`, and the build copies them
 * to `dist/msw/inspector/assets/` (scripts/copy-assets.mjs), the folder the package ships. Found on
 * first request, not on import.
 */
let directory: URL | undefined;
const assetsDirectory = () => (directory ??= packageUrl(fromSource() ? 'src/msw/inspector/assets/' : 'dist/msw/inspector/assets/'));

const types: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
};

/** Only these names are served: a request can never reach another file. */
export const assetNames = ['index.html', 'inspector.css', 'inspector.js', 'api.js', 'dom.js', 'deliveries.js', 'detail.js', 'timeline.js', 'trigger.js', 'store.js', 'favicon.svg'] as const;

/**
 * Nothing but the inspector's own files runs or loads: no inline script or style, no other
 * origin, no framing. The page talks only to the admin API of the same origin.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

const cache = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

/** The asset as a response with its type and the page's security headers, or undefined for a name not in {@link assetNames}. */
export async function assetResponse(name: string): Promise<Response | undefined> {
  if (!(assetNames as readonly string[]).includes(name)) return undefined;
  let bytes = cache.get(name);
  if (!bytes) {
    bytes = readFile(new URL(name, assetsDirectory())).then((buffer) => new Uint8Array(buffer));
    cache.set(name, bytes);
    bytes.catch(() => cache.delete(name));
  }
  const type = types[name.slice(name.lastIndexOf('.') + 1)]!;
  return new Response(await bytes, { headers: { 'content-type': type, ...securityHeaders } });
}
