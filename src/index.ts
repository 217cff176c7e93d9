/**
 * wix-webhook-testkit: schemas, factories, signing, parsing and delivery of Wix webhooks.
 * Subpaths hold the parts that need peer dependencies: `./msw` (the simulated Wix), `./pact`
 * (contracts), `./matchers`, `./vitest` and `./jest`.
 *
 * @module wix-webhook-testkit
 */
export * as errors from './error-classes.js';
export type { SchemaIssue } from './errors.js';

// The catalog: every webhook, looked up by name or eventType.
export {
  catalog,
  getWebhook,
  getWebhookByEventType,
  isWebhookName,
  listWebhooks,
  type WebhookSummary,
  webhookEventTypes,
  webhookNames,
  webhookNameOf,
  type CatalogWebhook,
  type CuratedWebhookName,
  type WebhookByEventType,
  type WebhookByName,
  type WebhookEventType,
  type WebhookName,
} from './catalog/catalog.js';
export type { GeneratedKnobs, GeneratedSchemaSet, GeneratedWebhook } from './webhooks/generated/define.js';
export type { Detail } from './webhooks/generated/fake.js';
export type { ManifestTransformations, ManifestWebhook, PayloadKindName, TransformKind, TransformPath } from './webhooks/generated/manifest.js';
export type { GeneratedWebhookEventType, GeneratedWebhookName } from './webhooks/generated/names.js';
export { webhookLayers, type LayerOptions } from './catalog/layers.js';
export { parsePayload, safeParsePayload, type ParseOptions, type PayloadOf, type SdkEnvelopeOf } from './catalog/parse.js';
export { safeValidate, validate, type ValidationResult } from './catalog/validate.js';
export { deliveryDataSchema, deliverySchemas, identityTypes, type IdentityType } from './wire/delivery.js';
export { schemaModes, type ObjectBuilder, type SchemaFamily, type SchemaMode } from './wire/mode.js';
export { actionEventPayload, createdEventPayload, type PayloadIdentity } from './wire/domain-event.js';
export type {
  AccountInfo,
  DeliveryLayers,
  Identity,
  PayloadKind,
  PayloadSchema,
  PayloadSpec,
  WebhookDefinition,
  WebhookDefinitionInput,
  WebhookSchemaSet,
} from './definition/define-webhook.js';
export type { FactoryInput, FactoryOutput, RelatedOfFactory, TraitNameOf, TraitSpec, WebhookFactory } from './definition/define-factory.js';
export type { DeliveryContext } from './sdk/to-sdk-envelope.js';
export type { ActionBodyOf, BodyKey, EntityOf, RenamedKey, SdkAddress, SdkEnvelope, SdkHandlerInfo, SdkMetadata, SdkShape, SdkShapeOf, SdkTransformSpec } from './sdk/transform-spec.js';

// The entities of the curated webhooks, as Wix's services define them.
export { calendarEventSchemas, type CalendarEvent, type CalendarEventSchemas, type RecurrenceRule, type RecurringEventSplit, type ZonedDate } from './domains/calendar/event.js';
export { calendarParticipationSchemas, participationStatuses, type Participant, type Participation } from './domains/calendar/participation.js';
export type { Schedule } from './domains/calendar/fake.js';
export { eventsGuestSchemas, timingOffsetMinutes, timings, type EventDetails, type EventGuest, type EventsGuestSchemas, type GuestEventStarts, type Timing } from './domains/events/guest.js';
export type { GuestEventStartsKnobs, GuestEventStartsRelated, ParticipationKnobs, ParticipationRelated, SplitKnobs, SplitRelated } from './webhooks/index.js';

// Factories: realistic, consistent, seeded payloads.
export { build, buildEntity, buildPayload, buildPayloads, buildSdkEnvelope, listTraits, type BuildOptions, type Built, type BuiltBase, type DataOf, type PerWebhook, type RelatedOf, type TraitOf } from './build/build.js';
export type { DeepPartial } from './build/deep-partial.js';
export type { DeliveryOptions } from './build/delivery.js';

// Signing and verification, as Wix signs and @wix/sdk verifies.
export { adversarialDeliveries, type AdversarialDelivery, type AdversarialOptions } from './signing/adversarial.js';
export { createDeliveryTracker, type DeliveryTracker } from './signing/delivery-tracker.js';
export { generateKeyPair, loadPrivateKey, loadPublicKey, publicKeyPem, testKeyPair, type KeyInput, type KeyPair, type SigningKeysInput } from './signing/keys.js';
export { parseWebhook, type ParsedOf, type ParsedWebhook, type ParseWebhookOptions } from './signing/parse-webhook.js';
export { encodeDeliveryData, signDeliveryData, signWebhook, type SignOptions } from './signing/sign.js';

// Delivery with Wix's resend policy.
export { createVirtualClock, realClock, type Clock, type VirtualClock, type VirtualClockOptions } from './delivery/clock.js';
export { resendPolicy, wixResendPolicy, type ResendPolicy } from './delivery/resend-policy.js';
export { deliver, handlerRequestUrl, type DeliverOptions, type DeliveryTarget, type FetchHandler, type NodeListener } from './delivery/deliver.js';
export { attemptErrorCodes, type Attempt, type AttemptErrorCode, type DeliveryReport } from './delivery/report.js';
export { deliverBatch, type BatchAttempt, type BatchDelivery, type BatchItem, type BatchOptions, type BatchReport, type BatchSummary } from './delivery/batch.js';
