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
import { dirname, join, relative, sep } from 'node:path';
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

// esbuild splits the code entries share into one chunk per set of entries that reach it, which
// left `.` importing 8 chunks. Every other entry also imports `.` whole, so all of `.` is one chunk:
// importing it reads its entry, that chunk and esbuild's 200-byte helpers, not 9 files (~2 ms of
// the ~12 it cost beyond zod and faker). The others load up to ~40 kB more than they need
// (`./matchers` 188 kB instead of 155, `./msw` 289 instead of 286).
const mainEntry = sourceOf(manifest.exports['.'].default);
const wholeMainEntry = {
  name: 'whole-main-entry',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const file = relative(root, args.path).split(sep).join('/');
      if (!entryPoints.includes(file) || file === mainEntry) return undefined;
      const source = readFileSync(args.path, 'utf8');
      return { contents: `${source}\nimport ${JSON.stringify(join(root, mainEntry))};\n`, loader: 'ts', resolveDir: dirname(args.path) };
    });
  },
};

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
  // No keepNames: its __name() wrappers were 6% of the code `.` compiles on import. Names survive
  // without them as long as no two modules share a top-level name and no class names itself in
  // its body (esbuild makes those `build2` and `class _X`); the check below holds every export to it.
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  plugins: [wholeMainEntry],
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

// Every exported function and class, and every error class of `errors`, keeps the name it is
// exported under: error.name is API (WixhookError names errors after new.target) and stack traces
// should read as the source does. Closures a module builds (schema families) have no name.
// './jest' needs Jest's global expect to load, and exports nothing the others do not.
const renamed = [];
for (const [subpath, target] of Object.entries(manifest.exports)) {
  if (typeof target !== 'object' || subpath === './jest') continue;
  const module = await import(new URL(`.${target.default.slice(1)}`, new URL('../', import.meta.url)).href);
  const named = Object.entries(module).concat(subpath === '.' ? Object.entries(module.errors) : []);
  for (const [name, value] of named) if (typeof value === 'function' && value.name !== '' && value.name !== name) renamed.push(`${subpath} ${name} is ${value.name}`);
}
if (renamed.length > 0) throw new Error(`the bundle renamed exports: ${renamed.join(', ')}`);

const outputs = Object.keys(result.metafile.outputs);
const chunks = outputs.filter((file) => file.startsWith('dist/chunks/')).length;
console.log(`dist/: ${outputs.length - chunks} entries (${entryPoints.join(', ')}) and ${chunks} shared chunks; declarations by tsc`);
