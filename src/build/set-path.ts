import type * as z from 'zod';
import { findForbiddenKey, isForbiddenKey } from '../fake/safe-keys.js';
import { InvalidSetPathError, InvalidSetValueError } from './errors.js';

/** One parsed `path=value`: where to write and what. */
export interface SetAssignment {
  /** The text it was parsed from, for messages. */
  source: string;
  segments: ReadonlyArray<string | number>;
  value: unknown;
}

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType; options?: z.ZodType[]; valueType?: z.ZodType; in?: z.ZodType };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Strips optional, nullable, default and pipe wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.innerType && ['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch'].includes(def.type)) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

/** The schema of `segment` inside `schema`, or undefined when there is no such field. */
function childSchema(schema: z.ZodType, segment: string | number): z.ZodType | undefined {
  const def = defOf(unwrap(schema));
  if (def.type === 'object' && typeof segment === 'string') return def.shape && Object.hasOwn(def.shape, segment) ? def.shape[segment] : undefined;
  if (def.type === 'array' && typeof segment === 'number') return def.element;
  if (def.type === 'record' && typeof segment === 'string') return def.valueType;
  if (def.type === 'union') {
    for (const option of def.options ?? []) {
      const child = childSchema(option, segment);
      if (child) return child;
    }
  }
  return undefined;
}

/** `a.b[0].c` or `a.b.0.c` → `['a', 'b', 0, 'c']`. */
function parsePath(path: string, source: string): Array<string | number> {
  if (!/^[A-Za-z_$][\w$]*(\.[\w$]+|\[\d+\])*$/.test(path)) {
    throw new InvalidSetPathError(source, 'expected a dotted path such as `createdEvent.entity.partySize` or `actionEvent.body.guest.tickets[0].name`.');
  }
  const segments = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  const forbidden = segments.find(isForbiddenKey);
  if (forbidden !== undefined) throw new InvalidSetPathError(source, `\`${String(forbidden)}\` is not a payload field: it would write into the prototype of every object.`);
  return segments;
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Converts the text after `=` into a value of the kind the field holds; strings stay raw text. */
function coerce(text: string, leaf: z.ZodType, source: string): unknown {
  const def = defOf(unwrap(leaf));
  const json = tryJson(text);
  const fail = (expected: string) => new InvalidSetValueError(source, `expected ${expected} for this field, got \`${text}\`.`);
  switch (def.type) {
    case 'string':
    case 'enum':
    case 'template_literal':
      return text;
    case 'literal':
      return json.ok && typeof json.value !== 'string' ? json.value : text;
    case 'number':
    case 'int':
      if (json.ok && typeof json.value === 'number') return json.value;
      throw fail('a number');
    case 'boolean':
      if (json.ok && typeof json.value === 'boolean') return json.value;
      throw fail('`true` or `false`');
    case 'object':
    case 'record':
      if (json.ok && typeof json.value === 'object' && json.value !== null && !Array.isArray(json.value)) return json.value;
      throw fail('a JSON object');
    case 'array':
      if (json.ok && Array.isArray(json.value)) return json.value;
      throw fail('a JSON array');
    default:
      return json.ok ? json.value : text;
  }
}

/**
 * Parses `path=value` against a payload schema. The path must name a field the schema has (so a
 * typo fails instead of adding a stray field); the value is JSON for numbers, booleans, objects
 * and arrays and raw text for strings. Out-of-range values of the right type are accepted: a
 * `--set` may break a rule on purpose.
 */
export function parseSetAssignment(text: string, payloadSchema: z.ZodType): SetAssignment {
  const equals = text.indexOf('=');
  if (equals <= 0) throw new InvalidSetPathError(text, 'expected `path=value`, e.g. `createdEvent.entity.partySize=4`.');
  const segments = parsePath(text.slice(0, equals), text);
  let schema: z.ZodType | undefined = payloadSchema;
  for (const [index, segment] of segments.entries()) {
    schema = childSchema(schema, segment);
    if (schema === undefined) {
      const where = segments.slice(0, index + 1).join('.');
      throw new InvalidSetPathError(text, `the payload has no field \`${where}\`.`);
    }
  }
  const value = coerce(text.slice(equals + 1), schema, text);
  const forbidden = findForbiddenKey(value);
  if (forbidden) throw new InvalidSetValueError(text, `the value has a \`${String(forbidden.at(-1))}\` key, which would write into a prototype.`);
  return { source: text, segments, value };
}

/** Writes each assignment into `target`, creating missing objects and arrays on the way. */
export function applySetAssignments(target: Record<string, unknown>, assignments: readonly SetAssignment[]): void {
  for (const { segments, value, source } of assignments) {
    let node: Record<string | number, unknown> = target;
    for (const [index, segment] of segments.entries()) {
      // Assignments come from parseSetAssignment, which refuses these; a hand-made one must not slip through.
      if (isForbiddenKey(segment)) throw new InvalidSetPathError(source, `\`${String(segment)}\` is not a payload field.`);
      if (index === segments.length - 1) {
        node[segment] = structuredClone(value);
        break;
      }
      const next = segments[index + 1]!;
      let child = node[segment];
      if (child === undefined || child === null) {
        child = typeof next === 'number' ? [] : {};
        node[segment] = child;
      }
      if (typeof child !== 'object') throw new InvalidSetPathError(source, `\`${segments.slice(0, index + 1).join('.')}\` holds a ${typeof child}, not an object.`);
      node = child as Record<string | number, unknown>;
    }
  }
}
