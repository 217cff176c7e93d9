import { setupServer } from 'msw/node';
import { createWixMock, unhandledRequests } from 'wix-webhook-testkit/msw';
import { afterAll, beforeAll, it } from 'vitest';
import { createApp, listen } from '../src/app.js';
import { bookASeat, expectReminders, splitTheSeries } from './flows.js';

// The mock answers the app's calls to https://www.wixapis.com in process (MSW) and POSTs the
// webhooks to the app's real loopback URL (those deliveries bypass MSW).
const appId = '2f4a1f6b-4a0e-4e36-9a8c-3c1f0e0b5d21';
const instanceId = '0d3ab3c0-2f7a-4d55-9b1f-0c9a3e0f6f11';
let app: ReturnType<typeof createApp>;
let appServer: Awaited<ReturnType<typeof listen>>;
let mock: ReturnType<typeof createWixMock>;
const mswServer = setupServer();

beforeAll(async () => {
  let webhookUrl = '';
  // The app needs the mock's public key, the mock needs the app's URL: start the app first on a lazily read key.
  const { testKeyPair } = await import('wix-webhook-testkit');
  app = createApp({ appId, appSecret: 'secret', instanceId, publicKey: testKeyPair().publicKeyPem, wixBaseUrl: 'https://www.wixapis.com' });
  appServer = await listen(app.app);
  webhookUrl = `${appServer.url}/webhooks/wix`;
  mock = createWixMock({ appId, instanceId, webhookUrl, seed: 7 });
  mswServer.use(...mock.handlers);
  mswServer.listen(unhandledRequests('bypass'));
});
afterAll(async () => {
  mswServer.close();
  await appServer.close();
});

it('participation-created: booking through the app comes back as a verified webhook', async () => {
  await bookASeat(appServer.url, app, () => mock.idle());
});

it('event-recurring-split: splitting the series through the app comes back as a verified webhook', async () => {
  await splitTheSeries(appServer.url, app, () => mock.idle());
});

it('guest-event-starts: moving the mock clock a week reminds every guest through the SDK handler', async () => {
  await mock.clock.advance(8 * 24 * 3600_000);
  await expectReminders(app);
});
