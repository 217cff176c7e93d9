import * as z from 'zod';
import { PactHelperError } from './errors.js';

/**
 * Pact V3/V4 matcher objects, in the exact shape `MatchersV3` of `@pact-foundation/pact` builds
 * (`{ 'pact:matcher:type': ..., value }`). Written out here so this module needs no Pact at
 * runtime; the objects are interchangeable with `MatchersV3.like(...)`, `regex(...)` and so on.
 */
export type PactMatcher =
  | { 'pact:matcher:type': 'type'; value: unknown; min?: number; max?: number }
  | { 'pact:matcher:type': 'integer' | 'decimal' | 'number' | 'boolean'; value: unknown }
  | { 'pact:matcher:type': 'regex'; regex: string; value: string };

/** A message template: JSON values with Pact matchers in place of the leaves. */
export type MatcherTemplate = PactMatcher | { [key: string]: MatcherTemplate } | MatcherTemplate[] | string | number | boolean | null;

/** Wix GUIDs, any version, either case (what `z.guid()` accepts). */
export const guidRegex = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
/** ISO-8601 UTC/offset timestamps as Wix writes them (milliseconds or nanoseconds, `Z` or `+hh:mm`). */
export const isoDateTimeRegex = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$';

const type = (value: unknown): PactMatcher => ({ 'pact:matcher:type': 'type', value });
const regex = (pattern: string, value: string): PactMatcher => ({ 'pact:matcher:type': 'regex', regex: pattern, value });

