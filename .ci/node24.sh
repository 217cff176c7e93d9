#!/usr/bin/env bash
# The test suite on Node 24 (installed from the npm registry as the `node` package) with the
# newest majors of the peers: msw, vitest, @pact-foundation/pact. Runs on the committed tree.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent node@24)
export PATH="$work/node_modules/.bin:$PATH"
echo "== Node $(node --version)"

mkdir "$work/repo"
git -C "$root" archive HEAD | tar -x -C "$work/repo"
cd "$work/repo"
npm ci --no-audit --no-fund
npm install --no-audit --no-fund -D msw@latest vitest@latest @pact-foundation/pact@latest @types/node@24
node -e 'for (const p of ["msw", "vitest", "@pact-foundation/pact"]) console.log(`== ${p} ${require(`./node_modules/${p}/package.json`).version}`)'
# The exhaustive per-trait factory sweep already ran on the machine's Node; CI unset skips it here.
env -u CI npm test
bash .ci/packed.sh latest
