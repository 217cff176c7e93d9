/**
 * Zod schemas from manifest schema trees. `loose` keeps unknown fields and unknown enum values
 * (Wix adds both over time) and accepts `null` wherever Wix's typings allow it; `strict` rejects
 * undocumented fields and values and checks Wix's formats, lengths, sizes, bounds and oneofs.
 */
import * as z from 'zod';
import type { SchemaMode } from '../../wire/mode.js';
import type { Property, SchemaNode } from './manifest.js';

// Built on first use: the first zod schema a process makes costs ~1 ms (zod's code compiles), a
// tenth of what importing the package costs beyond zod and faker.
let nonFiniteFloat: z.ZodEnum<{ NaN: 'NaN'; Infinity: 'Infinity'; '-Infinity': '-Infinity' }> | undefined;

/** Wix `@format`s checked in strict mode; the others are Wix-specific strings checked by length only. */
function formatted(format: string | undefined): z.ZodString {
  switch (format) {
    case 'GUID':
      return z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'expected a GUID');
    case 'EMAIL':
      return z.string().regex(/^[^\s@]+@[^\s@]+$/, 'expected an email');
    case 'WEB_URL':
      return z.string().regex(/^https?:\/\/\S+$/, 'expected an http(s) URL');
    case 'CURRENCY':
      return z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code');
    case 'COUNTRY':
      return z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code');
    case 'DECIMAL_VALUE':
      return z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal number as a string');
    default:
      return z.string();
  }
}

export function schemaBuilder(types: Record<string, SchemaNode>, mode: SchemaMode) {
  const strict = mode === 'strict';
  const named = new Map<string, z.ZodType>();

  const build = (node: SchemaNode): z.ZodType => {
    switch (node.type) {
      case 'string': {
        if (node.enum && strict) return z.enum(node.enum as [string, ...string[]]);
        let schema = strict ? formatted(node.format) : z.string();
        if (strict && node.minLength !== undefined) schema = schema.min(node.minLength);
        if (strict && node.maxLength !== undefined) schema = schema.max(node.maxLength);
        return schema;
      }
      case 'number': {
        let schema = z.number();
        if (strict && node.min !== undefined) schema = schema.min(node.min);
        if (strict && node.max !== undefined) schema = schema.max(node.max);
        return node.float ? z.union([schema, (nonFiniteFloat ??= z.enum(['NaN', 'Infinity', '-Infinity']))]) : schema;
      }
      case 'boolean':
        return z.boolean();
      case 'datetime':
        return strict ? z.iso.datetime({ offset: true }) : z.string();
      case 'any':
        return z.unknown();
      case 'map':
        return z.record(z.string(), build(node.values));
      case 'array': {
        let schema = z.array(build(node.items));
        if (strict && node.minSize !== undefined) schema = schema.min(node.minSize);
        if (strict && node.maxSize !== undefined) schema = schema.max(node.maxSize);
        return schema;
      }
      case 'ref': {
        let schema = named.get(node.ref);
        if (!schema) {
          const target = types[node.ref];
          if (!target) throw new Error(`manifest: type ${node.ref} is referenced but not defined`);
          // Wix's types are recursive (rich content nodes contain nodes): resolve lazily.
          schema = z.lazy(() => built(node.ref, target));
          named.set(node.ref, schema);
        }
        return schema;
      }
      case 'object':
        return objectSchema(node.properties, node.oneofs);
    }
  };

  const cache = new Map<string, z.ZodType>();
  const built = (name: string, node: SchemaNode): z.ZodType => {
    let schema = cache.get(name);
    if (!schema) {
      schema = build(node).meta({ title: name.replace(/^\$/, '') });
      cache.set(name, schema);
    }
    return schema;
  };

  const objectSchema = (properties: Record<string, Property>, oneofs: string[][] | undefined): z.ZodType => {
    const shape: Record<string, z.ZodType> = {};
    for (const [key, property] of Object.entries(properties)) {
      let schema = build(property.schema);
      if (property.nullable) schema = schema.nullable();
      if (property.optional) schema = schema.optional();
      shape[key] = schema;
    }
    const object = strict ? z.strictObject(shape) : z.looseObject(shape);
    if (!strict || !oneofs) return object;
    return object.check((ctx) => {
      for (const group of oneofs) {
        const set = group.filter((key) => ctx.value[key] !== undefined && ctx.value[key] !== null);
        if (set.length > 1) ctx.issues.push({ code: 'custom', input: ctx.value, path: [set[1]!], message: `at most one of ${group.join(', ')} may be set (oneof), found ${set.join(' and ')}` });
      }
    });
  };

  return build;
}
