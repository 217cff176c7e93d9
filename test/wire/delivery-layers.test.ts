import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { webhookLayers } from '../../src/catalog/layers.js';
import { webhookSchemaFiles } from '../../src/generate/json-schemas.js';
import { schemaId } from '../../src/json-schema/to-json-schema.js';
import { safeValidate } from '../../src/catalog/validate.js';
import { createAjv } from '../helpers/ajv.js';
import { docsExample } from '../helpers/docs-examples.js';

const ajv = createAjv();
const identity = { identityType: 'APP', appId: '13d21c63-b5ec-5912-8397-c3a5ddb27a97' };
const wire = (name: string, eventType: (typeof catalog)[number]['eventType'], overrides: Record<string, unknown> = {}) => ({
  eventType,
  instanceId: 'b2c3d4e5-0000-4000-8000-000000000002',
  data: JSON.stringify(docsExample(name)),
  identity: JSON.stringify(identity),
  ...overrides,
});

describe.each(catalog.map((webhook) => ({ webhook, name: webhook.name })))('$name delivery layers', ({ webhook }) => {
  const { deliveryData } = webhookLayers(webhook.name, { mode: 'strict' });

  it('decodes the data claim object: inner data and identity are parsed and validated', () => {
    const decoded = deliveryData.decode(wire(webhook.name, webhook.eventType));
    expect(decoded.data).toEqual(docsExample(webhook.name));
    expect(decoded.identity).toEqual(identity);
  });

  it('encodes back to the wire form, stringifying the members as Wix does', () => {
    const original = wire(webhook.name, webhook.eventType);
    const encoded = deliveryData.encode(deliveryData.decode(original));
    expect(typeof encoded.data).toBe('string');
    expect(typeof encoded.identity).toBe('string');
    // Parsing orders keys as the schema lists them; the JSON holds the same values.
    expect(JSON.parse(encoded.data)).toEqual(JSON.parse(original.data));
    expect(JSON.parse(encoded.identity)).toEqual(identity);
    expect({ ...encoded, data: '', identity: '' }).toEqual({ ...original, data: '', identity: '' });
  });

  it('names the path through the layers when the inner payload is wrong', () => {
    const payload = structuredClone(docsExample(webhook.name)) as Record<string, unknown>;
    payload.eventTime = 'not a time';
    const result = safeValidate(deliveryData, wire(webhook.name, webhook.eventType, { data: JSON.stringify(payload) }), 'delivery');
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((issue) => issue.path)).toContain('data.eventTime');
  });

  it.each([
    { label: 'inner data that is not JSON', overrides: { data: '{"id":' }, path: 'data' },
    { label: 'inner data sent as an object', overrides: { data: {} }, path: 'data' },
    { label: 'identity sent as an object', overrides: { identity }, path: 'identity' },
    { label: 'identity type without its id', overrides: { identity: JSON.stringify({ identityType: 'MEMBER' }) }, path: 'identity.memberId' },
    { label: 'identity with the id of another type', overrides: { identity: JSON.stringify({ identityType: 'MEMBER', appId: identity.appId }) }, path: 'identity.memberId' },
    { label: 'unknown identity type', overrides: { identity: JSON.stringify({ identityType: 'ROBOT' }) }, path: 'identity.identityType' },
    { label: 'another webhook eventType', overrides: { eventType: 'wix.stores.v1.product_created' }, path: 'eventType' },
    { label: 'instanceId not a GUID', overrides: { instanceId: 'site-1' }, path: 'instanceId' },
    { label: 'accountInfo without accountId', overrides: { accountInfo: { siteId: 'd4e5f6a7-0000-4000-8000-000000000004' } }, path: 'accountInfo.accountId' },
  ])('rejects $label at $path', ({ overrides, path }) => {
    const result = safeValidate(deliveryData, wire(webhook.name, webhook.eventType, overrides), 'delivery');
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((issue) => issue.path)).toContain(path);
  });

  it('the generated delivery-data JSON Schema accepts the wire form and rejects a non-string data member', () => {
    const validateJson = ajv.getSchema(schemaId(webhookSchemaFiles(webhook.name, 'strict').deliveryData))!;
    expect(validateJson(wire(webhook.name, webhook.eventType))).toBe(true);
    expect(validateJson(wire(webhook.name, webhook.eventType, { data: {} }))).toBe(false);
  });
});

describe('JWT and identity layers', () => {
  const { JwtClaims, JwtHeader, Identity } = webhookLayers('participation-created', { mode: 'strict' });

  it('accepts what Wix sends and refuses any algorithm but RS256', () => {
    expect(JwtHeader.safeParse({ alg: 'RS256', kid: 'k1' }).success).toBe(true);
    for (const alg of ['none', 'HS256', 'RS512', 'PS256']) expect(JwtHeader.safeParse({ alg, kid: 'k1' }).success).toBe(false);
  });

  it('requires data to be a string and times to be whole seconds', () => {
    expect(JwtClaims.safeParse({ data: '{}', iat: 1_700_000_000, exp: 1_700_000_060 }).success).toBe(true);
    expect(JwtClaims.safeParse({ data: {}, iat: 1, exp: 2 }).success).toBe(false);
    expect(JwtClaims.safeParse({ data: '{}', iat: 1.5, exp: 2 }).success).toBe(false);
  });

  it('identity is a one-of keyed by identityType', () => {
    expect(Identity.safeParse({ identityType: 'ANONYMOUS_VISITOR', anonymousVisitorId: identity.appId }).success).toBe(true);
    expect(Identity.safeParse({ identityType: 'WIX_USER', wixUserId: identity.appId }).success).toBe(true);
    expect(Identity.safeParse({ identityType: 'UNKNOWN' }).success).toBe(true);
    expect(Identity.safeParse({ identityType: 'WIX_USER', wixUserId: identity.appId, memberId: identity.appId }).success).toBe(false);
  });
});
