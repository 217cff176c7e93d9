import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromSource, packagePath, packageRoot, packageUrl } from '../../src/package-root.js';

// From dist/ and from the installed tarball the same lookups are exercised by .ci/packed.sh (keys,
// contracts, manifest, the inspector's assets, the pact child, --version).
describe('the package root (src/package-root.ts)', () => {
  it('is the repository from src/: the folder of the package.json named wix-webhook-testkit', () => {
    expect(packageRoot()).toBe(fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, ''));
    expect(JSON.parse(readFileSync(packagePath('package.json'), 'utf8')).name).toBe('wix-webhook-testkit');
  });

  it('says paths from the root, keeping a folder’s trailing slash', () => {
    expect(packagePath('contracts/')).toMatch(/\/contracts\/$/);
    expect(packageUrl('manifest/').href).toMatch(/^file:\/\/.*\/manifest\/$/);
    expect(existsSync(new URL('index.json', packageUrl('manifest/')))).toBe(true);
    expect(existsSync(packagePath('mocks/keys/test-public-key.pem'))).toBe(true);
  });

  it('knows it runs from source under vitest', () => {
    expect(fromSource()).toBe(true);
    expect(existsSync(packagePath('src/msw/inspector/assets/index.html'))).toBe(true);
  });
});
