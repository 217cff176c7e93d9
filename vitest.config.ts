import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

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
    exclude: ['**/node_modules/**'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    // CI also sweeps 10,000 factory seeds per trait (test/webhooks/sweep.ts), which takes longer.
    testTimeout: process.env.CI ? 300_000 : 30_000,
    // In CI a JSON report lets .ci/run print the plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results.json' }]] : ['default'],
  },
});
