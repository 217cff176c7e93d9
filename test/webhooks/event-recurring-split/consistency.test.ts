import { describe, expect, it } from 'vitest';
import { build, listTraits } from '../../../src/build/build.js';
import { checkSplit, offsetAt } from '../rules.js';
import { sweep, sweepSeeds } from '../sweep.js';

describe('event-recurring-split factory: consistency over 10,000 seeds', () => {
  it('parses strictly and keeps every split rule, for every trait', () => {
    const zones = new Set<string>();
    let dstSplits = 0;
    const perTrait = sweep('event-recurring-split', (built, traits) => {
      const problems: string[] = [];
      const body = built.body;
      checkSplit(body, built.payload, problems);
      const old = body.updatedRecurringEventEndingBeforeSplit;
      const fresh = body.newRecurringEventStartingFromSplit;
      const tz = fresh.timeZone!;
      zones.add(tz);
      const changed = offsetAt(Date.parse(old.recurrenceRule!.until!.utcDate!), tz) !== offsetAt(Date.parse(fresh.start.utcDate!), tz);
      if (changed) dstSplits++;
      if (traits.includes('dst-change') && !changed) problems.push('dst-change without a DST change between the halves');
      if (traits.includes('no-dst-change') && changed) problems.push('no-dst-change with a DST change');
      for (const interval of [1, 2, 3, 4]) {
        if (traits.includes(interval === 1 ? 'every-week' : `every-${interval}-weeks`) && old.recurrenceRule?.interval !== interval) problems.push(`not interval ${interval}`);
      }
      return problems;
    });
    for (const trait of listTraits('event-recurring-split')) expect(perTrait.get(trait.name) ?? 0).toBeGreaterThan(sweepSeeds / 20);
    expect(zones.size).toBeGreaterThanOrEqual(10);
    expect(dstSplits).toBeGreaterThan(sweepSeeds / 20);
  });

  it('matches the docs example: the old id keeps its schedule prefix and the new MASTER one interval later', () => {
    const { body, payload } = build('event-recurring-split', { seed: 11, traits: ['every-week'] });
    expect(payload.entityId).toBe(body.updatedRecurringEventEndingBeforeSplit.id);
    expect(body.newRecurringEventStartingFromSplit.id.slice(0, 32)).toBe(body.updatedRecurringEventEndingBeforeSplit.scheduleId.replaceAll('-', ''));
  });
});
