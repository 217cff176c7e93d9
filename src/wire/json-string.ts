import * as z from 'zod';

/**
 * A member that Wix sends as a string of JSON (`data`, the inner `data`, `identity`). Decoding
 * parses the string and validates what it holds, so issues carry the full path through the
 * layers (`data.createdEvent.entity.partySize`); encoding stringifies, as Wix does.
 * In JSON Schema it is a string whose `contentSchema` names the schema of its contents.
 */
export function jsonString<Inner extends z.ZodType>(inner: Inner, contentSchema?: { $ref: string } | Record<string, unknown>) {
  return z
    .codec(z.string(), inner, {
      decode: (text, ctx) => {
        try {
          return JSON.parse(text) as z.input<Inner>;
        } catch (error) {
          ctx.issues.push({
            code: 'invalid_format',
            format: 'json',
            input: text,
            message: `expected a string of JSON, but it does not parse: ${(error as Error).message}`,
          });
          return z.NEVER;
        }
      },
      encode: (value) => JSON.stringify(value),
    })
    .meta({ contentMediaType: 'application/json', ...(contentSchema ? { contentSchema } : {}) });
}
