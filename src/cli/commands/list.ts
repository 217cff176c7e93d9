import { catalog, listWebhooks, type WebhookSummary } from '../../catalog/catalog.js';
import { exitCodes, type Command } from '../command.js';

function matches(webhook: WebhookSummary, service: string | undefined, text: string | undefined): boolean {
  if (service !== undefined && webhook.service !== service) return false;
  if (text === undefined) return true;
  const needle = text.toLowerCase();
  return [webhook.name, webhook.eventType, webhook.title, webhook.package].some((field) => field.toLowerCase().includes(needle));
}

export const listCommand: Command = {
  name: 'list',
  summary: 'List the webhooks the toolkit knows (curated and generated from Wix SDK packages): name and eventType, one per line.',
  usage: 'list [--json] [--service S] [--filter TEXT] [--counts]',
  options: {
    json: { type: 'boolean', description: 'Print a JSON array: name, eventType, kind, service, tier (curated|generated), title, package.' },
    service: { type: 'string', valueName: 'service', description: 'Only webhooks of this Wix service (ecom, bookings, crm, events, ...).' },
    filter: { type: 'string', valueName: 'text', description: 'Only webhooks whose name, eventType, title or package contains this text.' },
    counts: { type: 'boolean', description: 'Print how many webhooks each service has, and the total.' },
  },
  examples: ['wixhook list', 'wixhook list --service ecom', 'wixhook list --filter contact --json', 'wixhook list --counts', 'wixhook list --json | jq -r ".[].eventType"'],
  async run({ values, io }) {
    const rows = listWebhooks().filter((webhook) => matches(webhook, values.service as string | undefined, values.filter as string | undefined));
    if (values.counts) {
      const counts = new Map<string, number>();
      for (const row of rows) counts.set(row.service, (counts.get(row.service) ?? 0) + 1);
      const lines = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([service, count]) => ({ service, count }));
      if (values.json) io.stdout(`${JSON.stringify({ total: rows.length, curated: rows.filter((row) => row.tier === 'curated').length, services: lines }, null, 2)}\n`);
      else io.stdout(`${lines.map(({ service, count }) => `${service.padEnd(22)}${count}\n`).join('')}${'total'.padEnd(22)}${rows.length}\n`);
      return exitCodes.ok;
    }
    if (values.json) {
      // Curated webhooks also carry their docs page, as before.
      const docs = new Map<string, object>(catalog.map((webhook) => [webhook.name, { entityFqdn: webhook.entityFqdn, slug: webhook.slug, docs: webhook.docsUrl, provider: webhook.provider }]));
      io.stdout(`${JSON.stringify(rows.map((row) => ({ ...row, ...docs.get(row.name) })), null, 2)}\n`);
      return exitCodes.ok;
    }
    const width = Math.max(0, ...rows.map((webhook) => webhook.name.length)) + 2;
    io.stdout(rows.map((webhook) => `${webhook.name.padEnd(width)}${webhook.eventType}\n`).join(''));
    return exitCodes.ok;
  },
};
