import { describe, expect, it } from 'vitest';
import { firstMatches, sortRecords } from '../../src/msw/query.js';
import { SortedMap } from '../../src/msw/sorted-map.js';
import { participationOrder } from '../../src/msw/services/calendar/store.js';
import type { Participation } from '../../src/domains/calendar/participation.js';

/** A small deterministic stream of numbers (no Math.random: a failure must reproduce). */
function stream(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % below;
  };
}

describe('SortedMap: the participations index', () => {
  it('keeps the order sortRecords gives through sets, replacements, deletes and clear, and pages as a full sort does', () => {
    const next = stream(7);
    const map = new SortedMap<string, Participation>(participationOrder.byKeyThenId);
    const make = (id: string) => ({ id, createdDate: `2025-03-0${1 + next(4)}T09:00:00.000Z`, eventId: `e${next(3)}` }) as unknown as Participation;
    for (let step = 0; step < 2000; step++) {
      const id = `p${next(300)}`;
      const action = next(10);
      if (action < 7) map.set(id, make(id));
      else map.delete(id);
      if (step === 1000) {
        map.clear();
        expect(map.ordered()).toEqual([]);
      }
    }
    const all = [...map.values()];
    expect(map.ordered()).toEqual(sortRecords(all, [{ fieldName: 'createdDate', order: 'ASC' }]));
    for (const order of ['ASC', 'DESC'] as const) {
      const matches = (record: Participation) => (record as unknown as { eventId: string }).eventId !== 'e1';
      const expected = sortRecords(all.filter(matches), [{ fieldName: 'createdDate', order }]);
      for (const count of [0, 1, 7, 50, expected.length + 1]) {
        expect(firstMatches(map.ordered(), order, (a, b) => (a.createdDate! < b.createdDate! ? -1 : a.createdDate! > b.createdDate! ? 1 : 0), matches, count)).toEqual(expected.slice(0, count));
      }
    }
  });
});
