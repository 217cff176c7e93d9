import { readFileSync } from 'node:fs';
import { packageUrl } from '../../package-root.js';
import type { ManifestIndex, ManifestPackage, ManifestWebhook } from './manifest.js';

export class ManifestLoadError extends Error {
  readonly code = 'ERR_MANIFEST_LOAD';
  constructor(file: string, cause: unknown) {
    super(`Cannot read the webhook manifest ${file}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'ManifestLoadError';
  }
}

function readJson<T>(relative: string): T {
  const url = new URL(relative, packageUrl('manifest/'));
  try {
    return JSON.parse(readFileSync(url, 'utf8')) as T;
  } catch (error) {
    throw new ManifestLoadError(url.pathname, error);
  }
}

interface IndexLookups {
  index: ManifestIndex;
  byName: Map<string, ManifestWebhook>;
  byEventType: Map<string, ManifestWebhook>;
}

let lookups: IndexLookups | undefined;

/** The manifest's index, read and parsed on first use only (importing the package reads nothing). */
export function manifestIndex(): IndexLookups {
  if (!lookups) {
    const index = readJson<ManifestIndex>('index.json');
    lookups = { index, byName: new Map(index.webhooks.map((webhook) => [webhook.name, webhook])), byEventType: new Map(index.webhooks.map((webhook) => [webhook.eventType, webhook])) };
  }
  return lookups;
}

const packages = new Map<string, ManifestPackage>();

/** One package's schemas, read on first use of one of its webhooks and cached. */
export function manifestPackage(packageName: string): ManifestPackage {
  let file = packages.get(packageName);
  if (!file) {
    const entry = manifestIndex().index.packages[packageName];
    if (!entry) throw new ManifestLoadError(`index.json`, new Error(`no package ${packageName}`));
    file = readJson<ManifestPackage>(`packages/${entry.file}`);
    packages.set(packageName, file);
  }
  return file;
}
