/**
 * The generated tier: every webhook of `manifest/` as a definition, built on first lookup. The
 * manifest index is read on first use, a package's schemas on first use of one of its webhooks.
 */
import { defineGeneratedWebhook, type GeneratedWebhook } from './define.js';
import { manifestIndex } from './load.js';
import type { ManifestWebhook } from './manifest.js';

const defined = new Map<string, GeneratedWebhook>();

function definitionOf(entry: ManifestWebhook): GeneratedWebhook {
  let webhook = defined.get(entry.name);
  if (!webhook) {
    webhook = defineGeneratedWebhook(entry);
    defined.set(entry.name, webhook);
  }
  return webhook;
}

/** The generated webhook with this name or eventType, or `undefined`. */
export function findGeneratedWebhook(nameOrEventType: string): GeneratedWebhook | undefined {
  const { byName, byEventType } = manifestIndex();
  const entry = byName.get(nameOrEventType) ?? byEventType.get(nameOrEventType);
  return entry ? definitionOf(entry) : undefined;
}

/** Every manifest entry, in name order (no schema is read). */
export function generatedEntries(): readonly ManifestWebhook[] {
  return manifestIndex().index.webhooks;
}

export type { GeneratedKnobs, GeneratedSchemaSet, GeneratedWebhook } from './define.js';
export type { ManifestWebhook, PayloadKindName } from './manifest.js';
