/**
 * `wix-webhook-testkit/jest`: registers the toolkit's matchers on Jest's global `expect` and types
 * them (for `@jest/globals` and the `jest` namespace). Add it to `setupFilesAfterEnv`.
 *
 * @example
 * // jest.config.js: setupFilesAfterEnv: ['wix-webhook-testkit/jest']
 * expect(payload).toBeWixPayload('guest-event-starts');
 */
import { wixMatchers, type WixMatchers } from './matchers.js';

const jestExpect = (globalThis as { expect?: { extend(matchers: object): void } }).expect;
if (!jestExpect) throw new Error('wix-webhook-testkit/jest needs Jest\'s global `expect`: load it from setupFilesAfterEnv.');
jestExpect.extend(wixMatchers);

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface Matchers<R> extends WixMatchers<R> {}
  }
}

export { wixMatchers };
