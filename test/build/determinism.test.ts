import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { build, buildPayload, buildPayloads, listTraits } from '../../src/build/build.js';

describe('factories: seeds', () => {
  for (const webhook of catalog) {
    describe(webhook.name, () => {
      it('gives byte-identical JSON for the same seed, whatever was built in between', () => {
        const first = JSON.stringify(build(webhook.name, { seed: 1234 }));
        buildPayloads(webhook.name, 5);
        expect(JSON.stringify(build(webhook.name, { seed: 1234 }))).toBe(first);
      });

      it('matches the committed golden file for seed 42 (same on any machine and any day)', async () => {
        const json = `${JSON.stringify(buildPayload(webhook.name, { seed: 42 }), null, 2)}\n`;
        await expect(json).toMatchFileSnapshot(`../webhooks/${webhook.name}/golden.seed-42.json`);
      });

      it('differs between seeds and between unseeded builds', () => {
        const seeded = new Set(Array.from({ length: 50 }, (_, seed) => JSON.stringify(buildPayload(webhook.name, { seed }))));
        expect(seeded.size).toBe(50);
        const unseeded = new Set(Array.from({ length: 20 }, () => JSON.stringify(buildPayload(webhook.name))));
        expect(unseeded.size).toBe(20);
      });

      it('reports the seed of an unseeded build so it can be replayed', () => {
        const random = build(webhook.name);
        expect(JSON.stringify(buildPayload(webhook.name, { seed: random.seed }))).toBe(JSON.stringify(random.payload));
      });

      it('builds lists whose item i is the build of seed + i', () => {
        const list = buildPayloads(webhook.name, 3, { seed: 10 });
        expect(list.map((item) => JSON.stringify(item))).toEqual([10, 11, 12].map((seed) => JSON.stringify(buildPayload(webhook.name, { seed }))));
      });

      it('every trait is applied deterministically', () => {
        for (const trait of listTraits(webhook.name)) {
          const options = { seed: 7, traits: [trait.name] as never[] };
          expect(JSON.stringify(buildPayload(webhook.name, options))).toBe(JSON.stringify(buildPayload(webhook.name, options)));
        }
      });
    });
  }

  it('does not read the wall clock when seeded', async () => {
    const { vi } = await import('vitest');
    const before = JSON.stringify(build('guest-event-starts', { seed: 9 }));
    vi.useFakeTimers({ now: new Date('2031-05-05T00:00:00Z') });
    try {
      expect(JSON.stringify(build('guest-event-starts', { seed: 9 }))).toBe(before);
    } finally {
      vi.useRealTimers();
    }
  });
});
