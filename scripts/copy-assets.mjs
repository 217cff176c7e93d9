// The inspector's page, styles and ES modules are shipped as written: tsc does not copy them, so
// the build does, next to the compiled module that serves them (dist/msw/inspector/assets/).
import { cpSync, rmSync } from 'node:fs';

const from = new URL('../src/msw/inspector/assets/', import.meta.url);
const to = new URL('../dist/msw/inspector/assets/', import.meta.url);
rmSync(to, { recursive: true, force: true });
cpSync(from, to, { recursive: true });
