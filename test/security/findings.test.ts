/**
 * The nine findings of the hostile-input review (issue 13), one describe each, most severe first.
 * Each test failed before its fix.
 */
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getResponse } from 'msw';
import { tempDir } from '../helpers/temp-dir.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WixhookError } from '../../src/errors.js';
import { build, buildPayload } from '../../src/build/build.js';
import { mergeOverrides } from '../../src/build/deep-partial.js';
import { createWixMock } from '../../src/msw/index.js';
import { compileFilter } from '../../src/msw/query.js';
import { startWixServer, type WixServer } from '../../src/server/server.js';
import { parseWebhook } from '../../src/signing/parse-webhook.js';
import { defaultAppId, defaultInstanceId, signWebhook } from '../../src/signing/sign.js';
import { testKeyPair } from '../../src/signing/keys.js';
import { wixhook, wixhookWithInput } from '../helpers/run-cli.js';
import { jsonHeaders, rawRequest } from './http.js';
import { b64url, rsHeader, signRaw, wixClaims } from './jwt.js';

const publicKey = testKeyPair().publicKeyPem;
const publicKeyFile = fileURLToPath(new URL('../../mocks/keys/test-public-key.pem', import.meta.url));
const eventType = 'wix.calendar.v3.participation_created';

function prototypeKeys(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}
const cleanPrototype = prototypeKeys();
afterEach(() => {
  // A leaked key is removed so one failure does not cascade, then reported.
  const leaked = prototypeKeys().filter((key) => !cleanPrototype.includes(key));
  for (const key of leaked) delete (Object.prototype as Record<string, unknown>)[key];
  expect(leaked, 'Object.prototype gained keys').toEqual([]);
});

async function rejection(promise: Promise<unknown>): Promise<WixhookError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, 'expected a rejection').toBeInstanceOf(WixhookError);
  return error as WixhookError;
}

let wix: WixServer;
beforeAll(async () => {
  wix = await startWixServer({ port: 0 });
});
afterAll(() => wix.close());

