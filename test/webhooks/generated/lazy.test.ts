import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Records every manifest file the process reads, around the steps a user takes. */
const script = `
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const reads = [];
const original = fs.readFileSync;
fs.readFileSync = function (path, ...rest) {
  const text = String(path instanceof URL ? path.pathname : path);
  if (text.includes('/manifest/')) reads.push(text.slice(text.indexOf('/manifest/') + 1));
  return original.call(this, path, ...rest);
};
syncBuiltinESMExports();
const kit = await import('./src/index.ts');
const steps = { import: [...reads] };
kit.getWebhook('participation-created');
steps.curated = [...reads];
const webhook = kit.getWebhook('contact-updated');
steps.lookup = [...reads];
kit.buildPayload('contact-updated', { seed: 1 });
kit.buildPayload('contact-created', { seed: 1 });
steps.build = [...reads];
console.log(JSON.stringify(steps));
`;

describe('the generated tier loads lazily', () => {
  it('importing the package reads no manifest file; a lookup reads the index; a build reads its package file, once', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const steps = JSON.parse(run.stdout) as Record<string, string[]>;
    expect(steps.import).toEqual([]);
    expect(steps.curated).toEqual([]);
    expect(steps.lookup).toEqual(['manifest/index.json']);
    expect(steps.build).toEqual(['manifest/index.json', 'manifest/packages/crm_contacts.json']);
  });
});
