import { catalog } from '../../catalog/catalog.js';
import { exitCodes, type Command } from '../command.js';

export const listCommand: Command = {
  name: 'list',
  summary: 'List the webhooks the toolkit knows: name and eventType, one per line.',
  usage: 'list [--json]',
  options: {
    json: { type: 'boolean', description: 'Print a JSON array with every catalog field (name, eventType, entityFqdn, slug, docs).' },
  },
  examples: ['wixhook list', 'wixhook list --json | jq -r ".[].eventType"'],
  async run({ values, io }) {
    if (values.json) {
      const rows = catalog.map(({ name, eventType, entityFqdn, slug, title, docsUrl, provider }) => ({ name, eventType, entityFqdn, slug, title, docs: docsUrl, provider }));
      io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
      return exitCodes.ok;
    }
    const width = Math.max(...catalog.map((webhook) => webhook.name.length)) + 2;
    io.stdout(catalog.map((webhook) => `${webhook.name.padEnd(width)}${webhook.eventType}\n`).join(''));
    return exitCodes.ok;
  },
};
