import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, it } from 'vitest';
import { createApp, listen } from '../src/app.js';
import { bookASeat, expectReminders, splitTheSeries } from './flows.js';

// `wixhook serve` as a child process: the app points its Wix base URL at it, as an app in any language would.
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const appId = 'a3c4b1de-7f7e-4a8e-9a7c-5d1d3c2b1a00';
const instanceId = '6d1c6b9b-8a3e-4f6b-9c51-0d6c1f1e2a7b';
let child: ChildProcess;
let wixUrl: string;
let app: ReturnType<typeof createApp>;
let appServer: Awaited<ReturnType<typeof listen>>;
let publicKey = '';

async function startWix(webhookUrl: string): Promise<string> {
  child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--webhook-url', webhookUrl, '--app-id', appId, '--instance-id', instanceId, '--seed', '7'], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`wixhook serve exited with ${code}: ${out}`)));
  });
}

const waitForDeliveries = async () => {
  await fetch(`${wixUrl}/_wixhook/deliveries`); // answers once no delivery is in flight
};

beforeAll(async () => {
  // The app's public key comes from the server, so start the app's listener first with a key read at request time.
  const config = { appId, appSecret: 'secret', instanceId, wixBaseUrl: '', get publicKey() { return publicKey; } };
  app = createApp(config as never);
  appServer = await listen(app.app);
  wixUrl = await startWix(`${appServer.url}/webhooks/wix`);
  publicKey = await (await fetch(`${wixUrl}/_wixhook/public-key`)).text();
  config.wixBaseUrl = wixUrl;
}, 30_000);

afterAll(async () => {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  await appServer.close();
});

it('participation-created over real HTTP', async () => {
  await bookASeat(appServer.url, app, waitForDeliveries);
});

it('event-recurring-split over real HTTP', async () => {
  await splitTheSeries(appServer.url, app, waitForDeliveries);
});

it('guest-event-starts when the admin API moves the clock', async () => {
  await fetch(`${wixUrl}/_wixhook/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs: 8 * 24 * 3600_000 }) });
  await expectReminders(app);
});
