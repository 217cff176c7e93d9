/**
 * `npm run size`: packs the package and installs the tarball into fresh projects, alone and with
 * each optional peer, then prints what each install puts in node_modules. The README's table
 * comes from this script.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function directorySize(path: string): number {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) total += directorySize(full);
    else if (entry.isFile()) total += statSync(full).size;
  }
  return total;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const root = new URL('..', import.meta.url).pathname;
const packDirectory = mkdtempSync(join(tmpdir(), 'wixhook-pack-'));
// Built first and packed without lifecycle scripts: prepack's build prints to stdout, which would
// land inside the JSON `npm pack --json` prints.
execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', process.stderr, 'inherit'] });
const [tarball] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDirectory], { cwd: root, encoding: 'utf8' })) as Array<{ filename: string; size: number; unpackedSize: number; entryCount: number }>;
if (!tarball) throw new Error('npm pack printed nothing');
console.log(`tarball: ${tarball.filename}, ${megabytes(tarball.size)} packed, ${megabytes(tarball.unpackedSize)} unpacked, ${tarball.entryCount} files`);

const setups: Array<[string, string[]]> = [
  ['wix-webhook-testkit alone (with zod, faker, jose)', []],
  ['+ msw (for wix-webhook-testkit/msw)', ['msw@^2']],
  ['+ @pact-foundation/pact (for wix-webhook-testkit/pact)', ['@pact-foundation/pact']],
];
for (const [label, peers] of setups) {
  const project = mkdtempSync(join(tmpdir(), 'wixhook-size-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'size-probe', private: true, type: 'module' }));
  process.stderr.write(`installing ${label}...\n`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', join(packDirectory, tarball.filename), ...peers], { cwd: project, stdio: ['ignore', 'ignore', 'inherit'] });
  const own = directorySize(join(project, 'node_modules', 'wix-webhook-testkit'));
  console.log(`${label}: node_modules ${megabytes(directorySize(join(project, 'node_modules')))} (the package itself ${megabytes(own)})`);
  rmSync(project, { recursive: true, force: true });
}
rmSync(packDirectory, { recursive: true, force: true });
