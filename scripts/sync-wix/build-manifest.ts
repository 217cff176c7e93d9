/**
 * Builds the manifest from installed Wix packages and serializes it deterministically: sorted
 * keys where order carries no meaning, one webhook or type per line so reviews read as diffs.
 */
import type { ManifestIndex, ManifestPackage } from '../../src/webhooks/generated/manifest.js';
import { nameWebhooks } from './names.js';
import { readPackage, type UnnamedWebhook } from './read-package.js';

/** Names the curated webhooks keep, by the eventType they belong to. */
export const curatedNames: ReadonlyMap<string, string> = new Map([
  ['participation-created', 'wix.calendar.v3.participation_created'],
  ['event-recurring-split', 'wix.calendar.v3.event_recurring_split'],
  ['guest-event-starts', 'wix.events.guests.v1.guest_guest_event_starts'],
]);

export interface BuiltManifest {
  index: ManifestIndex;
  /** By file name (`crm_contacts.json`). */
  files: Map<string, ManifestPackage>;
  warnings: string[];
}

export const packageFileName = (packageName: string) => `${packageName.replace(/^@wix\/auto_sdk_/, '')}.json`;

/** When two packages define the same eventType, the one whose fqdn the eventType starts with owns it; else the first by name. */
function owner(a: { webhook: UnnamedWebhook; fqdn: string }, b: { webhook: UnnamedWebhook; fqdn: string }) {
  const owns = (entry: { webhook: UnnamedWebhook; fqdn: string }) => entry.fqdn !== '' && entry.webhook.eventType.startsWith(`${entry.fqdn}_`);
  if (owns(a) !== owns(b)) return owns(a) ? a : b;
  return a.webhook.package <= b.webhook.package ? a : b;
}

export function buildManifest(directories: readonly string[], onPackage: (done: number, total: number, name: string) => void = () => {}): BuiltManifest {
  const reads = directories.map((directory, index) => {
    const read = readPackage(directory);
    onPackage(index + 1, directories.length, read.file.package);
    return read;
  });
  const warnings: string[] = [];
  const byEventType = new Map<string, { webhook: UnnamedWebhook; fqdn: string }>();
  for (const read of reads) {
    warnings.push(...read.warnings.map((warning) => `${read.file.package}: ${warning}`));
    for (const webhook of read.webhooks) {
      const entry = { webhook, fqdn: read.fqdn };
      const previous = byEventType.get(webhook.eventType);
      byEventType.set(webhook.eventType, previous ? owner(previous, entry) : entry);
    }
  }
  const kept = [...byEventType.values()].map((entry) => entry.webhook).sort((a, b) => (a.package + a.eventType < b.package + b.eventType ? -1 : 1));
  const webhooks = nameWebhooks(kept, curatedNames);
  const keptEventTypes = new Set(webhooks.map((webhook) => webhook.eventType));
  const files = new Map<string, ManifestPackage>();
  const packages: ManifestIndex['packages'] = {};
  for (const read of [...reads].sort((a, b) => (a.file.package < b.file.package ? -1 : 1))) {
    const owned = Object.fromEntries(Object.entries(read.file.webhooks).filter(([eventType]) => keptEventTypes.has(eventType) && webhooks.some((w) => w.eventType === eventType && w.package === read.file.package)).sort(([a], [b]) => (a < b ? -1 : 1)));
    if (Object.keys(owned).length === 0) continue;
    const file = packageFileName(read.file.package);
    packages[read.file.package] = { version: read.file.version, fqdn: read.fqdn, file };
    files.set(file, { ...read.file, webhooks: owned });
  }
  return { index: { format: 1, packages, webhooks }, files, warnings };
}

/** One entry per line inside the outer object; everything else compact. */
function linesOf(entries: Array<[string, unknown]>): string {
  return entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',\n');
}

export function serializeIndex(index: ManifestIndex): string {
  return `{"format":${index.format},\n"packages":{\n${linesOf(Object.entries(index.packages))}},\n"webhooks":[\n${index.webhooks.map((webhook) => JSON.stringify(webhook)).join(',\n')}]}\n`;
}

export function serializePackage(file: ManifestPackage): string {
  return `{"package":${JSON.stringify(file.package)},"version":${JSON.stringify(file.version)},\n"webhooks":{\n${linesOf(Object.entries(file.webhooks))}},\n"types":{\n${linesOf(Object.entries(file.types))}}}\n`;
}

/** `src/webhooks/generated/names.ts`: the generated names and eventTypes as literal unions, so a typo is a type error. */
export function serializeNames(index: ManifestIndex): string {
  const union = (values: string[]) => values.map((value) => `\n  | ${JSON.stringify(value).replaceAll('"', "'")}`).join('');
  const names = [...new Set(index.webhooks.map((webhook) => webhook.name))].sort();
  const eventTypes = [...new Set(index.webhooks.map((webhook) => webhook.eventType))].sort();
  return `// Written by \`npm run sync:wix\` from manifest/index.json; do not edit.\n\n/** Every generated webhook's name. */\nexport type GeneratedWebhookName =${union(names)};\n\n/** Every generated webhook's eventType. */\nexport type GeneratedWebhookEventType =${union(eventTypes)};\n`;
}
