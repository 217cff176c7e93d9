import { isWebhookName, webhookNames, type WebhookName } from '../catalog/catalog.js';
import { WixhookError } from '../errors.js';
import { safeParsePayload } from '../catalog/parse.js';
import type { SchemaMode } from '../wire/mode.js';
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

/** What `toHaveDeliveredWixWebhook` reads of a Wix mock (`createWixMock` from `wix-webhook-testkit/msw`). */
export interface DeliveryLog {
  deliveries: ReadonlyArray<{ name: string; status: string; payload: Record<string, unknown> }>;
  idle?(): Promise<void>;
}

/**
 * Passes when the mock delivered the named webhook to the app (answered 200), `times` times if
 * given, and, if `where` is given, with a payload it accepts. Waits for deliveries in flight first.
 *
 * @example
 * await expect(mock).toHaveDeliveredWixWebhook('participation-created', { times: 1 });
 */
async function toHaveDeliveredWixWebhook(
  this: MatcherContext,
  received: DeliveryLog,
  name: WebhookName,
  options: { times?: number; where?: (payload: Record<string, unknown>) => boolean } = {},
): Promise<MatcherResult> {
  if (!isWebhookName(name)) return unknownWebhook(name);
  if (!received || !Array.isArray(received.deliveries)) {
    return { pass: false, message: () => 'expected a Wix mock (from createWixMock) with a `deliveries` log' };
  }
  await received.idle?.();
  const delivered = received.deliveries.filter((delivery) => delivery.name === name && delivery.status === 'delivered' && (options.where?.(delivery.payload) ?? true));
  const pass = options.times === undefined ? delivered.length > 0 : delivered.length === options.times;
  const seen = received.deliveries.map((delivery) => `${delivery.name} (${delivery.status})`).join(', ') || 'none';
  const wanted = options.times === undefined ? 'at least once' : `${options.times} time${options.times === 1 ? '' : 's'}`;
  return {
    pass,
    message: () =>
      pass
        ? `expected ${name} not to be delivered ${wanted}, but it was delivered ${delivered.length} time(s)`
        : `expected ${name} delivered ${wanted}${options.where ? ' with a matching payload' : ''}, got ${delivered.length}. Deliveries: ${seen}`,
  };
}

/**
 * Custom matchers for Vitest's and Jest's `expect`: register with `expect.extend(wixMatchers)`,
 * or import `wix-webhook-testkit/vitest`, which registers them and types them.
 */
export const wixMatchers = { toBeWixPayload, toBeSignedWixWebhook, toHaveDeliveredWixWebhook };

/** The matchers as methods of an assertion, for the typings of `expect(...)`. */
export interface WixMatchers<R = unknown> {
  /** Passes when the value is a valid payload of the named webhook. */
  toBeWixPayload(name: WebhookName, options?: { mode?: SchemaMode }): R;
  /** Passes when the value is a JWT body that verifies and carries a valid delivery (of the named webhook). */
  toBeSignedWixWebhook(name: WebhookName | undefined, options: { publicKey: KeyInput; mode?: SchemaMode; now?: Date }): Promise<R>;
  /** Passes when a Wix mock delivered the named webhook (`times` times, with a payload `where` accepts). */
  toHaveDeliveredWixWebhook(name: WebhookName, options?: { times?: number; where?: (payload: Record<string, unknown>) => boolean }): Promise<R>;
}
