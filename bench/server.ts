import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { formatRate, median, printTable } from './harness.js';
import { ratio, reportTarget, versionOf } from './targets.js';

/**
 * `wixhook serve` beside a minimal node:http JSON server (bench/fixtures/minimal-server.mjs, the
 * floor) and Prism (`@stoplight/prism-cli` mocking an OpenAPI document of the same
 * endpoints, bench/fixtures/wix-mock.openapi.yaml), in one run, on loopback:
 * - cold start: from spawning the process until its first answered request;
 * - requests/s: `concurrency` keep-alive clients for `BENCH_SECONDS` (default 1) in all, in 4 slices
 *   alternating between the servers, which run side by side
 *   on GET /calendar/v3/events/{id} and POST /calendar/v3/participations/query.
 * Both run compiled JavaScript, spawned the same way (node + a script): Prism from its package,
 * ours from `dist/` (built first with scripts/build.mjs, outside the measurement; what
 * `npx wixhook serve` runs). Cold start is the median of 3 starts.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS ?? 1);
const concurrency = 16;
const eventId = 'a96c3c31c9fc495db55b40c694fe196c7ca6da6772184e2983571dcba732b296';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export const agent = new Agent({ keepAlive: true, maxSockets: concurrency });

export function send(port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, agent, headers: { ...headers, ...(body ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export interface Peer {
  name: string;
  command: string[];
}

export async function start(peer: Peer, port: number): Promise<{ child: ChildProcess; coldStartMs: number }> {
  const started = performance.now();
  const [command, ...args] = peer.command.map((part) => part.replace('{port}', String(port)));
  const child = spawn(command!, args, { cwd: root, stdio: ['ignore', 'ignore', 'ignore'] });
  const deadline = started + 60_000;
  while (performance.now() < deadline) {
    const answered = await send(port, 'GET', '/_health', {}).then(
      () => true,
      () => false,
    );
    if (answered) return { child, coldStartMs: performance.now() - started };
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  child.kill('SIGTERM');
  throw new Error(`${peer.name} did not answer within 60 s`);
}

interface Load {
  port: number;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** `concurrency` keep-alive clients sending one request each after another, for `ms`. */
async function drive(load: Load, ms: number): Promise<{ done: number; failures: number; elapsedMs: number }> {
  let done = 0;
  let failures = 0;
  const start = performance.now();
  const end = start + ms;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const response = await send(load.port, load.method, load.path, load.headers, load.body);
        if (response.status !== 200) failures++;
        done++;
      }
    }),
  );
  return { done, failures, elapsedMs: performance.now() - start };
}

/**
 * Requests per second of each load, measured in alternating slices (`rounds` of each, `seconds`
 * in all per load) after a 250 ms warm-up of each: a burst of load on this shared machine falls
 * on every server alike instead of on whichever was being measured.
 */
async function interleavedRates(loads: Load[], rounds = 4): Promise<Array<{ rate: number; failures: number }>> {
  for (const load of loads) await drive(load, 250);
  const totals = loads.map(() => ({ done: 0, failures: 0, elapsedMs: 0 }));
  for (let round = 0; round < rounds; round++) {
    for (const [index, load] of loads.entries()) {
      const slice = await drive(load, (seconds * 1000) / rounds);
      totals[index]!.done += slice.done;
      totals[index]!.failures += slice.failures;
      totals[index]!.elapsedMs += slice.elapsedMs;
    }
  }
  return totals.map((total) => ({ rate: total.done / (total.elapsedMs / 1000), failures: total.failures }));
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

let built: Promise<void> | undefined;

/** `npm run build` (scripts/build.mjs: the bundle users get), once per bench run however many benches need dist/. */
export function buildDist(): Promise<void> {
  return (built ??= new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 && existsSync(new URL('../dist/cli/main.js', import.meta.url)) ? resolve() : reject(new Error(`scripts/build.mjs failed (exit code ${code}) or did not write dist/cli/main.js`))));
  }));
}

