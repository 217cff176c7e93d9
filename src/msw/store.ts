import { WixhookError } from '../errors.js';
import { createFaker } from '../fake/random.js';
import type { SeededStore } from './context.js';
import type { SimulatedService } from './service.js';

/** The store slices of a list of services, merged (the union of slice types turned into their intersection). */
export type StoreOf<Services extends readonly SimulatedService<any>[]> =
  (ReturnType<Services[number]['createStore']> extends infer Slice ? (Slice extends unknown ? (slice: Slice) => void : never) : never) extends (slice: infer All) => void ? All : never;

/**
 * The mock's in-memory Wix: every service's slice in one object, seeded deterministically per
 * `seed` and start time. Every id and date the endpoints create is drawn from its seeded faker.
 */
export type ComposedStore<Slices> = Slices &
  SeededStore & {
    /** Replaces everything with the seeded initial state. */
    reset(now: number): void;
  };

export function createStore<const Services extends readonly SimulatedService<any>[]>(services: Services, seed: number, now: number): ComposedStore<StoreOf<Services>> {
  const slices = services.map((service) => ({ service, slice: service.createStore() as Record<string, unknown> }));
  const store = {} as ComposedStore<StoreOf<Services>>;
  for (const { service, slice } of slices) {
    for (const key of Object.keys(slice)) {
      if (Object.hasOwn(store, key)) throw new WixhookError('ERR_SERVICE_STORE_CLASH', `Simulated service "${service.name}" declares store key "${key}", which another service already has.`);
    }
    Object.assign(store, slice);
  }
  const seedAll = (at: number) => {
    const faker = createFaker(seed);
    for (const { slice } of slices) for (const value of Object.values(slice)) if (value instanceof Map) value.clear();
    for (const { service, slice } of slices) service.seed(slice, { faker, seed, now: at });
    store.faker = faker;
  };
  store.reset = seedAll;
  seedAll(now);
  return store;
}
