import { readFileSync } from 'node:fs';
import { WixhookError } from '../../errors.js';
import { packageUrl } from '../../package-root.js';
import type { ManifestIndex, ManifestPackage, ManifestWebhook } from './manifest.js';

/**
 * A manifest file the package ships cannot be read or parsed (a damaged install), or the index
 * names no file for a package. `file` is the path that failed.
 */
export class ManifestLoadError extends WixhookError {
  static readonly code = 'ERR_MANIFEST_LOAD';
  readonly file: string;
  constructor(file: string, cause: unknown) {
    super(new.target.code, `Cannot read the webhook manifest ${file}: ${cause instanceof Error ? cause.message : String(cause)}. Reinstall wix-webhook-testkit if it was changed.`, { cause });
    this.file = file;
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
    if (!entry) throw new ManifestLoadError(new URL('index.json', packageUrl('manifest/')).pathname, new Error(`it lists no package ${packageName}`));
    file = readJson<ManifestPackage>(`packages/${entry.file}`);
    packages.set(packageName, file);
  }
  return file;
}
