import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { webhookSchemaFiles } from '../../src/generate/json-schemas.js';
import { schemaId } from '../../src/json-schema/to-json-schema.js';
import { schemaModes } from '../../src/wire/mode.js';
import { safeValidate } from '../../src/catalog/validate.js';
import { createAjv } from '../helpers/ajv.js';
import { docsExample, docsExamplesDir } from '../helpers/docs-examples.js';

const ajv = createAjv();
const cases = catalog.flatMap((webhook) => schemaModes.map((mode) => ({ webhook, mode, name: webhook.name })));

describe("Wix's docs examples", () => {
  it.each(cases)('$name parses unchanged with zod in $mode mode', ({ webhook, mode }) => {
    const example = docsExample(webhook.name);
    const before = JSON.stringify(example);
    const result = safeValidate(webhook.schemas(mode).payload, example, `${webhook.name} docs example`);
    if (!result.success) throw result.error;
    expect(JSON.stringify(example)).toBe(before);
    expect(result.data).toEqual(example);
  });

  it.each(cases)('$name validates against the generated $mode JSON Schema (ajv, draft 2020-12)', ({ webhook, mode }) => {
    const validateJson = ajv.getSchema(schemaId(webhookSchemaFiles(webhook.name, mode).payload));
    expect(validateJson).toBeDefined();
    const valid = validateJson!(docsExample(webhook.name));
    expect(validateJson!.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('there is one docs example per catalog webhook, and no other', () => {
    const files = readdirSync(docsExamplesDir).sort();
    expect(files).toEqual(catalog.map((webhook) => `${webhook.name}.payload.json`).sort());
  });

  // The team's shared sources sit beside the repository in development and in CI; a user's clone
  // has only the copies, so the comparison runs where the originals exist.
  const shared = new URL('../../../shared/fixtures/', import.meta.url);
  it.runIf(existsSync(shared))('the copies are byte-identical to the shared originals', () => {
    for (const webhook of catalog) {
      const file = `${webhook.name}.payload.json`;
      expect(readFileSync(`${docsExamplesDir}${file}`, 'utf8')).toBe(readFileSync(new URL(file, shared), 'utf8'));
    }
  });
});
