import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findDrift } from '../../src/generate/generated-file.js';
import { generators } from '../../src/generate/generators.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('generated folders', () => {
  it.each(generators.map((generator) => ({ generator, folder: generator.folder })))(
    '$folder/ is exactly what the code generates (run `npm run generate` if this fails)',
    async ({ generator }) => {
      expect(await findDrift(root, [generator])).toEqual({ changed: [], missing: [], extra: [] });
    },
  );

  it('generating twice gives the same bytes', async () => {
    for (const generator of generators) {
      const first = await generator.generate();
      const second = await generator.generate();
      expect(second).toEqual(first);
    }
  });
});
