import { expect } from 'vitest';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { CatalogWebhook } from '../../src/catalog/catalog.js';
import { SchemaMismatchError } from '../../src/errors.js';
import { webhookSchemaFiles } from '../../src/generate/json-schemas.js';
import { schemaId } from '../../src/json-schema/to-json-schema.js';
import { schemaModes } from '../../src/wire/mode.js';
import { safeValidate } from '../../src/catalog/validate.js';

/** One invalid payload: how to break a valid one, and the path both validators must name. */
export interface InvalidCase {
  label: string;
  mutate: (payload: any) => void;
  /** Dotted path zod reports, e.g. `createdEvent.entity.partySize`. */
  path: string;
  /** JSON pointer ajv reports, when it differs from `path` (a one-of failure is reported on the parent object). */
  pointer?: string;
}

export function toPointer(path: string): string {
  if (path === '') return '';
  return `/${path.replace(/\[(\d+)\]/g, '.$1').split('.').join('/')}`;
}

/** Asserts zod and the generated JSON Schema (via ajv) both reject `payload`, in both modes, naming the path. */
export function expectRejectedEverywhere(ajv: Ajv2020, webhook: CatalogWebhook, payload: unknown, invalid: InvalidCase): void {
  for (const mode of schemaModes) {
    const result = safeValidate(webhook.schemas(mode).payload, payload, `${webhook.name} payload (${mode})`);
    expect(result.success, `zod (${mode}) accepted "${invalid.label}"`).toBe(false);
    if (result.success) continue;
    expect(result.error).toBeInstanceOf(SchemaMismatchError);
    expect(result.error.issues.map((issue) => issue.path), `zod (${mode}) paths for "${invalid.label}"`).toContain(invalid.path);
    expect(result.error.message).toContain(invalid.path);

    const validateJson = ajv.getSchema(schemaId(webhookSchemaFiles(webhook.name, mode).payload))!;
    expect(validateJson(payload), `JSON Schema (${mode}) accepted "${invalid.label}"`).toBe(false);
    const pointers = (validateJson.errors ?? []).map((error) =>
      error.keyword === 'required' ? `${error.instancePath}/${(error.params as { missingProperty: string }).missingProperty}` : error.instancePath,
    );
    expect(pointers, `JSON Schema (${mode}) pointers for "${invalid.label}"`).toContain(invalid.pointer ?? toPointer(invalid.path));
  }
}
