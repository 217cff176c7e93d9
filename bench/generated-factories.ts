import { pathToFileURL } from 'node:url';
import { catalog, listWebhooks } from '../src/catalog/catalog.js';
import { buildPayload } from '../src/build/build.js';
import { formatRate, measure, printTable } from './harness.js';

/** Well-known generated webhooks measured one by one, beside the curated ones. */
const featured = ['contact-updated', 'ecom-order-created', 'booking-created', 'member-created', 'submission-created', 'event-created', 'product-changed', 'post-created'];

export interface GeneratedBenchRow {
  webhook: string;
  tier: 'curated' | 'generated';
  buildsPerSecond: number;
}

/**
 * Payloads built per second: each curated factory, a few well-known generated ones, and every
 * generated webhook round-robin (a fresh seed each build, default detail: a seeded half of the
 * optional fields).
 */
export function benchGeneratedFactories(seconds?: number): GeneratedBenchRow[] {
  const rows: GeneratedBenchRow[] = [];
  for (const webhook of catalog) {
    let seed = 0;
    rows.push({ webhook: webhook.name, tier: 'curated', buildsPerSecond: measure(webhook.name, () => buildPayload(webhook.name, { seed: seed++ }), seconds).opsPerSecond });
  }
  for (const name of featured) {
    let seed = 0;
    rows.push({ webhook: name, tier: 'generated', buildsPerSecond: measure(name, () => buildPayload(name as never, { seed: seed++ }), seconds).opsPerSecond });
  }
  const all = listWebhooks().filter((webhook) => webhook.tier === 'generated').map((webhook) => webhook.name);
  for (const name of all) buildPayload(name as never, { seed: 0 }); // load every package's schemas before timing
  let index = 0;
  const roundRobin = measure('all generated', () => buildPayload(all[index++ % all.length] as never, { seed: index }), seconds);
  rows.push({ webhook: `all ${all.length} generated, round-robin`, tier: 'generated', buildsPerSecond: roundRobin.opsPerSecond });
  return rows;
}

export function printGeneratedBench(rows: readonly GeneratedBenchRow[]): void {
  const curated = rows.filter((row) => row.tier === 'curated');
  const slowestCurated = Math.min(...curated.map((row) => row.buildsPerSecond));
  printTable(
    'Factories, curated beside generated: payloads built per second (aim: generated at least as fast as curated)',
    ['webhook', 'tier', 'builds/s', 'vs slowest curated'],
    rows.map((row) => [row.webhook, row.tier, formatRate(row.buildsPerSecond), `${(row.buildsPerSecond / slowestCurated).toFixed(2)}x`]),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printGeneratedBench(benchGeneratedFactories());
}
