import * as z from 'zod';

/**
 * `loose` (the default) keeps fields the schema does not know, because Wix adds fields over
 * time and a consumer's tests must not break when it does. `strict` reports every
 * undocumented field, for contract checks of what the toolkit itself produces.
 */
export type SchemaMode = 'loose' | 'strict';

export const schemaModes: readonly SchemaMode[] = ['loose', 'strict'];

/**
 * Builds an object schema in the chosen mode. Typed as a plain `z.object` so the inferred types
 * list exactly the documented fields; a loose parse may carry more at runtime, as Wix's own
 * payloads do.
 */
export type ObjectBuilder = <Shape extends z.core.$ZodLooseShape>(
  shape: Shape,
  params?: string | z.core.$ZodObjectParams,
) => z.ZodObject<Shape, z.core.$strip>;

export function objectBuilder(mode: SchemaMode): ObjectBuilder {
  return (mode === 'strict' ? z.strictObject : z.looseObject) as unknown as ObjectBuilder;
}

/**
 * One family of schemas, built once per mode on first use. Entity and payload modules are
 * written as a function of the object builder so the two modes can never drift apart.
 */
export interface SchemaFamily<T> {
  (mode?: SchemaMode): T;
}

export function schemaFamily<T>(build: (object: ObjectBuilder, mode: SchemaMode) => T): SchemaFamily<T> {
  const built = new Map<SchemaMode, T>();
  return (mode: SchemaMode = 'loose') => {
    let family = built.get(mode);
    if (family === undefined) {
      family = build(objectBuilder(mode), mode);
      built.set(mode, family);
    }
    return family;
  };
}
