import type * as z from 'zod';
import { actionEventPayload, createdEventPayload } from '../schemas/domain-event.js';
import { schemaFamily, type ObjectBuilder, type SchemaFamily, type SchemaMode } from '../schemas/mode.js';

/** What a definition says about its payload; the payload schema itself is derived from it. */
export type PayloadKind = 'created' | 'action';

export interface PayloadSpec<Kind extends PayloadKind, Data extends z.ZodType> {
  /** `created`: `createdEvent.entity` carries the new entity; `action`: `actionEvent.body` carries the body. */
  kind: Kind;
  /** The entity (created) or body (action) schema, in the given mode. */
  data: (object: ObjectBuilder, mode: SchemaMode) => Data;
  /** Action webhooks only: also accept the docs' `actionEvent.bodyAsJson` form (which `@wix/sdk` ignores). */
  acceptBodyAsJson?: boolean;
}

/** The payload schema type for a kind, fqdn, slug and data schema. */
export type PayloadSchema<Kind extends PayloadKind, Fqdn extends string, Slug extends string, Data extends z.ZodType> = Kind extends 'created'
  ? ReturnType<typeof createdEventPayload<Fqdn, Slug, Data>>
  : ReturnType<typeof actionEventPayload<Fqdn, Slug, Data>>;

export interface WebhookDefinitionInput<
  Name extends string,
  EventType extends string,
  Fqdn extends string,
  Slug extends string,
  Kind extends PayloadKind,
  Data extends z.ZodType,
  Entities extends Record<string, z.ZodType>,
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
  readonly payload: PayloadSpec<Kind, Data>;
  /** Every entity schema the payload carries, by Wix type name (`Participation`, `Event`, ...). */
  readonly entities: SchemaFamily<Entities>;
}

export interface WebhookSchemaSet<Payload extends z.ZodType, Data extends z.ZodType, Entities extends Record<string, z.ZodType>> {
  /** The domain event inside the JWT. */
  payload: Payload;
  /** `createdEvent.entity` or `actionEvent.body`. */
  data: Data;
  entities: Entities;
}

export interface WebhookDefinition<
  Name extends string = string,
  EventType extends string = string,
  Fqdn extends string = string,
  Slug extends string = string,
  Kind extends PayloadKind = PayloadKind,
  Data extends z.ZodType = z.ZodType,
  Entities extends Record<string, z.ZodType> = Record<string, z.ZodType>,
> extends Omit<WebhookDefinitionInput<Name, EventType, Fqdn, Slug, Kind, Data, Entities>, 'payload'> {
  /** Which payload member carries the data, which decides the SDK envelope (`{ entity }` or `{ data }`). */
  readonly kind: Kind;
  /** Whether the docs' `actionEvent.bodyAsJson` form is accepted besides `actionEvent.body`. */
  readonly acceptsBodyAsJson: boolean;
  /** Zod schemas of the payload, its data and its entities, in either mode. */
  readonly schemas: SchemaFamily<WebhookSchemaSet<PayloadSchema<Kind, Fqdn, Slug, Data>, Data, Entities>>;
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
>(
  input: WebhookDefinitionInput<Name, EventType, Fqdn, Slug, Kind, Data, Entities>,
): WebhookDefinition<Name, EventType, Fqdn, Slug, Kind, Data, Entities> {
  const { payload: spec, ...header } = input;
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
        : actionEventPayload(object, identity, data, { acceptBodyAsJson: spec.acceptBodyAsJson ?? false });
    // The conditional type cannot be narrowed by the runtime `kind` check; the branch above is its definition.
    return { payload: payload as PayloadSchema<Kind, Fqdn, Slug, Data>, data, entities: input.entities(mode) };
  });
  return Object.freeze({
    ...header,
    kind: spec.kind,
    acceptsBodyAsJson: spec.kind === 'action' && (spec.acceptBodyAsJson ?? false),
    schemas,
  });
}