/** Rust's `regex` crate (Pact's engine) has no look-around or back-references. */
function portableRegex(source: string): boolean {
  return !/\(\?[=!<]|\\[1-9]|\\k</.test(source);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function stringPattern(schema: z.ZodType): string | undefined {
  const format = (schema as { format?: string | null }).format;
  if (format === 'guid' || format === 'uuid') return guidRegex;
  if (format === 'datetime') return isoDateTimeRegex;
  const checks = (schema.def as { checks?: Array<{ _zod: { def: { format?: string; pattern?: RegExp } } }> }).checks ?? [];
  for (const check of checks) {
    const def = check._zod.def;
    if (def.format === 'regex' && def.pattern instanceof RegExp && portableRegex(def.pattern.source)) return def.pattern.source;
  }
  return undefined;
}

export interface MatcherOptions {
  /** Where the walk is, for error messages (`$` by default). */
  path?: string;
}

/**
 * Walks a zod schema alongside an example value (a factory build, as JSON) and returns a Pact
 * matcher template: the example's values, each leaf replaced by the matcher the schema implies.
 *
 * - strings: GUID and date-time formats become `regex` matchers, `.regex()` checks keep their
 *   pattern (when Pact's regex engine can run it), other strings match by type;
 * - `z.int()` → `integer`, other numbers → `number`, booleans → `boolean`;
 * - enums → `regex` of the alternatives; literals stay plain values (matched by equality);
 * - arrays → a `type` matcher with the schema's minimum (0 by default) over the first element's
 *   template; an empty example array matches any array by type;
 * - objects: the example's keys, each walked (optional fields present in the example are matched
 *   by their type; absent ones are left out); records and unknown values match by type;
 * - unions: the first option the example parses against; `Date`s (SDK envelopes) are ISO strings.
 *
 * Deterministic: the same schema and example give the same template.
 */
export function matchersFromSchema(schema: z.ZodType, example: unknown, options: MatcherOptions = {}): MatcherTemplate {
  return walk(schema, example, options.path ?? '$');
}

function walk(schema: z.ZodType, value: unknown, at: string): MatcherTemplate {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
    if (value === null && schema instanceof z.ZodNullable) return null;
    return walk(schema.unwrap() as z.ZodType, value, at);
  }
  if (schema instanceof z.ZodPipe) return walk(schema.in as z.ZodType, value, at);
  // Generated schemas reach Wix's recursive types lazily.
  if (schema instanceof z.ZodLazy) return walk(schema.unwrap() as z.ZodType, value, at);
  if (schema instanceof z.ZodDiscriminatedUnion || schema instanceof z.ZodUnion) {
    const options = schema.options as z.ZodType[];
    const option = options.find((candidate) => candidate.safeParse(reviveDates(candidate, value)).success) ?? options[0];
    if (!option) return type(value);
    return walk(option, value, at);
  }
  const kind = schema.def.type;
  switch (kind) {
    case 'string': {
      if (typeof value !== 'string') throw mismatch(at, 'a string', value);
      const pattern = stringPattern(schema);
      return pattern ? regex(pattern, value) : type(value);
    }
    case 'date':
      if (typeof value !== 'string') throw mismatch(at, 'an ISO date-time string', value);
      return regex(isoDateTimeRegex, value);
    case 'number': {
      if (typeof value !== 'number') throw mismatch(at, 'a number', value);
      const format = (schema as { format?: string | null }).format;
      const integer = format === 'safeint' || format === 'int32' || format === 'uint32' || format === 'int64';
      return { 'pact:matcher:type': integer ? 'integer' : 'number', value };
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw mismatch(at, 'a boolean', value);
      return { 'pact:matcher:type': 'boolean', value };
    case 'enum': {
      if (typeof value !== 'string') return value as MatcherTemplate;
      const options = (schema as z.ZodEnum).options as Array<string | number>;
      return regex(`^(${options.map((option) => escapeRegex(String(option))).join('|')})$`, value);
    }
    case 'literal':
      return value as MatcherTemplate;
    case 'array': {
      if (!Array.isArray(value)) throw mismatch(at, 'an array', value);
      const element = (schema as z.ZodArray).element as z.ZodType;
      const min = (schema as { minLength?: number | null }).minLength ?? 0;
      if (value.length === 0) return { 'pact:matcher:type': 'type', value: [], ...(min > 0 ? { min } : {}) };
      return { 'pact:matcher:type': 'type', min, value: [walk(element, value[0], `${at}[*]`)] };
    }
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw mismatch(at, 'an object', value);
      const shape = (schema as z.ZodObject).shape as Record<string, z.ZodType>;
      const out: Record<string, MatcherTemplate> = {};
      for (const key of Object.keys(value).sort()) {
        const field = shape[key];
        const fieldValue = (value as Record<string, unknown>)[key];
        if (fieldValue === undefined) continue;
        out[key] = field ? walk(field, fieldValue, `${at}.${key}`) : type(fieldValue);
      }
      return out;
    }
    case 'record':
    case 'unknown':
    case 'any':
      return type(value);
    default:
      throw new PactHelperError(`matchersFromSchema: no Pact matcher for a zod "${kind}" at ${at}`);
  }
}

function mismatch(at: string, expected: string, value: unknown): PactHelperError {
  return new PactHelperError(`matchersFromSchema: expected ${expected} at ${at}, got ${JSON.stringify(value)}; the example does not fit the schema`);
}

/** The example value with the matchers removed: what the message carries. */
export function reifyTemplate(template: MatcherTemplate): unknown {
  if (Array.isArray(template)) return template.map(reifyTemplate);
  if (template !== null && typeof template === 'object') {
    if ('pact:matcher:type' in template) return reifyTemplate((template as { value: MatcherTemplate }).value);
    return Object.fromEntries(Object.entries(template).map(([key, inner]) => [key, reifyTemplate(inner as MatcherTemplate)]));
  }
  return template;
}

/**
 * Keeps only the given fields of a template (and the objects that lead to them), as Pact
 * recommends: a consumer states only what it reads. Paths are dotted from the message root and go
 * through arrays without an index: `createdEvent.entity.partySize`, `data.guest.tickets.number`.
 * A path the template does not have throws, naming it.
 */
export function narrowTemplate(template: MatcherTemplate, fields: readonly string[]): MatcherTemplate {
  let narrowed: MatcherTemplate | undefined;
  for (const field of fields) {
    const picked = pick(template, field.split('.').filter(Boolean), field);
    narrowed = narrowed === undefined ? picked : merge(narrowed, picked);
  }
  return narrowed ?? {};
}

function isMatcher(value: unknown): value is PactMatcher {
  return value !== null && typeof value === 'object' && 'pact:matcher:type' in value;
}

function pick(template: MatcherTemplate, segments: string[], field: string): MatcherTemplate {
  if (segments.length === 0) return template;
  if (isMatcher(template) && template['pact:matcher:type'] === 'type' && Array.isArray(template.value)) {
    const [first] = template.value as MatcherTemplate[];
    if (first === undefined) throw new PactHelperError(`Cannot narrow to "${field}": the example array on the way is empty`);
    return { ...template, value: [pick(first, segments, field)] };
  }
  const [head, ...rest] = segments as [string, ...string[]];
  if (template === null || typeof template !== 'object' || Array.isArray(template) || isMatcher(template) || !Object.hasOwn(template, head)) {
    throw new PactHelperError(`Cannot narrow to "${field}": the message has no field "${head}" there`);
  }
  return { [head]: pick((template as Record<string, MatcherTemplate>)[head]!, rest, field) };
}

function merge(left: MatcherTemplate, right: MatcherTemplate): MatcherTemplate {
  if (isMatcher(left) && isMatcher(right) && Array.isArray(left.value) && Array.isArray(right.value)) {
    return { ...left, value: [merge(left.value[0] as MatcherTemplate, right.value[0] as MatcherTemplate)] } as MatcherTemplate;
  }
  if (left !== null && right !== null && typeof left === 'object' && typeof right === 'object' && !isMatcher(left) && !isMatcher(right) && !Array.isArray(left) && !Array.isArray(right)) {
    const out: Record<string, MatcherTemplate> = { ...left };
    for (const [key, value] of Object.entries(right)) out[key] = Object.hasOwn(out, key) ? merge(out[key]!, value) : value;
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  return right;
}

/**
 * Turns the ISO strings at `z.date()` positions back into `Date`s, so a JSON message (as Pact
 * delivers it) becomes the SDK envelope a handler receives. Other values are returned unchanged.
 */
export function reviveDates(schema: z.ZodType, value: unknown): unknown {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
    return value === undefined || value === null ? value : reviveDates(schema.unwrap() as z.ZodType, value);
  }
  if (schema instanceof z.ZodPipe) return reviveDates(schema.in as z.ZodType, value);
  if (schema instanceof z.ZodUnion) {
    for (const option of schema.options as z.ZodType[]) {
      const revived = reviveDates(option, value);
      if (option.safeParse(revived).success) return revived;
    }
    return value;
  }
  const kind = schema.def.type;
  if (kind === 'date') return typeof value === 'string' ? new Date(value) : value;
  if (kind === 'array' && Array.isArray(value)) return value.map((item) => reviveDates((schema as z.ZodArray).element as z.ZodType, item));
  if (kind === 'object' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const shape = (schema as z.ZodObject).shape as Record<string, z.ZodType>;
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shape[key] ? reviveDates(shape[key], inner) : inner]));
  }
  return value;
}
