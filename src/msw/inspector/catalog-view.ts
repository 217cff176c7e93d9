import { catalog } from '../../catalog/catalog.js';

/** What the trigger form offers for one webhook: its names, and the traits its factory knows. */
export interface CatalogEntry {
  name: string;
  eventType: string;
  title: string;
  provider: string;
  traits: Array<{ name: string; description: string; group?: string }>;
}

/** Every catalog webhook, for the inspector's searchable picker (fetched, never embedded in the page). */
export function catalogEntries(): CatalogEntry[] {
  return catalog.map((webhook) => ({
    name: webhook.name,
    eventType: webhook.eventType,
    title: webhook.title,
    provider: webhook.provider,
    traits: Object.entries(webhook.factory.traits as Record<string, { description: string; group?: string }>).map(([name, trait]) => ({
      name,
      description: trait.description,
      ...(trait.group ? { group: trait.group } : {}),
    })),
  }));
}
