/**
 * Import rules of src/, checked by test/architecture/dependencies.test.ts (dependency-cruiser:
 * it resolves TypeScript's own module resolution, counts type-only imports, and names each
 * violating path, where a hand-written import scanner would miss re-exports and type imports).
 */
const runtime = '^src/(?!cli/|generate/)';
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'No import cycles between files of src/.', from: { path: '^src/' }, to: { circular: true } },
    {
      name: 'fake-knows-no-catalog',
      severity: 'error',
      comment: 'src/fake/ is seeded random values and dates: it knows no webhook, catalog or feature.',
      from: { path: '^src/fake/' },
      to: { path: '^src/', pathNot: '^src/(fake/|errors\\.ts$)' },
    },
    {
      name: 'wire-is-a-leaf',
      severity: 'error',
      comment: 'src/wire/ holds the wire-format schemas every definition uses: it depends on no feature.',
      from: { path: '^src/wire/' },
      to: { path: '^src/', pathNot: '^src/(wire/|errors\\.ts$)' },
    },
    {
      name: 'definitions-know-no-catalog',
      severity: 'error',
      comment: 'Definitions, domains and the SDK model are what the catalog lists; they never look the catalog up.',
      from: { path: '^src/(definition|domains|sdk|webhooks)/' },
      to: { path: '^src/(catalog|build|signing|delivery|msw|server|pact|matchers|json-schema|generate|cli)/' },
    },
    {
      name: 'features-not-tooling',
      severity: 'error',
      comment: 'Generators and the CLI are build tooling: no runtime feature imports them.',
      from: { path: runtime },
      to: { path: '^src/(cli|generate)/' },
    },
    {
      name: 'msw-stays-in-its-subpath',
      severity: 'error',
      comment: 'msw is an optional peer: only the ./msw subpath, the server, the matchers (types) and the CLI reach src/msw/.',
      from: { path: '^src/', pathNot: '^src/(msw|server|matchers|cli|generate)/' },
      to: { path: '^src/msw/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: 'node_modules' },
  },
};
