import type { WebhookName } from '../catalog/catalog.js';
import type { DeliveryRecord, MockContext, SeededStore } from './context.js';
import type { Endpoint } from './endpoint.js';
import type { Route } from './route.js';

/** How a service fills its store slice: the mock's seed, its start time and the store's shared faker. */
export interface Seeding extends SeededStore {
  seed: number;
  now: number;
}

/**
 * One simulated Wix service: its slice of the store, how that slice is seeded, its REST endpoints,
 * and the webhooks its writes (or the passing of time) send. The mock is the sum of its services;
 * adding one is a folder under `src/msw/services/` and a line in its `index.ts`.
 */
export interface SimulatedService<Store extends object = object> {
  /** Short name, e.g. `calendar`. */
  readonly name: string;
  /** The catalog webhooks this service sends; it may send no other. */
  readonly emits: readonly WebhookName[];
  /** Its slice of the mock's store, empty. Keys must not clash with another service's. */
  createStore(): Store;
  /** Fills the (emptied) slice with the seeded initial state. Runs in list order, after the services before it. */
  seed(store: Store, seeding: Seeding): void;
  /** Its REST endpoints as routes: the mock builds its MSW handlers from them, and `wixhook serve` dispatches to them directly. */
  routes(context: MockContext<Store>): Route[];
  /** The same endpoints as data (paths, request and response schemas), for the OpenAPI document; a test checks they match the handlers. */
  readonly endpoints: readonly Endpoint[];
  /** Sends the webhooks due as the mock clock moves over `(from, to]`, oldest first. */
  onClockMove?(context: MockContext<Store>, from: number, to: number): Promise<DeliveryRecord[]>;
}

/** Declares a simulated service; keeps the store type attached so the mock's store is typed by the services listed. */
export function defineService<Store extends object>(service: SimulatedService<Store>): SimulatedService<Store> {
  return Object.freeze(service);
}
