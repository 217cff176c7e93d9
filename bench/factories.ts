import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Faker, base, en } from '@faker-js/faker';
import { fake, setFaker } from 'zod-schema-faker/v4';
import { catalog } from '../src/catalog/catalog.js';
import { buildPayload } from '../src/build/build.js';
import { formatRate, measureInterleaved, printTable } from './harness.js';

export interface FactoryBenchRow {
  webhook: string;
  /** Our factory, a fresh seed per payload. */
  factory: number;
  /** `zod-schema-faker`'s `fake()` on the same strict payload schema. */
  zodSchemaFaker: number;
  /** `structuredClone` of the docs example: the floor. */
  structuredClone: number;
  /** factory / zodSchemaFaker. */
  ratio: number;
  /** Share of zod-schema-faker outputs that parse in strict mode (ours: 100%, checked by the test suite). */
  zodSchemaFakerValid: number;
}

/**
 * Payloads built per second, per webhook: our factory beside `zod-schema-faker` generating from
 * the same zod schema, and beside `structuredClone` of the docs example, all in one run, measured
 * in alternating slices so the ratios hold under load.
 */
export async function benchFactories(seconds?: number): Promise<FactoryBenchRow[]> {
  setFaker(new Faker({ locale: [en, base], seed: 1 }));
  const rows: FactoryBenchRow[] = [];
  for (const webhook of catalog) {
    const schema = webhook.schemas('strict').payload;
    const example = JSON.parse(readFileSync(new URL(`../test/fixtures/docs-examples/${webhook.name}.payload.json`, import.meta.url), 'utf8')) as unknown;
    let seed = 0;
    const { ours, theirs, floor } = measureInterleaved(
      { ours: () => buildPayload(webhook.name, { seed: seed++ }), theirs: () => fake(schema), floor: () => structuredClone(example) },
      seconds,
    );
    let valid = 0;
    for (let i = 0; i < 200; i++) if (schema.safeParse(fake(schema)).success) valid++;
    rows.push({
      webhook: webhook.name,
      factory: ours.opsPerSecond,
      zodSchemaFaker: theirs.opsPerSecond,
      structuredClone: floor.opsPerSecond,
      ratio: ours.opsPerSecond / theirs.opsPerSecond,
      zodSchemaFakerValid: valid / 200,
    });
  }
  return rows;
}

export function printFactoryBench(rows: readonly FactoryBenchRow[]): void {
  printTable(
    'Factories: payloads built per second (aim: at least 3x zod-schema-faker)',
    ['webhook', 'factory', 'zod-schema-faker', 'ours / zsf', 'zsf strict-valid', 'structuredClone (floor)'],
    rows.map((row) => [
      row.webhook,
      formatRate(row.factory),
      formatRate(row.zodSchemaFaker),
      `${row.ratio.toFixed(1)}x`,
      `${Math.round(row.zodSchemaFakerValid * 100)}%`,
      formatRate(row.structuredClone),
    ]),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printFactoryBench(await benchFactories());
}
