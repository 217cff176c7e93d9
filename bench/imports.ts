import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildDist } from './server.js';
import { printTable } from './harness.js';
import { ratio, reportTarget, versionOf } from './targets.js';

/**
 * Import time of the built package in a fresh node process, beside importing its two heavy
 * dependencies alone (zod and faker's `en` locale): runs interleaved (baseline, `.`, `./msw`, ...)
 * so load on a shared machine falls on all three alike; medians of `BENCH_IMPORT_RUNS` (default 15).
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.BENCH_IMPORT_RUNS ?? 15);

function importMs(specifiers: string[]): number {
  const script = `const t = performance.now(); Promise.all(${JSON.stringify(specifiers)}.map((s) => import(s))).then(() => process.stdout.write(String(performance.now() - t)));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`importing ${specifiers.join(', ')} failed: ${result.stderr}`);
  return Number(result.stdout);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchImports(): Promise<void> {
  await buildDist();
  const cases = {
    'zod + @faker-js/faker/locale/en': ['zod', '@faker-js/faker/locale/en'],
    "import('wix-webhook-testkit')": ['wix-webhook-testkit'],
    "import('wix-webhook-testkit/msw')": ['wix-webhook-testkit/msw'],
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let run = 0; run < runs; run++) for (const [name, specifiers] of Object.entries(cases)) times[name]!.push(importMs(specifiers));
  const base = median(times['zod + @faker-js/faker/locale/en']!);
  printTable(
    `Import time in a fresh process (median of ${runs} interleaved runs; zod ${versionOf('zod')}, @faker-js/faker ${versionOf('@faker-js/faker')}, msw ${versionOf('msw')})`,
    ['import', 'median', 'vs zod + faker en'],
    Object.entries(times).map(([name, values]) => [name, `${median(values).toFixed(0)} ms`, ratio(median(values) / base)]),
  );
  const main = median(times["import('wix-webhook-testkit')"]!) / base;
  const msw = median(times["import('wix-webhook-testkit/msw')"]!) / base;
  reportTarget("import('wix-webhook-testkit') vs zod + faker en", ratio(main), '<= 1.10x', main <= 1.1);
  reportTarget("import('wix-webhook-testkit/msw') vs zod + faker en", ratio(msw), '<= 1.30x', msw <= 1.3);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchImports();
