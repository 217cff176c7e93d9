/**
 * Stable, unique, readable webhook names. The base name is the handler's (`onContactUpdated` ->
 * `contact-updated`); names that collide are all prefixed with their service (`ecom-order-created`,
 * `events-order-created`), then with their package, then with the event type's own words.
 * Reserved names (the curated webhooks') go only to the webhook with the reserved eventType.
 */
import type { ManifestWebhook } from '../../src/webhooks/generated/manifest.js';
import type { UnnamedWebhook } from './read-package.js';

const kebab = (text: string) =>
  text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

const candidates = (webhook: UnnamedWebhook): string[] => {
  const base = kebab(webhook.handler.replace(/^on/, ''));
  const packageWords = kebab(webhook.package.replace(/^@wix\/auto_sdk_/, ''));
  return [base, `${webhook.service}-${base}`, `${packageWords}-${base}`, kebab(webhook.eventType)];
};

export function nameWebhooks(webhooks: readonly UnnamedWebhook[], reserved: ReadonlyMap<string, string>): ManifestWebhook[] {
  const reservedByEventType = new Map([...reserved].map(([name, eventType]) => [eventType, name]));
  const names = new Map<UnnamedWebhook, string>();
  let pending = webhooks.filter((webhook) => {
    const name = reservedByEventType.get(webhook.eventType);
    if (name !== undefined) names.set(webhook, name);
    return name === undefined;
  });
  const taken = new Set(reserved.keys());
  for (let level = 0; pending.length > 0; level += 1) {
    const counts = new Map<string, number>();
    const at = (webhook: UnnamedWebhook) => candidates(webhook)[Math.min(level, 3)]!;
    for (const webhook of pending) counts.set(at(webhook), (counts.get(at(webhook)) ?? 0) + 1);
    const next: UnnamedWebhook[] = [];
    for (const webhook of pending) {
      const name = at(webhook);
      if (counts.get(name) === 1 && !taken.has(name)) names.set(webhook, name);
      else if (level >= 3) throw new Error(`no unique name for ${webhook.eventType} (${webhook.package}): ${name}`);
      else next.push(webhook);
    }
    for (const webhook of next) taken.add(at(webhook));
    for (const [, name] of names) taken.add(name);
    pending = next;
  }
  return webhooks.map((webhook) => ({ name: names.get(webhook)!, ...webhook })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
