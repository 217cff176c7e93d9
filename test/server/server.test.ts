import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWixServer, type WixServer } from '../../src/server/server.js';
import { defaultAppId, defaultInstanceId } from '../../src/signing/sign.js';
import { testKeyPair } from '../../src/signing/keys.js';

/** Admin writes declare JSON (a browser cannot send that cross-site without a preflight). */
const json = { 'content-type': 'application/json' };

let wix: WixServer;
beforeAll(async () => {
  wix = await startWixServer({ port: 0 });
});
afterAll(() => wix.close());

async function token(): Promise<string> {
  const response = await fetch(`${wix.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: defaultAppId, client_secret: 's', instance_id: defaultInstanceId }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

function raw(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(wix.port, '127.0.0.1', () => socket.end(text));
    let out = '';
    socket.on('data', (chunk) => (out += chunk));
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
  });
}

describe('standalone server', () => {
  it('applies faults injected through the admin API to its REST endpoints over HTTP', async () => {
    const auth = await token();
    const injected = await fetch(`${wix.url}/_wixhook/faults`, { method: 'POST', headers: json, body: JSON.stringify({ rest: [{ method: 'POST', path: '/calendar/v3/events/query', status: 429, retryAfterSeconds: 5, times: 1 }] }) });
    expect(injected.status).toBe(200);
    const limited = await fetch(`${wix.url}/calendar/v3/events/query`, { method: 'POST', headers: { authorization: auth }, body: '{}' });
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '5']);
    const after = await fetch(`${wix.url}/calendar/v3/events/query`, { method: 'POST', headers: { authorization: auth }, body: '{}' });
    expect(after.status).toBe(200);
  });

  it('serves the same endpoints over HTTP and the admin API', async () => {
    const auth = await token();
    const events = await fetch(`${wix.url}/calendar/v3/events/query`, { method: 'POST', headers: { authorization: auth }, body: '{}' });
    expect(events.status).toBe(200);
    expect(((await events.json()) as { events: unknown[] }).events.length).toBeGreaterThan(0);
    expect(await (await fetch(wix.publicKeyUrl)).text()).toBe(testKeyPair().publicKeyPem);
    const triggered = await fetch(`${wix.url}/_wixhook/webhooks/guest-event-starts`, { method: 'POST', headers: json, body: JSON.stringify({ traits: ['starts-in-1-hour'] }) });
    expect(triggered.status).toBe(200);
    const badTrait = await fetch(`${wix.url}/_wixhook/webhooks/guest-event-starts`, { method: 'POST', headers: json, body: JSON.stringify({ traits: ['nope'] }) });
    expect(badTrait.status).toBe(400);
    expect((await fetch(`${wix.url}/_wixhook/webhooks/nope`, { method: 'POST', headers: json })).status).toBe(404);
    const clock = await fetch(`${wix.url}/_wixhook/clock`, { method: 'POST', headers: json, body: JSON.stringify({ advanceMs: 8 * 24 * 3600_000 }) });
    const moved = (await clock.json()) as { deliveries: Array<{ name: string }> };
    expect(moved.deliveries.length).toBeGreaterThanOrEqual(6);
    expect(moved.deliveries.every((delivery) => delivery.name === 'guest-event-starts')).toBe(true);
    const log = (await (await fetch(`${wix.url}/_wixhook/deliveries`)).json()) as { deliveries: unknown[] };
    expect(log.deliveries.length).toBe(1 + moved.deliveries.length);
    expect((await fetch(`${wix.url}/_wixhook/reset`, { method: 'POST', headers: json })).status).toBe(200);
    expect(((await (await fetch(`${wix.url}/_wixhook/deliveries`)).json()) as { deliveries: unknown[] }).deliveries).toEqual([]);
  });

  it('survives malformed requests: unknown paths, bad JSON, garbage on the socket, huge bodies', async () => {
    const auth = await token();
    expect((await fetch(`${wix.url}/nope`)).status).toBe(404);
    const bad = await fetch(`${wix.url}/calendar/v3/participations`, { method: 'POST', headers: { authorization: auth }, body: '{"participation":' });
    expect(bad.status).toBe(400);
    expect(await raw('GARBAGE\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    const huge = await fetch(`${wix.url}/calendar/v3/participations`, { method: 'POST', headers: { authorization: auth }, body: 'x'.repeat(2 << 20) }).catch(() => undefined);
    if (huge) expect(huge.status).toBe(413);
    expect((await fetch(`${wix.url}/calendar/v3/events/query`, { method: 'POST', headers: { authorization: auth }, body: '{}' })).status).toBe(200);
  });

  it('concurrent writes over HTTP lose nothing; 409 exactly for stale revisions', async () => {
    const auth = await token();
    const event = [...wix.mock.store.calendarEvents.values()].find((candidate) => candidate.recurrenceType === 'NONE')!;
    const before = wix.mock.store.participations.size;
    const created = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        fetch(`${wix.url}/calendar/v3/participations`, {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/json' },
          body: JSON.stringify({ participation: { eventId: event.id, participant: { name: `P${index}` }, partySize: 1 } }),
        }).then(async (response) => ({ status: response.status, body: (await response.json()) as { participation: { id: string } } })),
      ),
    );
    expect(created.every((response) => response.status === 200)).toBe(true);
    expect(wix.mock.store.participations.size).toBe(before + 100);
    const id = created[0]!.body.participation.id;
    const statuses = await Promise.all(
      Array.from({ length: 30 }, () =>
        fetch(`${wix.url}/calendar/v3/participations/${id}`, { method: 'PATCH', headers: { authorization: auth }, body: JSON.stringify({ participation: { partySize: 3, revision: '1' } }) }).then((response) => response.status),
      ),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(29);
  });
});

describe('wixhook serve as a child process', () => {
  it('prints where it listens and the public key, and exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const match = /listening on (http:\/\/\S+)/.exec(out);
        if (match && out.includes('public key: ')) resolve(match[1]!);
      });
      child.on('exit', () => reject(new Error(`exited early: ${out}`)));
    });
    expect(out).toContain(`public key: ${url}/_wixhook/public-key`);
    expect((await fetch(`${url}/_wixhook/public-key`)).status).toBe(200);
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  }, 30_000);
});
