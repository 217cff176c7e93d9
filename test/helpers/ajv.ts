import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';

// ajv-formats is CommonJS: under Node's ESM interop its plugin is the `default` member.
const addFormats = ajvFormats.default;

export const schemasDir = fileURLToPath(new URL('../../schemas/', import.meta.url));

/**
 * An independent validator (ajv, draft 2020-12, formats checked) loaded with every committed schema.
 * `strictRequired` is off: a one-of written as `oneOf: [{ required: [a] }, { required: [b] }]` names
 * properties declared by the parent, which is valid JSON Schema that ajv's lint flags.
 */
export function createAjv(): Ajv2020 {
  // `optimize: false` skips ajv's pass over its generated code: it changes no result and halves
  // compile time, which was most of the time the suite spent validating the 497 generated schemas.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false, allowUnionTypes: true, code: { optimize: false } });
  addFormats(ajv);
  for (const file of readdirSync(schemasDir).filter((name) => name.endsWith('.schema.json'))) {
    ajv.addSchema(JSON.parse(readFileSync(`${schemasDir}${file}`, 'utf8')) as object);
  }
  return ajv;
}
