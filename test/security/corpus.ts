/**
 * The security corpus: every attack of the hostile-input review (issue 13) plus the fuzz
 * categories, as data. `tokenAttacks` runs against `parseWebhook`, `buildAttacks` against the
 * factories, `httpAttacks` against the MSW handlers in process and `wixhook serve` over HTTP.
 * Every item must be refused (or, where `accept` says so, survive unharmed) and change nothing.
 */
import { generateKeyPairSync, createHmac } from 'node:crypto';
import { buildPayload } from '../../src/build/build.js';
import { adversarialDeliveries } from '../../src/signing/adversarial.js';
import { encodeDeliveryData, signWebhook } from '../../src/signing/sign.js';
import { testKeyPair } from '../../src/signing/keys.js';
import { b64url, rsHeader, signRaw } from './jwt.js';

export type Category =
  | 'bad-tokens'
  | 'alg-tricks'
  | 'nested-layers'
  | 'depth'
  | 'size'
  | 'prototype-keys'
  | 'unicode'
  | 'duplicate-keys'
  | 'admin-forgery'
  | 'validation'
  | 'percent-escapes';

const nest = (levels: number, inner = '1') => `${'{"a":'.repeat(levels)}${inner}${'}'.repeat(levels)}`;
const arrays = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

// ---------------------------------------------------------------------------------------------
// parseWebhook

export interface TokenAttack {
  category: Category;
  label: string;
  body: string | Uint8Array;
  /** The error code expected, or null for a delivery that is valid and must be accepted unharmed. */
  expectedCode: string | null;
}

/** The instant every signed token of the corpus is valid at (passed to parseWebhook as `now`). */
export const corpusNow = new Date(Date.UTC(2025, 2, 3, 9, 0, 0));

