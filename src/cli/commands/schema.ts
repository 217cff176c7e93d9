import { webhookLayers } from '../../catalog/layers.js';
import { toJsonSchema } from '../../json-schema/to-json-schema.js';
import { schemaModes } from '../../wire/mode.js';
import { choiceOption, webhookArgument } from '../arguments.js';
import { exitCodes, type Command } from '../command.js';

const layers = ['payload', 'data'] as const;

/**
 * JSON Schema on demand. The curated webhooks' schemas are committed under `schemas/`; the
 * generated tier (hundreds of webhooks, megabytes of schema) is converted when asked for, from
 * the same zod schemas the toolkit validates with, so nothing committed can drift from them.
 */
export const schemaCommand: Command = {
  name: 'schema',
  summary: 'Print the JSON Schema (draft 2020-12) of any webhook, by name or eventType.',
  usage: 'schema <name|eventType> [--layer payload|data] [--mode strict|loose]',
  options: {
    layer: { type: 'string', valueName: 'payload|data', description: 'payload (default): the domain event in the JWT. data: its entity or body.' },
    mode: { type: 'string', valueName: 'strict|loose', description: 'strict (default): no undocumented fields, Wix formats and limits checked. loose: what the parser accepts.' },
  },
  examples: ['wixhook schema contact-updated', 'wixhook schema wix.ecom.v1.order_created --layer data > order.schema.json'],
  async run({ values, positionals, io }) {
    const webhook = webhookArgument(positionals);
    const layer = choiceOption('layer', values.layer, layers, 'payload');
    const mode = choiceOption('mode', values.mode, schemaModes, 'strict');
    const schemas = webhookLayers(webhook.name, { mode });
    io.stdout(`${JSON.stringify(toJsonSchema(layer === 'data' ? schemas.data : schemas.payload, `${webhook.name}.${layer}.schema.json`, { reused: 'ref' }), null, 2)}\n`);
    return exitCodes.ok;
  },
};
