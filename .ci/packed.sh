#!/usr/bin/env bash
# The packed package, tried as a new user would: npm pack, install the tarball into fresh projects
# with nothing else from the repository, and run the README's three uses and the CLI there.
# Usage: .ci/packed.sh [latest]  — `latest` installs the newest majors of the peers.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
peers="vitest@^4 msw@^2 @pact-foundation/pact@^16"
[ "${1:-}" = latest ] && peers="vitest@latest msw@latest @pact-foundation/pact@latest"

# WIXHOOK_TARBALL: a tarball .ci/run packed from the dist/ it just built (the same one attw checks);
# otherwise pack here (prepack builds dist/).
if [ -n "${WIXHOOK_TARBALL:-}" ]; then
  cp "$WIXHOOK_TARBALL" "$work/"
  tarball=$(basename "$WIXHOOK_TARBALL")
else
  tarball=$(cd "$root" && npm pack --silent --pack-destination "$work" | tail -n 1)
fi
echo "== packed $tarball with node $(node --version); peers: $peers"

# The three uses, in a project that has the tarball and the peers.
project="$work/user-project"
mkdir "$project"
cp -r "$root/.ci/packed-project/." "$project/"
cd "$project"
printf '{ "name": "user-project", "private": true, "type": "module" }\n' > package.json
npm install --no-audit --no-fund --silent "$work/$tarball" $peers
npx vitest run --reporter=default
node require-check.cjs
node --input-type=module -e '
  // What importing . loads (README, Import time): node:crypto and node:http(s) wait for first use.
  const loaded = () => process.moduleLoadList.filter((entry) => /^NativeModule (crypto|http|https)$/.test(entry));
  const kit = await import("wix-webhook-testkit");
  if (loaded().length > 0) throw new Error(`importing the package loaded ${loaded().join(", ")}`);
  await kit.signWebhook("participation-created", kit.buildPayload("participation-created", { seed: 1 }));
  if (!loaded().includes("NativeModule crypto")) throw new Error("signing loaded no node:crypto: process.moduleLoadList no longer tells");
  console.log("importing the package loads neither node:crypto nor node:http(s): ok");
'

