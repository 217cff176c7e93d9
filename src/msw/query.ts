import { isForbiddenKey } from '../fake/safe-keys.js';
import { fieldError, WixHttpError } from './errors.js';
import { parseClientJson } from './json-body.js';

/**
 * The basics of Wix API Query Language on in-memory records: `filter` with `$eq $ne $lt $lte
 * $gt $gte $in $nin $exists $hasSome $hasAll $startsWith $contains` and `$and $or $not`, sort,
 * cursor paging (the cursor carries the query, as Wix's does: "following requests use the cursor
 * token and not filter") and offset paging. Each endpoint passes the fields and operators its
 * docs support; anything else is a 400 naming the field.
 */
export type Operator = '$eq' | '$ne' | '$lt' | '$lte' | '$gt' | '$gte' | '$in' | '$nin' | '$exists' | '$hasSome' | '$hasAll' | '$startsWith' | '$contains';
export type SupportedFilters = Readonly<Record<string, readonly Operator[]>>;

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every value at a dotted path; arrays along the way are flattened (`resources.id`). */
function valuesAt(record: unknown, path: string): unknown[] {
  let current: unknown[] = [record];
  for (const key of path.split('.')) {
    const next: unknown[] = [];
    for (const value of current) {
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) if (isPlainObject(item) && Object.hasOwn(item, key)) next.push(item[key]);
    }
    current = next;
  }
  return current.flatMap((value) => (Array.isArray(value) ? value : [value])).filter((value) => value !== undefined && value !== null);
}

/** How the query language orders two values: numbers and int64 strings as numbers, other values as strings. */
export function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const left = String(a);
  const right = String(b);
  // Revisions and other int64 strings compare as numbers (BigInt only at int64 sizes: parsing a huge one is slow).
  if (left.length <= 40 && right.length <= 40 && /^-?\d+$/.test(left) && /^-?\d+$/.test(right)) return Number(BigInt(left) - BigInt(right));
  return left < right ? -1 : left > right ? 1 : 0;
}

const equal = (a: unknown, b: unknown) => compare(a, b) === 0 && typeof a === typeof b;

function test(values: unknown[], operator: Operator, operand: unknown, field: string): boolean {
  const arrayOperand = () => {
    if (!Array.isArray(operand)) throw fieldError(`query.filter.${field}`, `${operator} expects an array`, 'FORMAT');
    return operand;
  };
  switch (operator) {
    case '$eq':
      return values.some((value) => equal(value, operand));
    case '$ne':
      return !values.some((value) => equal(value, operand));
    case '$lt':
      return values.some((value) => compare(value, operand) < 0);
    case '$lte':
      return values.some((value) => compare(value, operand) <= 0);
    case '$gt':
      return values.some((value) => compare(value, operand) > 0);
    case '$gte':
      return values.some((value) => compare(value, operand) >= 0);
    case '$in': {
      const options = arrayOperand();
      return values.some((value) => options.some((option) => equal(value, option)));
    }
    case '$nin': {
      const options = arrayOperand();
      return !values.some((value) => options.some((option) => equal(value, option)));
    }
    case '$exists':
      return (values.length > 0) === Boolean(operand);
    case '$hasSome': {
      const options = arrayOperand();
      return options.some((option) => values.some((value) => equal(value, option)));
    }
    case '$hasAll': {
      const options = arrayOperand();
      return options.every((option) => values.some((value) => equal(value, option)));
    }
    case '$startsWith':
      return values.some((value) => typeof value === 'string' && value.startsWith(String(operand)));
    case '$contains':
      return values.some((value) => typeof value === 'string' && value.includes(String(operand)));
  }
}

/** Deepest nesting of `$and`, `$or` and `$not` a filter may have. */
export const maxFilterDepth = 16;
/** Longest string operand, and most items in an array operand: ids, dates and revisions are far shorter. */
export const maxOperandLength = 1000;