export async function benchServer(): Promise<void> {
  await buildDist();
  const peers: Peer[] = [
    { name: 'wixhook serve', command: [process.execPath, 'dist/cli/main.js', 'serve', '--quiet', '--port', '{port}'] },
    { name: 'node:http minimal', command: [process.execPath, 'bench/fixtures/minimal-server.mjs', '{port}'] },
    { name: 'prism mock', command: [process.execPath, 'node_modules/@stoplight/prism-cli/dist/index.js', 'mock', '-p', '{port}', '-h', '127.0.0.1', 'bench/fixtures/wix-mock.openapi.yaml'] },
  ];
  // Cold starts first, one server at a time (median of 3); then all three run side by side, idle
  // but for the one being measured, for the interleaved rates.
  const coldStartMs: number[] = [];
  for (const peer of peers) {
    const starts: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = await start(peer, await freePort());
      starts.push(started.coldStartMs);
      await stop(started.child);
    }
    coldStartMs.push(median(starts));
  }
  const running: Array<{ port: number; child: ChildProcess }> = [];
  try {
    for (const peer of peers) {
      const port = await freePort();
      running.push({ port, child: (await start(peer, port)).child });
    }
    const loadsOf = async (port: number, name: string): Promise<{ get: Load; query?: Load }> => {
      if (name === 'node:http minimal') return { get: { port, method: 'GET', path: `/calendar/v3/events/${eventId}`, headers: {} } };
      const token = await send(port, 'POST', '/oauth2/token', {}, JSON.stringify({ grant_type: 'client_credentials', client_id: 'a3c4b1de-7f7e-4a8e-9a7c-5d1d3c2b1a00', client_secret: 's', instance_id: '6d1c6b9b-8a3e-4f6b-9c51-0d6c1f1e2a7b' }));
      const auth = { authorization: (JSON.parse(token.text) as { access_token: string }).access_token };
      // Our store has its own ids: read one event id to GET.
      const query = await send(port, 'POST', '/calendar/v3/events/query', auth, '{}');
      const id = (JSON.parse(query.text) as { events?: Array<{ id: string }> }).events?.[0]?.id ?? eventId;
      return { get: { port, method: 'GET', path: `/calendar/v3/events/${id.length >= 36 ? id : eventId}`, headers: auth }, query: { port, method: 'POST', path: '/calendar/v3/participations/query', headers: auth, body: '{"query":{}}' } };
    };
    const loads = await Promise.all(running.map(({ port }, index) => loadsOf(port, peers[index]!.name)));
    const gets = await interleavedRates(loads.map((load) => load.get));
    const queried = loads.flatMap((load, index) => (load.query ? [{ index, load: load.query }] : []));
    const queries = await interleavedRates(queried.map((entry) => entry.load));
    const results = peers.map((peer, index) => {
      const query = queried.findIndex((entry) => entry.index === index);
      return { name: peer.name, coldStartMs: coldStartMs[index]!, get: gets[index]!.rate, query: query < 0 ? Number.NaN : queries[query]!.rate, failures: gets[index]!.failures + (query < 0 ? 0 : queries[query]!.failures) };
    });
    const [ours, minimal, prism] = results as [(typeof results)[0], (typeof results)[0], (typeof results)[0]];
    printTable(
      `Standalone mock server vs Prism, loopback, ${concurrency} keep-alive clients, ${seconds}s per measurement in 4 alternating slices`,
      ['server', 'cold start', 'GET event', 'POST participations/query', 'non-200'],
      results.map((result) => [result.name, `${result.coldStartMs.toFixed(0)} ms`, formatRate(result.get), Number.isNaN(result.query) ? '-' : formatRate(result.query), String(result.failures)]),
    );
    console.log(
      `wixhook serve vs prism ${versionOf('@stoplight/prism-cli')}: cold start ${(prism.coldStartMs / ours.coldStartMs).toFixed(2)}x faster, GET ${(ours.get / prism.get).toFixed(2)}x, query ${(ours.query / prism.query).toFixed(2)}x; vs minimal node:http GET ${(ours.get / minimal.get).toFixed(2)}x`,
    );
    reportTarget('serve GET vs minimal node:http', ratio(ours.get / minimal.get), '>= 0.40x', ours.get / minimal.get >= 0.4);
    reportTarget(`serve GET event vs Prism ${versionOf('@stoplight/prism-cli')}`, ratio(ours.get / prism.get), '> 1x', ours.get > prism.get);
    reportTarget(`serve POST participations/query vs Prism`, ratio(ours.query / prism.query), '> 1x', ours.query > prism.query);
    reportTarget('serve non-200 answers', String(ours.failures), '0', ours.failures === 0);
  } finally {
    await Promise.all(running.map(({ child }) => stop(child)));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchServer();
  agent.destroy();
}
