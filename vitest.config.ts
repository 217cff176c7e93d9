import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The files whose seeded sweeps take longest, started first: with no timing cache (a clean CI
 * clone) vitest starts the largest files first, and a long sweep starting last kept one worker
 * busy for half a minute after the other had finished.
 */
const longestFirst = [
  'test/webhooks/generated/json-schema.test.ts',
  'test/webhooks/guest-event-starts/consistency.test.ts',
  'test/security/fuzz.test.ts',
  'test/webhooks/event-recurring-split/consistency.test.ts',
  'test/cli/newcomer.test.ts',
  'test/msw/inspector/browser.test.ts',
];
// A renamed file would silently drop out of the list: say so instead.
for (const file of longestFirst) if (!existsSync(source(`./${file}`))) throw new Error(`vitest.config.ts: longestFirst names ${file}, which does not exist`);

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const index = longestFirst.findIndex((file) => spec.moduleId.endsWith(file));
      return index === -1 ? longestFirst.length : index;
    };
    return (await super.sort(files)).map((spec, order) => ({ spec, order })).sort((a, b) => rank(a.spec) - rank(b.spec) || a.order - b.order).map(({ spec }) => spec);
  }
}

export default defineConfig({
  resolve: {
    // Examples import the package by name, as a consumer writes it; in this repo that is the source.
    alias: [
      { find: /^wix-webhook-testkit\/msw\/vitest$/, replacement: source('./src/msw/vitest.ts') },
      { find: /^wix-webhook-testkit\/msw$/, replacement: source('./src/msw/index.ts') },
      { find: /^wix-webhook-testkit\/pact$/, replacement: source('./src/pact/index.ts') },
      { find: /^wix-webhook-testkit\/matchers$/, replacement: source('./src/matchers/index.ts') },
      { find: /^wix-webhook-testkit$/, replacement: source('./src/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    // Vitest's default is one worker fewer than the CPUs, which is one worker on CI's two cores;
    // many files wait on child processes and sockets, so a worker per CPU keeps both busy.
    maxWorkers: availableParallelism(),
    sequence: { sequencer: LongestFirst },
    exclude: ['**/node_modules/**'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    // CI also sweeps 10,000 factory seeds per trait (test/webhooks/sweep.ts), which takes longer.
    testTimeout: process.env.CI ? 300_000 : 30_000,
    // In CI a JSON report lets .ci/run print the plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results.json' }]] : ['default'],
  },
});
