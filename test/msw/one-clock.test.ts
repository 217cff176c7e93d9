import { guests } from '@wix/events';
import { AppStrategy, createClient } from '@wix/sdk';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { defaultMockStart } from '../../src/msw/index.js';
import { wixhook } from '../helpers/run-cli.js';
import { appId, inProcessMock } from './helpers.js';

const hour = 3_600_000;

describe('one clock drives the mock: payload times, the JWT iat and token expiry', () => {
  it('a webhook is issued at the mock’s time, before and after advancing it, and the real @wix/sdk still accepts it', async () => {
    const { mock } = inProcessMock({ seed: 2 });
    const client = createClient({ auth: AppStrategy({ appId, publicKey: mock.publicKeyPem }), modules: { guests } });
    const received: unknown[] = [];
    client.guests.onGuestEventStarts((envelope) => void received.push(envelope));
    for (const advance of [0, 5 * hour]) {
      await mock.clock.advance(advance);
      const record = await mock.trigger('guest-event-starts', { seed: 1 });
      const claims = decodeJwt(record.jwt);
      expect(claims.iat! * 1000).toBe(Math.floor(mock.clock.now() / 1000) * 1000);
      expect(claims.exp! - claims.iat!).toBeGreaterThanOrEqual(3600);
      await client.webhooks.process(record.jwt);
    }
    expect(received).toHaveLength(2);
    expect(mock.clock.now()).toBe(defaultMockStart + 5 * hour);
  });

  it('wixhook serve --now starts the clock there (and refuses what is not a time, exit 2)', async () => {
    expect((await wixhook('serve', '--now', 'yesterday')).code).toBe(2);
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--now', '2030-01-02T03:04:05Z', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const match = /listening on (http:\/\/\S+)/.exec(out);
          if (match) resolve(match[1]!);
        });
        child.on('exit', () => reject(new Error(out)));
      });
      expect(await (await fetch(`${url}/_wixhook/clock`)).json()).toEqual({ now: '2030-01-02T03:04:05.000Z' });
      const record = (await (await fetch(`${url}/_wixhook/webhooks/participation-created`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { jwt: string };
      expect(decodeJwt(record.jwt).iat).toBe(Date.parse('2030-01-02T03:04:05Z') / 1000);
    } finally {
      child.kill('SIGTERM');
    }
  }, 30_000);
});