export async function tokenAttacks(): Promise<TokenAttack[]> {
  const iat = Math.floor(corpusNow.getTime() / 1000);
  const payload = buildPayload('participation-created', { seed: 7, now: corpusNow });
  const eventType = 'wix.calendar.v3.participation_created';
  const data = encodeDeliveryData(eventType, payload);
  const outer = JSON.parse(data) as Record<string, unknown>;
  const claims = (changes: Record<string, unknown> = {}) => ({ data, iat, exp: iat + 3600, ...changes });
  const withOuter = (changes: Record<string, unknown>) => claims({ data: JSON.stringify({ ...outer, ...changes }) });
  const valid = await signWebhook('participation-created', payload, { issuedAt: iat });
  const [header, body, signature] = valid.split('.') as [string, string, string];
  const publicPem = testKeyPair().publicKeyPem;
  const hs256 = (head: object, secret: string) => {
    const input = `${b64url(head)}.${b64url(claims())}`;
    return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
  };
  const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const rawHeader = (text: string) => `${b64url(text)}.${body}.${signature}`;
  const item = (category: Category, label: string, token: string | Uint8Array, expectedCode: string | null): TokenAttack => ({ category, label, body: token, expectedCode });

  const fromAdversarial = (await adversarialDeliveries('participation-created', { payload, now: corpusNow }))
    .filter((delivery) => delivery.bodies.length === 1)
    .map((delivery) => item(delivery.expectedCode === 'ERR_JSON_TOO_DEEP' ? 'depth' : delivery.label.includes('prototype') ? 'prototype-keys' : 'bad-tokens', `adversarial: ${delivery.label}`, delivery.bodies[0]!, delivery.expectedCode));

  return [
    ...fromAdversarial,
    // bad tokens
    item('bad-tokens', 'empty body', '', 'ERR_JWT_MALFORMED'),
    item('bad-tokens', 'two parts', `${header}.${body}`, 'ERR_JWT_MALFORMED'),
    item('bad-tokens', 'four parts', `${valid}.x`, 'ERR_JWT_MALFORMED'),
    item('bad-tokens', 'padding', `${valid}=`, 'ERR_JWT_MALFORMED'),
    item('bad-tokens', 'standard base64 alphabet', valid.replace(/-/g, '+').replace(/_/g, '/').replace(/^([^+/]*)$/, '$1+'), 'ERR_JWT_MALFORMED'),
    item('bad-tokens', 'whitespace inside', `${header}. ${body}.${signature}`, 'ERR_JWT_MALFORMED'),
    item('bad-tokens', 'NUL byte', `${valid}\u0000`, 'ERR_JWT_MALFORMED'),
    item('bad-tokens', 'signature of another key', signRaw(rsHeader, claims(), otherKey.privateKey), 'ERR_JWT_SIGNATURE'),
    item('bad-tokens', 'signature truncated', valid.slice(0, -2), 'ERR_JWT_MALFORMED'),
    item('bad-tokens', 'signature empty', `${header}.${body}.`, 'ERR_JWT_MALFORMED'),
    item('bad-tokens', 'non-canonical signature', `${valid.slice(0, -1)}${String.fromCharCode(valid.charCodeAt(valid.length - 1) + 1)}`, 'ERR_JWT_MALFORMED'),
    item('bad-tokens', 'no exp', signRaw(rsHeader, { data, iat }), 'ERR_JWT_CLAIMS'),
    item('bad-tokens', 'exp as a string', signRaw(rsHeader, claims({ exp: String(iat + 3600) })), 'ERR_JWT_CLAIMS'),
    item('bad-tokens', 'exp in the past', signRaw(rsHeader, claims({ exp: iat - 3600 })), 'ERR_JWT_EXPIRED'),
    item('bad-tokens', 'nbf in the future', signRaw(rsHeader, claims({ nbf: iat + 7200 })), 'ERR_JWT_NOT_YET_VALID'),
    item('bad-tokens', 'claims an array', signRaw(rsHeader, [data]), 'ERR_JWT_MALFORMED'),
    item('bad-tokens', 'header an array', `${b64url('["RS256"]')}.${body}.${signature}`, 'ERR_JWT_MALFORMED'),
    item('bad-tokens', 'bytes that are not UTF-8', new Uint8Array([0xff, 0xfe, 0x2e, 0x80, 0x2e, 0xc0]), 'ERR_JWT_MALFORMED'),
    // alg tricks
    ...['none', 'None', 'NONE', 'rs256', 'RS512', 'PS256', 'ES256', 'EdDSA', 'HS256', ''].map((alg) =>
      item('alg-tricks', `alg ${JSON.stringify(alg)} with a valid signature`, `${b64url({ ...rsHeader, alg })}.${body}.${signature}`, 'ERR_JWT_ALGORITHM'),
    ),
    item('alg-tricks', 'alg missing', `${b64url({ kid: rsHeader.kid })}.${body}.${signature}`, 'ERR_JWT_ALGORITHM'),
    item('alg-tricks', 'alg as an array', `${b64url({ alg: ['RS256'] })}.${body}.${signature}`, 'ERR_JWT_ALGORITHM'),
    item('alg-tricks', 'HS256 keyed with the public key', hs256({ alg: 'HS256' }, publicPem), 'ERR_JWT_ALGORITHM'),
    item('alg-tricks', 'an embedded jwk of the attacker', signRaw({ ...rsHeader, jwk: otherKey.publicKey.export({ format: 'jwk' }) }, claims(), otherKey.privateKey), 'ERR_JWT_SIGNATURE'),
    item('alg-tricks', 'a jku pointing elsewhere', signRaw({ ...rsHeader, jku: 'https://attacker.example/keys' }, claims(), otherKey.privateKey), 'ERR_JWT_SIGNATURE'),
    item('alg-tricks', 'crit header', signRaw({ ...rsHeader, crit: ['exp'] }, claims()), 'ERR_JWT_MALFORMED'),
    item('alg-tricks', 'b64 false', signRaw({ ...rsHeader, b64: false }, claims()), 'ERR_JWT_MALFORMED'),
    // nested layers
    item('nested-layers', 'data claim missing', signRaw(rsHeader, { iat, exp: iat + 3600 }), 'ERR_DATA_NOT_STRING'),
    item('nested-layers', 'data claim a number', signRaw(rsHeader, claims({ data: 1 })), 'ERR_DATA_NOT_STRING'),
    item('nested-layers', 'data claim not JSON', signRaw(rsHeader, claims({ data: '{' })), 'ERR_INNER_JSON'),
    item('nested-layers', 'data claim a JSON string', signRaw(rsHeader, claims({ data: JSON.stringify(data) })), 'ERR_INNER_JSON'),
    item('nested-layers', 'inner data an object', signRaw(rsHeader, withOuter({ data: payload })), 'ERR_INNER_JSON'),
    item('nested-layers', 'identity not JSON', signRaw(rsHeader, withOuter({ identity: 'APP' })), 'ERR_INNER_JSON'),
    item('nested-layers', 'identity an array', signRaw(rsHeader, withOuter({ identity: '[]' })), 'ERR_INNER_JSON'),
    item('nested-layers', 'eventType an object with toString', signRaw(rsHeader, withOuter({ eventType: { toString: 1 } })), 'ERR_UNKNOWN_EVENT_TYPE'),
    item('nested-layers', 'eventType null', signRaw(rsHeader, withOuter({ eventType: null })), 'ERR_UNKNOWN_EVENT_TYPE'),
    item('nested-layers', 'eventType __proto__', signRaw(rsHeader, withOuter({ eventType: '__proto__' })), 'ERR_UNKNOWN_EVENT_TYPE'),
    item('nested-layers', 'eventType constructor', signRaw(rsHeader, withOuter({ eventType: 'constructor' })), 'ERR_UNKNOWN_EVENT_TYPE'),
    item('nested-layers', 'payload of another webhook', signRaw(rsHeader, withOuter({ data: JSON.stringify(buildPayload('guest-event-starts', { seed: 7 })) })), 'ERR_SCHEMA_MISMATCH'),
    item('nested-layers', 'instanceId a number', signRaw(rsHeader, withOuter({ instanceId: 7 })), 'ERR_SCHEMA_MISMATCH'),
    // depth
    item('depth', 'header 100 deep', `${b64url(`{"alg":"RS256","x":${arrays(100)}}`)}.${body}.${signature}`, 'ERR_JSON_TOO_DEEP'),
    item('depth', 'claims 100 deep', signRaw(rsHeader, `{"data":${JSON.stringify(data)},"iat":${iat},"exp":${iat + 3600},"x":${nest(100)}}`), 'ERR_JSON_TOO_DEEP'),
    item('depth', 'data claim 100 deep', signRaw(rsHeader, withOuter({ accountInfo: JSON.parse(nest(100)) })), 'ERR_JSON_TOO_DEEP'),
    item('depth', 'inner data 5000 deep', signRaw(rsHeader, withOuter({ data: nest(5000) })), 'ERR_JSON_TOO_DEEP'),
    item('depth', 'identity 5000 deep', signRaw(rsHeader, withOuter({ identity: arrays(5000) })), 'ERR_JSON_TOO_DEEP'),
    item('depth', 'an unsigned 1 MiB header of brackets', `${b64url(arrays(380_000))}.${body}.${signature}`, 'ERR_JWT_MALFORMED'),
    // size
    item('size', 'body of 1 MiB + 1', 'a'.repeat(1024 * 1024 + 1), 'ERR_BODY_TOO_LARGE'),
    item('size', 'header of 3000 characters', rawHeader(JSON.stringify({ ...rsHeader, pad: 'x'.repeat(2200) })), 'ERR_JWT_MALFORMED'),
    item('size', 'claims of 1 MiB, unsigned', `${header}.${'A'.repeat(1024 * 1024 - 1000)}.${signature}`, 'ERR_JWT_SIGNATURE'),
    item('size', 'signature of 4096 bits', `${header}.${body}.${'A'.repeat(683)}`, 'ERR_JWT_MALFORMED'),
    // prototype keys
    item('prototype-keys', '__proto__ alg in the header', rawHeader('{"__proto__":{"alg":"RS256"}}'), 'ERR_JWT_ALGORITHM'),
    item('prototype-keys', '__proto__ exp in the claims', signRaw(rsHeader, `{"data":${JSON.stringify(data)},"iat":${iat},"__proto__":{"exp":${iat + 3600}}}`), 'ERR_JWT_CLAIMS'),
    item('prototype-keys', '__proto__ data in the claims', signRaw(rsHeader, `{"iat":${iat},"exp":${iat + 3600},"__proto__":{"data":${JSON.stringify(data)}}}`), 'ERR_DATA_NOT_STRING'),
    item('prototype-keys', '__proto__ eventType in the data claim', signRaw(rsHeader, claims({ data: data.replace('"eventType":', '"__proto__":{"eventType":"x"},"ignored":') })), 'ERR_UNKNOWN_EVENT_TYPE'),
    item(
      'prototype-keys',
      '__proto__ and constructor keys in the payload (valid, must not pollute)',
      signRaw(rsHeader, withOuter({ data: JSON.stringify(payload).replace(/^\{/, '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},') })),
      null,
    ),
    // unicode
    item('unicode', 'BOM before a valid token (trimmed, as whitespace is)', `\uFEFF${valid}`, null),
    item('unicode', 'fullwidth dot between segments', valid.replace('.', '\uFF0E'), 'ERR_JWT_MALFORMED'),
    item('unicode', 'Cyrillic letters in the alg', `${b64url({ ...rsHeader, alg: 'RS25\u0431' })}.${body}.${signature}`, 'ERR_JWT_ALGORITHM'),
    item('unicode', 'a lone surrogate in the header', rawHeader('{"alg":"RS256","kid":"\\ud800"}'), 'ERR_JWT_SIGNATURE'),
    item('unicode', 'invalid UTF-8 in the header bytes', `${Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]).toString('base64url')}.${body}.${signature}`, 'ERR_JWT_MALFORMED'),
    item('unicode', 'eventType with a zero-width space', signRaw(rsHeader, withOuter({ eventType: `${eventType}\u200b` })), 'ERR_UNKNOWN_EVENT_TYPE'),
    item('unicode', 'valid, with emoji, RTL and NUL in a name', await signWebhook('participation-created', { ...payload, createdEvent: { entity: { ...(payload.createdEvent.entity as object), participant: { name: '\u202Eevil\u0000 😀' } } } }, { issuedAt: iat }), null),
    item('unicode', 'whitespace around a valid token (trimmed, as an HTTP body may carry)', ` \n${valid}\r\n`, null),
    // duplicate keys: JSON.parse keeps the last, once, in every layer, so no two readers disagree
    item('duplicate-keys', 'alg RS256 then none', rawHeader('{"alg":"RS256","alg":"none"}'), 'ERR_JWT_ALGORITHM'),
    item('duplicate-keys', 'alg none then RS256, unsigned', rawHeader('{"alg":"none","alg":"RS256"}'), 'ERR_JWT_SIGNATURE'),
    item('duplicate-keys', 'exp twice, the last in the past', signRaw(rsHeader, `{"data":${JSON.stringify(data)},"iat":${iat},"exp":${iat + 3600},"exp":${iat - 7200}}`), 'ERR_JWT_EXPIRED'),
    item('duplicate-keys', 'data twice, the last not a string', signRaw(rsHeader, `{"data":${JSON.stringify(data)},"iat":${iat},"exp":${iat + 3600},"data":{}}`), 'ERR_DATA_NOT_STRING'),
    item('duplicate-keys', 'eventType twice, the last unknown', signRaw(rsHeader, claims({ data: data.replace(/\}$/, ',"eventType":"wix.stores.v1.product_created"}') })), 'ERR_UNKNOWN_EVENT_TYPE'),
  ];
}