const admin = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${wix.url}/_wixhook/${path}`, { method: 'POST', headers: { ...jsonHeaders, ...headers }, body: JSON.stringify(body) });

async function accessToken(): Promise<string> {
  const response = await fetch(`${wix.url}/oauth2/token`, {
    method: 'POST',
    headers: jsonHeaders,
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: defaultAppId, client_secret: 's', instance_id: defaultInstanceId }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

describe('1. prototype pollution through overrides, set and the admin API', () => {
  it('a set path through __proto__, constructor or prototype is a typed error', () => {
    for (const path of ['createdEvent.entity.extendedFields.namespaces.__proto__.p=yes', '__proto__.x=1', 'createdEvent.constructor.prototype.p=1', 'createdEvent.entity.extendedFields.namespaces.constructor.p=1']) {
      expect(() => build('participation-created', { seed: 1, set: [path] }), path).toThrow(expect.objectContaining({ code: 'ERR_INVALID_SET_PATH' }));
    }
    expect(({} as Record<string, unknown>).p).toBeUndefined();
  });

  it('own __proto__, constructor and prototype keys of overrides are ignored', () => {
    const payload = buildPayload('participation-created', { seed: 1, overrides: JSON.parse('{"createdEvent":{"__proto__":{"p":1},"constructor":{"prototype":{"q":1}}}}') });
    expect(({} as Record<string, unknown>).p).toBeUndefined();
    expect(({} as Record<string, unknown>).q).toBeUndefined();
    expect(Object.getPrototypeOf(payload.createdEvent)).toBe(Object.prototype);
    const target = mergeOverrides({ a: { b: 1 } } as Record<string, unknown>, JSON.parse('{"__proto__":{"polluted":1},"a":{"__proto__":{"polluted":1}}}'));
    expect(target).toEqual({ a: { b: 1 } });
  });

  it('over HTTP: an override through __proto__ is refused and does not reach Object.prototype', async () => {
    const response = await admin('webhooks/participation-created', JSON.parse('{"overrides":{"createdEvent":{"__proto__":{"status":999}}}}'));
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('__proto__');
    expect((await fetch(wix.publicKeyUrl)).status).toBe(200);
  });

  it('REST writes and query filters refuse prototype keys with a 400 naming the field', async () => {
    const auth = await accessToken();
    const event = [...wix.mock.store.calendarEvents.values()].find((candidate) => candidate.recurrenceType === 'NONE')!;
    const before = wix.mock.store.participations.size;
    const created = await fetch(`${wix.url}/calendar/v3/participations`, {
      method: 'POST',
      headers: { ...jsonHeaders, authorization: auth },
      body: `{"participation":{"eventId":"${event.id}","participant":{"name":"P"},"partySize":1,"extendedFields":{"namespaces":{"__proto__":{"x":1}}}}}`,
    });
    expect(created.status).toBe(400);
    expect(((await created.json()) as { message: string }).message).toContain('participation.extendedFields.namespaces.__proto__');
    expect(wix.mock.store.participations.size).toBe(before);
    const query = await fetch(`${wix.url}/calendar/v3/participations/query`, { method: 'POST', headers: { ...jsonHeaders, authorization: auth }, body: '{"query":{"filter":{"constructor":{"$eq":1}}}}' });
    expect(query.status).toBe(400);
    expect(() => compileFilter({ __proto__: null, constructor: 1 }, { constructor: ['$eq' as const] })).toThrow();
  });
});

describe('2. the admin API cannot be driven by a web page', () => {
  it('refuses a foreign Host on every path, the REST twin included (DNS rebinding)', async () => {
    for (const path of ['/_wixhook/clock', '/_wixhook/public-key', '/calendar/v3/events/query']) {
      const response = await rawRequest(`${wix.url}${path}`, { headers: { host: `attacker.example:${wix.port}` } });
      expect(response.status, path).toBe(403);
      expect(response.body).toContain('Host');
    }
    expect((await rawRequest(`${wix.url}/_wixhook/clock`, { headers: { host: `localhost:${wix.port}` } })).status).toBe(200);
    expect((await rawRequest(`${wix.url}/_wixhook/clock`, { headers: { host: `127.0.0.1:${wix.port}` } })).status).toBe(200);
  });

  it('refuses cross-site admin requests: a foreign Origin, Sec-Fetch-Site cross-site, a text/plain body', async () => {
    const before = wix.mock.clock.now();
    const foreign = await admin('clock', { advanceMs: 1000 }, { origin: 'https://attacker.example' });
    expect(foreign.status).toBe(403);
    const crossSite = await admin('clock', { advanceMs: 1000 }, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const plain = await fetch(`${wix.url}/_wixhook/clock`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"advanceMs":1000}' });
    expect(plain.status).toBe(415);
    const noType = await fetch(`${wix.url}/_wixhook/reset`, { method: 'POST' });
    expect(noType.status).toBe(415);
    expect(wix.mock.clock.now()).toBe(before);
    expect((await admin('clock', { advanceMs: 0 }, { origin: wix.url, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('answers OPTIONS without granting CORS', async () => {
    for (const path of ['/_wixhook/reset', '/calendar/v3/events/query']) {
      const response = await rawRequest(`${wix.url}${path}`, { method: 'OPTIONS', headers: { origin: 'https://attacker.example', 'access-control-request-method': 'POST' } });
      expect(response.status, path).toBe(204);
      expect(response.headers.allow).toContain('POST');
      expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
  });

  it('with an admin token, admin requests need it (Bearer or x-wixhook-admin-token); the REST twin does not', async () => {
    const guarded = await startWixServer({ port: 0, adminToken: 'secret-token' });
    try {
      expect((await fetch(`${guarded.url}/_wixhook/clock`)).status).toBe(401);
      expect((await fetch(`${guarded.url}/_wixhook/clock`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await fetch(`${guarded.url}/_wixhook/clock`, { headers: { authorization: 'Bearer secret-token' } })).status).toBe(200);
      expect((await fetch(`${guarded.url}/_wixhook/clock`, { headers: { 'x-wixhook-admin-token': 'secret-token' } })).status).toBe(200);
      expect((await fetch(`${guarded.url}/_wixhook/reset`, { method: 'POST', headers: jsonHeaders })).status).toBe(401);
      expect((await fetch(guarded.publicKeyUrl)).status).toBe(200);
      expect((await fetch(`${guarded.url}/oauth2/token`, { method: 'POST', headers: jsonHeaders, body: '{}' })).status).toBe(400);
    } finally {
      await guarded.close();
    }
  });

  it('wixhook serve on a non-loopback host generates an admin token and prints it', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--host', '0.0.0.0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const [url, token] = await new Promise<[string, string]>((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const listening = /listening on (http:\/\/\S+)/.exec(out);
          const token = /admin token: (\S+)/.exec(out);
          if (listening && token && out.includes('public key: ')) resolve([listening[1]!, token[1]!]);
        });
        void exit.then(() => reject(new Error(`exited early: ${out}`)));
      });
      const port = new URL(url).port;
      expect((await fetch(`http://127.0.0.1:${port}/_wixhook/clock`)).status).toBe(401);
      expect((await fetch(`http://127.0.0.1:${port}/_wixhook/clock`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await exit;
    }
  }, 30_000);
});

