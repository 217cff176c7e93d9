import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The example payloads of Wix's docs pages, copied verbatim into the repo from the team's shared
 * sources (so the suite runs on a clone alone). `docs-examples.test.ts` checks they still match.
 */
export const docsExamplesDir = fileURLToPath(new URL('../fixtures/docs-examples/', import.meta.url));

export function docsExample(name: string): unknown {
  return JSON.parse(readFileSync(`${docsExamplesDir}${name}.payload.json`, 'utf8'));
}
