import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Behaviour = 200 | 201 | 404 | 500 | 'slow' | 'reset';

export interface Loopback {
  url: string;
  /** Every body received, in arrival order (including the requests answered with a failure). */
  bodies: string[];
  /** Requests seen, with their headers. */
  requests: IncomingMessage[];
  close(): Promise<void>;
}

/**
 * A node:http server on 127.0.0.1 that answers the n-th request with `behave(n, body)`:
 * a status, `slow` (never answers until closed) or `reset` (destroys the socket).
 */
export async function loopback(behave: (index: number, body: string) => Behaviour | Promise<Behaviour>): Promise<Loopback> {
  const bodies: string[] = [];
  const requests: IncomingMessage[] = [];
  const held: ServerResponse[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const index = bodies.length;
    bodies.push(body);
    requests.push(req);
    const behaviour = await behave(index, body);
    if (behaviour === 'reset') return void req.socket.destroy();
    if (behaviour === 'slow') return void held.push(res);
    res.writeHead(behaviour, { 'content-type': 'text/plain' }).end(behaviour === 200 ? 'ok' : 'nope');
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    bodies,
    requests,
    close: () =>
      new Promise((resolve) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
