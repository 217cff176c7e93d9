import type { ServerResponse } from 'node:http';

/**
 * Writes a fetch `Response` to a Node response, streaming its body: a server-sent event stream
 * flows as it is produced, and stops being read when the client goes away.
 */
export async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (!response.body) return void res.writeHead(response.status, headers).end();
  if (!(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    return void res.writeHead(response.status, headers).end(Buffer.from(await response.arrayBuffer()));
  }
  res.writeHead(response.status, headers);
  res.flushHeaders();
  const reader = response.body.getReader();
  res.on('close', () => void reader.cancel().catch(() => {}));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || res.destroyed) break;
      res.write(value);
    }
  } catch {
    // The stream was cancelled because the client left.
  }
  if (!res.destroyed) res.end();
}