function checkOperand(operand: unknown, field: string): void {
  const items = Array.isArray(operand) ? operand : [operand];
  if (items.length > maxOperandLength) throw fieldError(`query.filter.${field}`, `has ${items.length} operands, more than the ${maxOperandLength} allowed`, 'MAX_SIZE');
  for (const item of items) {
    if (typeof item === 'string' && item.length > maxOperandLength) throw fieldError(`query.filter.${field}`, `operand is ${item.length} characters long, more than the ${maxOperandLength} allowed`, 'MAX_LENGTH');
  }
}

/** Compiles a filter into a predicate, refusing unsupported fields and operators, and oversized filters, with a 400. */
export function compileFilter(filter: unknown, supported: SupportedFilters, depth = 0): (record: unknown) => boolean {
  if (filter === undefined || filter === null) return () => true;
  if (!isPlainObject(filter)) throw fieldError('query.filter', 'must be an object', 'FORMAT');
  if (depth > maxFilterDepth) throw fieldError('query.filter', `nests $and, $or and $not more than ${maxFilterDepth} levels deep`, 'MAX');
  const clauses: Array<(record: unknown) => boolean> = [];
  for (const [key, condition] of Object.entries(filter)) {
    if (isForbiddenKey(key)) throw fieldError(`query.filter.${key}`, 'is not a field', 'FIELD_NOT_ALLOWED');
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(condition)) throw fieldError(`query.filter.${key}`, 'expects an array of filters', 'FORMAT');
      if (condition.length > maxOperandLength) throw fieldError(`query.filter.${key}`, `has more than ${maxOperandLength} filters`, 'MAX_SIZE');
      const parts = condition.map((part) => compileFilter(part, supported, depth + 1));
      clauses.push(key === '$and' ? (record) => parts.every((part) => part(record)) : (record) => parts.some((part) => part(record)));
      continue;
    }
    if (key === '$not') {
      const part = compileFilter(condition, supported, depth + 1);
      clauses.push((record) => !part(record));
      continue;
    }
    const allowed = Object.hasOwn(supported, key) ? supported[key] : undefined;
    if (!allowed) throw fieldError(`query.filter.${key}`, `filtering by "${key}" is not supported; supported: ${Object.keys(supported).join(', ')}`, 'FIELD_NOT_ALLOWED');
    const operations: Array<[Operator, unknown]> = isPlainObject(condition)
      ? Object.entries(condition).map(([operator, operand]) => [operator as Operator, operand])
      : [['$eq', condition]];
    for (const [operator, operand] of operations) {
      if (!allowed.includes(operator)) throw fieldError(`query.filter.${key}`, `operator ${operator} is not supported for "${key}"; supported: ${allowed.join(' ')}`, 'FIELD_NOT_ALLOWED');
      checkOperand(operand, key);
      clauses.push((record) => test(valuesAt(record, key), operator, operand, key));
    }
  }
  return (record) => clauses.every((clause) => clause(record));
}

export interface SortSpec {
  fieldName: string;
  order: 'ASC' | 'DESC';
}

/** Sorts by the given fields (first value at each path), then by `id` so pages are stable. */
export function sortRecords<T>(records: T[], sort: readonly SortSpec[], valueOf: (record: T, field: string) => unknown = (record, field) => valuesAt(record, field)[0]): T[] {
  return [...records].sort((a, b) => {
    for (const { fieldName, order } of sort) {
      const result = compare(valueOf(a, fieldName) ?? '', valueOf(b, fieldName) ?? '');
      if (result !== 0) return order === 'DESC' ? -result : result;
    }
    return compare(valuesAt(a, 'id')[0] ?? '', valuesAt(b, 'id')[0] ?? '');
  });
}

/**
 * The order of a store index on `key`: `byKeyThenId` keeps the index (ties by id ascending, as
 * {@link sortRecords} breaks them) and `byKey`, the key alone, is what {@link firstMatches} groups by.
 */
export function indexOrder<T extends { id?: string }>(key: (record: T) => unknown) {
  const byKey = (a: T, b: T) => compare(key(a), key(b));
  return { byKey, byKeyThenId: (a: T, b: T) => byKey(a, b) || compare(a.id ?? '', b.id ?? '') };
}

