import { simulatedServices } from '../services/index.js';

/** One collection of a simulated service's store slice: its key and its entries. */
export interface StoreCollection {
  key: string;
  size: number;
  entries: Array<[key: unknown, value: unknown]>;
}

export interface StoreService {
  service: string;
  collections: StoreCollection[];
}

/**
 * The simulated entities, by service and by collection. A service's collections are the Map
 * keys of its empty slice (`createStore()`), so this names no service and no entity type.
 */
export function storeSnapshot(store: object): StoreService[] {
  const values = store as Record<string, unknown>;
  return simulatedServices.map((service) => ({
    service: service.name,
    collections: Object.keys(service.createStore())
      .filter((key) => values[key] instanceof Map)
      .map((key) => {
        const map = values[key] as Map<unknown, unknown>;
        return { key, size: map.size, entries: [...map.entries()] };
      }),
  }));
}
