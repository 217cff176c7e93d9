import { readFileSync } from 'node:fs';

/** One measure of issue 14 beside its target, gathered as the benches run and printed at the end. */
export interface TargetRow {
  measure: string;
  value: string;
  target: string;
  /** Undefined for a measure the issue asks to report, with no threshold. */
  met: boolean | undefined;
}

const rows: TargetRow[] = [];

export function reportTarget(measure: string, value: string, target: string, met: boolean | undefined): void {
  rows.push({ measure, value, target, met });
}

/** The version of an installed package, as its package.json says. */
export function versionOf(name: string): string {
  try {
    return (JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

export const ratio = (value: number) => `${value.toFixed(2)}x`;

export function printTargets(): void {
  const widths = [Math.max(7, ...rows.map((row) => row.measure.length)), Math.max(5, ...rows.map((row) => row.value.length)), Math.max(6, ...rows.map((row) => row.target.length))];
  console.log(`\nTargets (issue 14), ratios measured in this run\n${'measure'.padEnd(widths[0]!)}  ${'value'.padStart(widths[1]!)}  ${'target'.padEnd(widths[2]!)}  met`);
  console.log(widths.map((width) => '-'.repeat(width)).join('  ') + '  ---');
  for (const row of rows) console.log(`${row.measure.padEnd(widths[0]!)}  ${row.value.padStart(widths[1]!)}  ${row.target.padEnd(widths[2]!)}  ${row.met === undefined ? '-' : row.met ? 'yes' : 'NO'}`);
  const peers = ['zod', '@faker-js/faker', 'ajv', 'msw', '@pact-foundation/pact', '@stoplight/prism-cli', 'zod-schema-faker', 'jose'];
  console.log(`\nPeers: node ${process.version}, ${peers.map((name) => `${name} ${versionOf(name)}`).join(', ')}`);
}
