import { WixhookError } from './errors.js';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The files the package ships beside its code (`manifest/`, `contracts/`, `mocks/keys/`,
 * `package.json`, the inspector's assets, the CLI's child process) are found from the package
 * root, not with `../../` from a module: bundled, a module's code lands in `dist/`, `dist/cli/` or
 * `dist/chunks/` depending on who shares it. The root is the nearest folder above this module
 * that holds a `package.json`: the repository from `src/` (vitest, tsx) and from `dist/`, the
 * package's own folder once installed in `node_modules/`. Found on first use (importing reads
 * nothing), then cached.
 */
let root: string | undefined;

/** The package's root folder (no trailing separator). */
export function packageRoot(): string {
  if (root === undefined) {
    const self = fileURLToPath(import.meta.url);
    let folder = dirname(self);
    while (!existsSync(join(folder, 'package.json'))) {
      const parent = dirname(folder);
      if (parent === folder) throw new WixhookError('ERR_PACKAGE_ROOT', `No package.json in any folder above ${self}: the package's files cannot be found.`);
      folder = parent;
    }
    root = folder;
  }
  return root;
}

/** A path inside the package, given from its root (`contracts/`, `mocks/keys/test-public-key.pem`); a trailing `/` is kept. */
export function packagePath(fromRoot: string): string {
  return join(packageRoot(), fromRoot);
}

/** {@link packagePath} as a `file:` URL (a folder keeps its trailing `/`, so `new URL(name, folder)` resolves inside it). */
export function packageUrl(fromRoot: string): URL {
  return pathToFileURL(packagePath(fromRoot));
}

/**
 * True when the code runs from its TypeScript sources (vitest, tsx, `npm run wixhook`), false from
 * the built `dist/`. Where the two differ (the inspector's assets under `src/` or `dist/`, the
 * `.ts` or `.js` child entry), callers say both paths with this.
 */
export function fromSource(): boolean {
  // A function, not a constant: reading import.meta at import time cost every import of `.`.
  return import.meta.url.endsWith('.ts');
}
