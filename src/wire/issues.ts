import type * as z from 'zod';
import type { SchemaIssue } from '../errors.js';

/** `['createdEvent', 'entity', 'resources', 0, 'id']` → `createdEvent.entity.resources[0].id`. */
export function formatPath(segments: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/** A short, safe description of any value: its JSON type and a preview capped at 60 characters. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `array of ${value.length}`;
  if (value instanceof Date) return `Date ${Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString()}`;
  if (typeof value === 'object') return `object with keys ${preview(Object.keys(value).join(', '))}`;
  if (typeof value === 'string') return `string ${preview(JSON.stringify(value))}`;
  return `${typeof value} ${preview(String(value))}`;
}

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function expectedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected;
    case 'invalid_value':
      return issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}`;
    case 'too_small':
      return `${issue.origin} ${issue.inclusive === false ? '>' : '>='} ${String(issue.minimum)}${unit(issue.origin)}`;
    case 'too_big':
      return `${issue.origin} ${issue.inclusive === false ? '<' : '<='} ${String(issue.maximum)}${unit(issue.origin)}`;
    case 'invalid_format':
      return issue.format === 'regex' && 'pattern' in issue ? `string matching ${String(issue.pattern)}` : `${issue.format} format`;
    case 'unrecognized_keys':
      return `no undocumented properties (found ${issue.keys.map((k) => JSON.stringify(k)).join(', ')})`;
    case 'invalid_union':
      return 'one of the allowed shapes';
    case 'not_multiple_of':
      return `a multiple of ${String(issue.divisor)}`;
    default:
      return issue.message;
  }
}

function unit(origin: string): string {
  if (origin === 'string') return ' characters';
  if (origin === 'array' || origin === 'set') return ' items';
  return '';
}

/**
 * zod reports an unrecognized key at the parent's path; we point at the key itself so the path
 * names the offending field, as users expect.
 */
export function toSchemaIssues(issues: readonly z.core.$ZodIssue[]): SchemaIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => schemaIssue(issue, [...issue.path, key], 'an undocumented property', 'no such property'));
    }
    const received = 'input' in issue ? describeValue(issue.input) : 'a value that does not fit';
    return [schemaIssue(issue, issue.path, received, expectedOf(issue))];
  });
}

function schemaIssue(issue: z.core.$ZodIssue, path: ReadonlyArray<PropertyKey>, received: string, expected: string): SchemaIssue {
  const segments = path.map((p) => (typeof p === 'number' ? p : String(p)));
  const where = formatPath(path) || '(root)';
  return {
    path: formatPath(path),
    segments,
    expected,
    received,
    issueCode: issue.code,
    message: issue.code === 'custom' ? `${where}: ${issue.message}` : `${where}: expected ${expected}, received ${received}`,
  };
}
