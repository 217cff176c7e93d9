// Maintainer entry behind `npm run generate`: regenerates every generated folder of this repository
// from the definitions in src/. Not part of the user's `wixhook` CLI: in a user's project it would
// write the toolkit's generated folders into the current folder.
//   npm run generate              rewrite schemas/, mocks/, contracts/
//   npm run generate -- --check   write nothing; exit 1 and list what differs
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findDrift, writeGenerated } from '../src/generate/generated-file.js';
import { generators } from '../src/generate/generators.js';

const usage = 'Usage: npm run generate [-- --check] [-- --root DIR]';

async function main(argv: string[]): Promise<number> {
  let values: { check?: boolean; root?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { check: { type: 'boolean' }, root: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${usage}\nRegenerates ${generators.map((generator) => `${generator.folder}/`).join(', ')} from src/; --check writes nothing and exits 1 when they are stale.\n`);
    return 0;
  }
  const root = values.root ?? fileURLToPath(new URL('..', import.meta.url));
  if (values.check) {
    const drift = await findDrift(root, generators);
    const problems = [...drift.changed.map((path) => `changed: ${path}`), ...drift.missing.map((path) => `missing: ${path}`), ...drift.extra.map((path) => `not generated any more: ${path}`)];
    if (problems.length === 0) {
      process.stdout.write('Generated folders are up to date.\n');
      return 0;
    }
    process.stderr.write(`${problems.join('\n')}\nGenerated folders are stale: run \`npm run generate\` and commit the result.\n`);
    return 1;
  }
  const written = await writeGenerated(root, generators, (message) => process.stderr.write(`${message}\n`));
  process.stdout.write(`Wrote ${written.length} files.\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
