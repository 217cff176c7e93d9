import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';
import { defaultAppId } from '../signing/sign.js';
import type { KeyInput } from '../signing/keys.js';
import { adminHandlers, createWixMock, type DeliveryObserver, type WixMock, type WixMockOptions } from '../msw/index.js';
import { WixhookError } from '../errors.js';
import { hasMalformedEscapes } from '../msw/malformed-url.js';
import { ServerListenError } from './errors.js';
import { isLoopbackHost, ownHosts, ownOrigins } from './own-host.js';
import { writeResponse } from '../msw/inspector/write-response.js';
import { toFetchRequest } from '../msw/fetch-request.js';
import { compileRoutes, routeAnswer, routeTableOf, type RouteAnswer, type RouteRequest, type RouteTable } from '../msw/route.js';

export interface WixServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: loopback only. */
  host?: string;
  /** Where webhooks go. Without it they are signed and logged (GET /_wixhook/deliveries) but not sent. */
  webhookUrl?: string;
  privateKey?: KeyInput;
  appId?: string;
  instanceId?: string;
  appSecret?: string;
  seed?: number;
  now?: Date | number | string;
  policy?: WixMockOptions['policy'];
  /** Largest request body accepted; larger ones get a 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /**
   * Token the admin API (`/_wixhook/`, except the public key) requires, as `Authorization: Bearer`
   * or `x-wixhook-admin-token`. Default: none on a loopback host; a random one otherwise.
   */
  adminToken?: string;
  /** How many recent deliveries the log (GET /_wixhook/deliveries) keeps. Default 1000. */
  keepDeliveries?: number;
  /** Told as each webhook is signed and after each delivery attempt (`wixhook serve` prints them). */
  observer?: DeliveryObserver;
}

export interface WixServer {
  /** `http://127.0.0.1:PORT`: the Wix base URL to give the app. */
  url: string;
  /** Where the public key is served (PEM). */
  publicKeyUrl: string;
  port: number;
  mock: WixMock;
  server: Server;
  /** The admin API's token, when it needs one. */
  adminToken?: string;
  /** Stops accepting, waits for deliveries in flight, closes idle connections. */
  close(): Promise<void>;
}

const notFoundBody = (method: string, path: string) =>
  JSON.stringify({ message: `NOT_FOUND: no endpoint ${method} ${path}`, details: { applicationError: { code: 'NOT_FOUND', description: `The Wix mock has no endpoint ${method} ${path}.` } } });

/** Thrown while reading a request body past the limit; answered with 413. */
class BodyTooLarge extends WixhookError {
  constructor(limit: number) {
    super('ERR_BODY_TOO_LARGE', `The request body is larger than the ${limit} bytes allowed.`);
  }
}

const errorBody = (code: string, description: string, field?: string) =>
  JSON.stringify({
    message: `${code}: ${description}`,
    details: field ? { validationError: { fieldViolations: [{ field, description, violatedRule: 'FORMAT' }] } } : { applicationError: { code, description } },
  });

/** What every path answers to a preflight: the methods, and no Access-Control-Allow-* grant. */
const optionsHeaders = { allow: 'GET, POST, PATCH, OPTIONS', 'content-length': '0' };

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Request bodies decode as `Request#text()` decodes them: UTF-8, a leading BOM dropped, bad bytes replaced. */
const utf8 = new TextDecoder();

/** The headers a route reads, straight from node:http's parsed ones (which already join repeats as `Headers` does). */
function nodeRequest(req: IncomingMessage, url: string, body: Buffer | undefined): RouteRequest {
  const raw = req.headers;
  return {
    method: req.method ?? 'GET',
    url,
    headers: {
      get(name) {
        const value = raw[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    text: () => Promise.resolve(body && body.length > 0 ? utf8.decode(body) : ''),
  };
}

function writeAnswer(res: ServerResponse, answer: RouteAnswer): void {
  if (res.headersSent || res.destroyed) return;
  if (answer.body === undefined) return void res.writeHead(answer.status).end();
  const text = JSON.stringify(answer.body);
  res.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) }).end(text);
}

function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, headers).end(body);
}

/**
 * Serves the mock over node:http. The simulated services' routes are dispatched directly (the
 * compiled route table their MSW handlers are built from, so both answer alike, without a fetch
 * `Request`/`Response` per call); everything else (the admin API, the inspector, paths the table
 * leaves to MSW) goes through MSW's own `getResponse(handlers, request)`. The server holds no
 * endpoint logic of its own. A request's path is resolved against the mock's base URL
 * (`https://www.wixapis.com`), so the handlers match exactly as they do in process.
 */