describe('3. admin requests that fail change nothing', () => {
  it.each([
    [{ advanceMs: 1e300 }, 'advanceMs'],
    [{ advanceMs: -1 }, 'advanceMs'],
    [{ to: 'garbage' }, 'to'],
    [{ to: 8640000000000001 }, 'to'],
    [{}, 'advanceMs'],
  ])('POST /_wixhook/clock %j is a 400 naming %s, and the clock stays', async (body, field) => {
    const before = await (await fetch(`${wix.url}/_wixhook/clock`)).json();
    const response = await admin('clock', body);
    expect(response.status).toBe(400);
    const error = (await response.json()) as { details: { validationError: { fieldViolations: Array<{ field: string }> } } };
    expect(error.details.validationError.fieldViolations[0]!.field).toBe(field);
    const after = await fetch(`${wix.url}/_wixhook/clock`);
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual(before);
  });

  it('the library clock refuses an instant past the largest Date without moving', async () => {
    const mock = createWixMock({ appId: 'a3c4b1de-7f7e-4a8e-9a7c-5d1d3c2b1a00', webhookHandler: () => new Response('') });
    const before = mock.clock.now();
    await rejection(mock.clock.advance(1e300));
    await rejection(mock.clock.set('garbage'));
    await rejection(mock.clock.set(8640000000000001));
    expect(mock.clock.now()).toBe(before);
  });

  it('a trigger with a prototype set path is a 400 naming `set`, and draws nothing from the store', async () => {
    const deliveries = wix.mock.deliveries.length;
    const response = await admin('webhooks/participation-created', { set: ['__proto__.x=1'] });
    expect(response.status).toBe(400);
    const error = (await response.json()) as { details: { validationError: { fieldViolations: Array<{ field: string }> } } };
    expect(error.details.validationError.fieldViolations[0]!.field).toBe('set');
    expect(wix.mock.deliveries.length).toBe(deliveries);
    const badTrait = await admin('webhooks/participation-created', { traits: ['nope'] });
    expect(((await badTrait.json()) as { details: { validationError: { fieldViolations: Array<{ field: string }> } } }).details.validationError.fieldViolations[0]!.field).toBe('traits');
  });

  it('a failed trigger leaves the seeded id stream where it was', async () => {
    const make = () => createWixMock({ appId: 'a3c4b1de-7f7e-4a8e-9a7c-5d1d3c2b1a00', webhookHandler: () => new Response('') });
    const control = make();
    const attacked = make();
    await rejection(attacked.trigger('participation-created', { set: ['createdEvent.nope=1'] }));
    const a = await control.trigger('participation-created');
    const b = await attacked.trigger('participation-created');
    expect(b.payload).toEqual(a.payload);
  });
});

