import * as z from 'zod';
import { guid, int64String, timestamp } from './common.js';
import type { ObjectBuilder } from './mode.js';

/**
 * The fields every Wix domain event carries, whatever its entity. Descriptions are Wix's
 * (REST docs of each webhook, "Event body").
 */
function envelopeShape<Fqdn extends string, Slug extends string>(entityFqdn: Fqdn, slug: Slug) {
  return {
    id: guid().describe('Unique event ID. Allows clients to ignore duplicate webhooks.'),
    entityFqdn: z.literal(entityFqdn).describe(`Fully qualified domain name of the entity associated with the event. Expected \`${entityFqdn}\`.`),
    slug: z.literal(slug).describe(`Event name. Expected \`${slug}\`.`),
    entityId: z.string().min(1).describe('ID of the entity associated with the event.'),
    eventTime: timestamp().describe('Event timestamp in ISO-8601 format and UTC time.'),
    triggeredByAnonymizeRequest: z
      .boolean()
      .optional()
      .describe('Whether the event was triggered as a result of a privacy regulation application (for example, GDPR).'),
    originatedFrom: z.string().optional().describe('If present, indicates the action that triggered the event.'),
    entityEventSequence: int64String()
      .optional()
      .describe(
        'A sequence number that indicates the order of updates to an entity. A message with a lower number than the last one handled is older and can be ignored.',
      ),
  };
}

export interface PayloadIdentity<Fqdn extends string, Slug extends string> {
  entityFqdn: Fqdn;
  slug: Slug;
  title: string;
  description: string;
}

/** Payload of a `created` webhook: the new entity sits in `createdEvent.entity`. */
export function createdEventPayload<Fqdn extends string, Slug extends string, Entity extends z.ZodType>(
  object: ObjectBuilder,
  identity: PayloadIdentity<Fqdn, Slug>,
  entity: Entity,
) {
  return object({
    ...envelopeShape(identity.entityFqdn, identity.slug),
    createdEvent: object({ entity: entity.describe('The created entity.') }).meta({ title: 'CreatedEvent', description: 'Created event details.' }),
  }).meta({ title: identity.title, description: identity.description });
}

/**
 * Payload of an action webhook: the body sits in `actionEvent.body`, which is what `@wix/sdk`
 * reads. Some of Wix's docs examples show `actionEvent.bodyAsJson` instead; `acceptBodyAsJson`
 * accepts that form too, requiring at least one of the two.
 */
export function actionEventPayload<Fqdn extends string, Slug extends string, Body extends z.ZodType, BodyAsJson extends boolean = false>(
  object: ObjectBuilder,
  identity: PayloadIdentity<Fqdn, Slug>,
  body: Body,
  acceptBodyAsJson: BodyAsJson = false as BodyAsJson,
) {
  return object({
    ...envelopeShape(identity.entityFqdn, identity.slug),
    actionEvent: (acceptBodyAsJson ? actionEventWithBodyAsJson(object, body) : actionEventWithBody(object, body)) as BodyAsJson extends true
      ? ReturnType<typeof actionEventWithBodyAsJson<Body>>
      : ReturnType<typeof actionEventWithBody<Body>>,
  }).meta({ title: identity.title, description: identity.description });
}

function actionEventWithBody<Body extends z.ZodType>(object: ObjectBuilder, body: Body) {
  return object({ body: body.describe('Event information.') }).meta({ title: 'ActionEvent', description: 'Event information.' });
}

function actionEventWithBodyAsJson<Body extends z.ZodType>(object: ObjectBuilder, body: Body) {
  return object({
        body: body.optional().describe('Event information, in the form `@wix/sdk` reads.'),
        bodyAsJson: body.optional().describe('Event information, as shown in the docs example. `@wix/sdk` ignores this form.'),
      })
        .check((ctx) => {
          if (ctx.value.body === undefined && ctx.value.bodyAsJson === undefined) {
            ctx.issues.push({ code: 'custom', input: ctx.value, path: ['body'], message: 'expected `body` (or the docs form `bodyAsJson`), found neither' });
          }
        })
    .meta({ title: 'ActionEvent', description: 'Event information.', anyOf: [{ required: ['body'] }, { required: ['bodyAsJson'] }] });
}
