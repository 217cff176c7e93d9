import { performance } from 'node:perf_hooks';

/** The middle value of `values` (the upper one of an even count). */
export const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

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

/**
 * Measures several tasks for about `seconds` each, in alternating slices of ~20 ms, and returns
 * each task's median rate over its slices. Ratios between tasks measured this way hold on a
 * shared machine: a burst of load falls on slices of every task alike, not on one task's whole
 * measurement as when they run one after the other.
 */
export function measureInterleaved<Name extends string>(tasks: Record<Name, () => unknown>, seconds = Number(process.env.BENCH_SECONDS ?? 1)): Record<Name, Measurement> {
  const names = Object.keys(tasks) as Name[];
  const sliceMs = 20;
  const rates = new Map<Name, number[]>(names.map((name) => [name, []]));
  const iterations = new Map<Name, number>(names.map((name) => [name, 0]));
  for (const name of names) {
    const warmUpEnd = performance.now() + Math.min(250, seconds * 250);
    while (performance.now() < warmUpEnd) tasks[name]();
  }
  const rounds = Math.max(5, Math.round((seconds * 1000) / sliceMs));
  for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      const task = tasks[name];
      let done = 0;
      const start = performance.now();
      let now = start;
      while (now - start < sliceMs) {
        for (let i = 0; i < 8; i++) task();
        done += 8;
        now = performance.now();
      }
      rates.get(name)!.push(done / ((now - start) / 1000));
      iterations.set(name, iterations.get(name)! + done);
    }
  }
  return Object.fromEntries(names.map((name) => [name, { name, opsPerSecond: median(rates.get(name)!), iterations: iterations.get(name)! }])) as unknown as Record<Name, Measurement>;
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
