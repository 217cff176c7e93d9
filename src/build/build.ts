import type { Faker } from '@faker-js/faker';
import type * as z from 'zod';
import { getWebhook, type CatalogWebhook, type WebhookByName, type WebhookName } from '../catalog/catalog.js';
import type { AccountInfo, Identity } from '../definition/define-webhook.js';
import type { PayloadOf, SdkEnvelopeOf } from '../catalog/parse.js';
import type { DeliveryContext } from '../sdk/to-sdk-envelope.js';
import { referenceNow, resolveSeed } from './seed.js';
import type { DeepPartial } from './deep-partial.js';
import { mergeOverrides } from './deep-partial.js';
import { rememberDelivery } from './built-deliveries.js';
import { buildDelivery, type DeliveryOptions } from './delivery.js';
import { assemblePayload, payloadData, type PayloadKindOf } from './envelope.js';
import { ConflictingTraitsError, InvalidFactoryOptionError, UnknownTraitError } from './errors.js';
import type { RelatedOfFactory, TraitNameOf, WebhookFactory } from '../definition/define-factory.js';
import { guid } from '../fake/ids.js';
import { withSeededFaker } from '../fake/random.js';
import { applySetAssignments, parseSetAssignment, type SetAssignment } from './set-path.js';

/**
 * One webhook's own type when exactly one is named; the loose type when the name is only known at
 * run time (a loop over the catalog, a CLI argument), where the factory checks the value instead.
 */
export type PerWebhook<Name, Typed, Loose, All = Name> = Name extends unknown ? ([All] extends [Name] ? Typed : Loose) : never;

/** The trait names of a webhook's factory, e.g. `'for-schedule' | 'pending-confirmation' | ...`; any string (checked when building) for a name known only at run time. */
export type TraitOf<Name extends WebhookName> = PerWebhook<Name, TraitNameOf<WebhookByName<Name>['factory']>, string>;
/** The related objects a webhook's payload agrees with (e.g. `{ event }` for a participation). */
export type RelatedOf<Name extends WebhookName> = RelatedOfFactory<WebhookByName<Name>['factory']>;
/** `createdEvent.entity` or `actionEvent.body` of a webhook. */
export type DataOf<Name extends WebhookName> = z.output<ReturnType<WebhookByName<Name>['schemas']>['data']>;

export interface BuildOptions<Name extends WebhookName = WebhookName> {
  /** Same seed, byte-identical output on any machine and day. Absent: random (the seed used is returned). */
  seed?: number;
  /** Named variants, e.g. `['for-schedule', 'large-party']`. Traits never break a consistency rule. */
  traits?: readonly TraitOf<Name>[];
  /** Deep-partial payload fields, merged last (arrays replace, `undefined` removes). May break rules on purpose. */
  overrides?: PerWebhook<Name, DeepPartial<PayloadOf<Name>>, DeepPartial<Record<string, unknown>>>;
  /** `path=value` assignments, as `wixhook example --set` takes them; applied after `overrides`. */
  set?: readonly string[];
  /** Objects the payload must agree with, e.g. `{ event }`: the calendar event a participation is in. */
  related?: PerWebhook<Name, Partial<RelatedOf<Name>>, Record<string, unknown>>;
  /** The instant the webhook is sent (`eventTime`); every date is placed relative to it. Default: drawn from the seed. */
  now?: Date | string | number;
  /** The delivery around the payload, used by the SDK envelope. */
  delivery?: DeliveryOptions;
}

/** What every build returns, whatever the webhook kind. */
export interface BuiltBase<Name extends WebhookName> {
  /** The seed this build used: pass it back as `seed` to get the same output. */
  seed: number;
  /** The domain event inside the JWT. */
  payload: PayloadOf<Name>;
  /** What `@wix/sdk` hands the handler, built from `payload` the way the SDK builds it. */
  sdkEnvelope: SdkEnvelopeOf<Name>;
  /** Instance, identity and account of the delivery. */
  delivery: DeliveryContext<Identity, AccountInfo>;
  /** The related objects the payload agrees with. */
  related: RelatedOf<Name>;
}

/** A built webhook: `entity` for created webhooks, `body` for action webhooks, plus payload and SDK envelope. */
export type Built<Name extends WebhookName> = BuiltBase<Name> &
  (WebhookByName<Name>['kind'] extends 'created' ? { entity: DataOf<Name> } : { body: DataOf<Name> });

