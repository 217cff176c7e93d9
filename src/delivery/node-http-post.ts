import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** Keep-alive agents shared by every delivery: connections are reused, as a sender would. Idle sockets are unref'd by Node, so they never keep a process alive. */
const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

/** POSTs a JWT with node:http(s) and resolves with the status, reading the body so the connection is reused. */
export function postWithNodeHttp(url: URL, jwt: string, headers: Record<string, string>, signal: AbortSignal): Promise<number> {
  const https = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const request = (https ? httpsRequest : httpRequest)(
      url,
      { method: 'POST', agent: https ? agents.https : agents.http, signal, headers: { ...headers, 'content-length': String(Buffer.byteLength(jwt)) } },
      (response: IncomingMessage) => {
        // Read the body so the keep-alive connection can be reused.
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(jwt);
  });
}

