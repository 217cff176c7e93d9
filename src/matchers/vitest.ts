/**
 * `wix-webhook-testkit/vitest`: registers the toolkit's matchers on Vitest's `expect` and types
 * them. Import it once, e.g. in a `setupFiles` module or at the top of a test file.
 *
 * @example
 * import 'wix-webhook-testkit/vitest';
 * expect(payload).toBeWixPayload('participation-created');
 */
import { expect } from 'vitest';
import { wixMatchers, type WixMatchers } from './matchers.js';

expect.extend(wixMatchers);

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends WixMatchers<T> {}
}

export { wixMatchers };
