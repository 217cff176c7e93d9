import type { SchemaMode } from '../wire/mode.js';
import { objectBuilder } from '../wire/mode.js';
import { deliveryDataSchema, deliverySchemas } from '../wire/delivery.js';
import { SchemaMismatchError } from '../errors.js';
import { toSchemaIssues } from '../wire/issues.js';
import type { CatalogWebhook, WebhookByName, WebhookName } from './catalog.js';
import { getWebhook } from './catalog.js';
import { DeliveryDataInputError } from './layer-errors.js';

export interface LayerOptions {
  mode?: SchemaMode;
  /** `$ref` written as the `contentSchema` of the `data` string in JSON Schema. */
  payloadSchemaRef?: string;
}

/**
 * Every layer of one webhook, outermost first: the JWT header and claims, the `data` claim's object
 * (whose `data` and `identity` members are strings of JSON: `deliveryData.decode(wire)` parses and
 * validates all of it, `.encode(decoded)` stringifies it as Wix does), the payload, the entities,
 * and the SDK envelope.
 *
 * @example
 * const { deliveryData } = webhookLayers('participation-created');
 * const decoded = deliveryData.decode(JSON.parse(claims.data)); // decoded.data.createdEvent.entity ...
 */
export function webhookLayers<Name extends WebhookName>(name: Name, options: LayerOptions = {}) {
  const webhook = getWebhook(name) as WebhookByName<Name> & CatalogWebhook;
  const mode = options.mode ?? 'loose';
  const shared = deliverySchemas(mode);
  const schemas = webhook.schemas(mode) as ReturnType<WebhookByName<Name>['schemas']>;
  const deliveryData = deliveryDataSchema(
    objectBuilder(mode),
    { eventType: webhook.eventType as WebhookByName<Name>['eventType'], payload: schemas.payload as ReturnType<WebhookByName<Name>['schemas']>['payload'], ...(options.payloadSchemaRef ? { payloadSchemaRef: options.payloadSchemaRef } : {}) },
    shared,
  );
  // zod's own decode throws a bare ZodError; the toolkit's errors say what to pass and name paths.
  const decode = ((input: unknown, params?: Parameters<typeof deliveryData.decode>[1]) => {
    if (typeof input === 'string') {
      throw new DeliveryDataInputError(
        `deliveryData.decode takes the object inside the JWT's data claim, JSON.parse(claims.data), not the string itself${input.split('.').length === 3 ? ' (this looks like a whole JWT: verify it with parseWebhook, or decode its claims first)' : ''}.`,
      );
    }
    const result = deliveryData.safeDecode(input as never, params);
    if (!result.success) throw new SchemaMismatchError(`${webhook.name} delivery data (${mode})`, toSchemaIssues(result.error.issues));
    return result.data;
  }) as typeof deliveryData.decode;
  deliveryData.decode = decode;
  return { ...shared, deliveryData, ...schemas };
}
