import * as z from 'zod';
import { catalog } from '../catalog/catalog.js';
import { webhookLayers } from '../catalog/layers.js';
import { build } from '../build/build.js';
import { jsonFile, type GeneratedFile, type Generator } from './generated-file.js';

/** Where the AsyncAPI document is written, in the package. */
export const asyncApiFile = 'asyncapi/wix-webhooks.asyncapi.json';

/** AsyncAPI's own schema format is JSON Schema draft-07 plus a few keywords, so payloads are written in draft-07. */
function draft7(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'throw', reused: 'inline', cycles: 'ref' }) as Record<string, unknown>;
  return rest;
}

const wrapping = [
  'Wix POSTs each webhook to the URL the app registered, as the whole request body: one JWT signed RS256 with the',
  "app's key (header `{ kid, alg: \"RS256\" }`, claims `{ data, iat, exp }`). The `data` claim is a *string* of JSON",
  '`{ eventType, instanceId, data, identity, accountInfo? }` whose `data` and `identity` members are strings of JSON',
  'again: `data` holds the payload each message below describes. The app answers 200 within 1250 ms; anything else is',
  'resent up to 12 times over about 47 hours (1 min, 10 min, 1 h, 2 h, 2 h, 2 h, 4 h, 4 h, 4 h, 8 h, 8 h, 12 h).',
].join(' ');

/**
 * An AsyncAPI 3 document of every webhook of the catalog: one channel and one receive operation per
 * webhook, its message's payload the decoded domain event (loose schema, in draft-07), the
 * `eventType` as the correlating header, and a seeded example. Tools such as Microcks import it.
 */
export function asyncApiDocument(): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  for (const webhook of catalog) {
    const key = webhook.name.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
    schemas[`${key}Payload`] = draft7(webhookLayers(webhook.name).payload);
    messages[key] = {
      name: webhook.name,
      title: webhook.title,
      summary: webhook.description,
      contentType: 'application/json',
      externalDocs: { url: webhook.docsUrl },
      headers: { type: 'object', properties: { eventType: { type: 'string', const: webhook.eventType, description: 'The `eventType` of the delivery data: which webhook this is.' } } },
      payload: { $ref: `#/components/schemas/${key}Payload` },
      examples: [{ name: 'seed-1', summary: 'Built by the toolkit with seed 1.', headers: { eventType: webhook.eventType }, payload: build(webhook.name, { seed: 1 }).payload }],
    };
    channels[key] = {
      address: '/webhooks/wix',
      title: webhook.eventType,
      description: `${webhook.title}, sent by ${webhook.provider} to the app's webhook URL. ${wrapping}`,
      messages: { [key]: { $ref: `#/components/messages/${key}` } },
    };
    operations[`receive${key[0]!.toUpperCase()}${key.slice(1)}`] = {
      action: 'receive',
      title: `Receive ${webhook.title}`,
      channel: { $ref: `#/channels/${key}` },
      messages: [{ $ref: `#/channels/${key}/messages/${key}` }],
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Wix webhooks',
      version: '1.0.0',
      description: `The Wix webhooks modelled by wix-webhook-testkit, generated from its catalog. ${wrapping}`,
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages, schemas },
  };
}

export const asyncApiGenerator: Generator = {
  folder: 'asyncapi',
  generate: (): GeneratedFile[] => [jsonFile(asyncApiFile, asyncApiDocument())],
};