echo "== the CLI via npx: the README's commands, as written"
npx wixhook --version
# Every line of the README's CLI block except the two that need a running app (send, serve), from
# the user project. pacts/ stands for the pacts the user's contract tests write.
mkdir -p pacts && cp node_modules/wix-webhook-testkit/contracts/*.json pacts/
awk '/^### The CLI/ { section = 1 } section && /^```sh/ { block = 1; next } block && /^```/ { exit } block' "$root/README.md" \
  | grep '^npx wixhook' | grep -v -e '^npx wixhook send' -e '^npx wixhook serve' -e '<command>' > readme-cli.sh
[ "$(wc -l < readme-cli.sh)" -ge 8 ] || { echo "the README's CLI block was not found"; exit 1; }
while IFS= read -r line; do
  echo "\$ ${line%%#*}"
  bash -c "set -euo pipefail; $line" > /dev/null
done < readme-cli.sh
[ -s .wix-test-keys/public-key.pem ] && [ -s wix-test-public-key.pem ]
echo "the README's CLI commands: ok"

echo "== the README's broker flow: pact-broker from @pact-foundation/pact-cli, wixhook pact verify against a broker double"
pact_cli=$(node -p "require('$root/package.json').devDependencies['@pact-foundation/pact-cli']")
npm install --no-audit --no-fund --silent "@pact-foundation/pact-cli@$pact_cli"
npx pact-broker --help > pact-broker-help.txt && grep -q "can-i-deploy" pact-broker-help.txt && echo "pact-broker --help: ok (@pact-foundation/pact-cli $pact_cli)"
mkfifo broker-url
node "$root/test/pact/broker-double.mjs" node_modules/wix-webhook-testkit/contracts/*.json > broker-url &
broker_pid=$!
read -r PACT_BROKER_BASE_URL < broker-url
export PACT_BROKER_BASE_URL PACT_BROKER_TOKEN=packed-test-token
WIX_VERSION=wix-webhook-testkit-0.1.0
# The README's line, as written; then what the broker double saw.
npx wixhook pact verify --broker-url "$PACT_BROKER_BASE_URL" --publish --provider-version "$WIX_VERSION" --provider-branch main > /dev/null
node -e '
  fetch(process.env.PACT_BROKER_BASE_URL + "/_double").then((r) => r.json()).then((double) => {
    const published = double.published.map((p) => `${p.provider}:${p.body.success}:${p.body.providerApplicationVersion}`).sort();
    const expected = ["wix-calendar-events-v3", "wix-calendar-participations-v3", "wix-events-guests-v1"].map((p) => `${p}:true:wix-webhook-testkit-0.1.0`);
    const bearer = double.requests.every((r) => r.authorization === "Bearer packed-test-token");
    if (JSON.stringify(published) !== JSON.stringify(expected) || !bearer) { console.error(JSON.stringify(double, null, 2)); process.exit(1); }
    console.log("broker flow: 3 providers verified, results published: ok");
  });
'
kill "$broker_pid"
unset PACT_BROKER_BASE_URL PACT_BROKER_TOKEN

echo "== the inspector, served from the package's own files by wixhook serve and mock.inspect"
node --input-type=module -e '
  import { spawn } from "node:child_process";
  import { createWixMock } from "wix-webhook-testkit/msw";
  const check = async (page) => {
    const response = await fetch(page);
    const html = await response.text();
    if (response.status !== 200 || !response.headers.get("content-security-policy")?.includes("default-src")) throw new Error(`${page}: ${response.status}`);
    // The page links its style sheet, icon and entry module; the modules import the rest.
    const files = new Set([...html.matchAll(/(?:href|src)="(\/_wixhook\/inspector\/[^"]+)"/g)].map((match) => match[1]));
    for (const file of files) {
      const asset = await fetch(new URL(file, page));
      if (asset.status !== 200) throw new Error(`${file} is missing from the package`);
      const text = await asset.text();
      if (file.endsWith(".js")) for (const [, imported] of text.matchAll(/from .\.\/([a-z-]+\.js)/g)) files.add(`/_wixhook/inspector/${imported}`);
    }
    return files.size;
  };
  const serve = spawn("node_modules/.bin/wixhook", ["serve", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  const page = await new Promise((resolve, reject) => {
    serve.stdout.on("data", (chunk) => { out += chunk; const match = /inspector: (\S+)/.exec(out); if (match) resolve(match[1]); });
    serve.on("exit", () => reject(new Error(`serve exited: ${out}`)));
  });
  const files = await check(page);
  serve.kill("SIGTERM");
  const mock = createWixMock({ appId: "2f4a1f6b-4a0e-4e36-9a8c-3c1f0e0b5d21", webhookHandler: () => new Response("ok") });
  const inspector = await mock.inspect();
  await check(inspector.url);
  await inspector.close();
  console.log(`inspector page and its ${files} linked files served by wixhook serve and mock.inspect`);
'

echo "== the package alone: factories need only zod and faker; a missing peer names its package"
alone="$work/alone"
mkdir "$alone" && cd "$alone"
printf '{ "name": "alone", "private": true, "type": "module" }\n' > package.json
npm install --no-audit --no-fund --silent "$work/$tarball"
node -e "import('wix-webhook-testkit').then((m) => { if (!m.buildPayload('participation-created', { seed: 1 }).id) process.exit(1); console.log('factories run without msw or pact'); })"
if node -e "import('wix-webhook-testkit/msw')" 2> msw-error.txt; then echo "importing ./msw without msw should fail"; exit 1; fi
grep -q "'msw'" msw-error.txt && echo "without msw: $(grep -o "Cannot find package 'msw'[^,]*" msw-error.txt | head -n 1)"
node -e "import('wix-webhook-testkit/pact').then((m) => m.verifyWixPacts({ pactUrls: ['x'] })).then(() => process.exit(1), (e) => { if (!String(e.message).includes('@pact-foundation/pact')) { console.error(e); process.exit(1); } console.log('without pact: ' + e.message.split('\n')[0]); })"