function resolveTraits(webhook: CatalogWebhook, traits: readonly string[]): Record<string, unknown> {
  const specs = webhook.factory.traits as Record<string, { group?: string; knobs: object }>;
  const knobs: Record<string, unknown> = {};
  const groups = new Map<string, string>();
  for (const trait of traits) {
    const spec = Object.hasOwn(specs, trait) ? specs[trait] : undefined;
    if (!spec) throw new UnknownTraitError(webhook.name, trait, Object.keys(specs));
    if (spec.group !== undefined) {
      const previous = groups.get(spec.group);
      if (previous !== undefined && previous !== trait) throw new ConflictingTraitsError(webhook.name, previous, trait, spec.group);
      groups.set(spec.group, trait);
    }
    Object.assign(knobs, spec.knobs);
  }
  return knobs;
}

/** `BuildOptions` with the per-webhook types erased, for the generic machinery. */
interface AnyBuildOptions {
  seed?: number;
  traits?: readonly string[];
  overrides?: unknown;
  set?: readonly string[];
  related?: object;
  now?: Date | string | number;
  delivery?: DeliveryOptions;
}

interface Prepared {
  webhook: CatalogWebhook;
  knobs: Record<string, unknown>;
  assignments: readonly SetAssignment[];
}

function prepare(name: string, options: AnyBuildOptions): Prepared {
  const webhook = getWebhook(name);
  const knobs = resolveTraits(webhook, options.traits ?? []);
  const set: unknown = options.set ?? [];
  if (!Array.isArray(set) || set.some((entry) => typeof entry !== 'string')) {
    const example = set !== null && typeof set === 'object' && !Array.isArray(set) ? Object.entries(set).map(([path, value]) => `"${path}=${typeof value === 'string' ? value : JSON.stringify(value)}"`) : ['"createdEvent.entity.partySize=4"'];
    throw new InvalidFactoryOptionError('set', `expected an array of "path=value" strings, such as [${example.join(', ')}]; to set fields from an object, use \`overrides\` (a deep partial of the payload).`);
  }
  const assignments = (set as string[]).map((text) => parseSetAssignment(text, webhook.schemas('strict').payload));
  return { webhook, knobs, assignments };
}

function buildWith(prepared: Prepared, options: AnyBuildOptions, seed: number, withSdk: boolean) {
  return withSeededFaker(seed, (faker) => buildFrom(faker, prepared, options, seed, withSdk));
}

function buildFrom(faker: Faker, { webhook, knobs, assignments }: Prepared, options: AnyBuildOptions, seed: number, withSdk: boolean) {
  const now = referenceNow(faker, options.now);
  const factory = webhook.factory as WebhookFactory;
  const out = factory.build({ faker, now, knobs, related: options.related ?? {} });
  const kind = webhook.kind as PayloadKindOf;
  const payload = assemblePayload(webhook, { ...out, id: guid(faker) });
  mergeOverrides(payload, options.overrides as DeepPartial<Record<string, unknown>> | undefined);
  applySetAssignments(payload, assignments);
  const data = payloadData(kind, payload);
  const built: Record<string, unknown> = { seed, payload, [kind === 'action' || kind === 'legacy' ? 'body' : 'entity']: data, related: out.related };
  // The delivery is drawn after the payload, so skipping it (payload-only builds) leaves the payload unchanged.
  if (withSdk) {
    const delivery = buildDelivery(faker, options.delivery);
    built.delivery = delivery;
    rememberDelivery(payload, delivery);
    built.sdkEnvelope = webhook.toSdkEnvelope(payload as never, delivery);
  }
  return built;
}

/**
 * Checks build options as a build would (known traits that do not conflict, set paths that name
 * a field) and throws the same typed errors, without building or drawing anything: for callers
 * that must refuse bad options before they change state.
 */
export function checkBuildOptions<Name extends WebhookName>(name: Name, options: BuildOptions<Name> = {}): void {
  prepare(name, options as AnyBuildOptions);
}

