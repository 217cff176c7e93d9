/**
 * wix-webhook-testkit: schemas, factories and signing for Wix webhooks.
 * Subpaths `wix-webhook-testkit/msw` and `wix-webhook-testkit/pact` hold the parts that need
 * those peer dependencies.
 */
export {
  catalog,
  getWebhook,
  getWebhookByEventType,
  isWebhookName,
  webhookEventTypes,
  webhookNames,
  type CatalogWebhook,
  type WebhookByEventType,
  type WebhookByName,
  type WebhookEventType,
  type WebhookName,
} from './catalog/catalog.js';
export { defineWebhook, type AccountInfo, type Identity, type WebhookDefinition } from './definition/define-webhook.js';
export { SchemaMismatchError, UnknownEventTypeError, UnknownWebhookError, WixhookError, type SchemaIssue } from './errors.js';
export { parsePayload, safeParsePayload, type ParseOptions, type PayloadOf, type SdkEnvelopeOf } from './catalog/parse.js';
export { deliveryDataSchema, deliverySchemas, identityTypes, type IdentityType } from './wire/delivery.js';
export { schemaModes, type SchemaMode } from './wire/mode.js';
export { safeValidate, validate, type ValidationResult } from './catalog/validate.js';
export type { DeliveryContext } from './sdk/to-sdk-envelope.js';
export type { SdkAddress, SdkEnvelope, SdkTransformSpec } from './sdk/transform-spec.js';
export { calendarParticipationSchemas, participationStatuses, type Participant, type Participation } from './domains/calendar/participation.js';
export { calendarEventSchemas, type CalendarEvent, type RecurrenceRule, type RecurringEventSplit, type ZonedDate } from './domains/calendar/event.js';
export { eventsGuestSchemas, timingOffsetMinutes, timings, type EventDetails, type EventGuest, type GuestEventStarts, type Timing } from './domains/events/guest.js';
export { build, buildEntity, buildPayload, buildPayloads, buildSdkEnvelope, listTraits, type BuildOptions, type Built, type DataOf, type RelatedOf, type TraitOf } from './build/build.js';
export type { DeepPartial } from './build/deep-partial.js';
export type { DeliveryOptions } from './build/delivery.js';
export { ConflictingTraitsError, InvalidFactoryOptionError, InvalidSetPathError, InvalidSetValueError, UnknownTraitError } from './build/errors.js';
export { defineFactory, type FactoryInput, type FactoryOutput, type TraitSpec, type WebhookFactory } from './definition/define-factory.js';
export { adversarialDeliveries, type AdversarialDelivery, type AdversarialOptions } from './signing/adversarial.js';
export { createDeliveryTracker, type DeliveryTracker } from './signing/delivery-tracker.js';
export * from './signing/errors.js';
export { generateKeyPair, loadPrivateKey, loadPublicKey, publicKeyPem, testKeyPair, type KeyInput, type KeyPair } from './signing/keys.js';
export { parseWebhook, type ParsedWebhook, type ParseWebhookOptions } from './signing/parse-webhook.js';
export { encodeDeliveryData, signDeliveryData, signWebhook, type SignOptions } from './signing/sign.js';
export { webhookLayers, type LayerOptions } from './catalog/layers.js';
export { createVirtualClock, realClock, type Clock, type VirtualClock, type VirtualClockOptions } from './delivery/clock.js';
export { resendPolicy, wixResendPolicy, type ResendPolicy } from './delivery/resend-policy.js';
export { deliver, handlerRequestUrl, type Attempt, type DeliverOptions, type DeliveryReport, type DeliveryTarget, type FetchHandler } from './delivery/deliver.js';
export { deliverBatch, type BatchDelivery, type BatchItem, type BatchOptions, type BatchReport, type BatchSummary } from './delivery/batch.js';
export { attemptErrorCodes, DeliveryAbortedError, InvalidDeliveryOptionError, type AttemptErrorCode } from './delivery/errors.js';
export { mocksGenerator, rawHttpRequest } from './generate/deliveries.js';
export type { DeliveryLayers, PayloadKind, PayloadSchema, PayloadSpec, WebhookDefinitionInput, WebhookSchemaSet } from './definition/define-webhook.js';
export type { ObjectBuilder, SchemaFamily } from './wire/mode.js';
export type { ActionBodyOf, EntityOf, SdkHandlerInfo, SdkMetadata, SdkShape } from './sdk/transform-spec.js';
export type { CalendarEventSchemas } from './domains/calendar/event.js';
export type { EventsGuestSchemas } from './domains/events/guest.js';
export type { BuiltBase } from './build/build.js';
export type { RelatedOfFactory, TraitNameOf } from './definition/define-factory.js';
export type { ParsedOf } from './signing/parse-webhook.js';
export type { GeneratedFile, Generator } from './generate/generated-file.js';
export type { ParticipationKnobs, ParticipationRelated } from './webhooks/participation-created.factory.js';
export type { SplitKnobs, SplitRelated } from './webhooks/event-recurring-split.factory.js';
export type { GuestEventStartsKnobs, GuestEventStartsRelated } from './webhooks/guest-event-starts.factory.js';
export { actionEventPayload, createdEventPayload } from './wire/domain-event.js';
export type { BodyKey, SdkShapeOf } from './sdk/transform-spec.js';
export type { Schedule } from './domains/calendar/fake.js';
export type { RenamedKey } from './sdk/transform-spec.js';
export type { PayloadIdentity } from './wire/domain-event.js';
