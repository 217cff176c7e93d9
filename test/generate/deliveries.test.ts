import { readFileSync } from 'node:fs';
import { AppStrategy, createClient, EventDefinition } from '@wix/sdk';
import { describe, expect, it } from 'vitest';
import { getWebhook, type WebhookName } from '../../src/catalog/catalog.js';
import { testKeyPair } from '../../src/signing/keys.js';
import { parseWebhook } from '../../src/signing/parse-webhook.js';

const mocks = new URL('../../mocks/deliveries/', import.meta.url);
const index = JSON.parse(readFileSync(new URL('index.json', mocks), 'utf8')) as { deliveries: Array<{ webhook: WebhookName; variant: string; files: string[] }> };
const read = (file: string) => readFileSync(new URL(file, mocks), 'utf8');

describe('mocks/deliveries', () => {
  it('has every webhook', () => {
    expect(new Set(index.deliveries.map((entry) => entry.webhook))).toEqual(new Set(['participation-created', 'event-recurring-split', 'guest-event-starts']));
  });

  it.each(index.deliveries.map((entry) => ({ ...entry, label: `${entry.webhook}/${entry.variant}` })))('$label: the JWT verifies with the test public key and carries the payload file', async (entry) => {
    const base = `${entry.webhook}/${entry.variant}`;
    const jwt = read(`${base}.jwt`);
    const parsed = await parseWebhook(jwt, { publicKey: testKeyPair().publicKeyPem, mode: 'strict' });
    expect(parsed.name).toBe(entry.webhook);
    expect(parsed.payload).toEqual(JSON.parse(read(`${base}.payload.json`)));
    const sdkEnvelope = getWebhook(entry.webhook).toSdkEnvelope(parsed.payload as never, parsed);
    expect(JSON.parse(JSON.stringify(sdkEnvelope))).toEqual(JSON.parse(read(`${base}.sdk-envelope.json`)));
    const http = read(`${base}.http`);
    expect(http.startsWith('POST /webhooks/wix HTTP/1.1\r\n')).toBe(true);
    expect(http.endsWith(`\r\n\r\n${jwt.trim()}`)).toBe(true);
  });

  it('the real @wix/sdk accepts the default delivery of each webhook', async () => {
    const client = createClient({ auth: AppStrategy({ appId: 'a3c4b1de-7f7e-4a8e-9a7c-5d1d3c2b1a00', publicKey: testKeyPair().publicKeyPem }) });
    for (const entry of index.deliveries.filter((candidate) => candidate.variant === 'default')) {
      const webhook = getWebhook(entry.webhook);
      const result = await client.webhooks.process(read(`${entry.webhook}/default.jwt`).trim(), { expectedEvents: [EventDefinition(webhook.eventType)()] });
      expect(result.payload).toEqual(JSON.parse(read(`${entry.webhook}/default.payload.json`)));
    }
  });
});
