import { performance } from 'node:perf_hooks';

export interface Measurement {
  name: string;
  opsPerSecond: number;
  iterations: number;
}

/**
 * Runs `task` in batches for about `seconds` after a short warm-up and returns operations per
 * second. Peers are measured in the same process, one after the other, so ratios between them
 * hold on a noisy shared machine even when absolute numbers move.
 */
export function measure(name: string, task: () => unknown, seconds = Number(process.env.BENCH_SECONDS ?? 1)): Measurement {
  const warmUpEnd = performance.now() + Math.min(250, seconds * 250);
  while (performance.now() < warmUpEnd) task();
  let iterations = 0;
  let batch = 16;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  let now = start;
  while (now < deadline) {
    for (let i = 0; i < batch; i++) task();
    iterations += batch;
    now = performance.now();
    if (batch < 4096) batch *= 2;
  }
  return { name, opsPerSecond: iterations / ((now - start) / 1000), iterations };
}

export function formatRate(opsPerSecond: number): string {
  return `${Math.round(opsPerSecond).toLocaleString('en-US')}/s`;
}

/** Prints rows as an aligned text table. */
export function printTable(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  console.log(`\n${title}\n${line(header)}\n${widths.map((width) => '-'.repeat(width)).join('  ')}`);
  for (const row of rows) console.log(line(row));
}
