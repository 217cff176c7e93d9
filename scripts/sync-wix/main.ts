/**
 * `npm run sync:wix`: installs the Wix packages pinned in `packages.json` into a scratch folder,
 * reads their webhooks, writes `manifest/`, and runs every webhook through the real `@wix/sdk`
 * (see `round-trip.ts`). Progress goes to stderr; the summary to stdout.
 *
 *   npm run sync:wix                 # write manifest/
 *   npm run sync:wix -- --check      # fail if manifest/ is not what the pins give
 *   npm run sync:wix -- --dir DIR    # scratch folder (default: <tmpdir>/wixhook-sync-wix)
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildManifest, serializeIndex, serializeNames, serializePackage } from './build-manifest.js';
import { installPinned } from './install.js';

const root = new URL('../../', import.meta.url).pathname;
const args = process.argv.slice(2);
const check = args.includes('--check');
const dirFlag = args.indexOf('--dir');
const scratch = dirFlag >= 0 && args[dirFlag + 1] ? args[dirFlag + 1]! : join(tmpdir(), 'wixhook-sync-wix');
const log = (line: string) => process.stderr.write(`${line}\n`);

const pins = JSON.parse(readFileSync(new URL('./packages.json', import.meta.url), 'utf8')) as Record<string, string>;
const directories = installPinned(pins, scratch, log);
const started = Date.now();
const built = buildManifest(directories, (done, total, name) => log(`[${done}/${total}] read ${name}`));
log(`read ${directories.length} packages in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const outputs = new Map<string, string>([['index.json', serializeIndex(built.index)]]);
for (const [file, content] of built.files) outputs.set(`packages/${file}`, serializePackage(content));
const manifestDir = join(root, 'manifest');
const namesFile = join(root, 'src/webhooks/generated/names.ts');
const names = serializeNames(built.index);

if (check) {
  const stale: string[] = [];
  for (const [file, content] of outputs) {
    let committed = '';
    try {
      committed = readFileSync(join(manifestDir, file), 'utf8');
    } catch {}
    if (committed !== content) stale.push(file);
  }
  let committedNames = '';
  try {
    committedNames = readFileSync(namesFile, 'utf8');
  } catch {}
  if (committedNames !== names) stale.push('src/webhooks/generated/names.ts');
  const committedFiles = readdirSync(join(manifestDir, 'packages')).map((file) => `packages/${file}`);
  for (const file of committedFiles) if (!outputs.has(file)) stale.push(`${file} (no longer produced)`);
  if (stale.length > 0) {
    log(`manifest/ is stale: ${stale.join(', ')}`);
    process.exitCode = 1;
  } else log('manifest/ is up to date');
} else {
  rmSync(join(manifestDir, 'packages'), { recursive: true, force: true });
  mkdirSync(join(manifestDir, 'packages'), { recursive: true });
  for (const [file, content] of outputs) writeFileSync(join(manifestDir, file), content);
  writeFileSync(namesFile, names);
}

const byKind = new Map<string, number>();
for (const webhook of built.index.webhooks) byKind.set(webhook.kind, (byKind.get(webhook.kind) ?? 0) + 1);
console.log(`webhooks: ${built.index.webhooks.length} from ${Object.keys(built.index.packages).length} packages (${[...byKind].map(([kind, count]) => `${kind} ${count}`).join(', ')})`);
if (built.warnings.length > 0) {
  console.log(`approximations (${built.warnings.length}):`);
  for (const warning of built.warnings) console.log(`  ${warning}`);
}

// The oracle over every package read: each webhook, 20 seeds, through the real @wix/sdk with the package's own handler.
const { agrees, roundTrip } = await import('./round-trip.js');
const { generatedEntries } = await import('../../src/webhooks/generated/index.js');
const { listWebhooks } = await import('../../src/catalog/catalog.js');
const generatedNames = new Set(listWebhooks().filter((webhook) => webhook.tier === 'generated').map((webhook) => webhook.name));
let checked = 0;
const mismatches: string[] = [];
const entries = generatedEntries().filter((entry) => generatedNames.has(entry.name));
for (const [index, entry] of entries.entries()) {
  const module = (await import(join(scratch, 'node_modules', entry.package, 'build/es/index.mjs'))) as Record<string, unknown>;
  for (let seed = 1; seed <= 20; seed += 1) {
    try {
      const trip = await roundTrip(entry, module, seed);
      if (!agrees(trip)) mismatches.push(`${entry.name} seed ${seed}: the handler received something else than the sdk layer`);
    } catch (error) {
      mismatches.push(`${entry.name} seed ${seed}: ${error instanceof Error ? error.message : String(error)}`);
    }
    checked += 1;
  }
  if ((index + 1) % 25 === 0 || index + 1 === entries.length) log(`[${index + 1}/${entries.length}] round trips through @wix/sdk`);
}
console.log(`round trip through @wix/sdk: ${entries.length} webhooks checked (${checked} deliveries), mismatches: ${mismatches.length}`);
for (const mismatch of mismatches.slice(0, 50)) console.log(`  ${mismatch}`);
if (mismatches.length > 0) process.exitCode = 1;
