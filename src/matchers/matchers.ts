import { isWebhookName, webhookNames, type WebhookName } from '../catalog/catalog.js';
import { WixhookError } from '../errors.js';
import { safeParsePayload } from '../parse.js';
import type { SchemaMode } from '../schemas/mode.js';
import type { KeyInput } from '../signing/keys.js';
import { parseWebhook } from '../signing/parse-webhook.js';

/** What `expect.extend` takes, in the shape both Vitest and Jest call. */
export interface MatcherResult {
  pass: boolean;
  message: () => string;
}

/** The part of Vitest's and Jest's matcher context the matchers use. */
export interface MatcherContext {
  isNot?: boolean;
}

function unknownWebhook(name: string): MatcherResult {
  return { pass: false, message: () => `Unknown webhook "${name}". Known webhooks: ${webhookNames.join(', ')}.` };
}

/**
 * Passes when `received` is a valid payload (the domain event) of the named webhook.
 *
 * @example
 * expect.extend(wixMatchers);
 * expect(body).toBeWixPayload('participation-created', { mode: 'strict' });
 */
function toBeWixPayload(this: MatcherContext, received: unknown, name: WebhookName, options: { mode?: SchemaMode } = {}): MatcherResult {
  if (!isWebhookName(name)) return unknownWebhook(name);
  const mode = options.mode ?? 'loose';
  const result = safeParsePayload(name, received, { mode });
  if (result.success) return { pass: true, message: () => `expected the value not to be a valid ${name} payload (${mode}), but it is` };
  return {
    pass: false,
    message: () => `expected a valid ${name} payload (${mode}):\n${result.error.issues.map((issue) => `  - ${issue.message}`).join('\n')}`,
  };
}

/**
 * Passes when `received` is a request body (JWT) that verifies with `publicKey` and carries a valid
 * delivery of the named webhook (any catalog webhook when `name` is omitted). Asynchronous:
 * `await expect(body).toBeSignedWixWebhook(...)`.
 *
 * @example
 * await expect(requestBody).toBeSignedWixWebhook('guest-event-starts', { publicKey });
 */
async function toBeSignedWixWebhook(
  this: MatcherContext,
  received: unknown,
  name: WebhookName | undefined,
  options: { publicKey: KeyInput; mode?: SchemaMode; now?: Date },
): Promise<MatcherResult> {
  if (name !== undefined && !isWebhookName(name)) return unknownWebhook(name);
  try {
    const delivery = await parseWebhook(received as string, { publicKey: options.publicKey, mode: options.mode ?? 'loose', ...(options.now ? { now: options.now } : {}) });
    if (name !== undefined && delivery.name !== name) {
      return { pass: false, message: () => `expected a signed ${name} webhook, got a signed ${delivery.name} webhook (${delivery.eventType})` };
    }
    return { pass: true, message: () => `expected the body not to be a signed ${name ?? 'Wix'} webhook, but it verifies as ${delivery.name}` };
  } catch (error) {
    const reason = error instanceof WixhookError ? `${error.code}: ${error.message}` : String(error);
    return { pass: false, message: () => `expected a signed ${name ?? 'Wix'} webhook, but it does not verify:\n  ${reason}` };
  }
}

/**
 * Custom matchers for Vitest's and Jest's `expect`: register with `expect.extend(wixMatchers)`,
 * or import `wix-webhook-testkit/vitest`, which registers them and types them.
 */
export const wixMatchers = { toBeWixPayload, toBeSignedWixWebhook };

/** The matchers as methods of an assertion, for the typings of `expect(...)`. */
export interface WixMatchers<R = unknown> {
  /** Passes when the value is a valid payload of the named webhook. */
  toBeWixPayload(name: WebhookName, options?: { mode?: SchemaMode }): R;
  /** Passes when the value is a JWT body that verifies and carries a valid delivery (of the named webhook). */
  toBeSignedWixWebhook(name: WebhookName | undefined, options: { publicKey: KeyInput; mode?: SchemaMode; now?: Date }): Promise<R>;
}
