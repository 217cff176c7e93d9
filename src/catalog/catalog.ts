import { UnknownEventTypeError, UnknownWebhookError } from '../errors.js';
import { curatedWebhooks } from '../webhooks/index.js';
import { findGeneratedWebhook, generatedEntries, type GeneratedWebhook } from '../webhooks/generated/index.js';
import type { GeneratedWebhookEventType, GeneratedWebhookName } from '../webhooks/generated/names.js';

/**
 * Every webhook the toolkit knows. Features iterate this list and never name a webhook: adding
 * one means adding its definition file under `src/webhooks/` and listing it in `src/webhooks/index.ts`.
 */
export const catalog = curatedWebhooks;

export type CatalogWebhook = (typeof catalog)[number];
/** A curated webhook's name: its payload, entity and SDK types are literal. */
export type CuratedWebhookName = CatalogWebhook['name'];
/** Every webhook's name, curated or generated (`manifest/`). */
export type WebhookName = CuratedWebhookName | GeneratedWebhookName;
export type WebhookEventType = CatalogWebhook['eventType'] | GeneratedWebhookEventType;
/** The curated definition of a name; for a generated name, the generated definition type (payloads typed as plain objects). */
export type WebhookByName<Name extends WebhookName> = Extract<CatalogWebhook, { name: Name }> | ([Exclude<Name, CuratedWebhookName>] extends [never] ? never : GeneratedWebhook);
export type WebhookByEventType<EventType extends WebhookEventType> = Extract<CatalogWebhook, { eventType: EventType }> | ([Exclude<EventType, CatalogWebhook['eventType']>] extends [never] ? never : GeneratedWebhook);

const byName = new Map<string, CatalogWebhook>(catalog.map((webhook) => [webhook.name, webhook]));
const byEventType = new Map<string, CatalogWebhook>(catalog.map((webhook) => [webhook.eventType, webhook]));

export const webhookNames: readonly WebhookName[] = catalog.map((webhook) => webhook.name);
export const webhookEventTypes: readonly WebhookEventType[] = catalog.map((webhook) => webhook.eventType);

/**
 * Generated webhooks (`manifest/`, derived from Wix's SDK packages) are looked up by name or
 * eventType after the curated ones, which win on a shared eventType. Their types are not literal:
 * they are typed as catalog webhooks whose payloads are plain objects.
 */
function generated(nameOrEventType: string): CatalogWebhook | undefined {
  const webhook = findGeneratedWebhook(nameOrEventType);
  if (!webhook || byEventType.has(webhook.eventType)) return undefined;
  return webhook as unknown as CatalogWebhook;
}

/** True for a curated or generated webhook's name. */
export function isWebhookName(name: string): name is WebhookName {
  return byName.has(name) || (findGeneratedWebhook(name)?.name === name && generated(name) !== undefined);
}

/** The catalog name of a curated or generated webhook given by name or eventType, or `undefined`. */
export function webhookNameOf(nameOrEventType: string): WebhookName | undefined {
  const webhook = byName.get(nameOrEventType) ?? byEventType.get(nameOrEventType) ?? generated(nameOrEventType);
  return webhook?.name;
}

/** What `wixhook list` shows of one webhook. */
export interface WebhookSummary {
  name: string;
  eventType: string;
  kind: string;
  service: string;
  tier: 'curated' | 'generated';
  title: string;
  package: string;
}

/** Every webhook the toolkit knows, curated first, then the generated ones (read from the manifest index on first call). */
export function listWebhooks(): WebhookSummary[] {
  const curated: WebhookSummary[] = catalog.map((webhook) => ({ name: webhook.name, eventType: webhook.eventType, kind: webhook.kind, service: webhook.provider.replace(/^wix-/, '').split('-')[0]!, tier: 'curated', title: webhook.title, package: webhook.sdk.package }));
  const rest: WebhookSummary[] = generatedEntries()
    .filter((entry) => !byEventType.has(entry.eventType))
    .map((entry) => ({ name: entry.name, eventType: entry.eventType, kind: entry.kind, service: entry.service, tier: 'generated', title: entry.title, package: `${entry.package}@${entry.version}` }));
  return [...curated, ...rest];
}

/** The catalog entry named `name`; throws {@link UnknownWebhookError} (listing the known names) otherwise. */
export function getWebhook<Name extends WebhookName>(name: Name): WebhookByName<Name>;
export function getWebhook(name: string): CatalogWebhook;
export function getWebhook(name: string): CatalogWebhook {
  const webhook = byName.get(name) ?? byEventType.get(name) ?? generated(name);
  if (!webhook) throw new UnknownWebhookError(name, webhookNames, `and the ${generatedEntries().filter((entry) => !byEventType.has(entry.eventType)).length} generated ones that \`wixhook list\` shows (by name or eventType)`);
  return webhook;
}

/** The catalog entry whose `eventType` is given; throws {@link UnknownEventTypeError} otherwise. */
export function getWebhookByEventType<EventType extends WebhookEventType>(eventType: EventType): WebhookByEventType<EventType>;
export function getWebhookByEventType(eventType: string): CatalogWebhook;
export function getWebhookByEventType(eventType: string): CatalogWebhook {
  const webhook = byEventType.get(eventType) ?? generated(eventType);
  if (!webhook || webhook.eventType !== eventType) throw new UnknownEventTypeError(eventType, webhookEventTypes);
  return webhook;
}
