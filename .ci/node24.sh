#!/usr/bin/env bash
# The test suite on Node 24 (installed from the npm registry as the `node` package) with the
# newest majors of the peers: msw, vitest, @pact-foundation/pact. Runs on the committed tree.
# Usage: .ci/node24.sh                 prepares and tests in a temp folder, removed after;
#        .ci/node24.sh prepare DIR     only the installs (network and disk: .ci/run starts it
#                                      in the background while the Node 20 suite runs);
#        .ci/node24.sh test DIR        the suite and the packed package on a prepared DIR.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
phase=${1:-all}
work=${2:-}
if [ -z "$work" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi

prepare() {
  (cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent node@24)
  mkdir "$work/repo"
  git -C "$root" archive HEAD | tar -x -C "$work/repo"
  cd "$work/repo"
  PATH="$work/node_modules/.bin:$PATH" npm ci --no-audit --no-fund
  PATH="$work/node_modules/.bin:$PATH" npm install --no-audit --no-fund -D msw@latest vitest@latest @pact-foundation/pact@latest @types/node@24
}

run_tests() {
  export PATH="$work/node_modules/.bin:$PATH"
  echo "== Node $(node --version)"
  cd "$work/repo"
  node -e 'for (const p of ["msw", "vitest", "@pact-foundation/pact"]) console.log(`== ${p} ${require(`./node_modules/${p}/package.json`).version}`)'
  # The packed package's checks are mostly npm installs: they run beside the suite.
  bash .ci/packed.sh latest > "$work/packed-latest.log" 2>&1 &
  local packed=$!
  # The seeded sweeps already ran at full size on the machine's Node, over the same seeds and
  # code; with CI unset they run a sample here (test/helpers/thoroughness.ts).
  env -u CI npm test
  local status=0
  wait "$packed" || status=$?
  cat "$work/packed-latest.log"
  return "$status"
}

case "$phase" in
  prepare) prepare ;;
  test) run_tests ;;
  all) (prepare) && run_tests ;;
  *) echo "usage: .ci/node24.sh [prepare DIR | test DIR]" >&2; exit 2 ;;
esac
