/** `wix-webhook-testkit/matchers`: custom matchers for Vitest or Jest, with no test-runner import.
 *
 * @module wix-webhook-testkit/matchers
 */
export { wixMatchers, type DeliveryLog, type MatcherContext, type MatcherResult, type WixMatchers } from './matchers.js';
