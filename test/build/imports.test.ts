import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const allowedPackages = new Set(['zod', '@faker-js/faker']);

/** Every package a module imports at runtime (type-only imports excluded), following relative imports transitively. */
function runtimePackages(entry: string): { packages: Set<string>; files: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^\s*(import|export)\s+(?!type\s)[^'";]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)) {
      const specifier = match[2] ?? match[3]!;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
    }
  };
  visit(entry);
  return { packages, files };
}

describe('factories: dependencies', () => {
  it('import nothing at runtime but zod, @faker-js/faker and node builtins (no msw, no pact)', () => {
    const { packages, files } = runtimePackages(resolve(root, 'src/build/build.ts'));
    const foreign = [...packages].filter((name) => !allowedPackages.has(name) && !name.startsWith('node:') && !builtinModules.includes(name));
    expect(foreign).toEqual([]);
    expect([...files].some((file) => file.includes('/src/webhooks/'))).toBe(true);
  });
});
