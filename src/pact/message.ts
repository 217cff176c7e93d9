import { catalog, getWebhook, webhookNameOf, type CatalogWebhook, type WebhookName } from '../catalog/catalog.js';
import { build, type BuildOptions, type TraitOf } from '../build/build.js';
import { matchersFromSchema, narrowTemplate, reifyTemplate, type MatcherTemplate } from './matchers-from-schema.js';
import { PactHelperError, UnknownProviderStateError } from './errors.js';

/**
 * Which form of the webhook a message carries: `payload` is the domain event inside Wix's JWT
 * (what a handler without `@wix/sdk` parses), `sdk` is the envelope `@wix/sdk` hands a registered
 * handler (`{ entity | data, metadata }`, its `Date`s as ISO strings in JSON).
 */
export type MessageLayer = 'payload' | 'sdk';
export const messageLayers: readonly MessageLayer[] = ['payload', 'sdk'];

/** The consumer name of the files in `contracts/`. */
export const contractConsumer = 'wix-webhook-consumer';
/** The seed of every example message, unless a caller gives another. */
export const messageSeed = 1;

/** Message metadata, as the provider (Wix, modelled by the toolkit) sends it. */
export interface WixMessageMetadata {
  eventType: string;
  contentType: 'application/json';
  layer: MessageLayer;
}

export interface WixMessageOptions<Name extends WebhookName = WebhookName> {
  /** Factory traits; each becomes a provider state named after the trait. */
  traits?: readonly TraitOf<Name>[];
  /** Deep-partial payload fields, as `build` takes them. */
  overrides?: BuildOptions<Name>['overrides'];
  /** Seed of the example (default 1). */
  seed?: number;
  /** `payload` (default) or `sdk`. */
  layer?: MessageLayer;
  /** Narrow the matching rules to the fields the consumer reads (dotted, through arrays without an index). Default: every field of the example. */
  fields?: readonly string[];
  /** Interaction description; default `a <name> webhook[ with <traits>][ (SDK envelope)]`. */
  description?: string;
}

export interface WixMessage {
  webhook: CatalogWebhook;
  layer: MessageLayer;
  description: string;
  /** Provider states, one per trait. */
  providerStates: string[];
  /** The message with Pact matchers at the leaves, for `withJSONContent`. */
  template: MatcherTemplate;
  /** The message itself (JSON). */
  content: unknown;
  metadata: WixMessageMetadata;
}

export function defaultDescription(name: string, traits: readonly string[], layer: MessageLayer): string {
  return `a ${name} webhook${traits.length > 0 ? ` with ${traits.join(', ')}` : ''}${layer === 'sdk' ? ' (SDK envelope)' : ''}`;
}

function checkLayer(layer: unknown): MessageLayer {
  if (layer === undefined) return 'payload';
  if (layer === 'payload' || layer === 'sdk') return layer;
  throw new PactHelperError(`Unknown message layer "${String(layer)}": expected one of ${messageLayers.join(', ')}`);
}

/** The JSON of a built webhook in the given layer (SDK envelope `Date`s become ISO strings, as on the wire). */
export function messageContent(name: WebhookName, layer: MessageLayer, options: BuildOptions = {}): unknown {
  const built = build(name, options);
  return JSON.parse(JSON.stringify(layer === 'sdk' ? built.sdkEnvelope : built.payload)) as unknown;
}

/**
 * A realistic message of a catalog webhook with matching rules derived from its strict schema:
 * what a consumer pact states, without writing it by hand.
 */
export function wixMessage<Name extends WebhookName>(name: Name, options: WixMessageOptions<Name> = {}): WixMessage {
  const webhook = getWebhook(name) as CatalogWebhook;
  const layer = checkLayer(options.layer);
  const traits = [...(options.traits ?? [])] as string[];
  const content = messageContent(name, layer, { seed: options.seed ?? messageSeed, traits, ...(options.overrides ? { overrides: options.overrides as BuildOptions['overrides'] } : {}) });
  const schemas = webhook.schemas('strict');
  const full = matchersFromSchema(layer === 'sdk' ? schemas.sdkEnvelope : schemas.payload, content);
  const template = options.fields ? narrowTemplate(full, options.fields) : full;
  return {
    webhook,
    layer,
    description: options.description ?? defaultDescription(name, traits, layer),
    providerStates: traits,
    template,
    content: options.fields ? reifyTemplate(template) : content,
    metadata: { eventType: webhook.eventType, contentType: 'application/json', layer },
  };
}

/** Extra state → traits mappings, for states phrased the consumer's way (`'a participation for a schedule': ['for-schedule']`). */
export type StateTraits = Readonly<Record<string, readonly string[]>>;

/**
 * The traits of a webhook that provider states name: a state is a trait name (`for-schedule`), a
 * trait's description, several trait names separated by commas, or a key of `extra`.
 */
export function traitsForStates(webhook: CatalogWebhook, states: readonly string[], extra: StateTraits = {}): string[] {
  const specs = webhook.factory.traits as Record<string, { description: string }>;
  const names = Object.keys(specs);
  const byDescription = new Map(Object.entries(specs).map(([trait, spec]) => [spec.description.toLowerCase(), trait]));
  const traits: string[] = [];
  for (const state of states) {
    const mapped = Object.hasOwn(extra, state) ? extra[state] : undefined;
    if (mapped) {
      traits.push(...mapped);
      continue;
    }
    const trimmed = state.trim();
    const described = byDescription.get(trimmed.toLowerCase());
    if (described) {
      traits.push(described);
      continue;
    }
    const parts = trimmed.split(/\s*,\s*/);
    if (parts.every((part) => names.includes(part))) {
      traits.push(...parts);
      continue;
    }
    throw new UnknownProviderStateError(webhook.name, state, names);
  }
  return [...new Set(traits)];
}

/**
 * Which catalog webhook an interaction is about: the pact's provider when it is one webhook's
 * provider; otherwise the webhook whose eventType the interaction's metadata names, or whose name
 * its description contains.
 */
export function webhookForInteraction(provider: string, interaction: { description?: string; metadata?: Record<string, unknown> }): CatalogWebhook | undefined {
  const byProvider = catalog.filter((webhook) => webhook.provider === provider);
  if (byProvider.length === 1) return byProvider[0];
  const candidates: readonly CatalogWebhook[] = byProvider.length > 1 ? byProvider : catalog;
  const eventType = interaction.metadata?.eventType;
  const byEventType = candidates.find((webhook) => webhook.eventType === eventType);
  if (byEventType) return byEventType;
  // A provider of the generated tier: the eventType in the metadata names the webhook.
  const generatedName = byProvider.length === 0 && typeof eventType === 'string' ? webhookNameOf(eventType) : undefined;
  if (generatedName !== undefined) return getWebhook(generatedName as string);
  const description = interaction.description ?? '';
  return [...candidates].sort((a, b) => b.name.length - a.name.length).find((webhook) => description.includes(webhook.name));
}

/** The layer an interaction asks for: its metadata `layer`, else `sdk` when its description says "SDK envelope", else `payload`. */
export function layerForInteraction(interaction: { description?: string; metadata?: Record<string, unknown> }): MessageLayer {
  const layer = interaction.metadata?.layer;
  if (layer === 'sdk' || layer === 'payload') return layer;
  return /sdk envelope/i.test(interaction.description ?? '') ? 'sdk' : 'payload';
}
