/**
 * Installs the pinned Wix packages into a scratch folder (never the project's dependencies):
 * `npm install --ignore-scripts --no-save --prefix <dir>`. Reuses the folder when it already holds
 * exactly the pinned versions.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function installPinned(pins: Record<string, string>, directory: string, log: (line: string) => void): string[] {
  mkdirSync(directory, { recursive: true });
  if (!existsSync(join(directory, 'package.json'))) writeFileSync(join(directory, 'package.json'), '{"name":"wix-sync-scratch","private":true}\n');
  const installedVersion = (name: string) => {
    const file = join(directory, 'node_modules', name, 'package.json');
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : undefined;
  };
  const missing = Object.entries(pins).filter(([name, version]) => installedVersion(name) !== version);
  if (missing.length > 0) {
    log(`installing ${missing.length} of ${Object.keys(pins).length} pinned packages into ${directory} ...`);
    execFileSync('npm', ['install', '--ignore-scripts', '--no-save', '--no-audit', '--no-fund', '--prefix', directory, ...missing.map(([name, version]) => `${name}@${version}`)], { stdio: ['ignore', 'ignore', 'inherit'] });
  } else log(`all ${Object.keys(pins).length} pinned packages already in ${directory}`);
  return Object.keys(pins).map((name) => join(directory, 'node_modules', name));
}
