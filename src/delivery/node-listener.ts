import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A Node request listener, `(req, res) => ...`: an Express or Connect app, `fastify.routing`
 * (after `await fastify.ready()`), or a plain `node:http` handler.
 */
export type NodeListener = (req: IncomingMessage, res: ServerResponse) => unknown;

/**
 * Whether an in-process target is a Node listener rather than a fetch handler: a listener takes
 * the request and the response (Express apps take `next` too), a fetch handler only the request.
 */
export function isNodeListener(target: (...args: never[]) => unknown): target is NodeListener {
  return target.length >= 2;
}

/** The path in-process receivers are called on, as `handlerRequestUrl` has it. */
export const handlerRequestPath = '/webhooks/wix';

const served = new WeakMap<NodeListener, Promise<URL>>();

/**
 * The loopback URL a listener is served on: one `node:http` server per listener, started on first
 * use and unref'd, so it never keeps a process alive. Requests go through Node's real HTTP
 * parser, so the listener sees exactly what it sees in production (raw body, headers, streams).
 * A listener that throws answers 500, as Node's server would crash instead.
 */
export function listenerUrl(listener: NodeListener): Promise<URL> {
  let url = served.get(listener);
  if (!url) {
    url = serveListener(listener);
    served.set(listener, url);
  }
  return url;
}

/** node:http loads here, on the first delivery to a listener, not with the package. */
async function serveListener(listener: NodeListener): Promise<URL> {
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    const fail = (error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`The listener threw: ${error instanceof Error ? error.message : String(error)}`);
    };
    try {
      const result = listener(req, res);
      if (result instanceof Promise) result.catch(fail);
    } catch (error) {
      fail(error);
    }
  });
  return new Promise<URL>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.unref();
      resolve(new URL(new URL(handlerRequestPath, `http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
    });
  });
}
