import { spawn, type ChildProcess } from 'node:child_process';
import { getResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WixhookError } from '../../src/errors.js';
import { build } from '../../src/build/build.js';
import { adminHandlers, createWixMock, type WixMock } from '../../src/msw/index.js';
import { parseWebhook } from '../../src/signing/parse-webhook.js';
import { testKeyPair } from '../../src/signing/keys.js';
import { defaultAppId, defaultInstanceId } from '../../src/signing/sign.js';
import { buildAttacks, corpusNow, httpAttacks, tokenAttacks, type HttpAttack, type Targets } from './corpus.js';
import { rawRequest, type RawResponse } from './http.js';

/** Own properties of the prototypes every object and array reaches, with their values. */
function prototypeState() {
  const of = (target: object) => Reflect.ownKeys(target).map((key) => [String(key), Object.getOwnPropertyDescriptor(target, key)?.value] as const);
  return { object: of(Object.prototype), array: of(Array.prototype) };
}
const cleanPrototypes = prototypeState();
const expectPrototypesUnchanged = () => {
  const now = prototypeState();
  expect(now.object.map(([key]) => key)).toEqual(cleanPrototypes.object.map(([key]) => key));
  expect(now.array.map(([key]) => key)).toEqual(cleanPrototypes.array.map(([key]) => key));
  now.object.forEach(([key, value], index) => expect(value, `Object.prototype.${key}`).toBe(cleanPrototypes.object[index]![1]));
  now.array.forEach(([key, value], index) => expect(value, `Array.prototype.${key}`).toBe(cleanPrototypes.array[index]![1]));
};

/** Sizes reported by the runs, for the README's security section. */
const counts: Record<string, number> = {};
afterAll(() => {
  console.log(`security corpus: ${Object.entries(counts).map(([target, count]) => `${count} ${target}`).join(', ')}`);
});

describe('the security corpus against the library', () => {
  it('parseWebhook refuses every bad token with its typed error, and accepts the valid ones unharmed', async () => {
    const attacks = await tokenAttacks();
    const publicKey = testKeyPair().publicKeyPem;
    const outcomes = await Promise.all(
      attacks.map(async (attack) => {
        try {
          await parseWebhook(attack.body, { publicKey, now: corpusNow });
          return { label: attack.label, code: null as string | null, typed: true };
        } catch (error) {
          return { label: attack.label, code: (error as WixhookError).code ?? String(error), typed: error instanceof WixhookError };
        }
      }),
    );
    expect(outcomes).toEqual(attacks.map((attack) => ({ label: attack.label, code: attack.expectedCode, typed: true })));
    expect(new Set(attacks.map((attack) => attack.category))).toEqual(new Set(['bad-tokens', 'alg-tricks', 'nested-layers', 'depth', 'size', 'prototype-keys', 'unicode', 'duplicate-keys']));
    counts['parseWebhook inputs'] = attacks.length;
    expectPrototypesUnchanged();
  });

  it('the factories refuse prototype paths and ignore prototype keys of overrides', () => {
    for (const attack of buildAttacks) {
      let code: string | null = null;
      try {
        const built = build('participation-created', { seed: 1, ...(attack.set ? { set: attack.set } : {}), ...(attack.overrides ? { overrides: attack.overrides as never } : {}) });
        expect(JSON.stringify(built.payload), attack.label).not.toContain('"p":1');
      } catch (error) {
        expect(error, attack.label).toBeInstanceOf(WixhookError);
        code = (error as WixhookError).code;
      }
      expect(code, attack.label).toBe(attack.expectedCode);
    }
    counts['factory inputs'] = buildAttacks.length;
    expectPrototypesUnchanged();
  });
});

/** Everything an attack could change, as data: the store, the clock, the deliveries. */
async function stateOf(read: (method: string, path: string, body?: string) => Promise<{ status: number; body: string }>) {
  const views = await Promise.all([
    read('GET', '/_wixhook/clock'),
    read('GET', '/_wixhook/deliveries'),
    read('POST', '/calendar/v3/events/query', '{"query":{"cursorPaging":{"limit":1000}}}'),
    read('POST', '/calendar/v3/participations/query', '{"query":{"cursorPaging":{"limit":1000}}}'),
    read('POST', '/events/v2/guests/query', '{"query":{"paging":{"limit":1000}}}'),
  ]);
  for (const view of views) expect(view.status).toBe(200);
  return views.map((view) => view.body);
}

function targetsOf(mock: WixMock): Targets {
  const events = [...mock.store.calendarEvents.values()];
  return {
    eventId: events.find((event) => event.recurrenceType === 'NONE')!.id,
    masterId: events.find((event) => event.recurrenceType === 'MASTER')!.id,
    participationId: [...mock.store.participations.keys()][0]!,
  };
}

function checkOutcome(attack: HttpAttack, response: RawResponse) {
  expect(attack.expect, `${attack.category}: ${attack.label} answered ${response.status} ${response.body.slice(0, 200)}`).toContain(response.status);
  expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-')), attack.label).toEqual([]);
}

