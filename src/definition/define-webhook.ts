import * as z from 'zod';
import { deliverySchemas } from '../wire/delivery.js';
import { actionEventPayload, createdEventPayload } from '../wire/domain-event.js';
import { schemaFamily, type ObjectBuilder, type SchemaFamily, type SchemaMode } from '../wire/mode.js';
import { sdkSchemaOf } from '../sdk/sdk-schema.js';
import { transformToSdkEnvelope, type DeliveryContext } from '../sdk/to-sdk-envelope.js';
import type { SdkEnvelope, SdkHandlerInfo, SdkTransformSpec } from '../sdk/transform-spec.js';
import type { WebhookFactory } from './define-factory.js';

/** The shared delivery-layer schemas (JWT, identity, account info). */
export type DeliveryLayers = ReturnType<typeof deliverySchemas>;
/** The caller identity a delivery carries (the identity one-of). */
export type Identity = z.output<DeliveryLayers['Identity']>;
/** The account a delivery is about. */
export type AccountInfo = z.output<DeliveryLayers['AccountInfo']>;

/** What a definition says about its payload; the payload schema itself is derived from it. */
export type PayloadKind = 'created' | 'action';

export interface PayloadSpec<Kind extends PayloadKind, Data extends z.ZodType, BodyAsJson extends boolean> {
  /** `created`: `createdEvent.entity` carries the new entity; `action`: `actionEvent.body` carries the body. */
  kind: Kind;
  /** The entity (created) or body (action) schema, in the given mode. */
  data: (object: ObjectBuilder, mode: SchemaMode) => Data;
  /** Action webhooks only: also accept the docs' `actionEvent.bodyAsJson` form (which `@wix/sdk` ignores). */
  acceptBodyAsJson?: BodyAsJson;
}

/** The payload schema type for a kind, fqdn, slug, data schema and accepted body forms. */
export type PayloadSchema<Kind extends PayloadKind, Fqdn extends string, Slug extends string, Data extends z.ZodType, BodyAsJson extends boolean> = Kind extends 'created'
  ? ReturnType<typeof createdEventPayload<Fqdn, Slug, Data>>
  : ReturnType<typeof actionEventPayload<Fqdn, Slug, Data, BodyAsJson>>;

export interface WebhookDefinitionInput<
  Name extends string,
  EventType extends string,
  Fqdn extends string,
  Slug extends string,
  Kind extends PayloadKind,
  BodyAsJson extends boolean,
  Data extends z.ZodType,
  Entities extends Record<string, z.ZodType>,
  Spec extends SdkTransformSpec,
  Factory extends WebhookFactory = WebhookFactory,
> {
  /** CLI and file name, e.g. `participation-created`. */
  readonly name: Name;
  /** The `eventType` Wix puts in the delivery, e.g. `wix.calendar.v3.participation_created`. */
  readonly eventType: EventType;
  /** The payload's `entityFqdn`. */
  readonly entityFqdn: Fqdn;
  /** The payload's `slug`. */
  readonly slug: Slug;
  /** Human title from Wix's docs, e.g. `Participation Created`. */
  readonly title: string;
  /** What triggers the webhook, in Wix's words. */
  readonly description: string;
  /** The webhook's page in Wix's docs. */
  readonly docsUrl: string;
  /** The Wix service that sends it; the Pact provider name. */
  readonly provider: string;
  /** The entity (created) or body (action) schema. */
  readonly payload: PayloadSpec<Kind, Data, BodyAsJson>;
  /** Every entity schema the payload carries, by Wix type name (`Participation`, `Event`, ...). */
  readonly entities: SchemaFamily<Entities>;
  /** Where the handler lives in Wix's JavaScript SDK and how the SDK transforms the payload for it. */
  readonly sdk: SdkHandlerInfo<Spec>;
  /** Builds realistic, consistent payloads of this webhook, with its named traits (`src/webhooks/<name>.factory.ts`). */
  readonly factory: Factory;
}

export interface WebhookSchemaSet<Payload extends z.ZodType, Data extends z.ZodType, Entities extends Record<string, z.ZodType>, Envelope> {
  /** The domain event inside the JWT. */
  payload: Payload;
  /** `createdEvent.entity` or `actionEvent.body`. */
  data: Data;
  entities: Entities;
  /** What `@wix/sdk` hands a handler: `{ entity | data, metadata }` with SDK names and `Date`s. Not expressible in JSON Schema. */
  sdkEnvelope: z.ZodType<Envelope>;
}

export interface WebhookDefinition<
  Name extends string = string,
  EventType extends string = string,
  Fqdn extends string = string,
  Slug extends string = string,
  Kind extends PayloadKind = PayloadKind,
  BodyAsJson extends boolean = boolean,
  Data extends z.ZodType = z.ZodType,
  Entities extends Record<string, z.ZodType> = Record<string, z.ZodType>,
  Spec extends SdkTransformSpec = SdkTransformSpec,
  Factory extends WebhookFactory = WebhookFactory,
