/** The parts of a domain event that differ between deliveries; the rest comes from the webhook's definition. */
export interface PayloadParts {
  /** The event's own id (what receivers deduplicate on). */
  id: string;
  entityId: string;
  /** `createdEvent.entity`, `updatedEvent.currentEntity`, `deletedEvent.deletedEntity`, `actionEvent.body`, or a legacy event's whole body. */
  data: unknown;
  eventTime: string;
  triggeredByAnonymizeRequest?: boolean;
  entityEventSequence?: string;
  /** Action webhooks: carry the body in `actionEvent.bodyAsJson`, as some docs examples do. */
  bodyAsJson?: boolean;
  /** Updated webhooks: `updatedEvent.modifiedFields`, keyed by the paths that changed. */
  modifiedFields?: Record<string, unknown>;
}

/** Where each payload kind carries its data; a legacy event is the bare body, without the domain-event envelope. */
export type PayloadKindOf = 'created' | 'updated' | 'deleted' | 'action' | 'legacy';

/**
 * The domain event Wix wraps in the JWT, assembled the one way the factories and the simulated
 * Wix both need: field order as in Wix's docs examples, so generated files read like them.
 */
export function assemblePayload(webhook: { readonly entityFqdn: string; readonly slug: string; readonly kind: string }, parts: PayloadParts): Record<string, unknown> {
  const kind = webhook.kind as PayloadKindOf;
  if (kind === 'legacy') return { ...(parts.data as Record<string, unknown>) };
  const payload: Record<string, unknown> = { id: parts.id, entityFqdn: webhook.entityFqdn, slug: webhook.slug, entityId: parts.entityId };
  if (kind === 'created') payload.createdEvent = { entity: parts.data };
  else if (kind === 'updated') payload.updatedEvent = { currentEntity: parts.data, ...(parts.modifiedFields ? { modifiedFields: parts.modifiedFields } : {}) };
  else if (kind === 'deleted') payload.deletedEvent = parts.data === undefined ? {} : { deletedEntity: parts.data };
  else payload.actionEvent = parts.bodyAsJson ? { bodyAsJson: parts.data } : { body: parts.data };
  payload.eventTime = parts.eventTime;
  payload.triggeredByAnonymizeRequest = parts.triggeredByAnonymizeRequest ?? false;
  if (parts.entityEventSequence !== undefined) payload.entityEventSequence = parts.entityEventSequence;
  return payload;
}

/** The data a payload carries, wherever its kind puts it. */
export function payloadData(kind: PayloadKindOf, payload: Record<string, unknown>): unknown {
  const member = (key: string) => payload[key] as Record<string, unknown> | undefined;
  switch (kind) {
    case 'created':
      return member('createdEvent')?.entity;
    case 'updated':
      return member('updatedEvent')?.currentEntity;
    case 'deleted':
      return member('deletedEvent')?.deletedEntity;
    case 'action':
      return member('actionEvent')?.body ?? member('actionEvent')?.bodyAsJson;
    case 'legacy':
      return payload;
  }
}
