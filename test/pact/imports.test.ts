import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PactNotInstalledError } from '../../src/pact/errors.js';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

describe('@pact-foundation/pact stays an optional peer dependency', () => {
  it('no source file imports it at load time: only `import type` and the dynamic import of load-pact.ts', async () => {
    const offenders: string[] = [];
    for (const entry of await readdir(src, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const path = join(entry.parentPath, entry.name);
      const text = await readFile(path, 'utf8');
      for (const line of text.split('\n')) {
        if (/from '@pact-foundation\/pact/.test(line) && !/^import type /.test(line)) offenders.push(`${relative(src, path)}: ${line.trim()}`);
      }
    }
    expect(offenders).toEqual([]);
    expect(await readFile(join(src, 'index.ts'), 'utf8')).not.toContain("from './pact/");
  });

  it('a missing install is reported with the package to add', () => {
    const error = new PactNotInstalledError();
    expect(error.code).toBe('ERR_PACT_NOT_INSTALLED');
    expect(error.message).toContain('npm install --save-dev @pact-foundation/pact');
  });
});
