/**
 * A webhook definition built from one manifest entry: schemas in both modes, the payload schema
 * of its kind, the SDK envelope as `@wix/sdk` builds it, and a factory with `minimal` and `full`
 * traits. The package's schema file is read on first use of the definition's schemas or factory.
 */
import * as z from 'zod';
import { deliverySchemas } from '../../wire/delivery.js';
import { guid as guidSchema, int64String, timestamp } from '../../wire/common.js';
import { guid } from '../../fake/ids.js';
import { schemaFamily, type SchemaFamily, type SchemaMode } from '../../wire/mode.js';
import type { DeliveryContext } from '../../sdk/to-sdk-envelope.js';
import type { FactoryInput, FactoryOutput, WebhookFactory } from '../../definition/define-factory.js';
import { isoMillis } from '../../fake/instants.js';
import { fakeNode, type Detail } from './fake.js';
import { manifestPackage } from './load.js';
import type { ManifestTransformations, ManifestWebhook, ManifestWebhookSchema, PayloadKindName, SchemaNode } from './manifest.js';
import { generatedSdkEnvelope } from './transformations.js';
import { schemaBuilder } from './zod-schema.js';

type Json = Record<string, unknown>;

export interface GeneratedKnobs {
  /** How much of the schema tree a build fills: `minimal`, `random` (default) or `full`. */
  detail: Detail;
}

/** The schemas of a generated webhook in one mode. */
export interface GeneratedSchemaSet {
  /** The domain event inside the JWT (a legacy event: its body). */
  payload: z.ZodType<Record<string, unknown>>;
  /** The entity or body. */
  data: z.ZodType;
  entities: Record<string, z.ZodType>;
  /** The outline of what `@wix/sdk` hands the handler (its content is checked against the real SDK, not by this schema). */
  sdkEnvelope: z.ZodType;
}

/** A webhook of the generated tier: the catalog's definition shape, built from one manifest entry. */
export interface GeneratedWebhook {
  readonly name: string;
  readonly eventType: string;
  readonly entityFqdn: string;
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly docsUrl: string;
  /** `wix-<service>`: the Pact provider name of the generated tier. */
  readonly provider: string;
  readonly kind: PayloadKindName;
  readonly acceptsBodyAsJson: boolean;
  readonly tier: 'generated';
  readonly service: string;
  /** The manifest entry it was built from. */
  readonly manifest: ManifestWebhook;
  readonly schemas: SchemaFamily<GeneratedSchemaSet>;
  readonly entities: SchemaFamily<Record<string, z.ZodType>>;
  readonly sdk: { readonly package: string; readonly module: string; readonly handler: string; readonly transformations: ManifestTransformations };
  readonly factory: WebhookFactory<unknown, GeneratedKnobs, Record<string, never>, 'minimal' | 'full'>;
  /** The envelope `@wix/sdk` hands the handler for `payload`, built as the SDK builds it. */
  toSdkEnvelope(payload: unknown, context: DeliveryContext): Record<string, unknown>;
}

const traits = {
  minimal: { description: 'Only what Wix always sends: required fields and the entity id (deleted events: no entity).', group: 'detail', knobs: { detail: 'minimal' } },
  full: { description: 'Every optional field present, down to a nesting depth of 5.', group: 'detail', knobs: { detail: 'full' } },
} as const satisfies Record<string, { description: string; group: string; knobs: GeneratedKnobs }>;

/** Where a kind carries its data in the payload. */
const bodyMember = { created: ['createdEvent', 'entity'], updated: ['updatedEvent', 'currentEntity'], deleted: ['deletedEvent', 'deletedEntity'], action: ['actionEvent', 'body'] } as const;

function schemaOf(webhook: ManifestWebhook): { types: Record<string, SchemaNode>; schema: ManifestWebhookSchema } {
  const file = manifestPackage(webhook.package);
  const schema = file.webhooks[webhook.eventType];
  if (!schema) throw new Error(`manifest: ${webhook.package} has no schema for ${webhook.eventType}`);
  return { types: file.types, schema };
}