// ---------------------------------------------------------------------------------------------
// the factories

export interface BuildAttack {
  category: Category;
  label: string;
  set?: string[];
  overrides?: unknown;
  /** The error code expected, or null when the build succeeds (the keys ignored). */
  expectedCode: string | null;
}

export const buildAttacks: BuildAttack[] = [
  { category: 'prototype-keys', label: 'set through namespaces.__proto__', set: ['createdEvent.entity.extendedFields.namespaces.__proto__.p=yes'], expectedCode: 'ERR_INVALID_SET_PATH' },
  { category: 'prototype-keys', label: 'set __proto__ at the root', set: ['__proto__.x=1'], expectedCode: 'ERR_INVALID_SET_PATH' },
  { category: 'prototype-keys', label: 'set constructor.prototype', set: ['createdEvent.constructor.prototype.x=1'], expectedCode: 'ERR_INVALID_SET_PATH' },
  { category: 'prototype-keys', label: 'set prototype in brackets', set: ['createdEvent.entity.extendedFields.namespaces.prototype.x=1'], expectedCode: 'ERR_INVALID_SET_PATH' },
  { category: 'prototype-keys', label: 'set a JSON value holding __proto__', set: ['createdEvent.entity.extendedFields={"__proto__":{"x":1}}'], expectedCode: 'ERR_INVALID_SET_VALUE' },
  { category: 'prototype-keys', label: 'overrides with an own __proto__', overrides: JSON.parse('{"createdEvent":{"__proto__":{"p":1}}}'), expectedCode: null },
  { category: 'prototype-keys', label: 'overrides with constructor.prototype', overrides: JSON.parse('{"createdEvent":{"constructor":{"prototype":{"p":1}}}}'), expectedCode: null },
  { category: 'prototype-keys', label: 'overrides replacing a value with one holding __proto__', overrides: JSON.parse('{"createdEvent":{"entity":{"extendedFields":{"namespaces":{"__proto__":{"p":1}}}}}}'), expectedCode: null },
  { category: 'prototype-keys', label: 'overrides at the root', overrides: JSON.parse('{"__proto__":{"p":1}}'), expectedCode: null },
  { category: 'unicode', label: 'set path with a Cyrillic letter', set: ['createdEvent.entity.partySiz\u0435=1'], expectedCode: 'ERR_INVALID_SET_PATH' },
  { category: 'validation', label: 'set a string where a number goes', set: ['createdEvent.entity.partySize=many'], expectedCode: 'ERR_INVALID_SET_VALUE' },
];

