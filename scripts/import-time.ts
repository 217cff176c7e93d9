/**
 * `npm run import-time [-- DIR...]`: how long `import('<dir>/dist/index.js')` and `./msw` take
 * in a fresh Node process, median of 15 runs each (run `npm run build` first). Several
 * directories compare builds, e.g. before and after a change.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const runs = 15;
const directories = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['.'];

function timeImport(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t));`;
  const samples = Array.from({ length: runs }, () => Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })));
  samples.sort((a, b) => a - b);
  return samples[Math.floor(runs / 2)]!;
}

for (const directory of directories) {
  const root = resolve(directory);
  const main = timeImport(`${root}/dist/index.js`);
  const msw = timeImport(`${root}/dist/msw/index.js`);
  console.log(`${directory}: import "." ${main.toFixed(1)} ms, import "./msw" ${msw.toFixed(1)} ms (median of ${runs})`);
}