/**
 * The first `count` records of an already ordered list that match, without sorting: ascending, or
 * descending by the leading sort key with ties still in ascending order (as {@link sortRecords}
 * sorts them, since its `id` tie-break is always ascending). `compareKey` orders two records by
 * that leading key alone.
 */
export function firstMatches<T>(ordered: readonly T[], order: 'ASC' | 'DESC', compareKey: (a: T, b: T) => number, matches: (record: T) => boolean, count: number): T[] {
  const found: T[] = [];
  if (order === 'ASC') {
    for (let index = 0; index < ordered.length && found.length < count; index++) if (matches(ordered[index]!)) found.push(ordered[index]!);
    return found;
  }
  let end = ordered.length;
  while (end > 0 && found.length < count) {
    // The group of records sharing the last one's key starts at the first not before it (binary search: a group may be the whole store).
    const last = ordered[end - 1]!;
    let start = 0;
    let high = end - 1;
    while (start < high) {
      const middle = (start + high) >>> 1;
      if (compareKey(ordered[middle]!, last) < 0) start = middle + 1;
      else high = middle;
    }
    for (let index = start; index < end && found.length < count; index++) if (matches(ordered[index]!)) found.push(ordered[index]!);
    end = start;
  }
  return found;
}

/** A cursor: the whole query plus where the next page starts, base64url JSON. */
export function encodeCursor(state: unknown, offset: number): string {
  return Buffer.from(JSON.stringify({ state, offset })).toString('base64url');
}

export function decodeCursor(cursor: string): { state: unknown; offset: number } {
  try {
    const decoded = parseClientJson(Buffer.from(cursor, 'base64url').toString('utf8'), 'query.cursorPaging.cursor') as { state?: unknown; offset?: unknown } | null;
    if (typeof decoded?.offset === 'number' && Number.isSafeInteger(decoded.offset) && decoded.offset >= 0) return { state: decoded.state, offset: decoded.offset };
  } catch (error) {
    // Too deep or with a prototype key: that 400. Not base64url JSON: answered as a cursor with a bad offset is.
    if (error instanceof WixHttpError) throw error;
  }
  throw fieldError('query.cursorPaging.cursor', 'is not a cursor this API returned', 'FORMAT');
}

/** The page of `records` from `offset`, with cursor paging metadata (`next` only when there is more). */
export function cursorPage<T>(records: T[], state: unknown, offset: number, limit: number, withPrev: boolean) {
  const page = records.slice(offset, offset + limit);
  const hasNext = offset + limit < records.length;
  const cursors: { next?: string; prev?: string } = {};
  if (hasNext) cursors.next = encodeCursor(state, offset + limit);
  if (withPrev && offset > 0) cursors.prev = encodeCursor(state, Math.max(0, offset - limit));
  return { page, pagingMetadata: { count: page.length, cursors, hasNext } };
}

export function limitOf(value: unknown, field: string, fallback: number, maximum: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw fieldError(field, 'must be an integer', 'FORMAT');
  if (value < 0) throw fieldError(field, 'must be at least 0', 'MIN');
  if (value > maximum) throw fieldError(field, `must be at most ${maximum}`, 'MAX');
  return value;
}

/**
 * Reads a cursor query: its body, or, on a following page, the query its cursor carries ("following
 * requests use the cursor token and not filter or sort"), with the offset and the page limit.
 */
export function readCursorQuery<Body extends { query?: { cursorPaging?: { cursor?: string; limit?: unknown } } }>(
  parseBody: (raw: unknown) => Body,
  raw: unknown,
  maximumLimit: number,
): { body: Body; offset: number; limit: number } {
  const first = parseBody(raw);
  const limit = limitOf(first.query?.cursorPaging?.limit, 'query.cursorPaging.limit', 50, maximumLimit);
  const cursor = first.query?.cursorPaging?.cursor;
  if (!cursor) return { body: first, offset: 0, limit };
  const decoded = decodeCursor(cursor);
  return { body: parseBody(decoded.state), offset: decoded.offset, limit };
}
