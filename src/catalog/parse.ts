import type * as z from 'zod';
import { getWebhook, type WebhookByName, type WebhookName } from './catalog.js';
import type { SchemaMode } from '../wire/mode.js';
import { safeValidate, validate, type ValidationResult } from './validate.js';

export interface ParseOptions {
  /** `loose` (default) keeps fields Wix may add; `strict` reports every undocumented field. */
  mode?: SchemaMode;
}

/** The payload type of a catalog webhook (the domain event inside the JWT). */
export type PayloadOf<Name extends WebhookName> = z.output<ReturnType<WebhookByName<Name>['schemas']>['payload']>;
/** The envelope `@wix/sdk` hands this webhook's handler. */
export type SdkEnvelopeOf<Name extends WebhookName> = z.output<ReturnType<WebhookByName<Name>['schemas']>['sdkEnvelope']>;

/**
 * Validates a payload of the named webhook and returns it typed, or throws a
 * `SchemaMismatchError` whose `issues` name each path, what was expected and what came.
 *
 * @example
 * const payload = parsePayload('participation-created', JSON.parse(body));
 * payload.createdEvent.entity.partySize; // number
 */
export function parsePayload<Name extends WebhookName>(name: Name, value: unknown, options: ParseOptions = {}): PayloadOf<Name> {
  const mode = options.mode ?? 'loose';
  return validate(getWebhook(name).schemas(mode).payload, value, `${name} payload (${mode})`) as PayloadOf<Name>;
}

/**
 * Like {@link parsePayload}, without throwing.
 *
 * @example
 * const result = safeParsePayload('guest-event-starts', value, { mode: 'strict' });
 * if (!result.success) console.error(result.error.issues);
 */
export function safeParsePayload<Name extends WebhookName>(name: Name, value: unknown, options: ParseOptions = {}): ValidationResult<PayloadOf<Name>> {
  const mode = options.mode ?? 'loose';
  return safeValidate(getWebhook(name).schemas(mode).payload, value, `${name} payload (${mode})`) as ValidationResult<PayloadOf<Name>>;
}