export function requestListener(handlers: RequestHandler[], baseUrl: string, maxBodyBytes = 1 << 20, hosts?: ReadonlySet<string>, table: RouteTable = { routes: [], direct: () => false }) {
  const match = compileRoutes(table.routes);
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const method = req.method ?? 'GET';
      const path = req.url ?? '/';
      // Checked before the body is read: a page that rebinds its name to this machine gets nothing.
      const host = req.headers.host?.toLowerCase();
      if (hosts && (host === undefined || !hosts.has(host))) {
        req.resume();
        return send(res, 403, errorBody('FORBIDDEN', `Host ${JSON.stringify((host ?? '').slice(0, 200))} is not this server's; use ${[...hosts][0]} (or another loopback name with this port).`));
      }
      if (method === 'OPTIONS') {
        req.resume();
        return send(res, 204, '', optionsHeaders);
      }
      const query = path.indexOf('?');
      const pathname = query < 0 ? path : path.slice(0, query);
      if (hasMalformedEscapes(pathname)) {
        req.resume();
        return send(res, 400, errorBody('INVALID_ARGUMENT', 'has a malformed percent-escape', 'url'));
      }
      let body: Buffer | undefined;
      if (method !== 'GET' && method !== 'HEAD') body = await readBody(req, maxBodyBytes);
      const found = table.direct() ? match(method, pathname) : undefined;
      if (found) return writeAnswer(res, await routeAnswer(() => found.route.resolve({ request: nodeRequest(req, baseUrl + path, body), params: found.params })));
      const request = toFetchRequest(req, path.startsWith('/') ? path : `/${path}`, baseUrl, body);
      if (!request) {
        return send(res, 400, JSON.stringify({ message: 'INVALID_ARGUMENT: malformed request', details: { validationError: { fieldViolations: [{ field: 'url', description: 'is malformed', violatedRule: 'FORMAT' }] } } }));
      }
      const response = await getResponse(handlers, request);
      if (!response) return send(res, 404, notFoundBody(method, new URL(request.url).pathname));
      await writeResponse(res, response);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        // The rest of the body is not read: close the connection so no client reuses it mid-body.
        send(res, 413, JSON.stringify({ message: 'Request body too large', details: {} }), { 'content-type': 'application/json', connection: 'close' });
        const socket = req.socket;
        return void res.on('finish', () => socket?.destroySoon());
      }
      send(res, 500, '', {});
    }
  };
}

/**
 * The standalone Wix mock: `createWixMock`'s handlers plus the `/_wixhook/` admin API, over real
 * HTTP, for apps in any language.
 *
 * @example
 * const wix = await startWixServer({ port: 0, webhookUrl: 'http://127.0.0.1:3000/webhooks/wix' });
 * process.env.WIX_BASE_URL = wix.url;
 * await wix.close();
 */
export async function startWixServer(options: WixServerOptions = {}): Promise<WixServer> {
  const mock = createWixMock({
    appId: options.appId ?? defaultAppId,
    ...(options.instanceId ? { instanceId: options.instanceId } : {}),
    ...(options.appSecret ? { appSecret: options.appSecret } : {}),
    ...(options.privateKey ? { keys: options.privateKey } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.now !== undefined ? { now: options.now } : {}),
    ...(options.policy ? { policy: options.policy } : {}),
    ...(options.observer ? { observer: options.observer } : {}),
    ...(options.keepDeliveries !== undefined ? { keepDeliveries: options.keepDeliveries } : {}),
    ...(options.webhookUrl ? { webhookUrl: options.webhookUrl } : { webhookHandler: () => new Response('not sent: no --webhook-url') }),
  });
  const requestedHost = options.host ?? '127.0.0.1';
  const adminToken = options.adminToken ?? (isLoopbackHost(requestedHost) ? undefined : randomBytes(24).toString('base64url'));
  // The handlers need the bound port for their origin check; the listener is set once it is known.
  let listener: ReturnType<typeof requestListener> | undefined;
  const server = createServer({ keepAliveTimeout: 5000 }, (req, res) => void listener!(req, res));
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    const refused = (error: Error) => reject(new ServerListenError(requestedHost, options.port ?? 0, error));
    server.once('error', refused);
    server.listen(options.port ?? 0, requestedHost, () => {
      server.off('error', refused);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  const hosts = ownHosts(address.address, address.port);
  const handlers = [...mock.handlers, ...adminHandlers(mock, mock.baseUrl, { origins: ownOrigins(hosts), ...(adminToken ? { token: adminToken } : {}) })];
  listener = requestListener(handlers, mock.baseUrl, options.maxBodyBytes, hosts, routeTableOf(mock));
  let closing: Promise<void> | undefined;
  return {
    url,
    publicKeyUrl: `${url}/_wixhook/public-key`,
    port: address.port,
    mock,
    server,
    ...(adminToken ? { adminToken } : {}),
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await mock.idle();
        server.closeAllConnections();
        await closed;
      })();
      return closing;
    },
  };
}
