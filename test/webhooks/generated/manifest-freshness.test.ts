import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageFileName, serializePackage } from '../../../scripts/sync-wix/build-manifest.js';
import { readPackage } from '../../../scripts/sync-wix/read-package.js';
import type { ManifestIndex, ManifestPackage } from '../../../src/webhooks/generated/manifest.js';

const require = createRequire(import.meta.url);
const manifest = new URL('../../../manifest/', import.meta.url);
const index = JSON.parse(readFileSync(new URL('index.json', manifest), 'utf8')) as ManifestIndex;
const pinned = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { devDependencies: Record<string, string> };
const devPackages = Object.keys(pinned.devDependencies).filter((name) => name.startsWith('@wix/auto_sdk_'));

describe('manifest freshness: the devDependency packages read again give what is committed', () => {
  it('pins at least 12 Wix packages, at the manifest versions', () => {
    expect(devPackages.length).toBeGreaterThanOrEqual(12);
    for (const name of devPackages) expect(pinned.devDependencies[name], name).toBe(index.packages[name]?.version);
  });

  it.each(devPackages)('%s', (name) => {
    const directory = dirname(require.resolve(`${name}/package.json`));
    const read = readPackage(directory);
    const committedText = readFileSync(new URL(`packages/${packageFileName(name)}`, manifest), 'utf8');
    const committed = JSON.parse(committedText) as ManifestPackage;
    const owned = Object.fromEntries(Object.entries(read.file.webhooks).filter(([eventType]) => Object.hasOwn(committed.webhooks, eventType)).sort(([a], [b]) => (a < b ? -1 : 1)));
    expect(serializePackage({ ...read.file, webhooks: owned })).toBe(committedText);
    const byEventType = (a: { eventType: string }, b: { eventType: string }) => (a.eventType < b.eventType ? -1 : 1);
    const entries = index.webhooks.filter((webhook) => webhook.package === name).map(({ name: _name, ...rest }) => rest);
    expect(read.webhooks.filter((webhook) => Object.hasOwn(committed.webhooks, webhook.eventType)).sort(byEventType)).toEqual(entries.sort(byEventType));
  });
});
