import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../src/msw/query.js';

describe('query language', () => {
  const records = [
    { id: 'a', n: 1, tags: [{ id: 'x' }, { id: 'y' }], nested: { type: 'B' } },
    { id: 'b', n: 5, tags: [{ id: 'y' }], nested: { type: 'C' } },
    { id: 'c', n: 9 },
  ];
  const ids = (filter: unknown) => records.filter(compileFilter(filter, { n: ['$eq', '$gt', '$lte', '$in', '$exists'], 'tags.id': ['$hasSome', '$hasAll'], 'nested.type': ['$eq', '$in', '$exists'] })).map((record) => record.id);

  it('evaluates operators, nested paths, arrays and logical combinators', () => {
    expect(ids({ n: 5 })).toEqual(['b']);
    expect(ids({ n: { $gt: 1, $lte: 9 } })).toEqual(['b', 'c']);
    expect(ids({ 'tags.id': { $hasAll: ['x', 'y'] } })).toEqual(['a']);
    expect(ids({ 'tags.id': { $hasSome: ['y'] } })).toEqual(['a', 'b']);
    expect(ids({ 'nested.type': { $exists: false } })).toEqual(['c']);
    expect(ids({ $or: [{ n: 1 }, { 'nested.type': 'C' }] })).toEqual(['a', 'b']);
    expect(ids({ $not: { n: { $in: [1, 9] } } })).toEqual(['b']);
  });

  it('refuses unsupported fields and operators with a 400 naming the field', () => {
    expect(() => ids({ other: 1 })).toThrow(expect.objectContaining({ status: 400, body: expect.objectContaining({ details: { validationError: { fieldViolations: [expect.objectContaining({ field: 'query.filter.other' })] } } }) }));
    expect(() => ids({ n: { $startsWith: '1' } })).toThrow(expect.objectContaining({ status: 400 }));
  });
});
