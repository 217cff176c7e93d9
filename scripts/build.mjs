// `npm run build`: dist/ as the package ships it.
// - tsc emits the declarations only (dist/**/*.d.ts, one per source file, as `types` in exports,
//   attw and publint read them);
// - esbuild bundles the JavaScript: one entry per `exports` subpath, the `bin`, and each module
//   that runs as a process of its own; code they share is split into dist/chunks/. Importing one
//   bundled module instead of ~70 small ones is what brings `import('wix-webhook-testkit')` near the
//   cost of its dependencies alone (README, "Import time"). Dependencies and peers stay imports
//   (--packages=external), and dynamic import()s stay lazy chunks;
// - the inspector's assets are copied as written (scripts/copy-assets.mjs).
// Entry files keep the paths tsc gave them (dist/index.js, dist/msw/index.js, dist/cli/main.js).
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** Modules spawned as a separate process: they need a file of their own (src/cli/pact-verify-process.ts). */
const processEntries = ['src/cli/pact-verify-process.child.ts'];

/** `./dist/x/y.js` → `src/x/y.ts`: every JS file package.json points at (exports, bin) is an entry. */
const sourceOf = (distFile) => {
  const match = /^\.\/dist\/(.+)\.js$/.exec(distFile);
  if (!match) throw new Error(`package.json names ${distFile}, which is not a .js file under dist/`);
  return `src/${match[1]}.ts`;
};
const exported = Object.values(manifest.exports).flatMap((target) => (typeof target === 'object' ? [target.default] : [])).filter((file) => file.startsWith('./dist/'));
const entryPoints = [...new Set([...exported, ...Object.values(manifest.bin)].map(sourceOf)), ...processEntries];

rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
const result = await build({
  absWorkingDir: root,
  entryPoints,
  outdir: 'dist',
  outbase: 'src',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  packages: 'external',
  chunkNames: 'chunks/[name]-[hash]',
  // Needed, not cosmetic: a bundle turns `class InvalidKeyError` into `var InvalidKeyError = class
  // _InvalidKeyError`, and the errors name themselves with `new.target.name` (src/errors.ts), so
  // without keepNames `error.name` would read `_InvalidKeyError`. Checked below.
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});
await import('./copy-assets.mjs');

// What importing `.` must not load: jose, node:http and node:https load on the first signature or
// HTTP delivery (dynamic imports, README "Import time"); msw and pact belong to other subpaths. The
// bundle keeps them out of `.`'s static import graph, or the build fails.
const loadedOnUse = ['jose', 'node:http', 'node:https', 'msw', 'msw/node', '@pact-foundation/pact'];
const staticGraph = (file, seen = new Set()) => {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const imported of result.metafile.outputs[file]?.imports ?? []) if (imported.kind === 'import-statement') staticGraph(imported.path, seen);
  return seen;
};
const eager = loadedOnUse.filter((name) => staticGraph('dist/index.js').has(name));
if (eager.length > 0) throw new Error(`import('wix-webhook-testkit') would load ${eager.join(', ')} up front: keep them behind a dynamic import()`);

// Every error class of `errors` keeps the name it is exported under (error.name is API).
const { errors } = await import(new URL('../dist/index.js', import.meta.url).href);
const renamed = Object.entries(errors).filter(([name, type]) => type.name !== name);
if (renamed.length > 0) throw new Error(`the bundle renamed error classes: ${renamed.map(([name, type]) => `${name} is ${type.name}`).join(', ')}`);

const outputs = Object.keys(result.metafile.outputs);
const chunks = outputs.filter((file) => file.startsWith('dist/chunks/')).length;
console.log(`dist/: ${outputs.length - chunks} entries (${entryPoints.join(', ')}) and ${chunks} shared chunks; declarations by tsc`);
