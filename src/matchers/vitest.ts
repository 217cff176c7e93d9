/**
 * `wix-webhook-testkit/vitest`: registers the toolkit's matchers on Vitest's `expect`. Import it
 * once, in a `setupFiles` module or at the top of a test file.
 *
 * Types: Vitest 4 and 5 declare their `Matchers` interface with different type parameters, and an
 * augmentation must repeat them exactly, so the package cannot ship one augmentation for both. Add
 * the one for your Vitest major to a `.d.ts` file of your project:
 *
 * ```ts
 * import type { WixMatchers } from 'wix-webhook-testkit/matchers';
 * declare module 'vitest' {
 *   interface Matchers<R = void | Promise<void>, T = unknown> extends WixMatchers<R> {} // Vitest 5
 *   // interface Matchers<T = any> extends WixMatchers<T> {}                          // Vitest 4
 * }
 * ```
 *
 * @example
 * import 'wix-webhook-testkit/vitest';
 * expect(payload).toBeWixPayload('participation-created');
 *
 * @module wix-webhook-testkit/vitest
 */
import { expect } from 'vitest';
import { wixMatchers } from './matchers.js';

expect.extend(wixMatchers);

export { wixMatchers };
export type { WixMatchers } from './matchers.js';