function payloadSchema(webhook: ManifestWebhook, data: z.ZodType, mode: SchemaMode): z.ZodType {
  const object = mode === 'strict' ? z.strictObject : z.looseObject;
  if (webhook.kind === 'legacy') return data;
  const envelope = {
    id: guidSchema(),
    entityFqdn: z.literal(webhook.entityFqdn),
    slug: z.literal(webhook.slug),
    entityId: z.string(),
    eventTime: timestamp(),
    triggeredByAnonymizeRequest: z.boolean().optional(),
    originatedFrom: z.string().optional(),
    entityEventSequence: int64String().optional(),
  };
  const [member, inner] = bodyMember[webhook.kind];
  const body =
    webhook.kind === 'updated'
      ? object({ currentEntity: data, modifiedFields: z.record(z.string(), z.unknown()).optional() })
      : webhook.kind === 'deleted'
        ? object({ deletedEntity: data.optional(), movedToTrash: z.boolean().optional() })
        : object({ [inner]: data });
  return object({ ...envelope, [member]: body }).meta({ title: `${webhook.title.replaceAll(' ', '')}Payload`, description: webhook.description });
}

export function defineGeneratedWebhook(webhook: ManifestWebhook): GeneratedWebhook {
  const schemas = schemaFamily((_object, mode) => {
    const { types, schema } = schemaOf(webhook);
    const data = schema.data ? schemaBuilder(types, mode)(schema.data) : z.strictObject({});
    const payload = payloadSchema(webhook, data, mode);
    const layers = deliverySchemas(mode);
    const member = webhook.kind === 'action' || webhook.kind === 'legacy' ? 'data' : 'entity';
    // The SDK layer is checked where it is built (against the real SDK); here its outline.
    const sdkEnvelope = z.looseObject({
      [member]: webhook.kind === 'deleted' ? z.unknown().optional() : z.unknown(),
      metadata: z.looseObject({ instanceId: z.string().optional(), identity: layers.Identity.optional(), accountInfo: layers.AccountInfo.optional() }),
    });
    // Typed as plain objects: a generated payload's own shape lives in the manifest, not in TypeScript.
    return { payload: payload as z.ZodType<Record<string, unknown>>, data, entities: {} as Record<string, z.ZodType>, sdkEnvelope };
  });

  const factory: WebhookFactory<unknown, GeneratedKnobs, Record<string, never>, keyof typeof traits> = {
    traits,
    build({ faker, now, knobs }: FactoryInput<GeneratedKnobs, Record<string, never>>): FactoryOutput<unknown, Record<string, never>> {
      const detail = knobs.detail ?? 'random';
      const { types, schema } = schemaOf(webhook);
      const data = schema.data && !(webhook.kind === 'deleted' && detail === 'minimal') ? (fakeNode(schema.data, '', { faker, types, detail, now, bits: 0, bitCount: 0 }, 0) as Json) : undefined;
      // Consistency: created <= updated <= eventTime, and the payload is about this entity.
      const created = now - faker.number.int({ min: 86_400_000, max: 365 * 86_400_000 });
      const updated = webhook.kind === 'created' ? created : faker.number.int({ min: created, max: now - 1000 });
      if (data && typeof data === 'object') {
        if ('createdDate' in data) data.createdDate = isoMillis(created);
        if ('updatedDate' in data) data.updatedDate = isoMillis(updated);
      }
      const entityId = data && typeof data.id === 'string' ? data.id : guid(faker);
      let modifiedFields: Json | undefined;
      if (webhook.kind === 'updated' && data) {
        const candidates = Object.keys(data).filter((key) => key !== 'id' && key !== 'createdDate');
        const picked = faker.helpers.arrayElements(candidates, { min: Math.min(1, candidates.length), max: Math.min(3, candidates.length) });
        if (picked.length > 0) modifiedFields = Object.fromEntries(picked.map((key) => [key, structuredClone(data[key])]));
      }
      return { data, entityId, eventTime: isoMillis(now), related: {}, ...(modifiedFields ? { modifiedFields } : {}) };
    },
  };

  return Object.freeze({
    name: webhook.name,
    eventType: webhook.eventType,
    entityFqdn: webhook.entityFqdn,
    slug: webhook.slug,
    title: webhook.title,
    description: webhook.description,
    docsUrl: '',
    provider: `wix-${webhook.service}`,
    kind: webhook.kind,
    acceptsBodyAsJson: false,
    tier: 'generated' as const,
    service: webhook.service,
    manifest: webhook,
    schemas,
    entities: schemaFamily(() => ({}) as Record<string, z.ZodType>),
    sdk: {
      package: webhook.package,
      module: webhook.package,
      handler: webhook.handler,
      get transformations() {
        return schemaOf(webhook).schema.transformations;
      },
    },
    factory,
    toSdkEnvelope: (payload: unknown, context: DeliveryContext) => generatedSdkEnvelope(webhook.kind, payload as Json, context, schemaOf(webhook).schema.transformations),
  });
}

