import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { catalog } from '../src/catalog/catalog.js';
import { webhookSchemaFiles } from '../src/generate/json-schemas.js';
import { formatRate, measure, printTable } from './harness.js';
import { ratio, reportTarget, versionOf } from './targets.js';

const schemasDir = new URL('../schemas/', import.meta.url);
const examplesDir = new URL('../test/fixtures/docs-examples/', import.meta.url);

/**
 * Payload validation throughput: the zod schemas against ajv running the JSON Schemas generated
 * from them, on Wix's docs example of each webhook, in both modes.
 */
export function benchSchemaValidation(): void {
  const ajv = new Ajv2020({ allErrors: false, strict: false });
  ajvFormats.default(ajv);
  const rows: string[][] = [];
  for (const webhook of catalog) {
    const example = JSON.parse(readFileSync(new URL(`${webhook.name}.payload.json`, examplesDir), 'utf8')) as unknown;
    for (const mode of ['loose', 'strict'] as const) {
      const zodSchema = webhook.schemas(mode).payload;
      const jsonSchema = JSON.parse(readFileSync(new URL(webhookSchemaFiles(webhook.name, mode).payload, schemasDir), 'utf8')) as object;
      const validateJson = ajv.compile(jsonSchema);
      if (!zodSchema.safeParse(example).success || !validateJson(example)) throw new Error(`${webhook.name} docs example does not validate in ${mode} mode`);
      const zod = measure('zod', () => zodSchema.safeParse(example));
      const json = measure('ajv', () => validateJson(example));
      if (webhook.name === 'guest-event-starts' && mode === 'loose') reportTarget(`guest loose validation, zod ${versionOf('zod')} vs ajv ${versionOf('ajv')}`, ratio(zod.opsPerSecond / json.opsPerSecond), 'reported', undefined);
      rows.push([`${webhook.name} (${mode})`, formatRate(zod.opsPerSecond), formatRate(json.opsPerSecond), `${(zod.opsPerSecond / json.opsPerSecond).toFixed(2)}x`]);
    }
  }
  printTable('Payload validation (docs example, single-threaded)', ['webhook', 'zod safeParse', 'ajv (generated JSON Schema)', 'zod / ajv'], rows);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) benchSchemaValidation();
