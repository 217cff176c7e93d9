import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { sign } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { deliver } from '../src/delivery/deliver.js';
import { encodeDeliveryData, signWebhook } from '../src/signing/sign.js';
import { testKeyPair } from '../src/signing/keys.js';
import { formatRate, measure, printTable, type Measurement } from './harness.js';

/**
 * The async sibling of `measure`: keeps `concurrency` tasks in flight for about `seconds`
 * after a short warm-up, and returns completed operations per second.
 */
export async function measureAsync(name: string, task: () => Promise<unknown>, concurrency = 1, seconds = Number(process.env.BENCH_SECONDS ?? 1)): Promise<Measurement> {
  const run = async (until: number) => {
    let count = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < until) {
          await task();
          count++;
        }
      }),
    );
    return count;
  };
  // Longer warm-up than `measure`: the HTTP stacks need a few thousand requests to be JIT-compiled.
  await run(performance.now() + Math.min(500, seconds * 500));
  const start = performance.now();
  const iterations = await run(start + seconds * 1000);
  return { name, opsPerSecond: iterations / ((performance.now() - start) / 1000), iterations };
}

const payload = {
  id: '1c4f3a9e-6e0f-4a1e-9f2b-3f5c8d7e6a10',
  entityFqdn: 'wix.calendar.v3.participation',
  slug: 'created',
  entityId: 'b7d1e2f3-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
  createdEvent: { entity: { id: 'b7d1e2f3-4a5b-4c6d-8e9f-0a1b2c3d4e5f', eventId: 'e1', partySize: 2, revision: '1' } },
  eventTime: '2025-01-02T12:00:00.123456789Z',
  triggeredByAnonymizeRequest: false,
  entityEventSequence: '1',
};

const b64url = (text: string) => Buffer.from(text).toString('base64url');

/**
 * The receiving app runs in its own process, as a real one does, so it does not take the sender's
 * event loop (in one process the two halve each other's throughput).
 */
async function startReceiver(): Promise<{ url: string; process: ChildProcess }> {
  const source = `
    const server = require('node:http').createServer((req, res) => { req.resume(); req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')); });
    server.keepAliveTimeout = 30000;
    server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));`;
  const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  return { url: `http://127.0.0.1:${chunk.toString().trim()}/webhooks`, process: child };
}

/**
 * `npm run bench` part: RS256 signing and delivery throughput, each beside raw `node:crypto`
 * signatures of the same signing input, measured in the same run.
 */
export async function benchDelivery(): Promise<void> {
  const { privateKey, keyId } = testKeyPair();
  const issuedAt = Math.floor(Date.now() / 1000);
  const signingInput = `${b64url(JSON.stringify({ kid: keyId, alg: 'RS256' }))}.${b64url(JSON.stringify({ data: encodeDeliveryData('wix.calendar.v3.participation_created', payload), iat: issuedAt, exp: issuedAt + 3600 }))}`;
  const options = { privateKey, keyId, issuedAt };

  const receiver = await startReceiver();
  const url = receiver.url;
  const concurrency = 8;

  try {
    const rawSync = measure('raw crypto.sign (sync)', () => sign('sha256', Buffer.from(signingInput), privateKey));
    const rawAsync = await measureAsync('raw crypto.sign (async, libuv pool)', () => new Promise((resolve, reject) => sign('sha256', Buffer.from(signingInput), privateKey, (error, signature) => (error ? reject(error) : resolve(signature)))), concurrency);
    const signSerial = await measureAsync('signWebhook, one at a time', () => signWebhook('participation-created', payload, options), 1);
    const signParallel = await measureAsync(`signWebhook, ${concurrency} in flight`, () => signWebhook('participation-created', payload, options), concurrency);
    const jwt = await signWebhook('participation-created', payload, options);
    const postOnly = await measureAsync(`deliver (pre-signed JWT), ${concurrency} in flight`, () => deliver(jwt, url), concurrency);
    const postFetch = await measureAsync(`deliver (pre-signed JWT) via fetch, ${concurrency} in flight`, () => deliver(jwt, url, { transport: 'fetch' }), concurrency);
    const delivered = await measureAsync(`signWebhook + deliver, ${concurrency} in flight`, async () => {
      const report = await deliver(await signWebhook('participation-created', payload, options), url);
      if (!report.delivered) throw new Error(`delivery failed: ${JSON.stringify(report.attempts)}`);
    }, concurrency);

    const rows = [rawSync, rawAsync, signSerial, signParallel, postOnly, postFetch, delivered].map((m) => [m.name, formatRate(m.opsPerSecond), (m.opsPerSecond / rawSync.opsPerSecond).toFixed(2)]);
    printTable('RS256 signing and delivery to a loopback receiver in another process (keep-alive), beside raw node:crypto', ['measurement', 'rate', 'vs raw sync'], rows);
    const best = Math.max(signSerial.opsPerSecond, signParallel.opsPerSecond);
    console.log(`\n(b)/(a) signWebhook vs raw: ${(best / rawSync.opsPerSecond).toFixed(2)}   (c)/(a) signed deliveries vs raw: ${(delivered.opsPerSecond / rawSync.opsPerSecond).toFixed(2)}   aim: >= 0.80`);
  } finally {
    receiver.process.kill();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(`node ${process.version}, ${process.platform}/${process.arch}, BENCH_SECONDS=${process.env.BENCH_SECONDS ?? 1}`);
  await benchDelivery();
}
