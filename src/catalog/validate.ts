import type * as z from 'zod';
import { SchemaMismatchError } from '../errors.js';
import { toSchemaIssues } from '../wire/issues.js';

export type ValidationResult<T> = { success: true; data: T } | { success: false; error: SchemaMismatchError };

/**
 * Validates without throwing. `subject` names what is being checked in the error message, e.g.
 * `participation-created payload (strict)`.
 */
export function safeValidate<Schema extends z.ZodType>(schema: Schema, value: unknown, subject: string): ValidationResult<z.output<Schema>> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { success: true, data: result.data };
  return { success: false, error: new SchemaMismatchError(subject, toSchemaIssues(result.error.issues)) };
}

/** Validates and returns the parsed value, or throws a {@link SchemaMismatchError} listing every issue with its path. */
export function validate<Schema extends z.ZodType>(schema: Schema, value: unknown, subject: string): z.output<Schema> {
  const result = safeValidate(schema, value, subject);
  if (!result.success) throw result.error;
  return result.data;
}
