/**
 * What a consumer must remember between deliveries: payload ids already handled (Wix resends,
 * and may deliver twice) and, per entity, the highest `entityEventSequence` handled (resends
 * arrive out of order). In memory; a real app keeps this in its database.
 */
export interface DeliveryTracker {
  /** Why this payload should be skipped, or `undefined` when it is new. Does not record it. */
  check(payload: { id: string; entityFqdn: string; entityId: string; entityEventSequence?: string }): 'duplicate' | 'stale' | undefined;
  /** Records a payload as handled. */
  record(payload: { id: string; entityFqdn: string; entityId: string; entityEventSequence?: string }): void;
}

export function createDeliveryTracker(): DeliveryTracker {
  const seenIds = new Set<string>();
  const sequences = new Map<string, bigint>();
  const entityKey = (payload: { entityFqdn: string; entityId: string }) => `${payload.entityFqdn}\u0000${payload.entityId}`;
  return {
    check(payload) {
      if (seenIds.has(payload.id)) return 'duplicate';
      if (payload.entityEventSequence !== undefined) {
        const last = sequences.get(entityKey(payload));
        if (last !== undefined && BigInt(payload.entityEventSequence) <= last) return 'stale';
      }
      return undefined;
    },
    record(payload) {
      seenIds.add(payload.id);
      if (payload.entityEventSequence !== undefined) {
        const key = entityKey(payload);
        const sequence = BigInt(payload.entityEventSequence);
        const last = sequences.get(key);
        if (last === undefined || sequence > last) sequences.set(key, sequence);
      }
    },
  };
}
