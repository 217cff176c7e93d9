import { pathToFileURL } from 'node:url';
import { catalog, listWebhooks } from '../src/catalog/catalog.js';
import { buildPayload } from '../src/build/build.js';
import { formatRate, measure, measureInterleaved, median, printTable } from './harness.js';
import { ratio, reportTarget } from './targets.js';

/** Well-known generated webhooks measured one by one, beside the curated ones. */
const featured = ['contact-updated', 'ecom-order-created', 'booking-created', 'member-created', 'submission-created', 'event-created', 'product-changed', 'post-created'];

/**
 * Generated webhooks have no docs example: the floor clones a typical payload instead, the one of
 * median size among seeds 1 to 21 (seed 1 alone can be far smaller than average).
 */
function typicalPayload(name: string): unknown {
  const payloads = Array.from({ length: 21 }, (_, index) => buildPayload(name as never, { seed: index + 1 }));
  return payloads.map((payload) => ({ payload, bytes: JSON.stringify(payload).length })).sort((a, b) => a.bytes - b.bytes)[10]!.payload;
}

export interface GeneratedBenchRow {
  webhook: string;
  tier: 'curated' | 'generated';
  buildsPerSecond: number;
  /** structuredClone of a typical payload of it per second, measured interleaved with the builds; generated rows only. */
  clonesPerSecond?: number;
}

/**
 * Payloads built per second: each curated factory, a few well-known generated ones, and every
 * generated webhook round-robin (a fresh seed each build, default detail: a seeded half of the
 * optional fields). Generated webhooks have no docs example, so their floor is `structuredClone`
 * of a typical payload of theirs, measured in alternating slices with the builds.
 */
export function benchGeneratedFactories(seconds?: number): GeneratedBenchRow[] {
  const rows: GeneratedBenchRow[] = [];
  for (const webhook of catalog) {
    let seed = 0;
    rows.push({ webhook: webhook.name, tier: 'curated', buildsPerSecond: measure(webhook.name, () => buildPayload(webhook.name, { seed: seed++ }), seconds).opsPerSecond });
  }
  for (const name of featured) {
    let seed = 0;
    const example = typicalPayload(name);
    const { build, clone } = measureInterleaved({ build: () => buildPayload(name as never, { seed: seed++ }), clone: () => structuredClone(example) }, seconds);
    rows.push({ webhook: name, tier: 'generated', buildsPerSecond: build.opsPerSecond, clonesPerSecond: clone.opsPerSecond });
  }
  const all = listWebhooks().filter((webhook) => webhook.tier === 'generated').map((webhook) => webhook.name);
  const examples = all.map(typicalPayload); // also loads every package's schemas before timing
  let index = 0;
  let cloneIndex = 0;
  const { build, clone } = measureInterleaved(
    { build: () => buildPayload(all[index++ % all.length] as never, { seed: index }), clone: () => structuredClone(examples[cloneIndex++ % examples.length]) },
    seconds,
  );
  rows.push({ webhook: `all ${all.length} generated, round-robin`, tier: 'generated', buildsPerSecond: build.opsPerSecond, clonesPerSecond: clone.opsPerSecond });
  return rows;
}

export function printGeneratedBench(rows: readonly GeneratedBenchRow[]): void {
  const curated = rows.filter((row) => row.tier === 'curated');
  const slowestCurated = Math.min(...curated.map((row) => row.buildsPerSecond));
  printTable(
    'Factories, curated beside generated: payloads built per second (aim: generated at least as fast as curated, within 8x of structuredClone)',
    ['webhook', 'tier', 'builds/s', 'vs slowest curated', 'structuredClone (floor)', 'slower than floor'],
    rows.map((row) => [
      row.webhook,
      row.tier,
      formatRate(row.buildsPerSecond),
      `${(row.buildsPerSecond / slowestCurated).toFixed(2)}x`,
      row.clonesPerSecond ? formatRate(row.clonesPerSecond) : '',
      row.clonesPerSecond ? ratio(row.clonesPerSecond / row.buildsPerSecond) : '',
    ]),
  );
  for (const row of rows) {
    if (!row.clonesPerSecond) continue;
    const slower = row.clonesPerSecond / row.buildsPerSecond;
    reportTarget(`${row.webhook} factory vs structuredClone`, `${ratio(slower)} slower`, 'within 8x', slower <= 8);
  }
}

/**
 * `BENCH_ALL_GENERATED=1`: every generated webhook on its own against structuredClone of a
 * typical payload of its own (short interleaved slices, so single rows are noisy): the distribution and the
 * slowest ten.
 */
export function benchEveryGeneratedFactory(): void {
  const rows = listWebhooks()
    .filter((webhook) => webhook.tier === 'generated')
    .map((webhook) => {
      const example = typicalPayload(webhook.name);
      let seed = 0;
      const { build, clone } = measureInterleaved({ build: () => buildPayload(webhook.name as never, { seed: seed++ }), clone: () => structuredClone(example) }, 0.1);
      return { name: webhook.name, slower: clone.opsPerSecond / build.opsPerSecond, bytes: JSON.stringify(example).length };
    })
    .sort((a, b) => b.slower - a.slower);
  console.log(`\nEvery generated factory vs structuredClone of a typical payload of its own: median ${ratio(median(rows.map((row) => row.slower)))} slower; over 8x: ${rows.filter((row) => row.slower > 8).length} of ${rows.length}`);
  printTable('The slowest ten', ['webhook', 'slower than floor', 'payload bytes'], rows.slice(0, 10).map((row) => [row.name, ratio(row.slower), String(row.bytes)]));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printGeneratedBench(benchGeneratedFactories());
  if (process.env.BENCH_ALL_GENERATED) benchEveryGeneratedFactory();
}
