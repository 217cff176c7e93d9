import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPayload, signWebhook, testKeyPair } from 'wix-webhook-testkit';
import { createApp } from '../src/app.js';

const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

describe("the README's parseWebhook example", () => {
  it('is the code of this app, word for word', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('### 3. Verifying webhooks without `@wix/sdk`'));
    const block = section.slice(section.indexOf('```ts\n') + 6, section.indexOf('\n```', section.indexOf('```ts\n')));
    const source = readFileSync(new URL('../src/app.ts', import.meta.url), 'utf8');
    const region = source.slice(source.indexOf('// #region readme') + '// #region readme'.length, source.indexOf('// #endregion readme'));
    const [importLine, ...code] = lines(block);
    expect(source).toContain(importLine!.replace('parseWebhook, createDeliveryTracker', 'createDeliveryTracker, parseWebhook'));
    expect(code).toEqual(lines(region));
  });

  describe('answers as Wix needs', () => {
    const reminded: unknown[] = [];
    let url = '';
    let close = () => {};
    beforeAll(async () => {
      process.env.WIX_PUBLIC_KEY = testKeyPair().publicKeyPem;
      const server = createApp((guest) => reminded.push(guest)).listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/wix`;
      close = () => server.close();
    });
    afterAll(() => close());
    const post = (body: string) => fetch(url, { method: 'POST', body }).then(async (response) => [response.status, await response.text()] as const);

    it('200 for a new webhook, 200 for its duplicate (handled once), 400 with the code for a bad body', async () => {
      const jwt = await signWebhook('guest-event-starts', buildPayload('guest-event-starts', { seed: 1 }));
      expect(await post(jwt)).toEqual([200, 'OK']);
      expect(await post(jwt)).toEqual([200, 'OK']);
      expect(reminded).toHaveLength(1);
      expect(await post('not a jwt')).toEqual([400, 'ERR_JWT_MALFORMED']);
    });

    it('200 for a stale event: a resend older than what was handled for the entity', async () => {
      const newer = buildPayload('participation-created', { seed: 2, overrides: { entityEventSequence: '5' } });
      const older = buildPayload('participation-created', { seed: 3, overrides: { entityId: newer.entityId, entityEventSequence: '4' } });
      expect(await post(await signWebhook('participation-created', newer))).toEqual([200, 'OK']);
      expect(await post(await signWebhook('participation-created', older))).toEqual([200, 'OK']);
    });
  });
});
