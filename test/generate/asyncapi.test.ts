import { readFileSync } from 'node:fs';
import { Parser } from '@asyncapi/parser';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { buildPayloads } from '../../src/build/build.js';
import { catalog } from '../../src/catalog/catalog.js';
import { asyncApiFile } from '../../src/generate/asyncapi.js';

const document = JSON.parse(readFileSync(new URL(`../../${asyncApiFile}`, import.meta.url), 'utf8')) as {
  components: { messages: Record<string, { name: string; headers: { properties: { eventType: { const: string } } }; payload: { $ref: string } }>; schemas: Record<string, object> };
};

describe('the AsyncAPI 3 document of the catalog', () => {
  it('is valid for @asyncapi/parser, with a channel, a receive operation and a message per webhook', async () => {
    const { document: parsed, diagnostics } = await new Parser().parse(JSON.stringify(document));
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === 0).map((diagnostic) => diagnostic.message)).toEqual([]);
    expect(parsed).toBeDefined();
    expect(parsed!.channels().length).toBe(catalog.length);
    expect(parsed!.operations().all().every((operation) => operation.action() === 'receive')).toBe(true);
    expect(parsed!.messages().all().map((message) => message.name()).sort()).toEqual(catalog.map((webhook) => webhook.name).sort());
  });

  it("each message's payload schema accepts what Wix sends (100 built payloads) and names the eventType", () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    for (const webhook of catalog) {
      const message = Object.values(document.components.messages).find((candidate) => candidate.name === webhook.name)!;
      expect(message.headers.properties.eventType.const).toBe(webhook.eventType);
      const schema = document.components.schemas[message.payload.$ref.split('/').at(-1)!]!;
      const validate = ajv.compile(schema);
      for (const payload of buildPayloads(webhook.name, 100, { seed: 1 })) expect(validate(payload), JSON.stringify(validate.errors)).toBe(true);
    }
  });
});
