/** `wix-webhook-testkit/matchers`: custom matchers for Vitest or Jest, with no test-runner import. */
export { wixMatchers, type MatcherContext, type MatcherResult, type WixMatchers } from './matchers.js';
