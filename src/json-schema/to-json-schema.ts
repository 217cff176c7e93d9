import * as z from 'zod';

/** Where the published schemas can be fetched; `$id`s and cross-file `$ref`s use it. */
export const schemaBaseUrl = 'https://unpkg.com/wix-webhook-testkit/schemas/';

export function schemaId(fileName: string): string {
  return `${schemaBaseUrl}${fileName}`;
}

/**
 * zod 4's native converter, draft 2020-12. `io: 'input'` describes what arrives on the wire
 * (a JSON-string member is a string, not the object it decodes to). Subschemas are
 * inlined so every property reads where it is used.
 */
export function toJsonSchema(schema: z.ZodType, fileName: string, options: { reused?: 'inline' | 'ref' } = {}): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'throw',
    // Generated webhooks share hundreds of Wix types (rich content, addresses): `ref` writes each once under `$defs`.
    reused: options.reused ?? 'inline',
    cycles: 'ref',
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: schemaId(fileName), ...rest };
}
