import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { WixhookError } from '../../errors.js';
import { adminHandlers } from '../admin.js';
import type { AdminMock } from '../admin-mock.js';
import { writeResponse } from './write-response.js';
import { toFetchRequest } from '../fetch-request.js';
import { inspectorPath } from './handlers.js';

export interface InspectOptions {
  /** 0 (default) picks a free port. */
  port?: number;
}

export interface Inspector {
  /** The page: `http://127.0.0.1:PORT/_wixhook/inspector`. */
  url: string;
  port: number;
  /** Stops the server and ends the page's live stream. */
  close(): Promise<void>;
}

/** The body of a request, up to `limit` bytes; a larger one is refused. */
async function readBody(req: IncomingMessage, limit = 1 << 20): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const problem = (res: ServerResponse, status: number, description: string) =>
  void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ message: description, details: { applicationError: { code: status === 403 ? 'FORBIDDEN' : 'INVALID_ARGUMENT', description } } }));

/**
 * Serves the inspector and the admin API of an in-process mock on a loopback port of its own, for
 * a developer debugging an integration test. Only requests addressed to this server by a loopback
 * name are answered, so a web page cannot reach it through DNS rebinding.
 */
export async function serveInspector(mock: AdminMock, options: InspectOptions = {}): Promise<Inspector> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new WixhookError('ERR_INVALID_INSPECT_OPTION', `port: expected a whole number from 0 to 65535, got ${String(port)}.`);
  let handle: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined;
  const server = createServer({ keepAliveTimeout: 5000 }, (req, res) => {
    handle!(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(new WixhookError('ERR_INSPECTOR_LISTEN', `The inspector could not listen on 127.0.0.1:${port}: ${error.message}`, { cause: error })));
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${bound}`;
  const hosts = new Set([`127.0.0.1:${bound}`, `localhost:${bound}`]);
  const handlers = adminHandlers(mock, origin);
  handle = async (req, res) => {
    if (!hosts.has(req.headers.host?.toLowerCase() ?? '')) return problem(res, 403, `Host ${JSON.stringify(req.headers.host ?? '')} is not this inspector's; use ${origin}.`);
    const method = req.method ?? 'GET';
    const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
    if (method !== 'GET' && method !== 'HEAD' && body === undefined) return problem(res, 413, 'The request body is larger than 1 MiB.');
    const request = toFetchRequest(req, req.url ?? '/', origin, body);
    if (!request) return problem(res, 400, 'The request URL is malformed.');
    const response = await getResponse(handlers, request);
    if (!response) return problem(res, 404, `The inspector has no endpoint ${method} ${new URL(request.url).pathname}; the page is ${origin}${inspectorPath}.`);
    await writeResponse(res, response);
  };
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}${inspectorPath}`,
    port: bound,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