// ---------------------------------------------------------------------------------------------
// the simulated Wix, in process and over HTTP

export interface HttpAttack {
  category: Category;
  label: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Send a valid access token of the REST twin. */
  auth?: boolean;
  /** Acceptable statuses; anything else (a 500 above all) fails. 0: the server closed the connection (an oversized body). */
  expect: readonly number[];
  /** Only meaningful over a socket (Host, body size, a raw path MSW's Request would normalize). */
  httpOnly?: boolean;
}

/** Ids of the seeded store the attacks aim at. */
export interface Targets {
  eventId: string;
  masterId: string;
  participationId: string;
}

const json = { 'content-type': 'application/json' };

export function httpAttacks({ eventId, masterId, participationId }: Targets): HttpAttack[] {
  const admin = (category: Category, label: string, path: string, body: string, expect: readonly number[], headers: Record<string, string> = {}): HttpAttack => ({
    category,
    label,
    method: 'POST',
    path: `/_wixhook/${path}`,
    headers: { ...json, ...headers },
    body,
    expect,
  });
  const rest = (category: Category, label: string, method: string, path: string, body: string | undefined, expect: readonly number[]): HttpAttack => ({
    category,
    label,
    method,
    path,
    headers: json,
    ...(body === undefined ? {} : { body }),
    auth: true,
    expect,
  });
  const participation = (extra: string) => `{"participation":{"eventId":"${eventId}","participant":{"name":"P"},"partySize":1${extra}}}`;
  return [
    // prototype keys
    admin('prototype-keys', 'trigger overrides through __proto__ (finding 1)', 'webhooks/participation-created', '{"overrides":{"createdEvent":{"__proto__":{"status":999}}}}', [400]),
    admin('prototype-keys', 'trigger overrides through constructor.prototype', 'webhooks/participation-created', '{"overrides":{"createdEvent":{"constructor":{"prototype":{"status":999}}}}}', [400]),
    admin('prototype-keys', 'trigger overrides with a root __proto__', 'webhooks/participation-created', '{"overrides":{"__proto__":{"status":999}}}', [400]),
    admin('prototype-keys', 'trigger with a root __proto__ key', 'webhooks/participation-created', '{"__proto__":{"status":999}}', [400]),
    admin('prototype-keys', 'trigger set through __proto__ (finding 3)', 'webhooks/participation-created', '{"set":["__proto__.x=1"]}', [400]),
    admin('prototype-keys', 'trigger set through namespaces.__proto__', 'webhooks/participation-created', '{"set":["createdEvent.entity.extendedFields.namespaces.__proto__.p=yes"]}', [400]),
    admin('prototype-keys', 'trigger trait named __proto__', 'webhooks/participation-created', '{"traits":["__proto__"]}', [400]),
    admin('prototype-keys', 'trigger trait named constructor', 'webhooks/participation-created', '{"traits":["constructor"]}', [400]),
    admin('prototype-keys', 'webhook named __proto__', 'webhooks/__proto__', '{}', [404]),
    admin('prototype-keys', 'webhook named constructor', 'webhooks/constructor', '{}', [404]),
    admin('prototype-keys', 'clock with a __proto__ key', 'clock', '{"__proto__":{"advanceMs":1}}', [400]),
    rest('prototype-keys', 'participation with extendedFields.__proto__', 'POST', '/calendar/v3/participations', participation(',"extendedFields":{"namespaces":{"__proto__":{"x":1}}}'), [400]),
    rest('prototype-keys', 'participation with a constructor key', 'POST', '/calendar/v3/participations', participation(',"constructor":{"prototype":{"x":1}}'), [400]),
    rest('prototype-keys', 'participation patch through __proto__', 'PATCH', `/calendar/v3/participations/${participationId}`, '{"participation":{"revision":"1","__proto__":{"status":"DECLINED"}}}', [400]),
    rest('prototype-keys', 'event patch through __proto__', 'PATCH', `/calendar/v3/events/${eventId}`, '{"event":{"revision":"1","__proto__":{"title":"x"}}}', [400]),
    rest('prototype-keys', 'query filter on __proto__', 'POST', '/calendar/v3/participations/query', '{"query":{"filter":{"__proto__":{"$eq":1}}}}', [400]),
    rest('prototype-keys', 'query filter on constructor', 'POST', '/calendar/v3/events/query', '{"query":{"filter":{"constructor":{"$eq":1}}}}', [400]),
    rest('prototype-keys', 'query operator __proto__', 'POST', '/calendar/v3/events/query', '{"query":{"filter":{"appId":{"__proto__":1}}}}', [400]),
    rest('prototype-keys', 'guests sorted by __proto__', 'POST', '/events/v2/guests/query', '{"query":{"sort":[{"fieldName":"__proto__"}]}}', [200, 400]),
    rest('prototype-keys', 'a cursor whose query holds __proto__', 'POST', '/calendar/v3/participations/query', JSON.stringify({ query: { cursorPaging: { cursor: Buffer.from('{"state":{"__proto__":{"x":1}},"offset":0}').toString('base64url') } } }), [400]),
    { category: 'prototype-keys', label: 'token request with __proto__', method: 'POST', path: '/oauth2/token', headers: json, body: '{"__proto__":{"grant_type":"client_credentials"}}', expect: [400] },
    { category: 'prototype-keys', label: 'form token request with __proto__', method: 'POST', path: '/oauth2/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '__proto__=x&constructor=y', expect: [400] },
    // validation: a failed admin request changes nothing
    admin('validation', 'clock advanceMs 1e300 (finding 3)', 'clock', '{"advanceMs":1e300}', [400]),
    admin('validation', 'clock advanceMs negative', 'clock', '{"advanceMs":-1}', [400]),
    admin('validation', 'clock advanceMs a string', 'clock', '{"advanceMs":"1"}', [400]),
    admin('validation', 'clock to garbage', 'clock', '{"to":"garbage"}', [400]),
    admin('validation', 'clock to past the largest date', 'clock', '{"to":8640000000000001}', [400]),
    admin('validation', 'clock to before the largest negative date', 'clock', '{"to":-8640000000000001}', [400]),
    admin('validation', 'clock to the past', 'clock', '{"to":"2000-01-01T00:00:00Z"}', [400]),
    admin('validation', 'clock without a field', 'clock', '{}', [400]),
    admin('validation', 'clock body an array', 'clock', '[1]', [400]),
    admin('validation', 'clock body not JSON', 'clock', '{"advanceMs":', [400]),
    admin('validation', 'trigger with a negative seed', 'webhooks/participation-created', '{"seed":-1}', [400]),
    admin('validation', 'trigger with seed 1e300', 'webhooks/participation-created', '{"seed":1e300}', [400]),
    admin('validation', 'trigger with an unknown trait', 'webhooks/participation-created', '{"traits":["nope"]}', [400]),
    admin('validation', 'trigger with conflicting traits', 'webhooks/participation-created', '{"traits":["for-event","for-schedule"]}', [400]),
    admin('validation', 'trigger with set naming no field', 'webhooks/participation-created', '{"set":["createdEvent.nope=1"]}', [400]),
    admin('validation', 'trigger with overrides an array', 'webhooks/participation-created', '{"overrides":[1]}', [400]),
    rest('validation', 'participation of an unknown event', 'POST', '/calendar/v3/participations', participation('').replace(eventId, '00000000-0000-4000-8000-000000000000'), [404]),
    rest('validation', 'participation patch with a stale revision', 'PATCH', `/calendar/v3/participations/${participationId}`, '{"participation":{"revision":"999","partySize":2}}', [409]),
    rest('validation', 'split of a non-master event', 'POST', `/calendar/v3/events/${eventId}/split`, '{"splitLocalDate":"2030-01-01T00:00:00"}', [400]),
    rest('validation', 'split of the master with a garbage date', 'POST', `/calendar/v3/events/${masterId}/split`, '{"splitLocalDate":"garbage"}', [400]),
    rest('validation', 'query with a negative limit', 'POST', '/calendar/v3/events/query', '{"query":{"cursorPaging":{"limit":-1}}}', [400]),
    rest('validation', 'query with a forged cursor', 'POST', '/calendar/v3/events/query', '{"query":{"cursorPaging":{"cursor":"not-a-cursor"}}}', [400]),
    // depth
    rest('depth', 'participation extendedFields 2,000 deep (finding 4)', 'POST', '/calendar/v3/participations', participation(`,"extendedFields":{"namespaces":{"x":${nest(2000)}}}`), [400]),
    rest('depth', 'participation extendedFields 5,000 deep', 'POST', '/calendar/v3/participations', participation(`,"extendedFields":{"namespaces":{"x":${nest(5000)}}}`), [400]),
    rest('depth', 'participation extendedFields 66 deep, just over the limit', 'POST', '/calendar/v3/participations', participation(`,"extendedFields":{"namespaces":{"x":${nest(62)}}}`), [400]),
    rest('depth', 'filter $not 5,000 deep', 'POST', '/calendar/v3/events/query', `{"query":{"filter":${'{"$not":'.repeat(5000)}{}${'}'.repeat(5000)}}}`, [400]),
    rest('depth', 'filter $and 5,000 deep', 'POST', '/calendar/v3/participations/query', `{"query":{"filter":${'{"$and":['.repeat(5000)}{}${']}'.repeat(5000)}}}`, [400]),
    rest('depth', 'filter $or 20 deep (under the body limit, over the filter limit)', 'POST', '/calendar/v3/events/query', `{"query":{"filter":${'{"$or":['.repeat(20)}{}${']}'.repeat(20)}}}`, [400]),
    rest('depth', 'a cursor 5,000 deep', 'POST', '/calendar/v3/events/query', JSON.stringify({ query: { cursorPaging: { cursor: Buffer.from(`{"state":${nest(5000)},"offset":0}`).toString('base64url') } } }), [400]),
    admin('depth', 'trigger overrides 5,000 deep', 'webhooks/participation-created', `{"overrides":${nest(5000)}}`, [400]),
    admin('depth', 'clock body 5,000 deep', 'clock', nest(5000), [400]),
    // size
    rest('size', 'a $lt operand of 200,000 digits', 'POST', '/calendar/v3/events/query', JSON.stringify({ query: { filter: { remainingCapacity: { $lt: '9'.repeat(200_000) } } } }), [400]),
    rest('size', 'an $in of 5,000 ids', 'POST', '/calendar/v3/participations/query', JSON.stringify({ query: { filter: { id: { $in: Array.from({ length: 5000 }, (_, i) => String(i)) } } } }), [400]),
    rest('size', 'an $eq operand of 100,000 characters', 'POST', '/events/v2/guests/query', JSON.stringify({ query: { filter: { eventId: { $eq: 'x'.repeat(100_000) } } } }), [400]),
    { ...rest('size', 'a body over 1 MiB', 'POST', '/calendar/v3/participations', participation(`,"extendedFields":{"namespaces":{"x":{"y":"${'x'.repeat(1 << 20)}"}}}`), [413, 0]), httpOnly: true },
    { ...admin('size', 'an admin body over 1 MiB', 'webhooks/participation-created', `{"overrides":{"x":"${'x'.repeat(1 << 20)}"}}`, [413, 0]), httpOnly: true },
    // percent-escapes
    rest('percent-escapes', 'event id %ZZ (finding 5)', 'GET', '/calendar/v3/events/%ZZ', undefined, [400]),
    { category: 'percent-escapes', label: 'event id %ZZ without a token', method: 'GET', path: '/calendar/v3/events/%ZZ', expect: [400] },
    rest('percent-escapes', 'participation id with a cut escape', 'GET', '/calendar/v3/participations/%E0%A4%A', undefined, [400]),
    rest('percent-escapes', 'patch of an id that is a lone %', 'PATCH', '/calendar/v3/participations/%', '{}', [400]),
    rest('percent-escapes', 'split of %C0%80 (overlong UTF-8)', 'POST', '/calendar/v3/events/%C0%80/split', '{}', [400]),
    admin('percent-escapes', 'webhook name %ZZ', 'webhooks/%ZZ', '{}', [400]),
    // unicode
    admin('unicode', 'webhook name in emoji', 'webhooks/%F0%9F%92%A5', '{}', [404]),
    admin('unicode', 'webhook name with a Cyrillic letter', `webhooks/participation-cr%D0%B5ated`, '{}', [404]),
    admin('unicode', 'clock advanceMs in fullwidth digits', 'clock', '{"advanceMs":"\uFF11"}', [400]),
    admin('unicode', 'clock to in fullwidth digits', 'clock', '{"to":"\uFF12\uFF10\uFF13\uFF10-01-01"}', [400]),
    admin('unicode', 'trait with a zero-width space', 'webhooks/participation-created', '{"traits":["for-event\\u200b"]}', [400]),
    rest('unicode', 'participation eventId with a lone surrogate', 'POST', '/calendar/v3/participations', participation('').replace(eventId, '\\ud800'), [400, 404]),
    rest('unicode', 'participation partySize in fullwidth digits', 'POST', '/calendar/v3/participations', participation('').replace('"partySize":1', '"partySize":"\uFF11"'), [400]),
    rest('unicode', 'event id in RTL override', 'GET', `/calendar/v3/events/${encodeURIComponent('\u202E' + eventId)}`, undefined, [404]),
    // duplicate keys: JSON.parse keeps the last, which is validated like any other
    admin('duplicate-keys', 'clock advanceMs 0 then 1e300', 'clock', '{"advanceMs":0,"advanceMs":1e300}', [400]),
    admin('duplicate-keys', 'trigger traits valid then unknown', 'webhooks/participation-created', '{"traits":["for-event"],"traits":["nope"]}', [400]),
    rest('duplicate-keys', 'participation partySize 1 then 0', 'POST', '/calendar/v3/participations', participation('').replace('"partySize":1', '"partySize":1,"partySize":0'), [400]),
    rest('duplicate-keys', 'participation patch revision current then stale', 'PATCH', `/calendar/v3/participations/${participationId}`, '{"participation":{"revision":"1","revision":"999","partySize":2}}', [409]),
    // bad tokens for the REST twin
    { ...rest('bad-tokens', 'no access token', 'POST', '/calendar/v3/participations', participation(''), [401]), auth: false },
    { ...rest('bad-tokens', 'a garbage access token', 'POST', '/calendar/v3/participations', participation(''), [401]), auth: false, headers: { ...json, authorization: 'Bearer garbage' } },
    { ...rest('bad-tokens', 'an access token of 100,000 characters', 'POST', '/calendar/v3/events/query', '{}', [401]), auth: false, headers: { ...json, authorization: `Bearer ${'x'.repeat(100_000)}` }, expect: [400, 401, 431] },
    { category: 'bad-tokens', label: 'token request for another app', method: 'POST', path: '/oauth2/token', headers: json, body: '{"grant_type":"client_credentials","client_id":"other","client_secret":"s","instance_id":"i"}', expect: [400, 401, 403, 404] },
    // admin forgery: what a web page can send
    admin('admin-forgery', 'reset from a foreign Origin', 'reset', '{}', [403], { origin: 'https://attacker.example' }),
    admin('admin-forgery', 'reset with Origin null (sandboxed iframe)', 'reset', '{}', [403], { origin: 'null' }),
    admin('admin-forgery', 'clock with Sec-Fetch-Site cross-site', 'clock', '{"advanceMs":1000}', [403], { 'sec-fetch-site': 'cross-site' }),
    admin('admin-forgery', 'clock with Sec-Fetch-Site same-site (another localhost port)', 'clock', '{"advanceMs":1000}', [403], { 'sec-fetch-site': 'same-site' }),
    { category: 'admin-forgery', label: 'reset as a text/plain simple request', method: 'POST', path: '/_wixhook/reset', headers: { 'content-type': 'text/plain' }, body: '{}', expect: [415] },
    { category: 'admin-forgery', label: 'reset as a form post', method: 'POST', path: '/_wixhook/reset', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1', expect: [415] },
    { category: 'admin-forgery', label: 'reset with no content type', method: 'POST', path: '/_wixhook/reset', expect: [415] },
    { category: 'admin-forgery', label: 'trigger as multipart', method: 'POST', path: '/_wixhook/webhooks/participation-created', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x--', expect: [415] },
    { category: 'admin-forgery', label: 'a preflight for reset grants nothing', method: 'OPTIONS', path: '/_wixhook/reset', headers: { origin: 'https://attacker.example', 'access-control-request-method': 'POST' }, expect: [204] },
    { ...admin('admin-forgery', 'reset with a rebinding Host', 'reset', '{}', [403], { host: 'attacker.example' }), httpOnly: true },
    { ...admin('admin-forgery', 'clock with a rebinding Host and the right port', 'clock', '{"advanceMs":1000}', [403], { host: 'attacker.example:PORT' }), httpOnly: true },
    { category: 'admin-forgery', label: 'REST query with a rebinding Host', method: 'POST', path: '/calendar/v3/events/query', headers: { ...json, host: 'attacker.example:PORT' }, body: '{}', auth: true, expect: [403], httpOnly: true },
    { category: 'admin-forgery', label: 'public key with a rebinding Host', method: 'GET', path: '/_wixhook/public-key', headers: { host: 'wixhook.attacker.example:PORT' }, expect: [403], httpOnly: true },
  ];
}
