/**
 * wix-webhook-testkit/pact: Pact message contracts for Wix webhooks. Needs the optional peer
 * dependency `@pact-foundation/pact` (>= 16), loaded on first use.
 *
 * @module wix-webhook-testkit/pact
 */
export { wixMessagePact, type MessageFor, type RawMessage, type ReceiveOptions, type WixMessagePact, type WixPactOptions } from './consumer.js';
export { defaultConsumerVersionSelectors, verifyWixPacts, type VerifiedSource, type VerifyWixPactsOptions, type WixPactVerification } from './verify.js';
export {
  contractConsumer,
  layerForInteraction,
  messageLayers,
  traitsForStates,
  webhookForInteraction,
  wixMessage,
  type MessageLayer,
  type StateTraits,
  type WixMessage,
  type WixMessageMetadata,
  type WixMessageOptions,
} from './message.js';
export { guidRegex, isoDateTimeRegex, matchersFromSchema, narrowTemplate, reifyTemplate, reviveDates, type MatcherOptions, type MatcherTemplate, type PactMatcher } from './matchers-from-schema.js';
export * as errors from './errors.js';
export type { PactFailure } from './errors.js';
export { contractMessages, contractPath, contractsDir, readContract, type ContractMessage } from './contracts.js';
export { loadPact } from './load-pact.js';