describe('the security corpus against the MSW handlers, in process', () => {
  it('every attack is refused, Object.prototype is unchanged, and the mock is as it was', async () => {
    const make = () => createWixMock({ appId: defaultAppId, webhookHandler: () => new Response('') });
    const mock = make();
    const control = make();
    const handlers = [...mock.handlers, ...adminHandlers(mock)];
    const send = async (method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<RawResponse> => {
      const response = await getResponse(handlers, new Request(`${mock.baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body }) }));
      if (!response) return { status: 404, headers: {}, body: '' };
      return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
    };
    const tokenResponse = await send('POST', '/oauth2/token', { 'content-type': 'application/json' }, JSON.stringify({ grant_type: 'client_credentials', client_id: defaultAppId, client_secret: 's', instance_id: defaultInstanceId }));
    const token = (JSON.parse(tokenResponse.body) as { access_token: string }).access_token;
    await send('POST', '/oauth2/token', { 'content-type': 'application/json' }, JSON.stringify({ grant_type: 'client_credentials', client_id: defaultAppId, client_secret: 's', instance_id: defaultInstanceId }).replace('}', '}'));
    const read = (method: string, path: string, body?: string) => send(method, path, { authorization: token, 'content-type': 'application/json' }, body);
    const before = await stateOf(read);

    const attacks = httpAttacks(targetsOf(mock)).filter((attack) => !attack.httpOnly);
    for (const attack of attacks) {
      const response = await send(attack.method, attack.path, { ...attack.headers, ...(attack.auth ? { authorization: token } : {}) }, attack.body);
      checkOutcome(attack, response);
    }
    await mock.idle();
    counts['MSW requests'] = attacks.length;

    expectPrototypesUnchanged();
    expect(await stateOf(read)).toEqual(before);
    // Nothing was drawn from the seeded id stream either: the next trigger is the control's.
    await control.trigger('participation-created');
    const next = await mock.trigger('participation-created');
    expect(next.payload).toEqual(control.deliveries[0]!.payload);
  });
});

describe('the security corpus against wixhook serve, over HTTP', () => {
  let child: ChildProcess;
  let url: string;
  let stderr = '';
  beforeAll(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', '--import', './test/security/prototype-probe.ts', 'src/cli/main.ts', 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    let out = '';
    url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (chunk) => {
        out += chunk;
        const match = /listening on (http:\/\/\S+)/.exec(out);
        if (match && out.includes('public key: ')) resolve(match[1]!);
      });
      child.on('exit', () => reject(new Error(`exited early: ${out}${stderr}`)));
    });
  }, 30_000);
  afterAll(async () => {
    const exit = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exit;
  });

  /** The server's own report of its prototypes (see prototype-probe.ts). */
  async function serverPrototypeChanges(): Promise<string[]> {
    const seen = stderr.length;
    child.kill('SIGUSR2');
    for (let waited = 0; waited < 5000; waited += 20) {
      const match = /PROTOTYPE-CHANGES (.*)\n/.exec(stderr.slice(seen));
      if (match) return JSON.parse(match[1]!) as string[];
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no prototype report from the server: ${stderr}`);
  }

  it('every attack is refused, the server process keeps clean prototypes, and its state is as it was', async () => {
    const port = new URL(url).port;
    const tokenResponse = await fetch(`${url}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: defaultAppId, client_secret: 's', instance_id: defaultInstanceId }),
    });
    const token = ((await tokenResponse.json()) as { access_token: string }).access_token;
    const read = async (method: string, path: string, body?: string) => {
      const response = await fetch(`${url}${path}`, { method, headers: { authorization: token, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body }) });
      return { status: response.status, body: await response.text() };
    };
    const before = await stateOf(read);
    expect(await serverPrototypeChanges()).toEqual([]);

    // The same seeded store as an in-process mock with the server's defaults: the same targets.
    const reference = createWixMock({ appId: defaultAppId, webhookHandler: () => new Response('') });
    const attacks = httpAttacks(targetsOf(reference));
    for (const attack of attacks) {
      const headers = Object.fromEntries(Object.entries({ ...attack.headers, ...(attack.auth ? { authorization: token } : {}) }).map(([name, value]) => [name, value.replace('PORT', port)]));
      const response = await rawRequest(`${url}${attack.path}`, { method: attack.method, headers, ...(attack.body === undefined ? {} : { body: attack.body }) }).catch((error: unknown) => {
        // Only an oversized body may be cut off by the server closing the connection.
        if (!attack.expect.includes(0)) throw error;
        return { status: 0, headers: {}, body: '' };
      });
      checkOutcome(attack, response);
    }
    counts['HTTP requests'] = attacks.length;

    expect(await serverPrototypeChanges()).toEqual([]);
    expect(await stateOf(read)).toEqual(before);
    expect((await fetch(`${url}/_wixhook/public-key`)).status).toBe(200);
  }, 60_000);
});