describe('4. deep bodies are refused before anything is stored', () => {
  const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

  it.each([2000, 5000])('a participation whose extendedFields nest %i levels is a 400 and is not stored', async (levels) => {
    const auth = await accessToken();
    const event = [...wix.mock.store.calendarEvents.values()].find((candidate) => candidate.recurrenceType === 'NONE')!;
    const before = wix.mock.store.participations.size;
    const deliveries = wix.mock.deliveries.length;
    const response = await fetch(`${wix.url}/calendar/v3/participations`, {
      method: 'POST',
      headers: { ...jsonHeaders, authorization: auth },
      body: `{"participation":{"eventId":"${event.id}","participant":{"name":"P"},"partySize":1,"extendedFields":{"namespaces":{"x":${nested(levels)}}}}}`,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain('deep');
    expect(wix.mock.store.participations.size).toBe(before);
    expect(wix.mock.deliveries.length).toBe(deliveries);
    expect((await fetch(`${wix.url}/calendar/v3/participations/query`, { method: 'POST', headers: { ...jsonHeaders, authorization: auth }, body: '{}' })).status).toBe(200);
  });

  it('query filters nested 5,000 deep and very long $lt operands are 400s', async () => {
    const auth = await accessToken();
    const deep = `{"query":{"filter":${'{"$not":'.repeat(5000)}{}${'}'.repeat(5000)}}}`;
    const query = (body: string) => fetch(`${wix.url}/calendar/v3/events/query`, { method: 'POST', headers: { ...jsonHeaders, authorization: auth }, body });
    expect((await query(deep)).status).toBe(400);
    const long = await query(JSON.stringify({ query: { filter: { remainingCapacity: { $lt: '9'.repeat(200_000) } } } }));
    expect(long.status).toBe(400);
    expect(((await long.json()) as { message: string }).message).toContain('query.filter.remainingCapacity');
    // The library's compiler bounds nesting too, whoever calls it.
    let filter: Record<string, unknown> = {};
    for (let i = 0; i < 5000; i++) filter = { $not: filter };
    expect(() => compileFilter(filter, {})).toThrow(expect.objectContaining({ status: 400 }));
  });
});

describe('5. malformed percent-escapes in route parameters', () => {
  it('answer 400, with or without a token, over HTTP and in process', async () => {
    for (const path of ['/calendar/v3/events/%ZZ', '/calendar/v3/participations/%E0%A4%A', '/events/v1/guests/%']) {
      const response = await fetch(`${wix.url}${path}`);
      expect(response.status, path).toBe(400);
      expect(await response.text()).toContain('url');
    }
    const mock = createWixMock({ appId: 'a3c4b1de-7f7e-4a8e-9a7c-5d1d3c2b1a00', webhookHandler: () => new Response('') });
    const response = await getResponse(mock.handlers, new Request(`${mock.baseUrl}/calendar/v3/events/%ZZ`));
    expect(response?.status).toBe(400);
  });
});

describe('6. parseWebhook checks each segment before parsing it', () => {
  it('a header over the size limit or deeper than maxDepth is refused before it is parsed', async () => {
    const deepHeader = `${b64url(`{"alg":"RS256","x":${'['.repeat(100)}${']'.repeat(100)}}`)}.${b64url({})}.${'A'.repeat(342)}`;
    expect((await rejection(parseWebhook(deepHeader, { publicKey }))).code).toBe('ERR_JSON_TOO_DEEP');
    const bigHeader = `${b64url({ alg: 'RS256', x: 'y'.repeat(100_000) })}.${b64url({})}.${'A'.repeat(342)}`;
    expect((await rejection(parseWebhook(bigHeader, { publicKey }))).code).toBe('ERR_JWT_MALFORMED');
    // 1 MiB of nesting in the header: refused by its size, without JSON.parse ever seeing it.
    const hostile = `${b64url(`${'['.repeat(380_000)}${']'.repeat(380_000)}`)}.e30.${'A'.repeat(342)}`;
    const parse = JSON.parse;
    let parsed = 0;
    JSON.parse = ((...args: Parameters<typeof JSON.parse>) => {
      parsed++;
      return parse(...args);
    }) as typeof JSON.parse;
    try {
      expect((await rejection(parseWebhook(hostile, { publicKey }))).code).toBe('ERR_JWT_MALFORMED');
    } finally {
      JSON.parse = parse;
    }
    expect(parsed).toBe(0);
  });

  it('parses the header once for a valid delivery', async () => {
    const jwt = await signWebhook('participation-created', buildPayload('participation-created', { seed: 1 }));
    const header = Buffer.from(jwt.split('.')[0]!, 'base64url').toString('utf8');
    const parse = JSON.parse;
    let headerParses = 0;
    JSON.parse = ((text: string, ...rest: unknown[]) => {
      if (text === header) headerParses++;
      return (parse as (...args: unknown[]) => unknown)(text, ...rest);
    }) as typeof JSON.parse;
    try {
      await parseWebhook(jwt, { publicKey });
    } finally {
      JSON.parse = parse;
    }
    expect(headerParses).toBe(1);
  });

  it('a signature of the wrong length for the key is refused without verifying', async () => {
    const jwt = await signWebhook('participation-created', buildPayload('participation-created', { seed: 1 }));
    const [header, claims] = jwt.split('.');
    expect((await rejection(parseWebhook(`${header}.${claims}.${'A'.repeat(100)}`, { publicKey }))).code).toBe('ERR_JWT_MALFORMED');
  });
});

describe('7. every error has a type', () => {
  it('a non-string eventType is a typed error', async () => {
    const iat = Math.floor(Date.now() / 1000);
    const data = JSON.stringify({ ...JSON.parse(wixClaims(eventType, {}, iat).data), eventType: { toString: 1 } });
    const jwt = signRaw(rsHeader, { data, iat, exp: iat + 3600 });
    const error = await rejection(parseWebhook(jwt, { publicKey }));
    expect(error.code).toBe('ERR_UNKNOWN_EVENT_TYPE');
    expect(error.message).toContain('object');
  });

  it.each(['ec', 'ed25519'] as const)('an %s key is a key error', async (type) => {
    const jwt = await signWebhook('participation-created', buildPayload('participation-created', { seed: 1 }));
    const pair = type === 'ec' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519');
    for (const key of [pair.publicKey, pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(), pair.publicKey.export({ format: 'jwk' })]) {
      expect((await rejection(parseWebhook(jwt, { publicKey: key }))).code).toBe('ERR_INVALID_KEY');
    }
  });

  it('an invalid `now` or clock tolerance is an option error, not a malformed JWT', async () => {
    const jwt = await signWebhook('participation-created', buildPayload('participation-created', { seed: 1 }));
    for (const options of [{ now: new Date('garbage') }, { now: 'tomorrow' as unknown as Date }, { clockToleranceSeconds: Number.NaN }, { clockToleranceSeconds: -1 }, { maxDepth: 0 }, { maxBodyBytes: Number.NaN }]) {
      const error = await rejection(parseWebhook(jwt, { publicKey, ...options }));
      expect(error.code, JSON.stringify(options)).toBe('ERR_INVALID_VERIFY_OPTION');
    }
  });
});

describe('8. a JWT without exp, and non-canonical encodings, are refused', () => {
  it('a signed JWT without exp is refused', async () => {
    const iat = Math.floor(Date.now() / 1000);
    const { exp: _exp, ...claims } = wixClaims(eventType, buildPayload('participation-created', { seed: 1 }), iat);
    const error = await rejection(parseWebhook(signRaw(rsHeader, claims), { publicKey }));
    expect(error.code).toBe('ERR_JWT_CLAIMS');
    expect(error.message).toContain('exp');
  });

  it('a non-canonical base64url signature is refused; the canonical one is accepted', async () => {
    const jwt = await signWebhook('participation-created', buildPayload('participation-created', { seed: 1 }));
    const last = jwt.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const decodedSame = [...alphabet].filter((char) => char !== last && Buffer.from(`${jwt.slice(jwt.lastIndexOf('.') + 1, -1)}${char}`, 'base64url').equals(Buffer.from(jwt.slice(jwt.lastIndexOf('.') + 1), 'base64url')));
    expect(decodedSame.length).toBeGreaterThan(0);
    for (const char of decodedSame) expect((await rejection(parseWebhook(`${jwt.slice(0, -1)}${char}`, { publicKey }))).code).toBe('ERR_JWT_MALFORMED');
    await expect(parseWebhook(jwt, { publicKey })).resolves.toMatchObject({ name: 'participation-created' });
  });
});

describe('9. the CLI answers hostile arguments with a message and an exit code, never a trace', () => {
  const noTrace = (result: { stderr: string }) => expect(result.stderr).not.toMatch(/Unexpected error|report this as a bug|\n\s+at /);

  it('verify --public-key with a malformed key file', async () => {
    const directory = await tempDir('wixhook-sec-');
    const jwt = await signWebhook('participation-created', buildPayload('participation-created', { seed: 1 }));
    for (const content of ['{"kty":', '{"kty":"RSA"}', 'not a key', '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n']) {
      await writeFile(join(directory, 'key.pem'), content);
      const result = await wixhookWithInput(jwt, 'verify', '--public-key', join(directory, 'key.pem'));
      noTrace(result);
      expect(result.code, content).toBe(1);
      expect(result.stderr).toContain('ERR_INVALID_KEY');
    }
  });

  it('example --set __proto__.x=1', async () => {
    const result = await wixhook('example', 'participation-created', '--set', '__proto__.x=1');
    noTrace(result);
    expect(result.code).toBe(2); // a command-line mistake (issue 12)
    expect(result.stderr).toContain('ERR_INVALID_SET_PATH');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('serve --host 999.1.1.1', async () => {
    const result = await wixhook('serve', '--host', '999.1.1.1');
    noTrace(result);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('999.1.1.1');
  });

  it('keys generate --out an existing file', async () => {
    const directory = await tempDir('wixhook-sec-');
    await writeFile(join(directory, 'taken'), 'x');
    const result = await wixhook('keys', 'generate', '--out', join(directory, 'taken'));
    noTrace(result);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('taken');
  });

  it('verify on a FIFO with no writer times out with a message', async () => {
    const directory = await tempDir('wixhook-sec-');
    const fifo = join(directory, 'body.fifo');
    execFileSync('mkfifo', [fifo]);
    const result = await wixhook('verify', fifo, '--public-key', publicKeyFile, '--timeout', '0.3');
    noTrace(result);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/timed out/i);
  });
});
