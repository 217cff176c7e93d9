import type { CatalogWebhook } from '../catalog/catalog.js';

/** The parts of a domain event that differ between deliveries; the rest comes from the webhook's definition. */
export interface PayloadParts {
  /** The event's own id (what receivers deduplicate on). */
  id: string;
  entityId: string;
  /** `createdEvent.entity` or `actionEvent.body`. */
  data: unknown;
  eventTime: string;
  triggeredByAnonymizeRequest?: boolean;
  entityEventSequence?: string;
  /** Action webhooks: carry the body in `actionEvent.bodyAsJson`, as some docs examples do. */
  bodyAsJson?: boolean;
}

/**
 * The domain event Wix wraps in the JWT, assembled the one way the factories and the simulated
 * Wix both need: field order as in Wix's docs examples, so generated files read like them.
 */
export function assemblePayload(webhook: Pick<CatalogWebhook, 'entityFqdn' | 'slug' | 'kind'>, parts: PayloadParts): Record<string, unknown> {
  const payload: Record<string, unknown> = { id: parts.id, entityFqdn: webhook.entityFqdn, slug: webhook.slug, entityId: parts.entityId };
  if (webhook.kind === 'created') payload.createdEvent = { entity: parts.data };
  else payload.actionEvent = parts.bodyAsJson ? { bodyAsJson: parts.data } : { body: parts.data };
  payload.eventTime = parts.eventTime;
  payload.triggeredByAnonymizeRequest = parts.triggeredByAnonymizeRequest ?? false;
  if (parts.entityEventSequence !== undefined) payload.entityEventSequence = parts.entityEventSequence;
  return payload;
}
