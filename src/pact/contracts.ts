import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getWebhook, type CatalogWebhook, type CuratedWebhookName, type WebhookName } from '../catalog/catalog.js';
import { listTraits } from '../build/build.js';
import { packagePath } from '../package-root.js';
import { reviveDates } from './matchers-from-schema.js';
import { contractConsumer, layerForInteraction, messageSeed, wixMessage, type MessageLayer, type WixMessage } from './message.js';

/** The package's `contracts/` folder (beside `src/` in the repository, `dist/` in the package). */
export const contractsDir = packagePath('contracts/');

/** The file of a webhook's contract: Pact's own `<consumer>-<provider>.json`. */
export function contractPath(webhook: CatalogWebhook): string {
  return `contracts/${contractConsumer}-${webhook.provider}.json`;
}

/** Every message a contract states: the payload and the SDK envelope with no state, then the payload per trait. */
export function contractMessages(webhook: CatalogWebhook): WixMessage[] {
  const variants: Array<{ layer: MessageLayer; traits: string[] }> = [
    { layer: 'payload', traits: [] },
    { layer: 'sdk', traits: [] },
    ...listTraits(webhook.name).map((trait) => ({ layer: 'payload' as const, traits: [trait.name as string] })),
  ];
  return variants.map(({ layer, traits }) => wixMessage(webhook.name, { layer, traits, seed: messageSeed }));
}

export interface ContractMessage {
  description: string;
  providerStates: string[];
  layer: MessageLayer;
  metadata: Record<string, unknown>;
  /** The message as JSON, as the pact file holds it. */
  content: unknown;
  /** The message as a handler receives it: the payload, or the SDK envelope with `Date`s. */
  message: unknown;
}

/**
 * The messages of a webhook's contract in `contracts/`, to run a handler on each without writing a
 * pact (they are the messages `verifyWixPacts` stands behind).
 *
 * @example
 * for (const { description, message } of await readContract('participation-created')) await handler(message);
 */
export async function readContract(name: CuratedWebhookName, options: { dir?: string } = {}): Promise<ContractMessage[]> {
  const webhook = getWebhook(name);
  const file = join(options.dir ?? contractsDir, contractPath(webhook).replace(/^contracts\//, ''));
  const pact = JSON.parse(await readFile(file, 'utf8')) as {
    interactions: Array<{ description: string; providerStates?: Array<{ name: string }>; metadata?: Record<string, unknown>; contents: { content: unknown } }>;
  };
  return pact.interactions.map((interaction) => {
    const layer = layerForInteraction(interaction);
    const content = interaction.contents.content;
    return {
      description: interaction.description,
      providerStates: (interaction.providerStates ?? []).map((state) => state.name),
      layer,
      metadata: interaction.metadata ?? {},
      content,
      message: layer === 'sdk' ? reviveDates(webhook.schemas('loose').sdkEnvelope, content) : content,
    };
  });
}
