import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { testKeyPair } from '../../src/signing/keys.js';
import { parseWebhook } from '../../src/signing/parse-webhook.js';
import { wixhook } from '../helpers/run-cli.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A loopback receiver that verifies each body and answers with the next status of `statuses` (then 200). */
async function receiver(statuses: number[] = []) {
  const received: Array<{ id: string; contentType?: string }> = [];
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', async () => {
      const delivery = await parseWebhook(body, { publicKey: testKeyPair().publicKeyPem });
      received.push({ id: String((delivery.payload as { id: unknown }).id), ...(request.headers['content-type'] ? { contentType: request.headers['content-type'] } : {}) });
      response.statusCode = statuses.shift() ?? 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/webhooks/wix`, received };
}

describe('wixhook send', () => {
  it('POSTs N signed, verifiable webhooks with duplicates and prints a summary', async () => {
    const { url, received } = await receiver();
    const { code, stdout } = await wixhook('send', 'participation-created', '--to', url, '--count', '5', '--duplicates', '1', '--shuffle', '--seed', '3');
    expect(code).toBe(0);
    expect(received).toHaveLength(10);
    expect(new Set(received.map((entry) => entry.id)).size).toBe(5);
    expect(stdout).toContain('deliveries: 10 (10 delivered, 0 failed), retries: 0');
    expect(stdout).toContain('attempts by status: 200: 10');
    expect(stdout).toMatch(/latency ms: p50 [\d.]+, p90/);
  });

  it('resends on failure following the schedule, on a virtual clock, and reports it as JSON', async () => {
    const { url, received } = await receiver([500, 404]);
    const { code, stdout } = await wixhook('send', 'guest-event-starts', '--to', url, '--virtual-clock', '--json', '--seed', '1');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.summary).toMatchObject({ total: 1, delivered: 1, retries: 2, statuses: { '200': 1, '404': 1, '500': 1 } });
    const times = report.deliveries[0].report.attempts.map((attempt: { at: number }) => attempt.at - report.deliveries[0].report.attempts[0].at);
    expect(times).toEqual([0, 60_000, 660_000]);
    expect(received).toHaveLength(3);
  });

  it('exits 1 when deliveries fail and retries are off', async () => {
    const { url } = await receiver([503]);
    const { code, stdout } = await wixhook('send', 'event-recurring-split', '--to', url, '--retries', '0');
    expect(code).toBe(1);
    expect(stdout).toContain('1 failed');
  });

  it('refuses a bad command line with a usage error', async () => {
    expect((await wixhook('send', 'participation-created')).code).toBe(2);
    expect((await wixhook('send', 'participation-created', '--to', 'ftp://x')).code).toBe(2);
    expect((await wixhook('send', 'participation-created', '--to', 'http://127.0.0.1:9', '--count', '0')).code).toBe(2);
    expect((await wixhook('send', 'participation-created', '--to', 'http://127.0.0.1:9', '--retries', '13')).code).toBe(2);
  });
});

describe('wixhook send tells what happens as it happens', () => {
  it('prints the header at once, each attempt with when the next is due, and the summary on Ctrl-C', async () => {
    const { spawn } = await import('node:child_process');
    const dead = createServer();
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    const port = (dead.address() as AddressInfo).port;
    await new Promise((resolve) => dead.close(resolve));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'send', 'participation-created', '--to', `http://127.0.0.1:${port}/webhooks/wix`, '--seed', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (let i = 0; i < 200 && !/attempt 1 of 13/.test(stdout); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stdout).toMatch(/^participation-created → http:\/\/127\.0\.0\.1:\d+\/webhooks\/wix \(seed 1\): 1 delivery, up to 13 attempts each/);
    expect(stdout).toMatch(/attempt 1 of 13: no answer \(ERR_DELIVERY_CONNECTION_REFUSED[^)]*\), next attempt at \d{4}-\d\d-\d\dT[\d:.]+Z \(in 1 min\)/);
    child.kill('SIGINT');
    expect(await exit).toBe(1);
    expect(stdout).toContain('interrupted: 1 delivery unfinished');
    expect(stdout).toContain('deliveries: 1 (0 delivered, 1 failed), retries: 0');
    expect(stdout).toContain('attempts by status: ERR_DELIVERY_CONNECTION_REFUSED: 1');
  }, 30_000);

  it('--file sends a given payload, signed as given', async () => {
    const { writeFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tempDir } = await import('../helpers/temp-dir.js');
    const { buildPayload } = await import('../../src/build/build.js');
    const payload = buildPayload('guest-event-starts', { seed: 4 });
    const file = join(await tempDir('wixhook-send-'), 'payload.json');
    await writeFile(file, JSON.stringify(payload));
    const { url, received } = await receiver();
    const { code } = await wixhook('send', 'guest-event-starts', '--to', url, '--file', file);
    expect(code).toBe(0);
    expect(received.map((entry) => entry.id)).toEqual([payload.id]);
    expect((await wixhook('send', 'guest-event-starts', '--to', url, '--file', file, '--trait', 'buyer')).code).toBe(2);
    expect((await wixhook('send', 'guest-event-starts', '--to', url, '--file', join(file, 'nope'))).code).toBe(2);
  });
});
