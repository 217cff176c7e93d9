import { expect } from 'vitest';
import { getWebhook, type WebhookName } from '../../src/catalog/catalog.js';
import { build, listTraits, type Built } from '../../src/build/build.js';
import { checkEventTimeFormat, checkIdentity } from './rules.js';
import { exhaustive } from '../helpers/thoroughness.js';

/** Seeds per webhook. Spread over the traits: see `traitsFor`. */
export const sweepSeeds = Number(process.env.FACTORY_SWEEP_SEEDS ?? 10_000);

/**
 * In an exhaustive run (CI, see test/helpers/thoroughness.ts, or `FACTORY_SWEEP_EVERY_TRAIT=1`)
 * every trait also gets `sweepSeeds` seeds of its own, on top of the spread.
 */
export const sweepEveryTrait = exhaustive || Boolean(process.env.FACTORY_SWEEP_EVERY_TRAIT);

/**
 * The traits seed `seed` builds with. 10,000 seeds per webhook are spread over the traits (so
 * every trait gets hundreds of seeds) instead of 10,000 per trait, to keep the suite under a
 * minute: a third build with no trait, a third with one trait (cycling through all), a third with
 * one trait drawn from each group (combinations).
 */
export function traitsFor(name: WebhookName, seed: number): string[] {
  const traits = listTraits(name);
  if (seed % 3 === 0) return [];
  if (seed % 3 === 1) return [traits[Math.floor(seed / 3) % traits.length]!.name];
  const groups = new Map<string, string[]>();
  for (const trait of traits) groups.set(trait.group ?? trait.name, [...(groups.get(trait.group ?? trait.name) ?? []), trait.name]);
  let state = seed;
  return [...groups.values()].flatMap((members) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const pick = state % (members.length + 1);
    return pick === members.length ? [] : [members[pick]!];
  });
}

/** Builds `sweepSeeds` payloads, parses each strictly and runs `check`; fails with the first broken seeds. */
export function sweep<Name extends WebhookName>(name: Name, check: (built: Built<Name>, traits: string[]) => string[]): Map<string, number> {
  const schema = getWebhook(name).schemas('strict').payload;
  const failures: string[] = [];
  const perTrait = new Map<string, number>();
  const runs: Array<{ seed: number; traits: string[] }> = [];
  for (let seed = 0; seed < sweepSeeds; seed++) runs.push({ seed, traits: traitsFor(name, seed) });
  if (sweepEveryTrait) for (const trait of listTraits(name)) for (let seed = 0; seed < sweepSeeds; seed++) runs.push({ seed, traits: [trait.name] });
  for (const { seed, traits } of runs) {
    for (const trait of traits) perTrait.set(trait, (perTrait.get(trait) ?? 0) + 1);
    const built = build(name, { seed, traits: traits as never[] }) as Built<Name>;
    const problems: string[] = [];
    const parsed = schema.safeParse(built.payload);
    if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => `strict parse: ${issue.path.join('.')}: ${issue.message}`));
    checkEventTimeFormat((built.payload as { eventTime: string }).eventTime, problems);
    checkIdentity(built.delivery.identity, problems);
    problems.push(...check(built, traits));
    if (problems.length > 0) failures.push(`seed ${seed} [${traits.join(', ')}]: ${problems.join('; ')}`);
    if (failures.length >= 10) break;
  }
  expect(failures).toEqual([]);
  return perTrait;
}