> extends Omit<WebhookDefinitionInput<Name, EventType, Fqdn, Slug, Kind, BodyAsJson, Data, Entities, Spec, Factory>, 'payload'> {
  /** Which payload member carries the data, which decides the SDK envelope (`{ entity }` or `{ data }`). */
  readonly kind: Kind;
  /** Whether the docs' `actionEvent.bodyAsJson` form is accepted besides `actionEvent.body`. */
  readonly acceptsBodyAsJson: boolean;
  /** Zod schemas of the payload, its data and its entities, in either mode. */
  readonly schemas: SchemaFamily<
    WebhookSchemaSet<PayloadSchema<Kind, Fqdn, Slug, Data, BodyAsJson>, Data, Entities, SdkEnvelope<Kind, z.output<PayloadSchema<Kind, Fqdn, Slug, Data, BodyAsJson>>, Spec, Identity, AccountInfo>>
  >;
  /**
   * The envelope `@wix/sdk` hands this webhook's handler, built from a payload the way the SDK
   * builds it (same renames, `Date`s, address and URL transformations). The payload is not modified.
   */
  toSdkEnvelope(
    payload: z.input<PayloadSchema<Kind, Fqdn, Slug, Data, BodyAsJson>>,
    context: DeliveryContext<Identity, AccountInfo>,
  ): SdkEnvelope<Kind, z.output<PayloadSchema<Kind, Fqdn, Slug, Data, BodyAsJson>>, Spec, Identity, AccountInfo>;
}

/**
 * Declares one webhook. The `const` type parameters keep `name` and `eventType` literal, so the
 * catalog can offer unions and lookups typed by them.
 */
export function defineWebhook<
  const Name extends string,
  const EventType extends string,
  const Fqdn extends string,
  const Slug extends string,
  const Kind extends PayloadKind,
  Data extends z.ZodType,
  Entities extends Record<string, z.ZodType>,
  const Spec extends SdkTransformSpec,
  const BodyAsJson extends boolean = false,
  Factory extends WebhookFactory<z.output<Data>> = WebhookFactory<z.output<Data>>,
>(
  input: WebhookDefinitionInput<Name, EventType, Fqdn, Slug, Kind, BodyAsJson, Data, Entities, Spec, Factory>,
): WebhookDefinition<Name, EventType, Fqdn, Slug, Kind, BodyAsJson, Data, Entities, Spec, Factory> {
  const { payload: spec, ...header } = input;
  const transformations = input.sdk.transformations;
  const identity = {
    entityFqdn: input.entityFqdn,
    slug: input.slug,
    title: `${input.title.replaceAll(' ', '')}Payload`,
    description: input.description,
  };
  const schemas = schemaFamily((object, mode) => {
    const data = spec.data(object, mode);
    const payload =
      spec.kind === 'created'
        ? createdEventPayload(object, identity, data)
        : actionEventPayload(object, identity, data, (spec.acceptBodyAsJson ?? false) as BodyAsJson);
    const layers = deliverySchemas(mode);
    const { createdEvent: _created, actionEvent: _action, ...envelopeFields } = payload.shape as Record<string, z.ZodType>;
    const metadata = sdkSchemaOf(object({ ...envelopeFields }), transformations, 'metadata', mode);
    const sdkEnvelope = object({
      [spec.kind === 'created' ? 'entity' : 'data']: sdkSchemaOf(data, transformations, spec.kind === 'created' ? 'entity' : 'data', mode),
      metadata: (metadata as z.ZodObject).extend({ instanceId: z.guid(), identity: layers.Identity, accountInfo: layers.AccountInfo.optional() }),
    }).meta({ title: `${input.title.replaceAll(' ', '')}Envelope` });
    // The conditional types cannot be narrowed by the runtime `kind` check; the branches above are their definition.
    return {
      payload: payload as PayloadSchema<Kind, Fqdn, Slug, Data, BodyAsJson>,
      data,
      entities: input.entities(mode),
      sdkEnvelope: sdkEnvelope as unknown as z.ZodType<SdkEnvelope<Kind, z.output<PayloadSchema<Kind, Fqdn, Slug, Data, BodyAsJson>>, Spec, Identity, AccountInfo>>,
    };
  });
  return Object.freeze({
    ...header,
    kind: spec.kind,
    acceptsBodyAsJson: spec.kind === 'action' && (spec.acceptBodyAsJson ?? false),
    schemas,
    toSdkEnvelope: (payload: z.input<PayloadSchema<Kind, Fqdn, Slug, Data, BodyAsJson>>, context: DeliveryContext<Identity, AccountInfo>) =>
      transformToSdkEnvelope(spec.kind, payload as Record<string, unknown>, context, transformations) as SdkEnvelope<
        Kind,
        z.output<PayloadSchema<Kind, Fqdn, Slug, Data, BodyAsJson>>,
        Spec,
        Identity,
        AccountInfo
      >,
  });
}
