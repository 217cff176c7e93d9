import type { Faker } from '@faker-js/faker';

/**
 * A named variant of a webhook's payload. A trait fixes some of the factory's knobs; the knobs it
 * leaves open stay random. Traits in the same `group` set the same aspect and exclude each other.
 */
export interface TraitSpec<Knobs> {
  description: string;
  group?: string;
  knobs: Partial<Knobs>;
}

/** What a webhook factory receives for one build. */
export interface FactoryInput<Knobs, Related> {
  /** Fresh and seeded for this build only. */
  faker: Faker;
  /** The instant the webhook is sent, epoch milliseconds; every date is derived from it. */
  now: number;
  /** Knobs fixed by the requested traits; the factory draws the others. */
  knobs: Partial<Knobs>;
  /** Related objects the caller supplies (e.g. the calendar event a participation belongs to). */
  related: Partial<Related>;
}

/** What a webhook factory builds; the generic machinery wraps it into the payload envelope. */
export interface FactoryOutput<Data, Related> {
  /** `createdEvent.entity` or `actionEvent.body`. */
  data: Data;
  /** The payload's `entityId`: the id of the entity the event is about. */
  entityId: string;
  /** The payload's `eventTime`, with nanoseconds. */
  eventTime: string;
  /** Optional envelope fields. */
  triggeredByAnonymizeRequest?: boolean;
  entityEventSequence?: string;
  /** Action webhooks: carry the body in `actionEvent.bodyAsJson`, as some docs examples do. */
  bodyAsJson?: boolean;
  /** Updated webhooks: `updatedEvent.modifiedFields`, keyed by the paths that changed. */
  modifiedFields?: Record<string, unknown>;
  /** The related objects the data agrees with, built or passed in. */
  related: Related;
}

/** A webhook's factory: its traits and how to build its data. Registered as `factory` on the webhook definition. */
export interface WebhookFactory<Data = unknown, Knobs = any, Related = any, TraitName extends string = string> {
  readonly traits: { readonly [Name in TraitName]: TraitSpec<Knobs> };
  build(input: FactoryInput<Knobs, Related>): FactoryOutput<Data, Related>;
}

/** Trait names of a factory type. */
export type TraitNameOf<Factory> = Factory extends WebhookFactory<any, any, any, infer Name> ? Name : never;
/** Related-objects type of a factory type. */
export type RelatedOfFactory<Factory> = Factory extends WebhookFactory<any, any, infer Related, any> ? Related : never;

/**
 * Declares a webhook factory. Curried so the data, knobs and related types are given explicitly
 * while the trait names are inferred as literals.
 */
export function defineFactory<Data, Knobs, Related>() {
  return <const TraitName extends string>(factory: WebhookFactory<Data, Knobs, Related, TraitName>): WebhookFactory<Data, Knobs, Related, TraitName> =>
    Object.freeze(factory);
}

/** Picks `knob` when a trait fixed it, else draws it. Keeps every draw in place so seeds stay stable whichever traits are on. */
export function knob<Value>(fixed: Value | undefined, draw: () => Value): Value {
  const drawn = draw();
  return fixed === undefined ? drawn : fixed;
}
