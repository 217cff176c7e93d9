/**
 * `wix-webhook-testkit/jest`: registers the toolkit's matchers on Jest's global `expect` and types
 * them for the global `jest` namespace of `@types/jest`. Add it to `setupFilesAfterEnv`. With
 * `@jest/globals` instead, add to a `.d.ts` of your project:
 * `declare module 'expect' { interface Matchers<R extends void | Promise<void>, T = unknown> extends WixMatchers<R> {} }`.
 *
 * @example
 * // jest.config.js: setupFilesAfterEnv: ['wix-webhook-testkit/jest']
 * expect(payload).toBeWixPayload('guest-event-starts');
 *
 * @module wix-webhook-testkit/jest
 */
import { WixhookError } from '../errors.js';
import { wixMatchers, type WixMatchers } from './matchers.js';

const jestExpect = (globalThis as { expect?: { extend(matchers: object): void } }).expect;
if (!jestExpect) throw new WixhookError('ERR_JEST_EXPECT_MISSING', 'wix-webhook-testkit/jest needs Jest\'s global `expect`: load it from setupFilesAfterEnv.');
jestExpect.extend(wixMatchers);

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    // The type parameters repeat those of @types/jest, as an augmentation must.
    interface Matchers<R, T = {}> extends WixMatchers<R> {}
  }
}

export { wixMatchers };
