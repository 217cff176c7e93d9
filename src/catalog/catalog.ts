import { UnknownEventTypeError, UnknownWebhookError } from '../errors.js';
import { curatedWebhooks } from '../webhooks/index.js';

/**
 * Every webhook the toolkit knows. Features iterate this list and never name a webhook: adding
 * one means adding its definition file under `src/webhooks/` and listing it in `src/webhooks/index.ts`.
 */
export const catalog = curatedWebhooks;

export type CatalogWebhook = (typeof catalog)[number];
export type WebhookName = CatalogWebhook['name'];
export type WebhookEventType = CatalogWebhook['eventType'];
export type WebhookByName<Name extends WebhookName> = Extract<CatalogWebhook, { name: Name }>;
export type WebhookByEventType<EventType extends WebhookEventType> = Extract<CatalogWebhook, { eventType: EventType }>;

const byName = new Map<string, CatalogWebhook>(catalog.map((webhook) => [webhook.name, webhook]));
const byEventType = new Map<string, CatalogWebhook>(catalog.map((webhook) => [webhook.eventType, webhook]));

export const webhookNames: readonly WebhookName[] = catalog.map((webhook) => webhook.name);
export const webhookEventTypes: readonly WebhookEventType[] = catalog.map((webhook) => webhook.eventType);

export function isWebhookName(name: string): name is WebhookName {
  return byName.has(name);
}

/** The catalog entry named `name`; throws {@link UnknownWebhookError} (listing the known names) otherwise. */
export function getWebhook<Name extends WebhookName>(name: Name): WebhookByName<Name>;
export function getWebhook(name: string): CatalogWebhook;
export function getWebhook(name: string): CatalogWebhook {
  const webhook = byName.get(name);
  if (!webhook) throw new UnknownWebhookError(name, webhookNames);
  return webhook;
}

/** The catalog entry whose `eventType` is given; throws {@link UnknownEventTypeError} otherwise. */
export function getWebhookByEventType<EventType extends WebhookEventType>(eventType: EventType): WebhookByEventType<EventType>;
export function getWebhookByEventType(eventType: string): CatalogWebhook;
export function getWebhookByEventType(eventType: string): CatalogWebhook {
  const webhook = byEventType.get(eventType);
  if (!webhook) throw new UnknownEventTypeError(eventType, webhookEventTypes);
  return webhook;
}
