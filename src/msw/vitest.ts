/**
 * `wix-webhook-testkit/msw/vitest`: a Vitest fixture that gives each test its own Wix mock,
 * listening through MSW, closed after the test.
 *
 * @example
 * import { createWixTest } from 'wix-webhook-testkit/msw/vitest';
 * const test = createWixTest({ appId, webhookUrl: 'http://127.0.0.1:3000/webhooks/wix' });
 * test('books a class', async ({ wix }) => {
 *   await bookClass(); // your app calls Wix's REST API
 *   await expect(wix).toHaveDeliveredWixWebhook('participation-created');
 * });
 *
 * @module wix-webhook-testkit/msw/vitest
 */
import { setupServer } from 'msw/node';
import { expect, test } from 'vitest';
import { wixMatchers } from '../matchers/matchers.js';
import { createWixMock, type WixMock, type WixMockOptions } from './mock.js';
import { unhandledRequests } from './unhandled.js';

expect.extend(wixMatchers);

export interface WixTestOptions {
  /** What MSW does with requests no handler matches (yours or the mock's). Default `bypass`. */
  onUnhandled?: 'bypass' | 'warn' | 'error';
}

/**
 * Vitest's `test`, extended with a `wix` fixture: a fresh {@link WixMock} per test whose handlers
 * an MSW server serves for the duration of the test. Registers the toolkit's matchers too.
 * Pass a function when the options are only known later (an app's port chosen in `beforeAll`):
 * it runs at the start of each test.
 */
export function createWixTest(options: (WixMockOptions & WixTestOptions) | (() => WixMockOptions & WixTestOptions)) {
  return test.extend<{ wix: WixMock }>({
    // eslint-disable-next-line no-empty-pattern
    wix: async ({}, use) => {
      const { onUnhandled = 'bypass', ...mockOptions } = typeof options === 'function' ? options() : options;
      const mock = createWixMock(mockOptions as WixMockOptions);
      const server = setupServer(...mock.handlers);
      server.listen(unhandledRequests(onUnhandled));
      try {
        await use(mock);
        await mock.idle();
      } finally {
        server.close();
      }
    },
  });
}