/**
 * Builds one webhook: payload, its entity (created webhooks) or body (action webhooks), the SDK
 * envelope, the delivery and the related objects, all consistent with each other.
 *
 * @example
 * const { payload, entity, sdkEnvelope } = build('participation-created', { seed: 42, traits: ['for-schedule', 'large-party'] });
 * entity.partySize;               // 50..1000
 * sdkEnvelope.entity._createdDate; // a Date
 */
export function build<Name extends WebhookName>(name: Name, options: BuildOptions<Name> = {}): Built<Name> {
  const prepared = prepare(name, options as AnyBuildOptions);
  return buildWith(prepared, options as AnyBuildOptions, resolveSeed(options.seed), true) as Built<Name>;
}

/**
 * Builds one payload (the domain event inside the JWT), typed. Parses in strict mode unless
 * `overrides` or `set` break it on purpose.
 *
 * @example
 * const payload = buildPayload('guest-event-starts', { seed: 7, traits: ['starts-in-1-hour', 'ticket-holder'] });
 * payload.actionEvent.body?.timing; // 'STARTS_IN_1_HOUR'
 */
export function buildPayload<Name extends WebhookName>(name: Name, options: BuildOptions<Name> = {}): PayloadOf<Name> {
  const prepared = prepare(name, options as AnyBuildOptions);
  return buildWith(prepared, options as AnyBuildOptions, resolveSeed(options.seed), false).payload as PayloadOf<Name>;
}

/**
 * Builds `count` payloads. With a seed, item `i` is what `buildPayload` gives for seed `seed + i`;
 * without one, every item is random. Options apply to every item (the same `related` event, ...).
 *
 * @example
 * const payloads = buildPayloads('participation-created', 3, { seed: 1, related: { event } });
 * payloads.every((p) => p.createdEvent.entity.eventId === event.id); // true
 */
export function buildPayloads<Name extends WebhookName>(name: Name, count: number, options: BuildOptions<Name> = {}): PayloadOf<Name>[] {
  if (!Number.isSafeInteger(count) || count < 0) throw new InvalidFactoryOptionError('count', `expected a non-negative integer, got ${String(count)}`);
  const prepared = prepare(name, options as AnyBuildOptions);
  const first = options.seed === undefined ? undefined : resolveSeed(options.seed);
  return Array.from({ length: count }, (_, index) =>
    buildWith(prepared, options as AnyBuildOptions, first === undefined ? resolveSeed(undefined) : first + index, false).payload as PayloadOf<Name>,
  );
}

/**
 * Builds the data of one webhook: the entity of a created webhook (`createdEvent.entity`), the
 * body of an action webhook (`actionEvent.body`).
 *
 * @example
 * const participation = buildEntity('participation-created', { traits: ['pending-confirmation'] });
 * participation.status; // 'PENDING_CONFIRMATION'
 */
export function buildEntity<Name extends WebhookName>(name: Name, options: BuildOptions<Name> = {}): DataOf<Name> {
  const prepared = prepare(name, options as AnyBuildOptions);
  const built = buildWith(prepared, options as AnyBuildOptions, resolveSeed(options.seed), false);
  return (built.entity ?? built.body) as DataOf<Name>;
}

/**
 * Builds the envelope `@wix/sdk` hands this webhook's handler (`{ entity | data, metadata }`,
 * with SDK field names and `Date`s), for unit-testing a handler without a JWT.
 *
 * @example
 * const envelope = buildSdkEnvelope('event-recurring-split', { seed: 3, traits: ['dst-change'] });
 * await onEventRecurringSplit(envelope);
 */
export function buildSdkEnvelope<Name extends WebhookName>(name: Name, options: BuildOptions<Name> = {}): SdkEnvelopeOf<Name> {
  return build(name, options).sdkEnvelope;
}

/**
 * The traits a webhook's factory offers, with what each does.
 *
 * @example
 * listTraits('guest-event-starts').map((trait) => trait.name); // ['starts-now', 'starts-in-30-minutes', ...]
 */
export function listTraits<Name extends WebhookName>(name: Name): Array<{ name: TraitOf<Name>; description: string; group?: string }> {
  const traits = getWebhook(name).factory.traits as Record<string, { description: string; group?: string }>;
  return Object.entries(traits).map(([trait, spec]) => ({ name: trait as TraitOf<Name>, description: spec.description, ...(spec.group ? { group: spec.group } : {}) }));
}
