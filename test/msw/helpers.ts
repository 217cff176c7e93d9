import { setupServer } from 'msw/node';
import { createWixMock, unhandledRequests, type WixMock, type WixMockOptions } from '../../src/msw/index.js';

export const appId = '2f4a1f6b-4a0e-4e36-9a8c-3c1f0e0b5d21';
export const instanceId = '6d1c6b9b-8a3e-4f6b-9c51-0d6c1f1e2a7b';
export const base = 'https://www.wixapis.com';

/** A mock whose webhooks go to an in-process handler that records the JWTs and answers 200. */
export function inProcessMock(options: Partial<WixMockOptions> = {}) {
  const received: string[] = [];
  const mock = createWixMock({
    appId,
    instanceId,
    webhookHandler: async (request) => {
      received.push(await request.text());
      return new Response('ok');
    },
    ...options,
  } as WixMockOptions);
  return { mock, received };
}

export function startServer(mock: WixMock) {
  const server = setupServer(...mock.handlers);
  server.listen(unhandledRequests('error'));
  return server;
}

export async function token(): Promise<string> {
  const response = await fetch(`${base}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: appId, client_secret: 'secret', instance_id: instanceId }),
  });
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

export async function call(method: string, path: string, auth: string | undefined, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
